// ssh2's `algorithms` option enabling broken SSH algorithms: key exchange over 1024-bit or SHA-1
// group exchange, 3DES/Blowfish/RC4 ciphers, MD5 and truncated MACs, DSA host keys. Reported on
// the list (`kex: [...]`) that enables them.
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import { propertyNameText } from '../ast/constants';
import { firstLineRange } from '../crypto/edits';
import { cryptoFacts, type CryptoFacts } from '../crypto/facts';
import { stringValue } from '../crypto/values';
import type { Rule } from '../types';

/** Weak algorithm names per ssh2 list, with why. */
const WEAK: Record<string, Record<string, string>> = {
  kex: {
    'diffie-hellman-group1-sha1': 'a 1024-bit group with SHA-1 (Logjam-style precomputation)',
    'diffie-hellman-group-exchange-sha1': 'SHA-1 group exchange (RFC 9142: SHOULD NOT)',
  },
  cipher: {
    '3des-cbc': '3DES (64-bit blocks, Sweet32)', 'blowfish-cbc': 'Blowfish (64-bit blocks)', 'cast128-cbc': 'CAST-128 (64-bit blocks)',
    arcfour: 'RC4', arcfour128: 'RC4', arcfour256: 'RC4', 'des-cbc': 'DES', none: 'no encryption',
  },
  hmac: {
    'hmac-md5': 'HMAC-MD5', 'hmac-md5-96': 'truncated HMAC-MD5', 'hmac-sha1-96': 'truncated HMAC-SHA1', 'hmac-md5-etm@openssh.com': 'HMAC-MD5',
    'hmac-md5-96-etm@openssh.com': 'truncated HMAC-MD5', none: 'no integrity protection',
  },
  serverHostKey: { 'ssh-dss': 'DSA host keys (1024-bit, deprecated by OpenSSH)' },
};
const LIST_NAMES: Record<string, string> = { kex: 'key exchange', cipher: 'cipher', hmac: 'MAC', serverHostKey: 'host key' };

export const sshWeakAlgorithms: Rule = {
  meta: {
    id: 'ssh-weak-algorithms',
    category: 'weak-crypto',
    cwe: [327, 757],
    owasp: 'A02:2021 Cryptographic Failures',
    severity: 'warning',
    name: 'SSH connection enables broken algorithms (group1 key exchange, 3DES/RC4, HMAC-MD5, ssh-dss)',
    description:
      "ssh2's `algorithms` option decides what a connection may negotiate. Listing diffie-hellman-group1-sha1 or SHA-1 group exchange, " +
      '3DES/Blowfish/RC4 ciphers, HMAC-MD5 or truncated MACs, or ssh-dss host keys lets a network attacker steer the connection to ' +
      "them (downgrade), and they can be broken. ssh2's defaults are safe: remove the weak entries, and upgrade the peer that needs them.",
    scope: 'code',
  },
  check(ctx) {
    const facts = cryptoFacts(ctx);
    if (!facts) return;
    const ts = facts.ts;
    for (const { node, name } of facts.properties) {
      if (name !== 'algorithms') continue;
      const value = skipWrappers(node.initializer);
      if (!ts.isObjectLiteralExpression(value)) continue;
      for (const list of value.properties) {
        if (!ts.isPropertyAssignment(list)) continue;
        const listName = propertyNameText(list.name);
        const weakTable = listName ? WEAK[listName] : undefined;
        if (!listName || !weakTable) continue;
        const weak = enabledNames(facts, list.initializer).filter((n) => weakTable[n] !== undefined);
        if (weak.length === 0) continue;
        ctx.report({
          ...firstLineRange(list, ctx.text),
          message:
            `This SSH ${LIST_NAMES[listName]} list enables ${weak.map((n) => `'${n}' (${weakTable[n]})`).join(', ')}: an attacker on the path can force ` +
            "the connection down to it. Remove it (ssh2's defaults are safe), and upgrade the server that needs it.",
        });
      }
    }
  },
};

/** The names a list enables: an array, or ssh2's `{ append: [...], prepend: [...] }` (not `remove`). */
function enabledNames(facts: CryptoFacts, e: TS.Expression): string[] {
  const ts = facts.ts;
  const x = skipWrappers(e);
  const names: string[] = [];
  const fromArray = (arr: TS.Expression): void => {
    const a = skipWrappers(arr);
    const items = ts.isArrayLiteralExpression(a) ? a.elements : [a];
    for (const el of items) {
      const v = stringValue(facts, el as TS.Expression);
      if (v) names.push(String(v.value).trim().toLowerCase());
    }
  };
  if (ts.isObjectLiteralExpression(x)) {
    for (const p of x.properties) {
      const key = ts.isPropertyAssignment(p) ? propertyNameText(p.name) : undefined;
      if (ts.isPropertyAssignment(p) && (key === 'append' || key === 'prepend')) fromArray(p.initializer);
    }
  } else fromArray(x);
  return names;
}
