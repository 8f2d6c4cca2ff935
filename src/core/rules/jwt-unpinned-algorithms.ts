// jsonwebtoken's verify() without an `algorithms` option (also promisified), and passport-jwt
// strategies without one: the token's own header then picks the algorithm. jose is not reported:
// it binds algorithms to the key type, so the classic confusion attack does not apply.
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import { propertyOf } from '../ast/constants';
import { callRange } from '../crypto/edits';
import { callsTo, cryptoFacts, type CryptoFacts } from '../crypto/facts';
import { hasSpread, objectLiteralOf, stringValue } from '../crypto/values';
import type { Fix, Rule } from '../types';

const VERIFY = new Set(['jsonwebtoken.verify']);
const SIGN = new Set(['jsonwebtoken.sign']);
const STRATEGIES = new Set(['passport-jwt.Strategy']);

export const jwtUnpinnedAlgorithms: Rule = {
  meta: {
    id: 'jwt-unpinned-algorithms',
    category: 'weak-crypto',
    cwe: [347, 757],
    owasp: 'A02:2021 Cryptographic Failures',
    severity: 'warning',
    name: 'JWT verified without pinning the accepted algorithms',
    description:
      "jwt.verify() without an `algorithms` option lets the token's header choose how it is checked. With jsonwebtoken before v9, a " +
      "token signed with HS256 using the server's RSA public key (which is public) verifies as valid (algorithm confusion); on every " +
      "version, pinning documents and enforces the one algorithm the issuer uses. Pass { algorithms: ['HS256'] } (or ['RS256'], " +
      "['ES256'], ...) to every verify call and to passport-jwt strategies.",
    scope: 'code',
  },
  check(ctx) {
    const facts = cryptoFacts(ctx);
    if (!facts) return;
    const ts = facts.ts;
    for (const { node } of callsTo(facts, VERIFY)) {
      const args = node.arguments ?? [];
      if (args.length < 2) continue;
      const options = args[2];
      let missing = false;
      if (!options || ts.isFunctionLike(skipWrappers(options))) missing = true;
      else {
        const obj = objectLiteralOf(facts, options);
        missing = obj !== undefined && !hasSpread(facts, obj) && !propertyOf(obj, 'algorithms');
      }
      if (!missing) continue;
      const algorithm = signingAlgorithmFor(facts, args[1]);
      ctx.report({
        ...callRange(node, ctx.text),
        message:
          "jwt.verify() without `algorithms` lets the token header choose the algorithm (algorithm confusion: an HS256 token signed with a public key passes on jsonwebtoken < 9). " +
          `Pin it: jwt.verify(token, key, { algorithms: ['${algorithm ?? 'HS256'}'] }).`,
        fix: algorithm ? pinFix(facts, node as TS.CallExpression, algorithm) : undefined,
      });
    }
    for (const { node } of callsTo(facts, STRATEGIES)) {
      if (!ts.isNewExpression(node)) continue;
      const obj = objectLiteralOf(facts, node.arguments?.[0]);
      if (!obj || hasSpread(facts, obj) || propertyOf(obj, 'algorithms')) continue;
      if (!propertyOf(obj, 'secretOrKey') && !propertyOf(obj, 'secretOrKeyProvider')) continue;
      ctx.report({
        ...callRange(node, ctx.text),
        message: "This passport-jwt strategy accepts whatever algorithm the token header names. Add `algorithms: ['HS256']` (or the algorithm your issuer uses).",
      });
    }
  },
};

/**
 * The algorithm this file signs with the same key, if it does: the `algorithm` option of a
 * jwt.sign() call with the same secret expression, or HS256 (jsonwebtoken's default for secrets).
 */
function signingAlgorithmFor(facts: CryptoFacts, key: TS.Expression): string | undefined {
  const keyText = skipWrappers(key).getText();
  for (const { node } of callsTo(facts, SIGN)) {
    const args = node.arguments ?? [];
    if (!args[1] || skipWrappers(args[1]).getText() !== keyText) continue;
    const obj = objectLiteralOf(facts, args[2]);
    const alg = propertyOf(obj, 'algorithm');
    if (alg && facts.ts.isPropertyAssignment(alg)) {
      const v = stringValue(facts, alg.initializer);
      if (v && String(v.value).toLowerCase() !== 'none') return String(v.value);
      continue;
    }
    if (!args[2] || (obj && !hasSpread(facts, obj))) return isSymmetricKey(facts, args[1]) ? 'HS256' : undefined;
  }
  return undefined;
}

function isSymmetricKey(facts: CryptoFacts, key: TS.Expression): boolean {
  const v = stringValue(facts, key);
  if (v) return !String(v.value).includes('-----BEGIN');
  const ts = facts.ts;
  const k = skipWrappers(key);
  if (!ts.isIdentifier(k)) return false;
  const init = facts.constants.initializerOf(k.text);
  return init !== undefined && (facts.bindings.resolve(skipWrappers(init))?.startsWith('process.env.') === true || isEnvWithFallback(facts, init));
}

function isEnvWithFallback(facts: CryptoFacts, init: TS.Expression): boolean {
  const ts = facts.ts;
  const e = skipWrappers(init);
  return ts.isBinaryExpression(e) && facts.bindings.resolve(skipWrappers(e.left))?.startsWith('process.env.') === true;
}

function pinFix(facts: CryptoFacts, call: TS.CallExpression, algorithm: string): Fix | undefined {
  const ts = facts.ts;
  const args = call.arguments;
  const pin = `algorithms: ['${algorithm}']`;
  const title = `Pin algorithms to ['${algorithm}']`;
  const options = args[2];
  if (!options) return { title, edits: [{ start: args[1].end, end: args[1].end, newText: `, { ${pin} }` }] };
  const o = skipWrappers(options);
  if (ts.isFunctionLike(o)) return { title, edits: [{ start: options.getStart(), end: options.getStart(), newText: `{ ${pin} }, ` }] };
  if (ts.isObjectLiteralExpression(o)) {
    if (o.properties.length === 0) return { title, edits: [{ start: o.getStart(), end: o.end, newText: `{ ${pin} }` }] };
    return { title, edits: [{ start: o.properties[0].getStart(), end: o.properties[0].getStart(), newText: `${pin}, ` }] };
  }
  return undefined;
}
