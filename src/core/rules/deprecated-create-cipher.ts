// crypto.createCipher()/createDecipher() and crypto-js with a passphrase: the key comes from one
// unsalted MD5 round of a password (OpenSSL's EVP_BytesToKey) and the IV from the same
// derivation, so every message under one password shares key and IV.
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import { callRange } from '../crypto/edits';
import { callsTo, callsWithPrefix, cryptoFacts, type CryptoFacts } from '../crypto/facts';
import { envName, stringValue } from '../crypto/values';
import type { Rule } from '../types';

const NODE_CALLS = new Set(['crypto.createCipher', 'crypto.createDecipher']);
const CRYPTO_JS_CIPHERS = new Set(['aes', 'tripledes', 'des', 'rabbit', 'rc4', 'rc4drop']);

export const deprecatedCreateCipher: Rule = {
  meta: {
    id: 'deprecated-create-cipher',
    category: 'weak-crypto',
    cwe: [327, 477, 329],
    owasp: 'A02:2021 Cryptographic Failures',
    severity: 'error',
    name: 'Password-based createCipher/createDecipher (no IV, MD5 key derivation)',
    description:
      'crypto.createCipher() and crypto.createDecipher() derive the key and IV from a password with a single unsalted MD5 round, so the same ' +
      'password always yields the same key and IV: equal plaintexts encrypt identically, CTR/GCM modes reuse their keystream, and the ' +
      'password can be brute-forced quickly. Both were deprecated in Node.js 10 and removed in Node.js 22. crypto-js\'s ' +
      'CryptoJS.AES.encrypt(message, "passphrase") uses the same derivation. Use crypto.createCipheriv() with a 32-byte key (from a ' +
      'KMS, or from scrypt/Argon2 with a random salt) and a random IV per message.',
    scope: 'code',
  },
  check(ctx) {
    const facts = cryptoFacts(ctx);
    if (!facts) return;
    for (const { node, callee } of [...callsTo(facts, NODE_CALLS), ...callsWithPrefix(facts, 'crypto-js.')]) {
      if (NODE_CALLS.has(callee)) {
        const decrypt = callee.endsWith('Decipher');
        ctx.report({
          ...callRange(node, ctx.text),
          message:
            `crypto.${decrypt ? 'createDecipher' : 'createCipher'}() derives its key and IV from the password with one unsalted MD5 round, ` +
            `so every message shares them; it was removed in Node.js 22. Use crypto.${decrypt ? 'createDecipheriv' : 'createCipheriv'}('aes-256-gcm', key, iv) ` +
            'with a 32-byte key (crypto.scryptSync(password, randomSalt, 32) or a KMS key) and a random 12-byte IV from crypto.randomBytes(12) stored with the ciphertext.',
        });
      } else if (isCryptoJsPassphraseCall(facts, node, callee)) {
        ctx.report({
          ...callRange(node, ctx.text),
          message:
            'crypto-js treats a string key as a passphrase and derives key and IV with one MD5 round (EVP_BytesToKey), like the removed ' +
            "crypto.createCipher(). Pass a real key and IV (CryptoJS.enc.Hex.parse(...)), or better use Node's crypto.createCipheriv('aes-256-gcm', key, crypto.randomBytes(12)).",
        });
      }
    }
  },
};

/** CryptoJS.AES.encrypt(message, 'passphrase') and friends, with a key that is a string. */
function isCryptoJsPassphraseCall(facts: CryptoFacts, node: TS.CallExpression | TS.NewExpression, callee: string): boolean {
  const parts = callee.split('.');
  if (parts[0] !== 'crypto-js' || parts.length !== 3) return false;
  if (!CRYPTO_JS_CIPHERS.has(parts[1].toLowerCase()) || (parts[2] !== 'encrypt' && parts[2] !== 'decrypt')) return false;
  const key = node.arguments?.[1];
  if (!key) return false;
  const ts = facts.ts;
  const k = skipWrappers(key);
  if (ts.isStringLiteralLike(k) || ts.isTemplateExpression(k)) return true;
  if (envName(facts, k)) return true;
  if (ts.isBinaryExpression(k) && envName(facts, k.left)) return true;
  return stringValue(facts, k) !== undefined;
}
