// Which names hold secrets? `JWT_SECRET`, `apiKey`, `db.password`, `X-Api-Key`, `client_secret`
// do; `PASSWORD_MIN_LENGTH`, `API_KEY_HEADER`, `passwordReset`, `SECRET_STORE`, `cacheKey` do not.
// The test is on the *head* of the compound name (its last meaningful word): a name is about
// a secret when its head is a secret word, optionally followed by neutral words like `_PROD`.

export interface SecretName {
  /** What kind of secret the name announces: 'password', 'API key', 'token', ... */
  kind: string;
  /** Password-like names also accept human-chosen passwords, not only random strings. */
  passwordLike: boolean;
  /** The provider the name mentions ('Datadog', 'AWS'), for the message. */
  provider?: string;
  /** The name's words, lower-case. */
  words: string[];
}

const PASSWORD_HEADS = new Set([
  'password', 'passwords', 'passwd', 'pass', 'pwd', 'pw', 'passphrase', 'passcode', 'pswd', 'requirepass', 'masterauth',
  'storepass', 'keypass', 'passwort', 'kennwort', 'senha', 'contrasena', 'motdepasse',
]);
const SECRET_HEADS = new Set(['secret', 'secrets', 'pepper']);
const TOKEN_HEADS = new Set(['token', 'tokens', 'pat', 'jwt', 'bearer']);
const CREDENTIAL_HEADS = new Set(['auth', 'authorization', 'credential', 'credentials', 'creds', 'cred']);
const KEY_HEADS = new Set(['key', 'keys']);

/** Compound words written as one ('apikey', 'dbpassword', 'authtoken') and their kind. */
const COMPOUND_SUFFIXES: Array<[string, string, boolean]> = [
  ['password', 'password', true], ['passwd', 'password', true], ['passphrase', 'passphrase', true],
  ['apikey', 'API key', false], ['privatekey', 'private key', false], ['secretkey', 'secret key', false],
  ['accesskey', 'access key', false], ['authkey', 'auth key', false], ['masterkey', 'master key', false],
  ['encryptionkey', 'encryption key', false], ['licensekey', 'license key', false],
  ['storepass', 'password', true], ['keypass', 'password', true],
  ['secret', 'secret', false], ['token', 'token', false],
];

/** Words that may follow the head without changing what the name holds (`JWT_SECRET_PROD`). */
const NEUTRAL_SUFFIXES = new Set([
  'value', 'val', 'str', 'string', 'raw', 'b64', 'base64', 'hex', 'plain', 'plaintext', 'bytes', 'buf', 'buffer',
  'prod', 'production', 'live', 'staging', 'stage', 'stg', 'dev', 'development', 'local', 'old', 'new', 'legacy',
  'current', 'curr', 'previous', 'prev', 'primary', 'secondary', 'backup', 'default', 'fallback', 'override',
  'literal', 'encoded', 'pem', 'der', 'v1', 'v2', 'v3', 'eu', 'us', 'base',
]);

/** Qualifiers that make a `*_KEY` name a secret key (`API_KEY`, `SIGNING_KEY`, `STRIPE_KEY`). */
const SECRET_KEY_QUALIFIERS = new Set([
  'api', 'secret', 'private', 'priv', 'signing', 'sign', 'encryption', 'encrypt', 'decryption', 'crypto', 'cipher',
  'aes', 'hmac', 'jwt', 'master', 'access', 'admin', 'app', 'auth', 'license', 'licence', 'account', 'shared',
  'session', 'cookie', 'webhook', 'write', 'ingest', 'deploy', 'ssh', 'gpg', 'pgp', 'root', 'sas', 'subscription',
  'service', 'server', 'rest', 'management', 'mgmt', 'integration', 'partner', 'storage', 'sdk', 'routing', 'recovery',
  'otp', 'totp', 'mfa', 'kek', 'dek', 'wrapping', 'consumer', 'enrollment', 'registration', 'bootstrap', 'join',
  'activation', 'upload', 'push', 'publish', 'internal', 'backend', 'purge', 'mac', 'merchant', 'gateway', 'payment',
  'bot', 'oauth', 'application', 'product', 'serial', 'enc', 'crypt', 'des',
  'aws', 'stripe', 'openai', 'anthropic', 'sendgrid', 'mailgun', 'twilio', 'datadog', 'dd', 'github', 'gitlab',
  'slack', 'heroku', 'npm', 'cloudflare', 'azure', 'vault', 'discord', 'telegram', 'shopify', 'digitalocean',
  'auth0', 'okta', 'sentry', 'paypal', 'braintree', 'adyen', 'square', 'plaid', 'mailchimp', 'mailjet', 'postmark',
  'brevo', 'sendinblue', 'resend', 'vonage', 'nexmo', 'plivo', 'telnyx', 'messagebird', 'openrouter', 'cohere',
  'mistral', 'groq', 'replicate', 'pinecone', 'huggingface', 'hf', 'deepseek', 'gemini', 'elevenlabs', 'deepgram',
  'linear', 'notion', 'airtable', 'hubspot', 'zendesk', 'intercom', 'segment', 'cloudinary', 'bunny', 'fastly',
  'netlify', 'vercel', 'codecov', 'snyk', 'circleci', 'launchdarkly', 'statsig', 'flagsmith',
]);

