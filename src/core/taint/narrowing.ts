// Sanitizing conditions: what a branch learns about a value from the test that guards it.
// `if (!/^[a-z0-9-]+$/.test(name)) return;` leaves `name` safe for paths and commands after it;
// `if (!target.startsWith(root + path.sep)) throw ...` contains a resolved path.
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import type { Constants } from '../ast/constants';
import { typescript } from '../parser';
import { accessPath, guardedPath, pathKey } from './access-path';
import type { FunctionInfo } from './functions';
import { kindsSafeAfterMatch, kindsSafeAfterNoMatch } from './regex-safety';
import { ALL_KINDS, PATH, type KindMask, type Taint } from './types';

export interface Clear {
  path: readonly string[];
  kinds: KindMask;
  /** The checked expression, to locate a source first read by the check. */
  node?: TS.Expression;
}

export interface NarrowHost {
  constants: Constants;
  /** Current taint of an access path (no side effects). */
  taintOf(path: readonly string[]): Taint;
  /** For `rel = path.relative(root, p)`: p's access path. */
  relativeOf(name: string): readonly string[] | undefined;
  /** For `to = TABLE.get(key)`: key's access path (a truthy `to` means key is in the table). */
  lookupOf(name: string): readonly string[] | undefined;
  resolveModule(expr: TS.Expression): string | undefined;
  /** The same-file function a call goes to. */
  functionOf(call: TS.CallExpression): FunctionInfo | undefined;
}

const VALIDATOR_CHECKS = new Set([
  'isAlphanumeric', 'isAlpha', 'isNumeric', 'isInt', 'isFloat', 'isDecimal', 'isUUID', 'isHexadecimal', 'isIP', 'isFQDN',
  'isPort', 'isMongoId', 'isSlug', 'isSemVer', 'isHash', 'isDate', 'isISO8601', 'isBoolean', 'isBase32', 'isJWT', 'isMD5', 'isULID',
]);
const NUMBER_CHECKS = new Set(['Number.isInteger', 'Number.isSafeInteger', 'Number.isFinite']);
const MODULE_CHECKS = new Set(['net.isIP', 'net.isIPv4', 'net.isIPv6', 'uuid.validate']);
/** Names of user-written validators: isValidName(x), isSafePath(x), validateSlug(x). */
const VALIDATOR_NAME = /^(is|has)_?(valid|safe|allowed|permitted|whitelisted|allowlisted|known|supported)|^(validate|sanitize)/i;
/** Containment helpers: isPathInside(child, root) (is-path-inside), pathIsInside, isSubdir, isWithin. */
const CONTAINMENT_NAME = /^(is)?_?(path)?_?(inside|within|subdir|subpath|contained)/i;

export function narrow(cond: TS.Expression, truth: boolean, host: NarrowHost, depth = 0): Clear[] {
  const ts = typescript();
  if (depth > 40) return [];
  const e = skipWrappers(cond);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return narrow(e.operand, !truth, host, depth + 1);
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) {
      return truth ? [...narrow(e.left, true, host, depth + 1), ...narrow(e.right, true, host, depth + 1)] : intersect(narrow(e.left, false, host, depth + 1), narrow(e.right, false, host, depth + 1));
    }
    if (op === ts.SyntaxKind.BarBarToken) {
      return truth ? intersect(narrow(e.left, true, host, depth + 1), narrow(e.right, true, host, depth + 1)) : [...narrow(e.left, false, host, depth + 1), ...narrow(e.right, false, host, depth + 1)];
    }
    if (op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken) return equality(e.left, e.right, truth, host);
    if (op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken) return equality(e.left, e.right, !truth, host);
    if (op === ts.SyntaxKind.InKeyword && truth) return clearAll(e.left, host);
    return [];
  }
  if (ts.isCallExpression(e)) return narrowCall(e, truth, host);
  if (truth && ts.isIdentifier(e)) {
    // const to = FORMATS.get(format); if (!to) throw ...: format is one of the table's keys.
    const key = host.lookupOf(e.text);
    return key ? [{ path: key, kinds: ALL_KINDS }] : [];
  }
  return [];
}

/** `resolved.startsWith(root)` / `resolved.indexOf(root) === 0` with a normalised path and a trusted root. */
function containment(call: TS.CallExpression, host: NarrowHost): Clear[] {
  const ts = typescript();
  const callee = skipWrappers(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !call.arguments[0]) return [];
  const receiver = skipWrappers(callee.expression);
  const path = accessPath(receiver, host.constants);
  if (!path || !host.taintOf(path).normalized || isTaintedExpr(call.arguments[0], host)) return [];
  return [{ path, kinds: PATH, node: receiver }];
}

/** Paths cleared on both sides of a disjunction, with the kinds both clear. */
function intersect(a: Clear[], b: Clear[]): Clear[] {
  const out: Clear[] = [];
  for (const x of a) {
    for (const y of b) {
      if (pathKey(x.path) === pathKey(y.path) && (x.kinds & y.kinds) !== 0) out.push({ path: x.path, kinds: x.kinds & y.kinds, node: x.node });
    }
  }
  return out;
}

