// Provider-specific secrets, in every text file: tokens recognisable by their own format (AWS,
// GitHub, GitLab, Slack, Stripe, OpenAI, Anthropic, Google, Azure, SendGrid, Mailgun, Twilio, npm,
// PyPI, Discord, Telegram, Shopify, DigitalOcean, Heroku, Vault, …), PEM private keys, JWTs,
// credentials in URLs and connection strings, and Authorization header literals.
import { providerSecrets } from '../secrets/providers';
import { envFix, secretMessage } from '../secrets/report';
import type { Rule } from '../types';

export const hardcodedSecretProvider: Rule = {
  meta: {
    id: 'hardcoded-secret-provider',
    category: 'secret',
    cwe: [798],
    owasp: 'A07:2021 Identification and Authentication Failures',
    severity: 'error',
    name: 'Hardcoded credential with a known provider format',
    description:
      'Finds credentials whose format identifies them: cloud and SaaS API keys and tokens (AWS, GitHub, GitLab, Slack, Stripe, ' +
      'OpenAI, Anthropic, Google, Azure, SendGrid, Mailgun, Twilio, npm, PyPI, Discord, Telegram, Shopify, DigitalOcean, Heroku, ' +
      'HashiCorp Vault and more), PEM private keys, JSON Web Tokens, passwords inside URLs and connection strings, and ' +
      'Authorization: Bearer/Basic header literals, in code and in every configuration file. A secret committed to a ' +
      'repository is readable by everyone with access to it, forever: load it from the environment or a secret manager and rotate it.',
    scope: 'text',
  },
  check(ctx) {
    for (const match of providerSecrets(ctx)) {
      const value = ctx.text.slice(match.start, match.end);
      const fix = envFix(ctx, match.start, match.end, match.envName, true);
      ctx.report({ start: match.start, end: match.end, message: secretMessage(match.label, value), ...(fix ? { fix } : {}) });
    }
  },
};
