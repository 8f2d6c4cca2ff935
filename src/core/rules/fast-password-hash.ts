// A fast digest (SHA-256, SHA-512, SHA-3, ...) used as a password hash or to turn a password into
// a key: `createHash('sha256').update(salt + password)`, `subtle.digest('SHA-256', pin)`,
// `CryptoJS.SHA256(securityAnswer)`. The algorithm is sound, but one round of it is far too cheap
// for low-entropy human secrets. MD5/SHA-1 of passwords are weak-hash's findings, not this rule's.
import { digestUses } from '../crypto/digests';
import { callRange } from '../crypto/edits';
import { cryptoFacts } from '../crypto/facts';
import { passwordDigestPurpose } from '../crypto/purpose';
import { isTestSource } from '../crypto/test-code';
import type { Rule } from '../types';

export const fastPasswordHash: Rule = {
  meta: {
    id: 'fast-password-hash',
    category: 'weak-crypto',
    cwe: [916, 759, 328],
    owasp: 'A02:2021 Cryptographic Failures',
    severity: 'error',
    name: 'Fast hash (SHA-256/SHA-512) used for passwords, PINs or security answers',
    description:
      'SHA-256, SHA-512 and SHA-3 are good digests but fast ones: a GPU computes billions per second, so a leaked table of SHA-256 ' +
      'password hashes (salted or not) falls to a dictionary attack within hours, and a 6-digit PIN or a security answer within ' +
      'seconds. The same holds for a key derived from a passphrase with one hash round. Store passwords with a slow, salted password ' +
      'hash (Argon2id, scrypt, bcrypt with cost >= 12, or PBKDF2-SHA256 with 600,000 iterations) and derive keys with scrypt or ' +
      'Argon2. Digests of random tokens, content and certificates are fine and are not reported.',
    scope: 'code',
  },
  check(ctx) {
    const facts = cryptoFacts(ctx);
    if (!facts || isTestSource(ctx.fileName)) return;
    for (const use of digestUses(facts)) {
      if (use.weak) continue;
      const purpose = passwordDigestPurpose(facts, use.data, use.result, use.call);
      if (!purpose) continue;
      ctx.report({
        ...callRange(use.call, ctx.text),
        message:
          `One round of ${use.algorithm} is far too fast for a password, PIN or security answer (${purpose.because}): a leaked digest can be ` +
          'guessed at billions of candidates per second, salted or not. Use a slow password hash (argon2.hash(value, { type: argon2.argon2id }), ' +
          'crypto.scrypt, or bcrypt with cost >= 12); to derive an encryption key from a passphrase use crypto.scryptSync(passphrase, randomSalt, 32).',
      });
    }
  },
};
