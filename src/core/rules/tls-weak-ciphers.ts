// An OpenSSL cipher list that enables broken suites: `ciphers: 'DES-CBC3-SHA:AES128-SHA'`.
// Exclusions such as '!RC4' are fine. Reported on the option's line.
import { weakCipherSuites } from '../crypto/algorithms';
import { firstLineRange, removeProperty, replaceStringLiteral } from '../crypto/edits';
import { cryptoFacts } from '../crypto/facts';
import { stringValue } from '../crypto/values';
import type { Fix, Rule } from '../types';

export const tlsWeakCiphers: Rule = {
  meta: {
    id: 'tls-weak-ciphers',
    category: 'weak-crypto',
    cwe: [327, 757],
    owasp: 'A02:2021 Cryptographic Failures',
    severity: 'warning',
    name: 'TLS cipher list enables broken suites (3DES, RC4, NULL, EXPORT, MD5)',
    description:
      "A `ciphers` option that lists 3DES, DES, RC4, RC2, IDEA, NULL, anonymous, EXPORT or MD5 suites lets a peer or an attacker " +
      'negotiate a connection that can be decrypted or forged (Sweet32, RC4 biases, FREAK/Logjam). Node.js\'s default cipher list is ' +
      'already safe: remove the option, or list only AEAD suites (TLS 1.3 suites and ECDHE with AES-GCM or ChaCha20-Poly1305).',
    scope: 'code',
  },
  check(ctx) {
    const facts = cryptoFacts(ctx);
    if (!facts) return;
    for (const { node, name } of facts.properties) {
      if (name !== 'ciphers') continue;
      const v = stringValue(facts, node.initializer);
      if (!v) continue;
      const list = String(v.value);
      const weak = weakCipherSuites(list);
      if (weak.length === 0) continue;
      let fix: Fix | undefined;
      if (v.literal && v.literal === node.initializer && facts.ts.isStringLiteralLike(v.literal)) {
        const kept = list.split(':').filter((s) => !weak.includes(s.trim()));
        fix = kept.length > 0
          ? { title: 'Remove the weak cipher suites', edits: [replaceStringLiteral(v.literal, ctx.text, kept.join(':'))] }
          : { title: "Remove 'ciphers' (use Node.js's default list)", edits: [removeProperty(node, ctx.text)] };
      }
      ctx.report({
        ...firstLineRange(node, ctx.text),
        message: `The cipher list enables broken suites (${weak.slice(0, 4).join(', ')}${weak.length > 4 ? ', ...' : ''}): 3DES/RC4/NULL/EXPORT/MD5 connections can be decrypted or forged. Remove them, or drop the option and keep Node.js's safe default list.`,
        fix,
      });
    }
  },
};