/** Words that make a `*_KEY` name public or not a credential (`PUBLISHABLE_KEY`, `cacheKey`). */
const NON_SECRET_KEY_QUALIFIERS = new Set([
  'public', 'publishable', 'pub', 'site', 'search', 'anon', 'browser', 'cache', 'primary', 'foreign', 'sort',
  'partition', 'hash', 'range', 'idempotency', 'object', 'map', 'dict', 'lookup', 'unique', 'composite', 'i18n',
  'translation', 'label', 'message', 'react', 'list', 'row', 'column', 'field', 'entry', 'item', 'node', 'hot',
  'shortcut', 'keyboard', 'press', 'event', 'index', 'query', 'route', 'redis',
]);

/** Words that put a `user info` name in an authentication setting. */
const AUTH_WORDS = new Set(['auth', 'basic', 'credentials', 'credential', 'creds', 'login', 'sasl']);

/** Words that make any key public, wherever they stand (`PUBLIC_API_KEY`, `anonKey`). */
const PUBLIC_WORDS = new Set(['public', 'publishable', 'pub', 'anon']);

/** Words that make a `*_TOKEN` name something other than a credential (`pageToken`, `maxTokens`). */
const NON_SECRET_TOKEN_QUALIFIERS = new Set([
  'public', 'page', 'next', 'continuation', 'cursor', 'sync', 'pagination', 'cancel', 'cancellation', 'design',
  'color', 'lexer', 'parser', 'max', 'num', 'count', 'input', 'output', 'completion', 'prompt', 'bos', 'eos', 'pad',
  'unk', 'special', 'csrf', 'xsrf', 'verify', 'verification', 'device',
]);

/** Words that declare the value a deliberate fake or not plaintext (`EXAMPLE_TOKEN`, `encryptedPassword`). */
const FAKE_MARKERS = new Set(['encrypted', 'hashed', 'salted', 'placeholder', 'example', 'sample', 'dummy', 'fake', 'mock', 'fixture', 'expected', 'invalid', 'wrong', 'bad', 'masked', 'redacted']);

const PROVIDER_HINTS: Record<string, string> = {
  aws: 'AWS', datadog: 'Datadog', dd: 'Datadog', heroku: 'Heroku', twilio: 'Twilio', algolia: 'Algolia',
  sentry: 'Sentry', cloudflare: 'Cloudflare', mailgun: 'Mailgun', sendgrid: 'SendGrid', stripe: 'Stripe',
  github: 'GitHub', gitlab: 'GitLab', slack: 'Slack', npm: 'npm', openai: 'OpenAI', anthropic: 'Anthropic',
  azure: 'Azure', okta: 'Okta', auth0: 'Auth0', sonar: 'SonarQube', nexus: 'Nexus', minio: 'MinIO',
  postgres: 'PostgreSQL', postgresql: 'PostgreSQL', pg: 'PostgreSQL', mysql: 'MySQL', mongo: 'MongoDB',
  mongodb: 'MongoDB', redis: 'Redis', rabbitmq: 'RabbitMQ', smtp: 'SMTP', ftp: 'FTP', jwt: 'JWT',
  firebase: 'Firebase', google: 'Google', gcp: 'Google Cloud', digitalocean: 'DigitalOcean', vault: 'Vault',
  discord: 'Discord', telegram: 'Telegram', shopify: 'Shopify', mapbox: 'Mapbox', contentful: 'Contentful',
};

