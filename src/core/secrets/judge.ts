// The generic detector's decision: is this (name, value) pair a hardcoded secret?
import type { Assignment } from './assignments';
import { looksLikePassword, looksRandom } from './entropy';
import { isDismissedJwt } from './structured';
import { nameWords, providerOf, secretName, type SecretName } from './names';
import {
  isCiphertext, isDocumentedExample, isEncodedPhrase, isHashOrIntegrity, isKnownNonSecretFormat, isPathLike, isPlaceholder, isReference, isUrl, isUuid,
} from './placeholders';
import { isSecretWebhookUrl, namesWebhook } from './webhooks';

/** Values longer than this are documents or blobs (certificates, bundles), not credentials. */
const MAX_SECRET_LENGTH = 1024;

export interface SecretAssignment {
  assignment: Assignment;
  /** The name that announced the secret (the assigned name or an alias such as the env var). */
  name: string;
  secret: SecretName;
}

/** The secret-like name among an assignment's names, if any. */
function secretNameOf(a: Assignment): { name: string; secret: SecretName } | undefined {
  for (const name of [a.name, ...(a.aliases ?? [])]) {
    const secret = secretName(name);
    if (secret) return { name, secret };
  }
  return secretNameFromContainer(a);
}

/** Collections of secrets: their members are secrets whatever their own names (`secrets: { github: … }`). */
const SECRET_COLLECTIONS = new Set(['secrets', 'credentials', 'creds', 'tokens', 'passwords', 'keys']);

/** Member names that hold the non-secret half of a credential or its metadata. */
const NON_SECRET_MEMBERS = new Set([
  'id', 'ids', 'user', 'username', 'login', 'email', 'name', 'url', 'uri', 'endpoint', 'host', 'hostname', 'domain', 'region',
  'type', 'mode', 'method', 'scheme', 'issuer', 'audience', 'scope', 'scopes', 'realm', 'tenant', 'project', 'org', 'account',
  'sid', 'path', 'file', 'dir', 'enabled', 'provider', 'version', 'expires', 'expiry', 'ttl', 'created', 'updated', 'kind',
  'label', 'description', 'owner', 'format', 'algorithm', 'alg', 'header', 'prefix', 'length', 'source', 'location', 'store',
]);

/**
 * A name that is not secret-like on its own but is inside something that is: a member of a
 * collection of secrets (`[credentials] github = …`, `apiKeys: { stripe: … }`), or a bare `key`
 * whose owner qualifies it (`Jwt: { Key: … }` is a JWT key; `cache: { key: … }` is not).
 */
function secretNameFromContainer(a: Assignment): { name: string; secret: SecretName } | undefined {
  const owner = a.context[a.context.length - 1];
  if (!owner) return undefined;
  if (/^keys?$/i.test(a.name)) {
    const qualified = secretName(`${owner}_key`);
    return qualified ? { name: `${owner}.${a.name}`, secret: qualified } : undefined;
  }
  // A slot of a secret-named setting: `apiKey: { doc, format, default: '…' }` (convict),
  // `variable "db_password" { default = "…" }` (Terraform), `password: { value: '…' }`.
  if (/^(?:default|value|defaultValue|default_value)$/i.test(a.name)) {
    const owned = secretName(owner);
    return owned ? { name: owner, secret: owned } : undefined;
  }
  // Cheap test first: most owners are not collections of secrets.
  if (!COLLECTION_END.test(owner)) return undefined;
  const ownerWords = nameWords(owner);
  const words = nameWords(a.name);
  if (!SECRET_COLLECTIONS.has(ownerWords[ownerWords.length - 1] ?? '') || words.some((w) => NON_SECRET_MEMBERS.has(w))) return undefined;
  const collection = secretName(owner);
  if (!collection) return undefined;
  return { name: `${owner}.${a.name}`, secret: { ...collection, provider: providerOf(words) ?? collection.provider, words: [...ownerWords, ...words] } };
}

const COLLECTION_END = /(?:secrets|credentials|creds|tokens|passwords|keys)$/i;

