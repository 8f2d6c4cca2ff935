// Unsigned JWTs: signing with `algorithm: 'none'`, accepting 'none' in `algorithms`, a header
// with `alg: 'none'`, and jose's UnsecuredJWT. Reported on the option (or the call for jose).
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import { callRange, firstLineRange } from '../crypto/edits';
import { callsTo, cryptoFacts, type CryptoFacts } from '../crypto/facts';
import { stringValue } from '../crypto/values';
import type { Fix, Rule } from '../types';

export const jwtNoneAlgorithm: Rule = {
  meta: {
    id: 'jwt-none-algorithm',
    category: 'weak-crypto',
    cwe: [347, 327],
    owasp: 'A02:2021 Cryptographic Failures',
    severity: 'error',
    name: "JWT signed or accepted with algorithm 'none'",
    description:
      "A JWT with alg 'none' carries no signature: anyone can write one with any claims. Signing with 'none' hands out forgeable " +
      "tokens; listing 'none' in the algorithms a verifier accepts lets an attacker strip the signature from a real token and edit it. " +
      "Sign with HS256 (a secret of at least 32 random characters) or an asymmetric algorithm (ES256, RS256, EdDSA), and pin the " +
      'verifier to exactly those algorithms.',
    scope: 'code',
  },
  check(ctx) {
    const facts = cryptoFacts(ctx);
    if (!facts) return;
    const ts = facts.ts;
    for (const { node, name } of facts.properties) {
      if ((name === 'algorithm' || name === 'alg') && isNone(stringValue(facts, node.initializer)?.value) && looksLikeJwt(facts, node)) {
        ctx.report({
          ...firstLineRange(node, ctx.text),
          message: "alg 'none' produces an unsigned JWT that anyone can forge. Sign with 'HS256' and a secret of at least 32 random characters from an environment variable, or with an asymmetric key ('ES256', 'RS256').",
        });
      } else if (name === 'algorithms') {
        const list = arrayOf(facts, node.initializer);
        const none = list?.elements.find((el) => isNone(stringValue(facts, el)?.value));
        if (!list || !none) continue;
        let fix: Fix | undefined;
        if (list.elements.length > 1 && skipWrappers(node.initializer) === list) {
          const kept = list.elements.filter((el) => el !== none).map((el) => el.getText());
          fix = { title: "Stop accepting 'none'", edits: [{ start: list.getStart(), end: list.end, newText: `[${kept.join(', ')}]` }] };
        }
        ctx.report({
          ...firstLineRange(node, ctx.text),
          message: "Accepting 'none' lets anyone strip the signature from a token and change its claims. List only the algorithms your issuer signs with (e.g. ['RS256']).",
          fix,
        });
      }
    }
    for (const { node, callee } of callsTo(facts, ['jose.UnsecuredJWT', 'jose.UnsecuredJWT.decode'])) {
      if (callee === 'jose.UnsecuredJWT' && !ts.isNewExpression(node)) continue;
      ctx.report({
        ...callRange(node, ctx.text),
        message: "jose's UnsecuredJWT has alg 'none': its tokens carry no signature and can be forged. Use SignJWT / jwtVerify with a key and pinned algorithms.",
      });
    }
  },
};

function isNone(v: unknown): boolean {
  return typeof v === 'string' && v.trim().toLowerCase() === 'none';
}

function arrayOf(facts: CryptoFacts, e: TS.Expression, depth = 0): TS.ArrayLiteralExpression | undefined {
  const ts = facts.ts;
  const x = skipWrappers(e);
  if (ts.isArrayLiteralExpression(x)) return x;
  if (ts.isIdentifier(x) && depth < 4) {
    const init = facts.constants.initializerOf(x.text);
    return init ? arrayOf(facts, init, depth + 1) : undefined;
  }
  return undefined;
}

const JWT_OPTION_KEYS = new Set([
  'expiresIn', 'issuer', 'audience', 'subject', 'jwtid', 'notBefore', 'keyid', 'header', 'typ', 'kid', 'noTimestamp',
  'algorithms', 'complete', 'ignoreExpiration', 'maxAge', 'clockTolerance', 'secret', 'secretOrKey', 'privateKey',
]);
const JWT_METHODS = new Set(['sign', 'verify', 'encode', 'decode', 'jwtVerify', 'setProtectedHeader', 'signAsync', 'verifyAsync']);

/**
 * `algorithm: 'none'` is a JWT matter only in JWT options or headers: an object with other JWT
 * keys, or one passed (directly or through a const) to a sign/verify/encode call or a JWT library.
 */
function looksLikeJwt(facts: CryptoFacts, prop: TS.PropertyAssignment): boolean {
  const ts = facts.ts;
  const obj = prop.parent;
  if (!ts.isObjectLiteralExpression(obj)) return false;
  if (obj.properties.some((p) => p !== prop && p.name && ts.isIdentifier(p.name) && JWT_OPTION_KEYS.has(p.name.text))) return true;
  let use: TS.Node = obj;
  const holder = obj.parent;
  if (ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name)) {
    const name = holder.name.text;
    if (/jwt|token|sign/i.test(name)) return true;
    const call = facts.calls.find((c) => (c.node.arguments ?? []).some((a) => ts.isIdentifier(a) && a.text === name));
    if (!call) return false;
    use = call.node.arguments!.find((a) => ts.isIdentifier(a) && a.text === name)!;
  }
  const call = use.parent;
  if (!call || (!ts.isCallExpression(call) && !ts.isNewExpression(call))) return false;
  const callee = facts.bindings.resolve(call.expression) ?? '';
  const method = callee.slice(callee.lastIndexOf('.') + 1);
  return JWT_METHODS.has(method) || /jwt|jose|jws/i.test(callee);
}
