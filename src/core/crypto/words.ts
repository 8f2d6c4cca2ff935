// What names say about a value: `resetToken`, `PARTNER_SHARED_KEY` and `makeInviteCode` name
// secrets; `previewColor`, `backoffDelay` and `etagFor` name harmless values. The weak-hash and
// insecure-random rules judge purpose from these words, so the vocabulary lives in one place.

/** 'makeInviteCode' -> ['make', 'invite', 'code']; 'PARTNER_SHARED_KEY' -> ['partner', 'shared', 'key']. */
export function splitWords(name: string): string[] {
  const words: string[] = [];
  let current = '';
  const flush = (): void => {
    if (current) words.push(current.toLowerCase());
    current = '';
  };
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    const isUpper = c >= 'A' && c <= 'Z';
    const isLower = c >= 'a' && c <= 'z';
    const isDigit = c >= '0' && c <= '9';
    if (!isUpper && !isLower && !isDigit) {
      flush();
      continue;
    }
    const prev = current.length > 0 ? current[current.length - 1] : '';
    const prevUpper = prev >= 'A' && prev <= 'Z';
    const prevLower = prev >= 'a' && prev <= 'z';
    const prevDigit = prev >= '0' && prev <= '9';
    const next = name[i + 1] ?? '';
    const nextLower = next >= 'a' && next <= 'z';
    // camelCase boundary, the end of an acronym ('APIKey' -> 'API', 'Key'), letter/digit boundary.
    if ((isUpper && prevLower) || (isUpper && prevUpper && nextLower) || (isDigit !== prevDigit && prev !== '')) flush();
    current += c;
  }
  flush();
  return words;
}

const PASSWORD = new Set(['password', 'passwd', 'pwd', 'pw', 'passphrase', 'passcode', 'pin']);
const SECRET = new Set([
  'secret', 'token', 'otp', 'totp', 'hotp', 'nonce', 'csrf', 'xsrf', 'credential', 'credentials',
  'apikey', 'verifier', 'session', 'sid', 'privkey', 'cnonce',
]);
/** 'key' alone is a cache key or a React key; with one of these it is a secret. */
const KEY_QUALIFIERS = new Set([
  'api', 'secret', 'private', 'shared', 'signing', 'sign', 'access', 'encryption', 'encrypt', 'master',
  'hmac', 'session', 'license', 'licence', 'activation', 'client', 'webhook', 'aes', 'crypto', 'cipher',
]);
/** 'code' alone is usually a one-time code; 'sourceCode' and 'statusCode' are not. */
const CODE_QUALIFIERS = new Set([
  'otp', 'auth', 'authorization', 'verification', 'verify', 'reset', 'invite', 'invitation', 'mfa', 'sms',
  'login', 'recovery', 'confirm', 'confirmation', 'activation', 'access', 'security', 'backup', 'pairing',
  'one', 'onetime', 'magic', 'secret', 'unlock', 'email', 'phone', 'signup', 'referral', 'redeem', 'gift',
  'room', 'join', 'lobby', 'promo', 'coupon', 'voucher', 'discount', 'claim', 'device', 'link',
]);
const VERBS = new Set(['create', 'generate', 'gen', 'make', 'new', 'random', 'build', 'get', 'issue']);
/** Capability values: whoever knows a share link or an invite id gets in. */
const CAPABILITY_SUBJECTS = new Set(['share', 'invite', 'invitation', 'magic', 'reset', 'recovery', 'activation', 'verification', 'verify', 'confirm', 'confirmation', 'unsubscribe', 'impersonation']);
const CAPABILITY_OBJECTS = new Set(['id', 'slug', 'link', 'url', 'code', 'key', 'hash', 'token', 'secret']);

/** Randomness that must be unpredictable besides secrets: salts, IVs, PKCE challenges. */
const RANDOM_ONLY = new Set(['salt', 'iv', 'challenge', 'captcha']);

/** Words of harmless, non-security uses of hashes and random numbers. */
const BENIGN = new Set([
  'etag', 'etags', 'cache', 'cached', 'caching', 'gravatar', 'avatar', 'color', 'colour', 'colors', 'colours', 'hue',
  'jitter', 'delay', 'backoff', 'retry', 'timeout', 'interval', 'animation', 'animate', 'duration', 'position',
  'offset', 'left', 'top', 'width', 'height', 'opacity', 'rotation', 'rotate', 'angle', 'shuffle', 'shuffled',
  'sample', 'sampling', 'sampled', 'probability', 'chance', 'noise', 'particle', 'particles', 'sparkle',
  'sparkles', 'confetti', 'dedupe', 'dedup', 'deduplication', 'fingerprint', 'content',
  'shard', 'partition', 'bucket', 'placeholder', 'mock', 'fake', 'dummy', 'demo', 'preview', 'skeleton',
  'emoji', 'quote', 'greeting', 'tip', 'weight', 'weights', 'latency', 'lorem', 'chart', 'fixture', 'seed',
]);

export type SecretKind = 'password' | 'secret';

/** 'password' for password-like names, 'secret' for tokens, keys, codes and the like. */
/** 'answer' alone is a quiz answer; a security question's answer is a low-entropy password. */
const ANSWER_QUALIFIERS = new Set(['security', 'secret', 'recovery', 'challenge', 'question', 'questions']);

function secretKindOfWords(words: readonly string[], forRandomness = false): SecretKind | undefined {
  if (words.some((w) => PASSWORD.has(w))) return 'password';
  if ((words.includes('answer') || words.includes('answers')) && words.some((w) => ANSWER_QUALIFIERS.has(w))) return 'password';
  if (words.some((w) => SECRET.has(w))) return 'secret';
  if (forRandomness && words.some((w) => RANDOM_ONLY.has(w))) return 'secret';
  if (words.includes('key') && words.some((w) => KEY_QUALIFIERS.has(w))) return 'secret';
  if (words.includes('code') && (words.length === 1 || words.some((w) => CODE_QUALIFIERS.has(w)))) return 'secret';
  if (words.includes('state') && (words.includes('oauth') || words.includes('csrf') || words.length === 1 || (words.length === 2 && VERBS.has(words[0])))) {
    return 'secret';
  }
  if (words.some((w) => CAPABILITY_SUBJECTS.has(w)) && words.some((w) => CAPABILITY_OBJECTS.has(w))) return 'secret';
  return undefined;
}

export function secretKindOf(name: string | undefined, forRandomness = false): SecretKind | undefined {
  return name ? secretKindOfWords(splitWords(name), forRandomness) : undefined;
}

export function isBenignName(name: string | undefined): boolean {
  return name ? splitWords(name).some((w) => BENIGN.has(w)) : false;
}

/** Names of signing: `signPartnerRequest`, `requestSignature`. */
export function isSigningName(name: string | undefined): boolean {
  if (!name) return false;
  const words = splitWords(name);
  return words.some((w) => w === 'sign' || w === 'signature' || w === 'signed' || w === 'signer' || w === 'sig' || w === 'mac' || w === 'hmac');
}

/** Names of change detection: comparing a digest with these is not a verification. */
const CHANGE_DETECTION = new Set(['cache', 'cached', 'etag', 'previous', 'prev', 'last', 'old', 'current', 'existing', 'unchanged', 'changed']);

export function isChangeDetectionName(name: string | undefined): boolean {
  return name ? splitWords(name).some((w) => CHANGE_DETECTION.has(w)) : false;
}
