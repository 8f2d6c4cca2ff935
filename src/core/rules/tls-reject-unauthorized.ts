// Certificate verification switched off in code: `rejectUnauthorized: false` (https/tls agents,
// axios httpsAgent, undici connect, pg ssl, nodemailer tls), `strictSSL: false` (request),
// MongoDB's `tlsAllowInvalidCertificates`/`tlsInsecure: true` and `sslValidate: false` (also in
// connection strings), `process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'` and the variable set for
// child processes, Electron's accept-everything certificate handlers and superagent's
// .disableTLSCerts(). Reported on the offending property, assignment or call.
import type * as TS from 'typescript';
import { firstLineRange, removeProperty } from '../crypto/edits';
import { certificateBypasses } from '../crypto/cert-bypass';
import { cryptoFacts, type CryptoFacts } from '../crypto/facts';
import { uriTlsOptions } from '../crypto/uri-options';
import { isTestSource } from '../crypto/test-code';
import { resolveValue } from '../crypto/values';
import type { Fix, Rule } from '../types';

const ADVICE =
  "Anyone on the network path can then impersonate the server. For a private or self-signed CA, trust it explicitly (ca: fs.readFileSync('ca.pem'), or NODE_EXTRA_CA_CERTS=ca.pem).";

export const tlsRejectUnauthorized: Rule = {
  meta: {
    id: 'tls-reject-unauthorized',
    category: 'weak-crypto',
    cwe: [295],
    owasp: 'A02:2021 Cryptographic Failures',
    severity: 'error',
    name: 'TLS certificate verification disabled (rejectUnauthorized: false)',
    description:
      'rejectUnauthorized: false (and strictSSL: false, NODE_TLS_REJECT_UNAUTHORIZED=0) makes Node.js accept any certificate, ' +
      'including one an attacker made a second ago: the connection is encrypted, but to whoever answers. For a server that asks for ' +
      'client certificates, it accepts any client certificate. Trust a private CA explicitly with the `ca` option or ' +
      'NODE_EXTRA_CA_CERTS instead of turning verification off.',
    scope: 'code',
  },
  check(ctx) {
    const facts = cryptoFacts(ctx);
    if (!facts || isTestSource(ctx.fileName)) return;
    const ts = facts.ts;
    for (const { node, name } of facts.properties) {
      if ((name === 'rejectUnauthorized' || name === 'strictSSL') && isFalse(facts, node.initializer)) {
        const fix: Fix = { title: `Remove '${name}: false' (verify certificates)`, edits: [removeProperty(node, ctx.text)] };
        ctx.report({ ...firstLineRange(node, ctx.text), message: `${name}: false turns off TLS certificate verification. ${ADVICE}`, fix });
      } else if (MONGO_INSECURE[name] !== undefined && resolvedIs(facts, node.initializer, MONGO_INSECURE[name])) {
        ctx.report({
          ...firstLineRange(node, ctx.text),
          message: `${name}: ${String(MONGO_INSECURE[name])} turns off certificate verification for the MongoDB connection, so anyone on the network path can impersonate the server. For a private CA, pass it with tlsCAFile: '/path/to/ca.pem'.`,
          fix: { title: `Remove '${name}' (verify certificates)`, edits: [removeProperty(node, ctx.text)] },
        });
      } else if (name === 'NODE_TLS_REJECT_UNAUTHORIZED' && isZero(facts, node.initializer)) {
        ctx.report({
          ...firstLineRange(node, ctx.text),
          message: `NODE_TLS_REJECT_UNAUTHORIZED=0 in a child process's environment turns off certificate verification for every TLS connection it makes. ${ADVICE}`,
        });
      }
    }
    for (const { node, target } of facts.assignments) {
      if (target === 'process.env.NODE_TLS_REJECT_UNAUTHORIZED' && isZero(facts, node.right)) {
        ctx.report({
          ...firstLineRange(node, ctx.text),
          message: `Setting NODE_TLS_REJECT_UNAUTHORIZED to '0' turns off certificate verification for every TLS connection of the process. ${ADVICE}`,
        });
      } else if ((target.endsWith('.rejectUnauthorized') || target === 'rejectUnauthorized') && isFalse(facts, node.right)) {
        ctx.report({ ...firstLineRange(node, ctx.text), message: `rejectUnauthorized = false turns off TLS certificate verification. ${ADVICE}` });
      }
    }
    // Connection strings: 'mongodb://db/app?tls=true&tlsAllowInvalidCertificates=true'.
    for (const literal of facts.uriStrings) {
      const options = uriTlsOptions((literal as TS.StringLiteralLike).text).filter((o) => o.disables !== 'hostnames');
      if (options.length === 0) continue;
      ctx.report({
        ...firstLineRange(literal, ctx.text),
        message: `The connection string sets ${options[0].name}, which turns off certificate verification for that connection. ${ADVICE}`,
      });
    }
    for (const bypass of certificateBypasses(facts)) {
      ctx.report({
        ...firstLineRange(bypass.node, ctx.text),
        message: `${bypass.message} Remove it; for a private CA, install it in the system trust store (or NODE_EXTRA_CA_CERTS), or accept one known certificate by comparing its fingerprint.`,
      });
    }
    // Commands in strings: exec('NODE_TLS_REJECT_UNAUTHORIZED=0 npm publish').
    for (const literal of facts.tlsEnvStrings) {
      if (isEnvObjectKey(ts, literal)) continue;
      if (!setsZero(literal.text)) continue;
      ctx.report({
        ...firstLineRange(literal, ctx.text),
        message: `This command sets NODE_TLS_REJECT_UNAUTHORIZED=0, turning off certificate verification for the process it starts. ${ADVICE}`,
      });
    }
  },
};

/** MongoDB driver options and the value that turns verification off. */
const MONGO_INSECURE: Record<string, boolean> = { tlsAllowInvalidCertificates: true, tlsInsecure: true, sslValidate: false };

function resolvedIs(facts: CryptoFacts, e: TS.Expression, expected: boolean): boolean {
  const v = resolveValue(facts, e);
  return v !== undefined && v.envFallback === undefined && v.value === expected;
}

function isFalse(facts: CryptoFacts, e: TS.Expression): boolean {
  const v = resolveValue(facts, e);
  return v !== undefined && v.envFallback === undefined && (v.value === false || v.value === 0);
}

function isZero(facts: CryptoFacts, e: TS.Expression): boolean {
  const v = resolveValue(facts, e);
  return v !== undefined && v.envFallback === undefined && (v.value === '0' || v.value === 0);
}

function isEnvObjectKey(ts: typeof TS, literal: TS.Node): boolean {
  const p = literal.parent;
  return (ts.isPropertyAssignment(p) && p.name === literal) || ts.isElementAccessExpression(p);
}

/** `NODE_TLS_REJECT_UNAUTHORIZED=0` inside a command string (no regex: a plain scan). */
export function setsZero(text: string): boolean {
  const name = 'NODE_TLS_REJECT_UNAUTHORIZED';
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
    let i = at + name.length;
    let skipped = 0;
    while (i < text.length && skipped < 8 && ' \t"\':='.includes(text[i])) {
      i++;
      skipped++;
    }
    if (skipped > 0 && text[i] === '0' && !/[0-9.]/.test(text[i + 1] ?? '')) return true;
  }
  return false;
}
