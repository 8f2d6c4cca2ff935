// Claims read with jwt.decode() (jsonwebtoken), decodeJwt() (jose) or jwtDecode() (jwt-decode) and
// then trusted: compared for an access decision (`claims.role !== 'admin'`), stored as the request's
// user, or returned by a function that claims to verify. decode() checks no signature, so anyone
// can write those claims. Reading a header to pick a key, logging, and browser code (which only
// reads its own token) are not reported, nor is a function that also verifies the token.
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import { walk } from '../ast/walk';
import { callRange } from '../crypto/edits';
import { isBrowserCode } from '../crypto/crypto-ref';
import { callsTo, cryptoFacts, lastSegment, type CryptoFacts } from '../crypto/facts';
import { isTestSource } from '../crypto/test-code';
import { enclosingFunction, enclosingNamedFunction, referencesOf, targetText } from '../crypto/value-flow';
import { splitWords } from '../crypto/words';
import type { Rule } from '../types';

const DECODERS = ['jsonwebtoken.decode', 'jose.decodeJwt', 'jwt-decode', 'jwt-decode.jwtDecode', 'jwt-decode.default', 'jwt-simple.decode'];
/** Claims whose check is not an access decision: expiry and the header's key selection. */
const NON_DECISION_CLAIMS = new Set(['exp', 'iat', 'nbf', 'header', 'kid', 'alg', 'typ', 'jti']);
/** Methods that test a claim: `roles.includes('admin')`. */
const CHECK_METHODS = new Set(['includes', 'some', 'every', 'indexOf', 'has', 'startsWith', 'endsWith', 'find']);
/** Where trusted identity lives: `req.user`, `ctx.state.user`, `res.locals.auth`, `session.principal`. */
const IDENTITY_WORDS = new Set(['user', 'auth', 'principal', 'identity', 'claims', 'account', 'role', 'roles', 'permissions', 'scope', 'scopes', 'tenant', 'admin']);
/** Functions whose result callers trust as verified. */
const TRUSTED_FUNCTION_WORDS = new Set(['verify', 'validate', 'authenticate', 'authorize', 'auth', 'guard', 'authenticated', 'current', 'principal', 'identity']);

export const jwtDecodeWithoutVerify: Rule = {
  meta: {
    id: 'jwt-decode-without-verify',
    category: 'weak-crypto',
    cwe: [347, 345],
    owasp: 'A02:2021 Cryptographic Failures',
    severity: 'error',
    name: 'JWT claims trusted after decode() without signature verification',
    description:
      "jwt.decode() (and jose's decodeJwt, jwt-decode) only base64-decodes the token: it checks no signature and no expiry. Anyone can " +
      "write a token with role 'admin' or another user's id, so claims read this way must not decide access or identify the caller. " +
      "Use jwt.verify(token, key, { algorithms: ['RS256'] }) (or jose's jwtVerify) and read the claims it returns; decode() is only for " +
      'reading the header (kid) before verifying, or for display and logging.',
    scope: 'code',
  },
  check(ctx) {
    const facts = cryptoFacts(ctx);
    if (!facts || isTestSource(ctx.fileName)) return;
    const ts = facts.ts;
    let browser: boolean | undefined;
    for (const { node, callee } of callsTo(facts, DECODERS)) {
      if (!ts.isCallExpression(node)) continue;
      if ((browser ??= isBrowserCode(facts, ctx.fileName))) return;
      if (verifiesInSameFunction(facts, node)) continue;
      const because = trustedUse(facts, node);
      if (!because) continue;
      ctx.report({
        ...callRange(node, ctx.text),
        message:
          `${lastSegment(callee) || 'decode'}() checks no signature, yet its claims are trusted here (${because}): anyone can forge them. ` +
          "Verify the token and use the claims verify returns: jwt.verify(token, key, { algorithms: ['RS256'] }).",
      });
    }
  },
};

/** decode() to read `kid`, then verify(): the usual key-selection pattern. */
function verifiesInSameFunction(facts: CryptoFacts, call: TS.CallExpression): boolean {
  const ts = facts.ts;
  const scope = enclosingFunction(ts, call) ?? call.getSourceFile();
  let found = false;
  walk(scope, (n) => {
    if (found) return false;
    if (ts.isCallExpression(n) && n !== call) {
      const name = lastSegment(facts.bindings.resolve(n.expression) ?? '');
      if (name === 'verify' || name === 'jwtVerify' || name === 'verifyAsync' || name === 'compactVerify') found = true;
    }
    return undefined;
  });
  return found;
}