function clearAll(expr: TS.Expression, host: NarrowHost, kinds: KindMask = ALL_KINDS): Clear[] {
  const path = guardedPath(expr, host.constants);
  return path ? [{ path, kinds, node: expr }] : [];
}

/** `equal` is true when the two sides are known to be equal in the branch. */
function equality(left: TS.Expression, right: TS.Expression, equal: boolean, host: NarrowHost): Clear[] {
  const ts = typescript();
  const l = skipWrappers(left);
  const r = skipWrappers(right);
  for (const [a, b] of [[l, r], [r, l]] as const) {
    // typeof x === 'number'
    if (ts.isTypeOfExpression(a) && equal) {
      const t = host.constants.value(b);
      if (t === 'number' || t === 'boolean' || t === 'bigint') return clearAll(a.expression, host);
      return [];
    }
    const value = literalValue(b, host);
    if (value === undefined) continue;
    if (ts.isCallExpression(a) || (ts.isPropertyAccessExpression(a) && a.name.text === 'length')) {
      // f(x) === 0, x.indexOf('..') === -1, check(x) === true
      if (!ts.isCallExpression(a)) return [];
      const method = ts.isPropertyAccessExpression(a.expression) ? a.expression.name.text : '';
      if (method === 'indexOf' || method === 'lastIndexOf' || method === 'search' || method === 'findIndex') {
        // indexOf(...) === -1: not found.
        if (value === -1) return narrowCall(a, !equal, host);
        // resolved.indexOf(root) === 0: the same containment check as startsWith(root).
        if (value === 0 && equal && method === 'indexOf') return containment(a, host);
        return [];
      }
      const falsy = value === 0 || value === false || value === null;
      const truthy = value === true;
      if (!falsy && !truthy) return [];
      return narrowCall(a, truthy === equal, host);
    }
    // x === 'literal': the branch knows x exactly.
    if (equal && value !== null && accessPath(a, host.constants)) return clearAll(a, host);
    return [];
  }
  // candidate === ROOT: equal to a value that holds nothing untrusted.
  if (equal) {
    for (const [a, b] of [[l, r], [r, l]] as const) {
      const target = accessPath(a, host.constants);
      const other = accessPath(b, host.constants);
      if (!target || !other || !isTaintedPath(target, host)) continue;
      const t = host.taintOf(other);
      if (t.flows.length === 0 && !t.marker) return [{ path: target, kinds: ALL_KINDS, node: a }];
    }
  }
  // path.basename(x) === x
  for (const [a, b] of [[l, r], [r, l]] as const) {
    if (equal && ts.isCallExpression(a) && host.resolveModule(a.expression) === 'path.basename' && a.arguments[0]) {
      const inner = accessPath(a.arguments[0], host.constants);
      const other = accessPath(b, host.constants);
      if (inner && other && pathKey(inner) === pathKey(other)) return [{ path: inner, kinds: PATH, node: a.arguments[0] }];
    }
  }
  return [];
}

/** Literal (or const) value of an expression; null for null/undefined. */
function literalValue(e: TS.Expression, host: NarrowHost): string | number | boolean | null | undefined {
  const ts = typescript();
  if (e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === 'undefined')) return null;
  return host.constants.value(e);
}