/** `JWT_REFRESH_SECRET` -> ['jwt', 'refresh', 'secret']; `apiKeyAuth` -> ['api', 'key', 'auth']. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])(?=[A-Z][a-z])/g, '$1 ')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** Classifies a name; undefined when it does not announce a secret. */
export function secretName(name: string): SecretName | undefined {
  const words = nameWords(name);
  if (words.length === 0 || words.length > 12) return undefined;
  let end = words.length;
  while (end > 1 && (NEUTRAL_SUFFIXES.has(words[end - 1]) || /^\d+$/.test(words[end - 1]))) end--;
  const head = words[end - 1];
  const before = words.slice(0, end - 1);
  if (words.some((w) => FAKE_MARKERS.has(w))) return undefined;
  const provider = providerOf(words);
  const make = (kind: string, passwordLike = false): SecretName => ({ kind, passwordLike, provider, words });

  if (PASSWORD_HEADS.has(head)) return make(head === 'passphrase' ? 'passphrase' : 'password', true);
  if (SECRET_HEADS.has(head)) {
    if (before.includes('client')) return make('client secret');
    if (before.includes('webhook')) return make('webhook secret');
    return make('secret');
  }
  if (TOKEN_HEADS.has(head)) {
    if (before.some((w) => NON_SECRET_TOKEN_QUALIFIERS.has(w))) return undefined;
    if (head === 'pat') return make('personal access token');
    if (head === 'jwt') return make('JSON Web Token');
    if (before.includes('access')) return make('access token');
    if (before.includes('refresh')) return make('refresh token');
    if (before.includes('auth')) return make('auth token');
    return make('token');
  }
  if (CREDENTIAL_HEADS.has(head)) return make('credential');
  // HashiCorp Vault AppRole `secret_id` is the role's password ('role_id' is its user name).
  if (head === 'id' && before[before.length - 1] === 'secret') return make('secret ID');
  // `basic.auth.user.info` (Kafka Schema Registry), `userinfo`: a 'user:password' pair.
  if ((head === 'userinfo' || (head === 'info' && before[before.length - 1] === 'user')) && words.some((w) => AUTH_WORDS.has(w))) {
    return make('user:password credentials');
  }
  if (KEY_HEADS.has(head)) {
    // The word right before 'key' decides what kind of key it is ('FIELD_ENCRYPTION_KEY' is an
    // encryption key, 'PRIMARY_KEY' is not a secret); 'public' anywhere makes it public.
    const modifier = before[before.length - 1];
    if (!before.some((w) => SECRET_KEY_QUALIFIERS.has(w)) || NON_SECRET_KEY_QUALIFIERS.has(modifier) || before.some((w) => PUBLIC_WORDS.has(w))) return undefined;
    if (provider === 'AWS' && before.includes('secret')) return { ...make('secret access key'), provider: 'AWS' };
    if (before.includes('api')) return make('API key');
    if (before.includes('private') || before.includes('priv')) return make('private key');
    if (before.includes('signing') || before.includes('sign') || before.includes('hmac')) return make('signing key');
    if (before.includes('encryption') || before.includes('encrypt') || before.includes('cipher') || before.includes('aes')) return make('encryption key');
    if (before.includes('access')) return make('access key');
    return make(before.includes('secret') ? 'secret key' : 'key');
  }
  for (const [suffix, kind, passwordLike] of COMPOUND_SUFFIXES) {
    if (head.endsWith(suffix)) return make(kind, passwordLike);
  }
  return undefined;
}

/** The provider a name's words mention ('DD_API_KEY' -> 'Datadog'), if any. */
export function providerOf(words: string[]): string | undefined {
  for (const w of words) if (PROVIDER_HINTS[w]) return PROVIDER_HINTS[w];
  return undefined;
}

/** `webhookSigning.secret` -> 'WEBHOOK_SIGNING_SECRET': a name for the environment variable. */
export function envVarName(...parts: string[]): string {
  const words = parts.flatMap(nameWords);
  const deduped = words.filter((w, i) => i === 0 || w !== words[i - 1]);
  return deduped.join('_').toUpperCase() || 'SECRET';
}