/** How the decoded claims are trusted, or undefined when they are only read. */
function trustedUse(facts: CryptoFacts, call: TS.CallExpression): string | undefined {
  const ts = facts.ts;
  const direct = judgeUse(facts, call);
  if (direct) return direct;
  // `const claims = jwt.decode(token)`: judge each use of the variable.
  let holder: TS.Node = call;
  while (holder.parent && (ts.isAsExpression(holder.parent) || ts.isParenthesizedExpression(holder.parent) || ts.isNonNullExpression(holder.parent))) holder = holder.parent;
  const decl = holder.parent;
  if (!decl || !ts.isVariableDeclaration(decl) || decl.initializer !== holder) return undefined;
  if (ts.isIdentifier(decl.name)) {
    for (const ref of referencesOf(facts, decl).slice(0, 40)) {
      const why = judgeUse(facts, ref);
      if (why) return why;
    }
    return undefined;
  }
  // `const { role, sub } = jwt.decode(token)`: each destructured claim is judged by its uses.
  if (!ts.isObjectBindingPattern(decl.name)) return undefined;
  const scope = enclosingFunction(ts, decl) ?? decl.getSourceFile();
  for (const el of decl.name.elements) {
    if (!ts.isIdentifier(el.name)) continue;
    const claim = el.propertyName && (ts.isIdentifier(el.propertyName) || ts.isStringLiteral(el.propertyName)) ? el.propertyName.text : el.name.text;
    if (NON_DECISION_CLAIMS.has(claim)) continue;
    const local = el.name.text;
    let why: string | undefined;
    walk(scope, (n) => {
      if (why) return false;
      if (ts.isIdentifier(n) && n.text === local && n !== el.name && n.pos > decl.end) why = judgeBareClaim(ts, n, claim);
      return undefined;
    });
    if (why) return why;
  }
  return undefined;
}

/** A destructured claim (`role`) used directly in a comparison or a condition. */
function judgeBareClaim(ts: typeof TS, id: TS.Identifier, claim: string): string | undefined {
  let node: TS.Node = id;
  while (node.parent && (ts.isParenthesizedExpression(node.parent) || ts.isNonNullExpression(node.parent) || ts.isAsExpression(node.parent))) node = node.parent;
  const p = node.parent;
  if (!p) return undefined;
  if (ts.isBinaryExpression(p) && isComparisonOrLogic(ts, p.operatorToken.kind)) return `\`${claim}\` is compared to decide`;
  if ((ts.isIfStatement(p) && p.expression === node) || (ts.isConditionalExpression(p) && p.condition === node)) return `\`${claim}\` decides a branch`;
  if (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.ExclamationToken) return `\`${claim}\` decides a branch`;
  if (ts.isPropertyAccessExpression(p) && p.expression === node && CHECK_METHODS.has(p.name.text) && ts.isCallExpression(p.parent)) return `\`${claim}\` is checked`;
  return undefined;
}

/** Follows one use of the claims up through member accesses to what consumes it. */
function judgeUse(facts: CryptoFacts, start: TS.Node): string | undefined {
  const ts = facts.ts;
  let node: TS.Node = start;
  const members: string[] = [];
  for (let i = 0; i < 12; i++) {
    const p = node.parent;
    if (!p) return undefined;
    if (ts.isPropertyAccessExpression(p) && p.expression === node) {
      members.push(p.name.text);
      node = p;
    } else if (ts.isElementAccessExpression(p) && p.expression === node) {
      if (ts.isStringLiteralLike(p.argumentExpression)) members.push(p.argumentExpression.text);
      node = p;
    } else if (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isNonNullExpression(p) || ts.isAwaitExpression(p)) {
      node = p;
    } else break;
  }
  const claim = members.find((m) => m !== 'payload');
  const p = node.parent;
  if (!p) return undefined;
  // A comparison or condition on a claim: `claims.role !== 'admin'`, `if (payload.isAdmin)`.
  if (claim && !NON_DECISION_CLAIMS.has(claim)) {
    if (ts.isBinaryExpression(p) && isComparisonOrLogic(ts, p.operatorToken.kind)) return `\`${claim}\` is compared to decide`;
    if ((ts.isIfStatement(p) && p.expression === node) || (ts.isConditionalExpression(p) && p.condition === node)) return `\`${claim}\` decides a branch`;
    if (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.ExclamationToken) return `\`${claim}\` decides a branch`;
    if (ts.isCallExpression(p) && ts.isPropertyAccessExpression(p.expression) && p.expression.name.text === 'includes' && p.arguments.includes(node as TS.Expression)) {
      return `\`${claim}\` is checked against a list`;
    }
    // `claims.roles.includes('admin')`, `claims.scope.startsWith('write')`.
    const method = members[members.length - 1];
    if (members.length >= 2 && CHECK_METHODS.has(method) && ts.isCallExpression(p) && p.expression === node) return `\`${claim}\` is checked`;
  }
  if (claim && NON_DECISION_CLAIMS.has(claim)) return undefined;
  // Stored where the app keeps the caller's identity: `req.user = claims`, `ctx.state.user = decode(t)`.
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && p.right === node) {
    const target = targetText(ts, skipWrappers(p.left));
    if (target && target.includes('.') && splitWords(target).some((w) => IDENTITY_WORDS.has(w))) return `it is stored as \`${target}\``;
  }
  // Returned by a function whose callers take its result as verified: `verifyToken()`, `getCurrentUser()`.
  if (members.length === 0 && (ts.isReturnStatement(p) || (ts.isArrowFunction(p) && p.body === node))) {
    const fn = enclosingNamedFunction(ts, node);
    if (fn && splitWords(fn.name).some((w) => TRUSTED_FUNCTION_WORDS.has(w))) return `\`${fn.name}()\` returns the unverified claims`;
  }
  return undefined;
}

function isComparisonOrLogic(ts: typeof TS, op: TS.SyntaxKind): boolean {
  return (
    op === ts.SyntaxKind.EqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken ||
    op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.LessThanToken || op === ts.SyntaxKind.GreaterThanToken ||
    op === ts.SyntaxKind.LessThanEqualsToken || op === ts.SyntaxKind.GreaterThanEqualsToken || op === ts.SyntaxKind.InKeyword
  );
}
