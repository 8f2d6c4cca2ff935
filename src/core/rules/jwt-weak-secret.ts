// HMAC JWT secrets written in the code and shorter than 32 characters (256 bits). Secrets read from
// the environment are fine, and so is the fallback of `process.env.JWT_SECRET || 'changeme'`: it is
// a development default that configuration replaces (like the other weak-crypto rules, this one
// trusts the environment), and a hardcoded fallback value is the secret rules' matter.
// The secret itself is never printed; only its length.
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import { propertyOf } from '../ast/constants';
import { firstLineRange } from '../crypto/edits';
import { callsTo, cryptoFacts, type CryptoFacts } from '../crypto/facts';
import { isTestSource } from '../crypto/test-code';
import { objectLiteralOf, resolveValue, stringValue } from '../crypto/values';
import type { Rule } from '../types';

const MIN_LENGTH = 32;
/** A pseudo-callee for jose's `new SignJWT(claims)....sign(secret)`. */
const SIGN_JWT_SIGN = 'jose.SignJWT#sign';
/** Calls whose argument at the index is a JWT secret. */
const SECRET_ARGUMENT: Record<string, number> = {
  'jsonwebtoken.sign': 1,
  'jsonwebtoken.verify': 1,
  'jose.jwtVerify': 1,
};
/** Calls whose options object names the secret: { secret } / { secretOrKey }. */
const SECRET_OPTION: Record<string, string> = {
  'express-jwt': 'secret',
  'express-jwt.expressjwt': 'secret',
  'express-jwt.expressJwt': 'secret',
  'passport-jwt.Strategy': 'secretOrKey',
  '@nestjs.jwt.JwtModule.register': 'secret',
  'koa-jwt': 'secret',
  '@fastify.jwt': 'secret',
};

export const jwtWeakSecret: Rule = {
  meta: {
    id: 'jwt-weak-secret',
    category: 'weak-crypto',
    cwe: [326, 521],
    owasp: 'A02:2021 Cryptographic Failures',
    severity: 'warning',
    name: 'JWT secret shorter than 32 characters',
    description:
      'An HS256 JWT can be checked against candidate secrets offline, from any single token, at billions of guesses per second. A ' +
      'short or word-like secret written in the code is recovered ' +
      'quickly, and then anyone can mint tokens. Use a random secret of at least 32 characters (crypto.randomBytes(32).toString(' +
      "'base64')), read from an environment variable or a secret manager, and fail at startup when it is missing.",
    scope: 'code',
  },
  check(ctx) {
    const facts = cryptoFacts(ctx);
    if (!facts || isTestSource(ctx.fileName)) return;
    const ts = facts.ts;
    const candidates = [...callsTo(facts, [...Object.keys(SECRET_ARGUMENT), ...Object.keys(SECRET_OPTION)]), ...signJwtSignCalls(facts)];
    for (const { node, callee } of candidates) {
      let secret: TS.Expression | undefined;
      const index = SECRET_ARGUMENT[callee];
      if (index !== undefined) {
        secret = node.arguments?.[index];
        if (callee === 'jsonwebtoken.sign' && signsWithNone(facts, node.arguments?.[2])) continue;
      } else if (SECRET_OPTION[callee]) {
        const prop = propertyOf(objectLiteralOf(facts, node.arguments?.[0]), SECRET_OPTION[callee]);
        secret = prop && ts.isPropertyAssignment(prop) ? prop.initializer : undefined;
      } else if (callee === SIGN_JWT_SIGN) {
        secret = node.arguments?.[0];
      }
      if (!secret) continue;
      const value = secretValue(facts, secret);
      if (!value || value.text.length >= MIN_LENGTH || value.text.includes('-----BEGIN')) continue;
      if (value.envFallback) continue; // the environment decides; the fallback is a development default
      const where = 'This JWT secret is';
      ctx.report({
        ...firstLineRange(secret, ctx.text),
        message:
          `${where} only ${value.text.length} characters: an HS256 secret under ${MIN_LENGTH} characters can be brute-forced offline from any token, and then anyone can mint tokens. ` +
          `Use at least ${MIN_LENGTH} random characters (crypto.randomBytes(32).toString('base64')) from an environment variable, and fail at startup when it is missing.`,
      });
    }
  },
};

/** The secret's text through consts, `Buffer.from(x)`, `new TextEncoder().encode(x)` and env fallbacks. */
function secretValue(facts: CryptoFacts, e: TS.Expression, depth = 0): { text: string; envFallback?: string } | undefined {
  if (depth > 4) return undefined;
  const ts = facts.ts;
  const x = skipWrappers(e);
  if (ts.isCallExpression(x) && x.arguments.length > 0) {
    const callee = facts.bindings.resolve(x.expression) ?? '';
    const isEncode = ts.isPropertyAccessExpression(x.expression) && x.expression.name.text === 'encode';
    if (callee === 'Buffer.from' || isEncode) return secretValue(facts, x.arguments[0], depth + 1);
  }
  if (ts.isIdentifier(x)) {
    const init = facts.constants.initializerOf(x.text);
    if (init && init !== x) {
      const inner = skipWrappers(init);
      if (ts.isCallExpression(inner)) return secretValue(facts, inner, depth + 1);
    }
  }
  const v = resolveValue(facts, x);
  if (!v || typeof v.value !== 'string') return undefined;
  return { text: v.value, envFallback: v.envFallback };
}

function signsWithNone(facts: CryptoFacts, options: TS.Expression | undefined): boolean {
  const alg = propertyOf(objectLiteralOf(facts, options), 'algorithm');
  if (!alg || !facts.ts.isPropertyAssignment(alg)) return false;
  return String(stringValue(facts, alg.initializer)?.value ?? '').toLowerCase() === 'none';
}

/** `new SignJWT(claims).setProtectedHeader(...)....sign(secret)` from jose: climbs the chain from the constructor. */
function signJwtSignCalls(facts: CryptoFacts): { node: TS.CallExpression; callee: string }[] {
  const ts = facts.ts;
  const found: { node: TS.CallExpression; callee: string }[] = [];
  for (const { node } of callsTo(facts, ['jose.SignJWT'])) {
    let cur: TS.Node = node;
    for (let i = 0; i < 20; i++) {
      while (cur.parent && ts.isParenthesizedExpression(cur.parent)) cur = cur.parent;
      const access = cur.parent;
      if (!access || !ts.isPropertyAccessExpression(access) || access.expression !== cur || !ts.isCallExpression(access.parent)) break;
      if (access.name.text === 'sign') {
        found.push({ node: access.parent, callee: SIGN_JWT_SIGN });
        break;
      }
      cur = access.parent;
    }
  }
  return found;
}
