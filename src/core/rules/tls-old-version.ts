// TLS pinned or capped below 1.2: `secureProtocol: 'TLSv1_method'`, `minVersion: 'TLSv1'`,
// `maxVersion: 'TLSv1.1'`, tls.DEFAULT_MIN_VERSION = 'TLSv1'. Reported on the option's line.
import type * as TS from 'typescript';
import { oldSecureProtocol, oldTlsVersion } from '../crypto/algorithms';
import { firstLineRange, replaceStringLiteral } from '../crypto/edits';
import { cryptoFacts, type CryptoFacts } from '../crypto/facts';
import { stringValue } from '../crypto/values';
import type { Fix, Rule } from '../types';

export const tlsOldVersion: Rule = {
  meta: {
    id: 'tls-old-version',
    category: 'weak-crypto',
    cwe: [757, 327],
    owasp: 'A02:2021 Cryptographic Failures',
    severity: 'warning',
    name: 'TLS/SSL protocol older than TLS 1.2',
    description:
      'SSL 3.0, TLS 1.0 and TLS 1.1 are deprecated (RFC 8996): they rely on MD5/SHA-1 and CBC constructions with known attacks ' +
      '(POODLE, BEAST, Lucky 13). Pinning a connection to them with secureProtocol, allowing them with minVersion, or capping ' +
      'maxVersion below TLS 1.2 exposes the traffic. Use minVersion: \'TLSv1.2\' (Node.js\'s default) or \'TLSv1.3\', and ' +
      'upgrade or isolate legacy peers that cannot speak it.',
    scope: 'code',
  },
  check(ctx) {
    const facts = cryptoFacts(ctx);
    if (!facts) return;
    for (const { node, name } of facts.properties) {
      const finding = judge(facts, name, node.initializer, ctx.text);
      if (finding) ctx.report({ ...firstLineRange(node, ctx.text), ...finding });
    }
    for (const { node, target } of facts.assignments) {
      if (target !== 'tls.DEFAULT_MIN_VERSION' && target !== 'tls.DEFAULT_MAX_VERSION') continue;
      const finding = judge(facts, target.endsWith('MIN_VERSION') ? 'minVersion' : 'maxVersion', node.right, ctx.text);
      if (finding) ctx.report({ ...firstLineRange(node, ctx.text), ...finding });
    }
  },
};

function judge(facts: CryptoFacts, name: string, value: TS.Expression, text: string): { message: string; fix?: Fix } | undefined {
  if (name !== 'minVersion' && name !== 'maxVersion' && name !== 'secureProtocol') return undefined;
  const v = stringValue(facts, value);
  if (!v) return undefined;
  const literal = v.literal && facts.ts.isStringLiteralLike(v.literal) ? v.literal : undefined;
  if (name === 'secureProtocol') {
    const old = oldSecureProtocol(String(v.value));
    if (!old) return undefined;
    return {
      message: `secureProtocol '${String(v.value)}' pins the connection to ${old.version}, which is deprecated and attackable. Remove the pin and set minVersion: 'TLSv1.2' (or pin '${old.replacement}').`,
      fix: literal ? { title: `Use '${old.replacement}'`, edits: [replaceStringLiteral(literal, text, old.replacement)] } : undefined,
    };
  }
  const version = oldTlsVersion(String(v.value));
  if (!version) return undefined;
  if (name === 'minVersion') {
    return {
      message: `minVersion '${String(v.value)}' allows ${version}, which is deprecated (RFC 8996) and attackable. Require 'TLSv1.2' or newer.`,
      fix: literal ? { title: "Use minVersion 'TLSv1.2'", edits: [replaceStringLiteral(literal, text, 'TLSv1.2')] } : undefined,
    };
  }
  return {
    message: `maxVersion '${String(v.value)}' caps the connection at ${version}, which is deprecated (RFC 8996) and attackable. Allow at least 'TLSv1.2' (better: remove maxVersion).`,
    fix: literal ? { title: "Use maxVersion 'TLSv1.3'", edits: [replaceStringLiteral(literal, text, 'TLSv1.3')] } : undefined,
  };
}