/** What a call's truth says about its arguments (for indexOf: truth means "found"). */
function narrowCall(call: TS.CallExpression, truth: boolean, host: NarrowHost): Clear[] {
  const ts = typescript();
  const callee = skipWrappers(call.expression);
  const args = call.arguments;
  if (ts.isPropertyAccessExpression(callee)) {
    const method = callee.name.text;
    const receiver = skipWrappers(callee.expression);
    if (method === 'test' && args[0]) {
      const re = regexOf(receiver, host);
      if (re) return clearAll(args[0], host, truth ? kindsSafeAfterMatch(re.source, re.flags) : kindsSafeAfterNoMatch(re.source, re.flags));
    }
    if (method === 'match' && args[0]) {
      const re = regexOf(skipWrappers(args[0]), host);
      if (re) return clearAll(receiver, host, truth ? kindsSafeAfterMatch(re.source, re.flags) : kindsSafeAfterNoMatch(re.source, re.flags));
    }
    if ((method === 'includes' || method === 'indexOf') && args[0]) {
      const needle = host.constants.value(args[0]);
      const receiverPath = accessPath(receiver, host.constants);
      if (typeof needle === 'string' && receiverPath && isTaintedPath(receiverPath, host)) {
        // x.includes('..') false: no parent segments (x.includes('/') false: no separators).
        if (!truth && (needle.includes('..') || needle === '/' || needle === '\\')) return [{ path: receiverPath, kinds: PATH, node: receiver }];
        return [];
      }
      if (truth && method === 'includes' && isCleanCollection(receiver, host)) return clearAll(args[0], host);
      return [];
    }
    if (method === 'has' && args[0] && truth && isCleanCollection(receiver, host)) return clearAll(args[0], host);
    if (method === 'hasOwnProperty' && args[0] && truth) return clearAll(args[0], host);
    if (method === 'call' && args[1] && truth && ts.isPropertyAccessExpression(receiver) && receiver.name.text === 'hasOwnProperty') return clearAll(args[1], host);
    if (method === 'startsWith' && args[0]) {
      const path = accessPath(receiver, host.constants);
      if (truth && path) {
        const contained = containment(call, host);
        if (contained.length) return contained;
      }
      const prefix = host.constants.value(args[0]);
      // rel.startsWith('..') false, for rel = path.relative(root, p) (a variable or the call itself).
      const target = path ? (path.length === 1 ? host.relativeOf(path[0]) : undefined) : relativeTarget(receiver, host);
      if (!truth && target && typeof prefix === 'string' && prefix.startsWith('..')) return [{ path: target, kinds: PATH }];
      return [];
    }
  }
  const qualified = host.resolveModule(callee) ?? calleeText(callee);
  if (qualified === 'Object.hasOwn' && args[1] && truth) return clearAll(args[1], host);
  if (truth && args[0] && (NUMBER_CHECKS.has(qualified ?? '') || MODULE_CHECKS.has(qualified ?? ''))) return clearAll(args[0], host);
  if (truth && args[0] && qualified?.startsWith('validator.') && VALIDATOR_CHECKS.has(qualified.slice('validator.'.length))) return clearAll(args[0], host);
  if (!truth && args[0] && qualified === 'isNaN') return clearAll(args[0], host);
  const fn = host.functionOf(call);
  if (fn) {
    if (!truth) return [];
    const out: Clear[] = [];
    for (const [index, kinds] of fn.summary.truthClears) if (args[index]) out.push(...clearAll(args[index], host, kinds));
    if (out.length > 0 || !VALIDATOR_NAME.test(fn.name)) return out;
  }
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
  if (truth && name && VALIDATOR_NAME.test(name) && !isIoModule(host.resolveModule(callee))) {
    return args.flatMap((a) => clearAll(a, host));
  }
  if (truth && name && args[0] && (CONTAINMENT_NAME.test(name) || qualified === 'is-path-inside' || qualified === 'path-is-inside')) {
    return clearAll(args[0], host, PATH);
  }
  return [];
}

/** `path.relative(root, p)`: p's access path. */
export function relativeTarget(expr: TS.Expression, host: Pick<NarrowHost, 'resolveModule' | 'constants'>): readonly string[] | undefined {
  const ts = typescript();
  const e = skipWrappers(expr);
  if (!ts.isCallExpression(e) || e.arguments.length < 2) return undefined;
  const q = host.resolveModule(e.expression);
  if (q !== 'path.relative' && q !== 'path.posix.relative' && q !== 'path.win32.relative') return undefined;
  return accessPath(e.arguments[1], host.constants);
}

function isIoModule(qualified: string | undefined): boolean {
  return !!qualified && /^(fs|fs-extra|path|child_process)\./.test(qualified);
}

function calleeText(callee: TS.Expression): string | undefined {
  const path = accessPath(callee);
  return path?.join('.');
}

function regexOf(expr: TS.Expression, host: NarrowHost): { source: string; flags: string } | undefined {
  const ts = typescript();
  let e = skipWrappers(expr);
  if (ts.isIdentifier(e)) e = skipWrappers(host.constants.initializerOf(e.text) ?? e);
  if (ts.isRegularExpressionLiteral(e)) {
    const text = e.text;
    const close = text.lastIndexOf('/');
    return { source: text.slice(1, close), flags: text.slice(close + 1) };
  }
  if (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'RegExp' && e.arguments?.[0]) {
    const source = host.constants.value(e.arguments[0]);
    const flags = e.arguments[1] ? host.constants.value(e.arguments[1]) : '';
    if (typeof source === 'string' && typeof flags === 'string') return { source, flags };
  }
  return undefined;
}

export { regexOf };

function isTaintedPath(path: readonly string[], host: NarrowHost): boolean {
  return host.taintOf(path).flows.length > 0;
}

function isTaintedExpr(expr: TS.Expression, host: NarrowHost): boolean {
  const path = accessPath(expr, host.constants);
  return !!path && isTaintedPath(path, host);
}

/** An allow-list: a literal array, or a variable/field holding no untrusted data. */
function isCleanCollection(expr: TS.Expression, host: NarrowHost): boolean {
  const ts = typescript();
  const e = skipWrappers(expr);
  if (ts.isArrayLiteralExpression(e)) return e.elements.every((el) => host.constants.value(el) !== undefined);
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && ts.isIdentifier(e.expression.expression) && e.expression.expression.text === 'Object' && e.arguments[0]) {
    return isCleanCollection(e.arguments[0], host);
  }
  if (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && /^(Set|Map)$/.test(e.expression.text)) {
    return (e.arguments ?? []).every((a) => isCleanCollection(a, host));
  }
  const path = accessPath(e, host.constants);
  if (!path) return false;
  const t = host.taintOf(path);
  return t.flows.length === 0 && !t.marker;
}
