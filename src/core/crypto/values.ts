// Reading option values the way a reviewer would: through consts, `Number(...)`/`parseInt(...)`,
// object-literal configs in the same file, and `process.env.X ?? default`, where the default is
// what runs whenever the variable is unset.
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import { propertyOf, type Constant } from '../ast/constants';
import type { CryptoFacts } from './facts';

export interface ResolvedValue {
  value: Constant;
  /** The literal the value was written as, when a fix can edit it. */
  literal?: TS.Expression;
  /** Set when the value is the fallback of an environment variable (`process.env.X ?? 10`). */
  envFallback?: string;
}

/** The compile-time value of `expr`, following consts, numeric conversions, configs and env fallbacks. */
export function resolveValue(facts: CryptoFacts, expr: TS.Expression | undefined, depth = 0): ResolvedValue | undefined {
  if (!expr || depth > 12) return undefined;
  const ts = facts.ts;
  const e = skipWrappers(expr);
  if (ts.isStringLiteralLike(e) || ts.isNumericLiteral(e) || e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword) {
    const value = facts.constants.value(e);
    return value === undefined ? undefined : { value, literal: e };
  }
  if (ts.isPrefixUnaryExpression(e)) {
    if (e.operator === ts.SyntaxKind.PlusToken) return toNumber(resolveValue(facts, e.operand, depth + 1));
    if (e.operator === ts.SyntaxKind.ExclamationToken && ts.isNumericLiteral(e.operand)) return { value: e.operand.text === '0' };
  }
  if (ts.isIdentifier(e)) {
    const init = facts.constants.initializerOf(e.text);
    if (init) return withoutLiteralUnlessDirect(resolveValue(facts, init, depth + 1), init);
    return undefined;
  }
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.arguments.length > 0) {
    const fn = e.expression.text;
    if (fn === 'Number' || fn === 'parseInt' || fn === 'parseFloat') return toNumber(resolveValue(facts, e.arguments[0], depth + 1));
    if (fn === 'String') {
      const v = resolveValue(facts, e.arguments[0], depth + 1);
      return v ? { ...v, value: String(v.value) } : undefined;
    }
  }
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) {
      const env = envName(facts, e.left);
      if (env) {
        const fallback = resolveValue(facts, e.right, depth + 1);
        return fallback ? { ...fallback, envFallback: env } : undefined;
      }
      return undefined;
    }
    const value = facts.constants.value(e);
    return value === undefined ? undefined : { value };
  }
  if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
    // `config.bcrypt.rounds` where `const config = { bcrypt: { rounds: 10 } }` in this file.
    const path: string[] = [];
    let cur: TS.Expression = e;
    while (ts.isPropertyAccessExpression(cur) || (ts.isElementAccessExpression(cur) && ts.isStringLiteralLike(cur.argumentExpression))) {
      path.unshift(ts.isPropertyAccessExpression(cur) ? cur.name.text : (cur.argumentExpression as TS.StringLiteralLike).text);
      cur = skipWrappers(cur.expression);
    }
    if (!ts.isIdentifier(cur)) return undefined;
    let obj: TS.Expression | undefined = facts.constants.initializerOf(cur.text);
    for (const key of path) {
      const prop = propertyOf(obj, key);
      if (!prop) return undefined;
      obj = ts.isPropertyAssignment(prop) ? prop.initializer : undefined;
    }
    return obj ? resolveValue(facts, obj, depth + 1) : undefined;
  }
  const value = facts.constants.value(e);
  return value === undefined ? undefined : { value };
}

function withoutLiteralUnlessDirect(v: ResolvedValue | undefined, init: TS.Expression): ResolvedValue | undefined {
  // A fix may edit the const's literal initializer, but not a value computed from other names.
  if (!v) return undefined;
  return v.literal === init || (v.literal && skipWrappers(init) === v.literal) ? v : { ...v, literal: undefined };
}

function toNumber(v: ResolvedValue | undefined): ResolvedValue | undefined {
  if (!v) return undefined;
  const n = typeof v.value === 'number' ? v.value : typeof v.value === 'string' ? Number(v.value.replace(/_/g, '')) : NaN;
  return Number.isFinite(n) ? { ...v, value: n, literal: typeof v.value === 'number' ? v.literal : undefined } : undefined;
}

/** 'JWT_SECRET' for `process.env.JWT_SECRET` or `process.env['JWT_SECRET']`. */
export function envName(facts: CryptoFacts, expr: TS.Expression): string | undefined {
  const q = facts.bindings.resolve(skipWrappers(expr));
  if (q && q.startsWith('process.env.')) return q.slice('process.env.'.length);
  return undefined;
}

export function numberValue(facts: CryptoFacts, expr: TS.Expression | undefined): ResolvedValue | undefined {
  const v = resolveValue(facts, expr);
  return v && typeof v.value === 'number' ? v : undefined;
}

export function stringValue(facts: CryptoFacts, expr: TS.Expression | undefined): ResolvedValue | undefined {
  const v = resolveValue(facts, expr);
  return v && typeof v.value === 'string' ? v : undefined;
}

/** The object literal an options argument is, directly or through a once-declared const. */
export function objectLiteralOf(facts: CryptoFacts, expr: TS.Expression | undefined, depth = 0): TS.ObjectLiteralExpression | undefined {
  if (!expr || depth > 5) return undefined;
  const ts = facts.ts;
  const e = skipWrappers(expr);
  if (ts.isObjectLiteralExpression(e)) return e;
  if (ts.isIdentifier(e)) return objectLiteralOf(facts, facts.constants.initializerOf(e.text), depth + 1);
  return undefined;
}

/** True when an object literal has a spread (`...defaults`) that may supply any property. */
export function hasSpread(facts: CryptoFacts, obj: TS.ObjectLiteralExpression): boolean {
  return obj.properties.some((p) => facts.ts.isSpreadAssignment(p));
}
