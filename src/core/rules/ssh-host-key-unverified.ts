// ssh2's `hostVerifier` that accepts every host key: `hostVerifier: () => true`. The connection is
// then encrypted to whoever answers, so a machine in the middle gets the password or the session.
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import { firstLineRange, removeProperty } from '../crypto/edits';
import { cryptoFacts } from '../crypto/facts';
import type { Rule } from '../types';

export const sshHostKeyUnverified: Rule = {
  meta: {
    id: 'ssh-host-key-unverified',
    category: 'weak-crypto',
    cwe: [295, 322],
    owasp: 'A02:2021 Cryptographic Failures',
    severity: 'error',
    name: 'SSH host key accepted without verification (hostVerifier returns true)',
    description:
      'The host key is how an SSH client knows it reached the real server. A hostVerifier that returns true for every key accepts a ' +
      "machine in the middle, which then receives the password or key-authenticated session and everything sent over it. Compare the " +
      "key with a pinned fingerprint: hostVerifier: (key) => crypto.timingSafeEqual(sha256(key), PINNED) (with hostHash: 'sha256').",
    scope: 'code',
  },
  check(ctx) {
    const facts = cryptoFacts(ctx);
    if (!facts) return;
    const ts = facts.ts;
    const candidates: TS.ObjectLiteralElementLike[] = [
      ...facts.properties.filter((p) => p.name === 'hostVerifier' && acceptsEverything(ts, p.node.initializer)).map((p) => p.node),
      ...facts.methods.filter((m) => m.name.getText() === 'hostVerifier' && m.body !== undefined && blockAcceptsEverything(ts, m.body, lastParameter(ts, m))),
    ];
    for (const node of candidates) {
      ctx.report({
        ...firstLineRange(node, ctx.text),
        message:
          'This hostVerifier accepts every host key, so a machine in the middle is trusted as the server and receives the credentials and data. ' +
          "Check the key against a pinned fingerprint (hostHash: 'sha256', hostVerifier: (hash) => hash === EXPECTED_FINGERPRINT).",
        fix: { title: "Remove 'hostVerifier'", edits: [removeProperty(node, ctx.text)] },
      });
    }
  },
};

/** `() => true`, `(key, cb) => cb(true)`, `function () { return true; }`. */
function acceptsEverything(ts: typeof TS, value: TS.Expression): boolean {
  const v = skipWrappers(value);
  if (!ts.isArrowFunction(v) && !ts.isFunctionExpression(v)) return false;
  const callback = lastParameter(ts, v);
  if (!ts.isBlock(v.body)) return isAccepting(ts, v.body, callback);
  return blockAcceptsEverything(ts, v.body, callback);
}

function lastParameter(ts: typeof TS, fn: TS.SignatureDeclarationBase): string | undefined {
  const p = fn.parameters.length >= 2 ? fn.parameters[fn.parameters.length - 1] : undefined;
  return p && ts.isIdentifier(p.name) ? p.name.text : undefined;
}

function blockAcceptsEverything(ts: typeof TS, body: TS.Block, callback: string | undefined): boolean {
  const statements = body.statements.filter((s) => !ts.isEmptyStatement(s));
  if (statements.length !== 1) return false;
  const s = statements[0];
  if (ts.isReturnStatement(s)) return s.expression !== undefined && isAccepting(ts, s.expression, callback);
  return ts.isExpressionStatement(s) && isAccepting(ts, s.expression, callback);
}

function isAccepting(ts: typeof TS, e: TS.Expression, callback: string | undefined): boolean {
  const x = skipWrappers(e);
  if (x.kind === ts.SyntaxKind.TrueKeyword) return true;
  return (
    callback !== undefined && ts.isCallExpression(x) && ts.isIdentifier(x.expression) && x.expression.text === callback &&
    x.arguments.length === 1 && skipWrappers(x.arguments[0]).kind === ts.SyntaxKind.TrueKeyword
  );
}
