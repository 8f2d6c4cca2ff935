// `checkServerIdentity: () => undefined`: the certificate chain is checked, but not whether it
// was issued for the host being contacted, so any valid certificate for any domain passes. The
// MongoDB driver's `tlsAllowInvalidHostnames: true` (also in a connection string) does the same.
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import { firstLineRange, removeProperty } from '../crypto/edits';
import { cryptoFacts } from '../crypto/facts';
import { uriTlsOptions } from '../crypto/uri-options';
import { resolveValue } from '../crypto/values';
import type { Rule } from '../types';

export const tlsNoHostnameCheck: Rule = {
  meta: {
    id: 'tls-no-hostname-check',
    category: 'weak-crypto',
    cwe: [295, 297],
    owasp: 'A02:2021 Cryptographic Failures',
    severity: 'error',
    name: 'TLS hostname verification disabled (checkServerIdentity that accepts everything)',
    description:
      'A checkServerIdentity callback that returns nothing tells Node.js that every certificate matches the host. The chain is still ' +
      'verified, but a certificate issued for any other domain (which anyone can obtain for their own domain) is accepted, so the ' +
      'connection can be intercepted. Remove the option, or connect with `servername` set to the name the certificate was issued for; ' +
      'a custom check must call tls.checkServerIdentity(host, cert) and return its result.',
    scope: 'code',
  },
  check(ctx) {
    const facts = cryptoFacts(ctx);
    if (!facts) return;
    const ts = facts.ts;
    const candidates: { node: TS.ObjectLiteralElementLike; accepts: boolean }[] = [
      ...facts.properties.filter((p) => p.name === 'checkServerIdentity').map((p) => ({ node: p.node, accepts: acceptsEverything(ts, p.node.initializer) })),
      ...facts.methods.filter((m) => m.name.getText() === 'checkServerIdentity').map((m) => ({ node: m, accepts: m.body !== undefined && bodyReturnsNothing(ts, m.body) })),
    ];
    for (const { node, name } of facts.properties) {
      if (name !== 'tlsAllowInvalidHostnames' || resolveValue(facts, node.initializer)?.value !== true) continue;
      ctx.report({
        ...firstLineRange(node, ctx.text),
        message: 'tlsAllowInvalidHostnames: true makes the MongoDB driver accept a certificate issued for any hostname, so the connection can be intercepted. Remove it, and connect with the name the certificate was issued for.',
        fix: { title: "Remove 'tlsAllowInvalidHostnames'", edits: [removeProperty(node, ctx.text)] },
      });
    }
    for (const literal of facts.uriStrings) {
      const option = uriTlsOptions((literal as TS.StringLiteralLike).text).find((o) => o.disables === 'hostnames');
      if (!option) continue;
      ctx.report({
        ...firstLineRange(literal, ctx.text),
        message: `The connection string sets ${option.name}, so a certificate issued for any hostname is accepted and the connection can be intercepted. Remove it.`,
      });
    }
    for (const { node, accepts } of candidates) {
      if (!accepts) continue;
      ctx.report({
        ...firstLineRange(node, ctx.text),
        message:
          "checkServerIdentity returns nothing, so a certificate for any hostname is accepted and the connection can be intercepted. Remove it; if the certificate's name differs from the host, set `servername` to that name.",
        fix: { title: "Remove 'checkServerIdentity' (verify the hostname)", edits: [removeProperty(node, ctx.text)] },
      });
    }
  },
};

/** `() => undefined`, `() => {}`, `function () { return; }`, `() => null`, `noop`. */
function acceptsEverything(ts: typeof TS, value: TS.Expression): boolean {
  const v = skipWrappers(value);
  if (ts.isIdentifier(v)) return v.text === 'noop' || v.text === 'undefined';
  if (ts.isPropertyAccessExpression(v)) return v.name.text === 'noop';
  if (!ts.isArrowFunction(v) && !ts.isFunctionExpression(v)) return false;
  const body = v.body;
  if (!ts.isBlock(body)) return isNothing(ts, body);
  return bodyReturnsNothing(ts, body);
}

function bodyReturnsNothing(ts: typeof TS, body: TS.Block): boolean {
  return body.statements.every((s) => ts.isEmptyStatement(s) || (ts.isReturnStatement(s) && (!s.expression || isNothing(ts, s.expression))));
}

function isNothing(ts: typeof TS, e: TS.Expression): boolean {
  const x = skipWrappers(e);
  return (ts.isIdentifier(x) && x.text === 'undefined') || x.kind === ts.SyntaxKind.NullKeyword || ts.isVoidExpression(x);
}
