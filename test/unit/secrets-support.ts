// Helpers for the secret rule tests. Fake credentials are built at run time from a seeded
// generator with each provider's real prefix, length and alphabet, so this repository never
// holds a real-looking key that a push-protection scanner would flag.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { analyze } from '../../src/core/engine';
import { maskSecret } from '../../src/core/mask';
import { RULES } from '../../src/core/registry';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Finding } from '../../src/core/types';

export const SECRET_RULES = RULES.filter((r) => r.meta.category === 'secret');

/** mulberry32: small, fast, seedable; good enough to make strings look random. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = seeded(20240611);

export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const DIGITS = '0123456789';
export const ALNUM = LOWER + UPPER + DIGITS;
export const HEX = '0123456789abcdef';
export const BASE64 = ALNUM + '+/';
export const URLSAFE = ALNUM + '-_';
export const UPPER_ALNUM = UPPER + DIGITS;

/** `n` characters from `alphabet`, re-drawn until the string mixes classes like real tokens do. */
export function pick(alphabet: string, n: number): string {
  for (;;) {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(random() * alphabet.length)];
    const classes = [/[a-z]/, /[A-Z]/, /\d/].filter((r) => r.test(s)).length;
    const wanted = [LOWER, UPPER, DIGITS].filter((set) => [...set].some((c) => alphabet.includes(c))).length;
    if (n < 8 || classes >= Math.min(wanted, 2)) return s;
  }
}

function b64url(value: string): string {
  return Buffer.from(value).toString('base64url');
}

/** Fake credentials in each provider's real format. */
export const fake = {
  awsKeyId: (): string => 'AKIA' + pick(UPPER_ALNUM, 16),
  awsSessionKeyId: (): string => 'ASIA' + pick(UPPER_ALNUM, 16),
  awsSecret: (): string => pick(BASE64, 40),
  githubClassic: (prefix = 'ghp_'): string => prefix + pick(ALNUM, 36),
  githubFineGrained: (): string => 'github_pat_' + pick(ALNUM, 22) + '_' + pick(ALNUM, 59),
  gitlab: (): string => 'glpat-' + pick(URLSAFE, 20),
  slackBot: (): string => `xoxb-${pick(DIGITS, 12)}-${pick(DIGITS, 13)}-${pick(ALNUM, 24)}`,
  slackUser: (): string => `xoxp-${pick(DIGITS, 12)}-${pick(DIGITS, 12)}-${pick(DIGITS, 13)}-${pick(HEX, 32)}`,
  slackWebhook: (): string => `https://hooks.slack.com/services/T${pick(UPPER_ALNUM, 8)}/B${pick(UPPER_ALNUM, 10)}/${pick(ALNUM, 24)}`,
  stripeLive: (): string => 'sk_live_' + pick(ALNUM, 99),
  stripeRestricted: (): string => 'rk_live_' + pick(ALNUM, 99),
  stripeLegacy: (): string => 'sk_live_' + pick(ALNUM, 24),
  stripeTest: (): string => 'sk_test_' + pick(ALNUM, 99),
  stripePublishable: (): string => 'pk_live_' + pick(ALNUM, 99),
  stripeWebhook: (): string => 'whsec_' + pick(ALNUM, 32),
  openAiLegacy: (): string => 'sk-' + pick(ALNUM, 20) + 'T3BlbkFJ' + pick(ALNUM, 20),
  openAiProject: (): string => 'sk-proj-' + pick(URLSAFE, 74) + 'T3BlbkFJ' + pick(URLSAFE, 74),
  anthropic: (): string => 'sk-ant-api03-' + pick(URLSAFE, 93) + 'AA',
  googleApiKey: (): string => 'AIza' + pick(URLSAFE, 35),
  googleClientSecret: (): string => 'GOCSPX-' + pick(URLSAFE, 28),
  azureStorageKey: (): string => pick(BASE64, 86) + '==',
  azureClientSecret: (): string => pick(ALNUM, 3) + pick(DIGITS, 1) + 'Q~' + pick(ALNUM + '_~.-', 34),
  sendgrid: (): string => 'SG.' + pick(URLSAFE, 22) + '.' + pick(URLSAFE, 43),
  mailgun: (): string => `${pick(HEX, 32)}-${pick(HEX, 8)}-${pick(HEX, 8)}`,
  mailgunLegacy: (): string => 'key-' + pick(HEX, 32),
  twilioAccountSid: (): string => 'AC' + pick(HEX, 32),
  twilioApiKeySid: (): string => 'SK' + pick(HEX, 32),
  twilioToken: (): string => pick(HEX, 32),
  twilioApiSecret: (): string => pick(ALNUM, 32),
  npm: (): string => 'npm_' + pick(ALNUM, 36),
  pypi: (): string => 'pypi-AgEIcHlwaS5vcmc' + pick(URLSAFE, 140),
  discordBot: (): string => `${b64url(pick(DIGITS.slice(1), 1) + pick(DIGITS, 17))}.${pick(URLSAFE, 6)}.${pick(URLSAFE, 27)}`,
  discordWebhook: (): string => `https://discord.com/api/webhooks/${pick(DIGITS, 18)}/${pick(URLSAFE, 68)}`,
  telegram: (): string => `${pick(DIGITS, 10)}:AA${pick(URLSAFE, 33)}`,
  shopify: (): string => 'shpat_' + pick(HEX, 32),
  digitalOcean: (): string => 'dop_v1_' + pick(HEX, 64),
  herokuNew: (): string => 'HRKU-AA' + pick(URLSAFE, 58),
  uuid: (): string => `${pick(HEX, 8)}-${pick(HEX, 4)}-4${pick(HEX, 3)}-a${pick(HEX, 3)}-${pick(HEX, 12)}`,
  vault: (): string => 'hvs.' + pick(URLSAFE, 90),
  sonar: (): string => 'squ_' + pick(HEX, 40),
  huggingFace: (): string => 'hf_' + pick(LOWER + UPPER, 34),
  doppler: (): string => 'dp.pt.' + pick(ALNUM, 43),
  postman: (): string => `PMAK-${pick(HEX, 24)}-${pick(HEX, 34)}`,
  datadogKey: (): string => pick(HEX, 32),
  jwt: (claims: Record<string, unknown> = { sub: pick(HEX, 12), iat: 1726784923 }): string =>
    `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify(claims))}.${pick(URLSAFE, 43)}`,
  openRouter: (): string => 'sk-or-v1-' + pick(HEX, 64),
  skHex: (): string => 'sk-' + pick(HEX, 32),
  pinecone: (): string => 'pcsk_' + pick(ALNUM, 5) + '_' + pick(ALNUM + '_', 64),
  langSmith: (): string => 'lsv2_pt_' + pick(HEX, 32) + '_' + pick(HEX, 10),
  brevo: (): string => 'xkeysib-' + pick(HEX, 64) + '-' + pick(ALNUM, 16),
  hubspot: (): string => 'pat-eu1-' + fake.uuid(),
  planetScale: (): string => 'pscale_tkn_' + pick(ALNUM, 43),
  prefect: (): string => 'pnu_' + pick(ALNUM, 36),
  adafruit: (): string => 'aio_' + pick(ALNUM, 28),
  typeform: (): string => 'tfp_' + pick(URLSAFE, 44),
  readme: (): string => 'rdme_' + pick(LOWER + DIGITS, 70),
  render: (): string => 'rnd_' + pick(ALNUM, 32),
  resend: (): string => 're_' + pick(ALNUM, 8) + '_' + pick(ALNUM, 24),
  jfrog: (): string => 'AKCp' + pick(ALNUM, 69),
  jfrogReference: (): string => 'cmVmdGtuOjAxOj' + pick(ALNUM, 50),
  alibaba: (): string => 'LTAI' + pick(ALNUM, 20),
  tencent: (): string => 'AKID' + pick(ALNUM, 32),
  meta: (): string => 'EAAG' + pick(ALNUM, 160),
  googleRefresh: (): string => '1//0' + pick(URLSAFE, 96),
  amazonMws: (): string => 'amzn.mws.' + fake.uuid(),
  plaid: (): string => 'access-production-' + fake.uuid(),
  dropbox: (): string => 'sl.' + pick(URLSAFE, 138),
  launchDarkly: (): string => 'sdk-' + fake.uuid(),
  clickUp: (): string => 'pk_' + pick(DIGITS, 8) + '_' + pick(UPPER_ALNUM, 32),
  intercom: (): string => 'dG9rOm' + pick(URLSAFE, 54),
  nuget: (): string => 'oy2' + pick(LOWER + DIGITS, 43),
  circleCi: (): string => 'CCIPAT_' + pick(ALNUM, 22) + '_' + pick(HEX, 40),
  teamsWebhook: (): string =>
    `https://acme.webhook.office.com/webhookb2/${fake.uuid()}@${fake.uuid()}/IncomingWebhook/${pick(HEX, 32)}/${fake.uuid()}/V2${pick(URLSAFE, 44)}`,
  password: (n = 20): string => pick(ALNUM + '!*+-_', n),
  token: (n = 40): string => pick(ALNUM, n),
  hex: (n: number): string => pick(HEX, n),
};

