// Secret-shaped values for the benchmark tree, made up from a seeded PRNG at run time. The
// prefixes are assembled from pieces so that this committed file holds no secret-shaped literal
// (scanners, ours included, must not flag the benchmark's own source).
import { ALNUM, HEX, UPPER_B32 } from './random.mjs';

const join = (...parts) => parts.join('');
const B64 = ALNUM + '+/';

/** name -> (rng) => value; the name is used as the environment variable or config key. */
export const FAKE_SECRETS = {
  AWS_ACCESS_KEY_ID: (r) => join('AK', 'IA', r.chars(UPPER_B32, 16)),
  AWS_SECRET_ACCESS_KEY: (r) => r.chars(B64, 40),
  GITHUB_TOKEN: (r) => join('gh', 'p_', r.chars(ALNUM, 36)),
  SLACK_BOT_TOKEN: (r) => join('xo', 'xb-', r.chars('0123456789', 12), '-', r.chars('0123456789', 12), '-', r.chars(ALNUM, 24)),
  STRIPE_SECRET_KEY: (r) => join('sk', '_live_', r.chars(ALNUM, 24)),
  SENDGRID_API_KEY: (r) => join('S', 'G.', r.chars(ALNUM, 22), '.', r.chars(ALNUM, 43)),
  OPENAI_API_KEY: (r) => join('sk', '-proj-', r.chars(ALNUM, 48)),
  NPM_TOKEN: (r) => join('np', 'm_', r.chars(ALNUM, 36)),
  JWT_SECRET: (r) => r.chars(ALNUM + '!#%&*', 40),
  SESSION_SECRET: (r) => r.chars(HEX, 64),
  DB_PASSWORD: (r) => r.chars(ALNUM + '!#%', 18),
};

/** Values a real project keeps in .env.example and docs: not secrets, must not be flagged. */
export const PLACEHOLDERS = ['changeme', 'your-api-key', '<TOKEN>', '${SECRET}', 'xxxxxxxx', 'replace-me', ''];
