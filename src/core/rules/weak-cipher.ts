// Broken or obsolete ciphers and ECB mode: DES, 3DES, RC4, RC2, Blowfish, CAST5, IDEA, *-ecb,
// through Node's crypto, node-forge and crypto-js.
import type * as TS from 'typescript';
import { weakCipherReason } from '../crypto/algorithms';
import { callRange } from '../crypto/edits';
import { cryptoFacts, type CryptoFacts } from '../crypto/facts';
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
    for (const { node, callee } of facts.calls) {
      const finding = NODE_CALLS.has(callee) || FORGE_CALLS.has(callee)
        ? algorithmArgument(facts, node)
        : cryptoJsFinding(facts, node, callee) ?? forgeLegacyFinding(callee);
      if (!finding) continue;
      const decrypt = /Decipher|decrypt|Decryption/.test(callee);
      ctx.report({
        ...callRange(node, ctx.text),
        message: `${finding}. ${decrypt ? 'Decrypt legacy data only to re-encrypt it; ' : ''}${ADVICE}`,
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

function cryptoJsFinding(facts: CryptoFacts, node: TS.CallExpression | TS.NewExpression, callee: string): string | undefined {
  const parts = callee.split('.');
  if (parts[0] !== 'crypto-js' || parts.length !== 3 || (parts[2] !== 'encrypt' && parts[2] !== 'decrypt')) return undefined;
  const weak = CRYPTO_JS_WEAK[parts[1].toLowerCase()];
  if (weak) return `CryptoJS.${parts[1]}: ${weakCipherReason(weak === 'RC4' ? 'rc4' : weak === '3DES' ? '3des' : 'des')}`;
  // CryptoJS.AES.encrypt(msg, key, { mode: CryptoJS.mode.ECB })
  const options = objectLiteralOf(facts, node.arguments?.[2]);
  const mode = propertyOf(options, 'mode');
  if (mode && facts.ts.isPropertyAssignment(mode)) {
    const name = facts.bindings.resolve(mode.initializer);
    if (name && name.endsWith('.mode.ECB')) return `CryptoJS ECB mode: ${weakCipherReason('ecb')}`;
  }
  return undefined;
}

/** node-forge's algorithm-specific legacy APIs: forge.des.createEncryptionCipher(...), forge.rc2.*. */
function forgeLegacyFinding(callee: string): string | undefined {
  if (callee.startsWith('node-forge.des.')) return `node-forge DES/3DES: ${weakCipherReason('des')}`;
  if (callee.startsWith('node-forge.rc2.')) return `node-forge RC2: ${weakCipherReason('rc2')}`;
  return undefined;
}