let ecKey: string | undefined;
/** A real PKCS#8 private key, generated once per run (never stored in the repository). */
export function pemPrivateKey(): string {
  ecKey ??= generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return ecKey.trimEnd();
}

export function secretFindings(text: string, file: string, ruleId?: string): Finding[] {
  const result = analyze(text, file, DEFAULT_SETTINGS, SECRET_RULES);
  assert.equal(result.errors, undefined, `rules threw: ${result.errors?.join('; ')}`);
  return result.findings.filter((f) => f.category === 'secret' && (!ruleId || f.ruleId === ruleId));
}

/** The flagged values (text of each finding's range). */
export function flagged(text: string, file: string, ruleId?: string): string[] {
  return secretFindings(text, file, ruleId).map((f) => text.slice(f.start, f.end));
}

/** Masked for assertion messages: test output never shows a whole secret, fake or not. */
export function masked(values: string[]): string {
  return `[${values.map(maskSecret).join(', ')}]`;
}

/** Asserts the flagged values are exactly `values` (in order), printing only masked values. */
export function assertSameValues(got: string[], values: string[], where: string): void {
  const same = got.length === values.length && got.every((v, i) => v === values[i]);
  assert.ok(same, `${where}: expected ${masked(values)}, found ${masked(got)}`);
}

/** Asserts exactly `values` are flagged, by exact range, and no message shows a whole secret. */
export function assertFlags(text: string, file: string, values: string[], ruleId?: string): Finding[] {
  const found = secretFindings(text, file, ruleId);
  const got = found.map((f) => text.slice(f.start, f.end));
  assertSameValues(got, values, `${file} (${found.map((f) => f.message).join(' | ')})`);
  for (const f of found) {
    const value = text.slice(f.start, f.end);
    assert.ok(!f.message.includes(value), `message shows the whole secret: ${f.message}`);
  }
  return found;
}

export function assertClean(text: string, file: string): void {
  const found = secretFindings(text, file);
  assert.deepEqual(found.map((f) => `${f.ruleId}: ${f.message}`), [], `unexpected findings in ${file}`);
}
