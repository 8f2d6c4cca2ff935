// The generic detector's decision: is this (name, value) pair a hardcoded secret?
import type { Assignment } from './assignments';
import { looksLikePassword, looksRandom } from './entropy';
import { isDismissedJwt } from './structured';
import { nameWords, providerOf, secretName, type SecretName } from './names';
import {
  isCiphertext, isDocumentedExample, isEncodedPhrase, isHashOrIntegrity, isKnownNonSecretFormat, isPathLike, isPlaceholder, isReference, isUrl, isUuid,
} from './placeholders';

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
  return undefined;
}

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
  // Heroku's legacy API keys are UUIDs; any other UUID is an identifier.
  if (isUuid(v)) return secret.provider === 'Heroku';
  if (looksRandom(v, 12)) return true;
  return secret.passwordLike && !inTest && looksLikePassword(v);
}

/** In tests, a name that says 'test' or 'stub' declares a fixture (`TEST_JWT_SECRET`). */
const FIXTURE_NAME_WORDS = new Set(['test', 'tests', 'testing', 'stub', 'stubbed', 'fixture']);

export function judgeAssignment(a: Assignment, inTest: boolean): SecretAssignment | undefined {
  const named = secretNameOf(a);
  if (!named) return undefined;
  if (inTest && named.secret.words.some((w) => FIXTURE_NAME_WORDS.has(w))) return undefined;
  // Values under `encryptedData:` (Bitnami SealedSecrets) and the like are ciphertext.
  if (a.context.some((c) => /encrypted/i.test(c))) return undefined;
  const secret = named.secret.provider ? named.secret : { ...named.secret, provider: providerFromContext(a) };
  return isHardcodedSecretValue(a.value, secret, inTest) ? { assignment: a, name: named.name, secret } : undefined;
}
