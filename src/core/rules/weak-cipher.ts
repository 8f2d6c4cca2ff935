// Broken or obsolete ciphers and ECB mode: DES, 3DES, RC4, RC2, Blowfish, CAST5, IDEA, *-ecb,
// through Node's crypto, node-forge, crypto-js and aes-js. crypto-js's `mode: CryptoJS.mode.ECB` is
// reported on the option.
import type * as TS from 'typescript';
import { weakCipherReason } from '../crypto/algorithms';
import { argumentRange, callRange, optionRange } from '../crypto/edits';
import { callsTo, callsWithPrefix, cryptoFacts, type CryptoFacts } from '../crypto/facts';
import { objectLiteralOf, stringValue } from '../crypto/values';
import { propertyOf } from '../ast/constants';
import type { Rule } from '../types';

const NODE_CALLS = new Set(['crypto.createCipheriv', 'crypto.createDecipheriv', 'crypto.createCipher', 'crypto.createDecipher']);
const FORGE_CALLS = new Set(['node-forge.cipher.createCipher', 'node-forge.cipher.createDecipher']);
const CRYPTO_JS_WEAK: Record<string, string> = {
  des: 'DES', tripledes: '3DES', rc4: 'RC4', rc4drop: 'RC4',
};

const ADVICE = "Use 'aes-256-gcm' (or 'chacha20-poly1305') with a random 12-byte IV: crypto.createCipheriv('aes-256-gcm', key, crypto.randomBytes(12)).";

export const weakCipher: Rule = {
  meta: {
    id: 'weak-cipher',
    category: 'weak-crypto',
    cwe: [327],
    owasp: 'A02:2021 Cryptographic Failures',
    severity: 'error',
    name: 'Broken or obsolete cipher (DES, 3DES, RC4, Blowfish, ECB mode)',
    description:
      'DES keys can be brute-forced; 3DES, Blowfish, CAST5 and IDEA have 64-bit blocks that collide after a few gigabytes (Sweet32); RC4 ' +
      'has a biased keystream; ECB mode encrypts equal blocks to equal ciphertext, so patterns in the data stay visible. None of them ' +
      'authenticates the data. Use AES-256-GCM or ChaCha20-Poly1305 with a random IV per message. Decrypting legacy data is sometimes ' +
      'unavoidable: migrate it, and suppress the finding with a reason until then.',
    scope: 'code',
  },
  check(ctx) {
    const facts = cryptoFacts(ctx);
    if (!facts) return;
    const candidates = [
      ...callsTo(facts, [...NODE_CALLS, ...FORGE_CALLS]),
      ...callsWithPrefix(facts, 'crypto-js.'),
      ...callsWithPrefix(facts, 'node-forge.des.'),
      ...callsWithPrefix(facts, 'node-forge.rc2.'),
      ...callsTo(facts, ['aes-js.ModeOfOperation.ecb']),
    ];
    for (const { node, callee } of candidates) {
      const option = cryptoJsEcbOption(facts, node, callee);
      const finding = NODE_CALLS.has(callee) || FORGE_CALLS.has(callee)
        ? algorithmArgument(facts, node)
        : option
          ? `CryptoJS ECB mode: ${weakCipherReason('ecb')}`
          : cryptoJsFinding(callee) ?? forgeLegacyFinding(callee) ?? aesJsFinding(callee);
      if (!finding) continue;
      const decrypt = /Decipher|decrypt|Decryption/.test(callee);
      ctx.report({
        // `mode: CryptoJS.mode.ECB` is the weakness: report the option (with the call when they share the object).
        ...(option ? optionRange(option, ctx.text) : NODE_CALLS.has(callee) || FORGE_CALLS.has(callee) ? argumentRange(node, node.arguments?.[0], ctx.text) : callRange(node, ctx.text)),
        message: `${finding}. ${decrypt ? 'Decrypt legacy data only to re-encrypt it. ' : ''}${ADVICE}`,
      });
    }
  },
};

function algorithmArgument(facts: CryptoFacts, node: TS.CallExpression | TS.NewExpression): string | undefined {
  const algorithm = stringValue(facts, node.arguments?.[0]);
  if (!algorithm) return undefined;
  const reason = weakCipherReason(String(algorithm.value));
  return reason ? `'${String(algorithm.value)}': ${reason}` : undefined;
}

function isCryptoJsCipherCall(callee: string): string[] | undefined {
  const parts = callee.split('.');
  return parts[0] === 'crypto-js' && parts.length === 3 && (parts[2] === 'encrypt' || parts[2] === 'decrypt') ? parts : undefined;
}

function cryptoJsFinding(callee: string): string | undefined {
  const parts = isCryptoJsCipherCall(callee);
  const weak = parts ? CRYPTO_JS_WEAK[parts[1].toLowerCase()] : undefined;
  return weak && parts ? `CryptoJS.${parts[1]}: ${weakCipherReason(weak === 'RC4' ? 'rc4' : weak === '3DES' ? '3des' : 'des')}` : undefined;
}

/** The `mode: CryptoJS.mode.ECB` option of CryptoJS.AES.encrypt(msg, key, options), if present. */
function cryptoJsEcbOption(facts: CryptoFacts, node: TS.CallExpression | TS.NewExpression, callee: string): TS.PropertyAssignment | undefined {
  if (!isCryptoJsCipherCall(callee)) return undefined;
  const mode = propertyOf(objectLiteralOf(facts, node.arguments?.[2]), 'mode');
  if (!mode || !facts.ts.isPropertyAssignment(mode)) return undefined;
  const name = facts.bindings.resolve(mode.initializer);
  return name && (name.endsWith('.mode.ECB') || name === 'crypto-js.mode-ecb') ? mode : undefined;
}

/** aes-js: `new aesjs.ModeOfOperation.ecb(key)`. */
function aesJsFinding(callee: string): string | undefined {
  return callee === 'aes-js.ModeOfOperation.ecb' ? `aes-js ECB mode: ${weakCipherReason('ecb')}` : undefined;
}

/** node-forge's algorithm-specific legacy APIs: forge.des.createEncryptionCipher(...), forge.rc2.*. */
function forgeLegacyFinding(callee: string): string | undefined {
  if (callee.startsWith('node-forge.des.')) return `node-forge DES/3DES: ${weakCipherReason('des')}`;
  if (callee.startsWith('node-forge.rc2.')) return `node-forge RC2: ${weakCipherReason('rc2')}`;
  return undefined;
}