/** The provider named by the assignment's surroundings (`integrations.datadog.apiKey`). */
function providerFromContext(a: Assignment): string | undefined {
  for (let i = a.context.length - 1; i >= 0; i--) {
    const hint = providerOf(nameWords(a.context[i]));
    if (hint) return hint;
  }
  return undefined;
}

/**
 * Decides whether the value is a real-looking secret. Random strings (tokens, keys, generated
 * passwords) pass for every secret-like name; human-chosen passwords ('Tr0ub4dor&3') pass only
 * for password-like names, and not in test or example files, where they are fixtures.
 */
export function isHardcodedSecretValue(value: string, secret: SecretName, inTest: boolean): boolean {
  const v = value.trim();
  if (v.length < 8 || v.length > MAX_SECRET_LENGTH) return false;
  if (isReference(v) || isPlaceholder(v) || isDocumentedExample(v) || isHashOrIntegrity(v) || isPathLike(v) || isUrl(v) || isKnownNonSecretFormat(v) || isDismissedJwt(v, inTest) || isEncodedPhrase(v) || isCiphertext(v)) {
    return false;
  }
  // A UUID under a key's, secret's or password's name is that secret (Heroku, Bunny, Snyk and
  // other services issue UUID keys). Under a plain 'token' name ('tenantToken', 'deviceToken') a
  // UUID is more often an identifier, and in tests and examples it is the usual stand-in.
  if (isUuid(v)) return secret.provider === 'Heroku' || (!inTest && secret.kind !== 'token');
  if (looksRandom(v, 12)) return true;
  return secret.passwordLike && !inTest && looksLikePassword(v);
}

/** In tests, a name that says 'test' or 'stub' declares a fixture (`TEST_JWT_SECRET`). */
const FIXTURE_NAME_WORDS = new Set(['test', 'tests', 'testing', 'stub', 'stubbed', 'fixture']);

/**
 * In tests, a name that says production declares the opposite: a real credential copied into a
 * test (`PROD_SERVICE_JWT`, `LIVE_API_KEY`). It is judged as in any other file.
 */
const PRODUCTION_NAME_WORDS = new Set(['prod', 'production', 'live']);

/** Cheap shape test before any name analysis: secrets are 8+ characters without whitespace. */
function mayBeSecret(value: string): boolean {
  const v = value.trim();
  return v.length >= 8 && v.length <= MAX_SECRET_LENGTH && !/\s/.test(v);
}

export function judgeAssignment(a: Assignment, inTest: boolean): SecretAssignment | undefined {
  if (!mayBeSecret(a.value)) return undefined;
  const named = secretNameOf(a);
  if (!named) return judgeWebhook(a);
  // `const CryptoOptsSignJwt = "cryptoOptsSignJwt"`: a value spelling its own name is a label.
  if (nameWords(a.value).join('_') === nameWords(a.name).join('_')) return undefined;
  if (inTest && named.secret.words.some((w) => FIXTURE_NAME_WORDS.has(w))) return undefined;
  // Values under `encryptedData:` (Bitnami SealedSecrets) and the like are ciphertext.
  if (a.context.some((c) => /encrypted/i.test(c))) return undefined;
  const secret = named.secret.provider ? named.secret : { ...named.secret, provider: providerFromContext(a) };
  const fixtureLeniency = inTest && !named.secret.words.some((w) => PRODUCTION_NAME_WORDS.has(w));
  return isHardcodedSecretValue(a.value, secret, fixtureLeniency) ? { assignment: a, name: named.name, secret } : undefined;
}

/** `SLACK_WEBHOOK=https://…/hooks/<key>`, `[webhooks] teams_url = …`: a URL that is its own credential. */
function judgeWebhook(a: Assignment): SecretAssignment | undefined {
  const v = a.value.trim();
  if (!isUrl(v) || v.length > MAX_SECRET_LENGTH) return undefined;
  const words = [...nameWords(a.name), ...a.context.flatMap(nameWords)];
  if (!isSecretWebhookUrl(v, namesWebhook(words))) return undefined;
  return { assignment: a, name: a.name, secret: { kind: 'webhook URL', passwordLike: false, provider: providerOf(words), words } };
}
