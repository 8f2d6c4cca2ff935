// The one list of rules. It feeds the engine, the CLI, SARIF's rule table, the docs table and
// the settings in package.json (scripts/sync-rules.mjs checks they agree).
import type { Rule, RuleDescriptor } from './types';

// secret
import { hardcodedSecretGeneric } from './rules/hardcoded-secret-generic';
import { hardcodedSecretProvider } from './rules/hardcoded-secret-provider';

// path-traversal
import { pathTraversal } from './rules/path-traversal';
import { zipSlip } from './rules/zip-slip';

// command-injection
import { commandInjection } from './rules/command-injection';
import { shellCommandInjection } from './rules/shell-command-injection';

// weak-crypto
import { bcryptLowCost } from './rules/bcrypt-low-cost';
import { deprecatedCreateCipher } from './rules/deprecated-create-cipher';
import { insecureRandom } from './rules/insecure-random';
import { jwtNoneAlgorithm } from './rules/jwt-none-algorithm';
import { jwtUnpinnedAlgorithms } from './rules/jwt-unpinned-algorithms';
import { jwtWeakSecret } from './rules/jwt-weak-secret';
import { pbkdf2Weak } from './rules/pbkdf2-weak';
import { staticIv } from './rules/static-iv';
import { tlsNoHostnameCheck } from './rules/tls-no-hostname-check';
import { tlsOldVersion } from './rules/tls-old-version';
import { tlsRejectUnauthorized } from './rules/tls-reject-unauthorized';
import { tlsRejectUnauthorizedConfig } from './rules/tls-reject-unauthorized-config';
import { tlsWeakCiphers } from './rules/tls-weak-ciphers';
import { weakCipher } from './rules/weak-cipher';
import { weakHash } from './rules/weak-hash';
import { weakKeySize } from './rules/weak-key-size';
import { argon2LowCost } from './rules/argon2-low-cost';
import { fastPasswordHash } from './rules/fast-password-hash';
import { jwtDecodeWithoutVerify } from './rules/jwt-decode-without-verify';
import { rsaWeakPadding } from './rules/rsa-weak-padding';
import { scryptLowCost } from './rules/scrypt-low-cost';
import { sshHostKeyUnverified } from './rules/ssh-host-key-unverified';
import { sshWeakAlgorithms } from './rules/ssh-weak-algorithms';
import { staticSalt } from './rules/static-salt';

// --- secret rules ---
const secretRules: Rule[] = [hardcodedSecretProvider, hardcodedSecretGeneric];

// --- path-traversal rules ---
const pathTraversalRules: Rule[] = [pathTraversal, zipSlip];

// --- command-injection rules ---
const commandInjectionRules: Rule[] = [commandInjection, shellCommandInjection];

// --- weak-crypto rules ---
const weakCryptoRules: Rule[] = [
  deprecatedCreateCipher, weakCipher, staticIv, weakHash, insecureRandom, tlsOldVersion, tlsWeakCiphers, tlsRejectUnauthorized,
  tlsRejectUnauthorizedConfig, tlsNoHostnameCheck, bcryptLowCost, pbkdf2Weak, jwtNoneAlgorithm, jwtUnpinnedAlgorithms, jwtWeakSecret,
  weakKeySize, fastPasswordHash, scryptLowCost, argon2LowCost, staticSalt, sshWeakAlgorithms, sshHostKeyUnverified, jwtDecodeWithoutVerify,
  rsaWeakPadding,
];

export const RULES: readonly Rule[] = [...secretRules, ...pathTraversalRules, ...commandInjectionRules, ...weakCryptoRules];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}

/** Where a rule's documentation lives; diagnostics and SARIF link to it. */
export const DOCS_BASE = 'https://github.com/secure-dev/secure-dev/blob/main/docs/rules/';
export const docsUrl = (ruleId: string): string => `${DOCS_BASE}${ruleId}.md`;

/** Descriptors of the findings the engine itself reports about suppression comments. */
export const SUPPRESSION_DESCRIPTORS: readonly RuleDescriptor[] = [
  {
    id: 'invalid-suppression',
    category: 'suppression',
    cwe: [],
    owasp: '',
    severity: 'warning',
    name: 'Suppression comment without a rule or a reason',
    description: 'A secure-dev-ignore comment must name the rule it silences and say why after "--". One without a reason suppresses nothing.',
  },
  {
    id: 'unused-suppression',
    category: 'suppression',
    cwe: [],
    owasp: '',
    severity: 'note',
    name: 'Suppression comment that silences nothing',
    description: 'A secure-dev-ignore comment that matched no finding on the line it covers. Remove it so that it cannot hide a future finding.',
  },
];

/** Every descriptor a report may reference: the rules and the suppression checks. */
export function allDescriptors(): RuleDescriptor[] {
  return [...RULES.map((r) => r.meta), ...SUPPRESSION_DESCRIPTORS];
}
