// RSA encryption with PKCS#1 v1.5 or no padding: crypto.publicEncrypt/privateDecrypt with
// `padding: crypto.constants.RSA_PKCS1_PADDING` (or RSA_NO_PADDING), node-rsa's
// `encryptionScheme: 'pkcs1'`, node-forge's `encrypt(data, 'RSAES-PKCS1-V1_5')`. Signatures are
// not concerned: PKCS#1 v1.5 signing is fine.
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import { propertyOf } from '../ast/constants';
import { callRange, optionRange } from '../crypto/edits';
import { callsTo, cryptoFacts, type CryptoFacts } from '../crypto/facts';
import { objectLiteralOf, resolveValue, stringValue } from '../crypto/values';
import type { Rule } from '../types';

const NODE_CALLS = ['crypto.publicEncrypt', 'crypto.privateDecrypt'];
/** OpenSSL's padding constants, by name and by value. */
const WEAK_PADDING: Record<string, string> = { RSA_PKCS1_PADDING: 'PKCS#1 v1.5 padding', RSA_NO_PADDING: 'no padding' };
const WEAK_PADDING_VALUES: Record<number, string> = { 1: 'PKCS#1 v1.5 padding', 3: 'no padding' };

export const rsaWeakPadding: Rule = {
  meta: {
    id: 'rsa-weak-padding',
    category: 'weak-crypto',
    cwe: [780, 327],
    owasp: 'A02:2021 Cryptographic Failures',
    severity: 'warning',
    name: 'RSA encryption with PKCS#1 v1.5 padding or no padding',
    description:
      'RSA encryption with PKCS#1 v1.5 padding is open to padding-oracle attacks (Bleichenbacher 1998, ROBOT, Marvin 2023): an ' +
      'attacker who can submit ciphertexts and observe errors or timing decrypts messages. Node.js 20+ refuses RSA_PKCS1_PADDING in ' +
      'privateDecrypt for this reason. Unpadded RSA is deterministic and malleable. Use OAEP (crypto.constants.RSA_PKCS1_OAEP_PADDING ' +
      "with oaepHash: 'sha256', Node.js's default), or better, hybrid encryption (ECDH + AES-GCM).",
    scope: 'code',
  },
  check(ctx) {
    const facts = cryptoFacts(ctx);
    if (!facts) return;
    const ts = facts.ts;
    for (const { node } of callsTo(facts, NODE_CALLS)) {
      const padding = propertyOf(objectLiteralOf(facts, node.arguments?.[0]), 'padding');
      if (!padding || !ts.isPropertyAssignment(padding)) continue;
      const why = weakPadding(facts, padding.initializer);
      if (why) ctx.report({ ...optionRange(padding, ctx.text), message: message(why) });
    }
    // node-rsa: new NodeRSA(key, { encryptionScheme: 'pkcs1' }) / key.setOptions({ encryptionScheme: 'pkcs1' }).
    for (const { node, callee } of facts.calls) {
      const isNodeRsa = callee === 'node-rsa' && ts.isNewExpression(node);
      const isSetOptions = ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'setOptions';
      if (isNodeRsa || isSetOptions) {
        for (const arg of node.arguments ?? []) {
          const scheme = propertyOf(objectLiteralOf(facts, arg), 'encryptionScheme');
          if (scheme && ts.isPropertyAssignment(scheme) && String(stringValue(facts, scheme.initializer)?.value ?? '').toLowerCase() === 'pkcs1') {
            ctx.report({ ...optionRange(scheme, ctx.text), message: message('PKCS#1 v1.5 padding') });
          }
        }
      }
      // node-forge: publicKey.encrypt(bytes, 'RSAES-PKCS1-V1_5').
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'encrypt' && node.arguments.length >= 2) {
        const scheme = stringValue(facts, node.arguments[1]);
        if (scheme && String(scheme.value).toUpperCase() === 'RSAES-PKCS1-V1_5') ctx.report({ ...callRange(node, ctx.text), message: message('PKCS#1 v1.5 padding') });
      }
    }
  },
};

function weakPadding(facts: CryptoFacts, e: TS.Expression): string | undefined {
  const name = facts.bindings.resolve(skipWrappers(e)) ?? '';
  const last = name.slice(name.lastIndexOf('.') + 1);
  if (WEAK_PADDING[last] && (name.includes('constants') || name === last)) return WEAK_PADDING[last];
  const v = resolveValue(facts, e);
  return v && typeof v.value === 'number' ? WEAK_PADDING_VALUES[v.value] : undefined;
}

function message(why: string): string {
  return (
    `RSA encryption with ${why} is open to padding-oracle attacks (Bleichenbacher/Marvin) or is malleable. Use OAEP: ` +
    "padding: crypto.constants.RSA_PKCS1_OAEP_PADDING with oaepHash: 'sha256' (the default), or hybrid encryption with AES-GCM."
  );
}
