// Static access paths (`req.params.id` -> ['req', 'params', 'id']) for field-sensitive tracking.
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import type { Constants } from '../ast/constants';
import { typescript } from '../parser';

const MAX_PATH = 8;

export function accessPath(expr: TS.Expression, constants?: Constants): string[] | undefined {
  const ts = typescript();
  // Collected innermost-last and reversed once at the end: one array per path (this runs for
  // most member expressions the taint analysis meets).
  const reversed: string[] = [];
  let e = skipWrappers(expr);
  for (;;) {
    if (reversed.length > MAX_PATH) return undefined;
    if (ts.isPropertyAccessExpression(e)) {
      reversed.push(e.name.text);
      e = skipWrappers(e.expression);
    } else if (ts.isElementAccessExpression(e)) {
      const key = ts.isStringLiteralLike(e.argumentExpression) || ts.isNumericLiteral(e.argumentExpression) ? e.argumentExpression.text : constants?.value(e.argumentExpression);
      if (key === undefined || typeof key === 'boolean') return undefined;
      reversed.push(String(key));
      e = skipWrappers(e.expression);
    } else if (ts.isIdentifier(e)) {
      reversed.push(e.text);
      return reversed.reverse();
    } else if (e.kind === ts.SyntaxKind.ThisKeyword) {
      reversed.push('this');
      return reversed.reverse();
    } else return undefined;
  }
}

/** Conversions a check sees through: a test of `String(x).trim()` vouches for x. */
const TRANSPARENT_METHODS = new Set(['toString', 'trim', 'toLowerCase', 'toUpperCase', 'normalize', 'valueOf']);

export function guardedPath(expr: TS.Expression, constants?: Constants): string[] | undefined {
  const ts = typescript();
  let e = skipWrappers(expr);
  for (let i = 0; i < 6; i++) {
    if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'String' && e.arguments.length === 1) {
      e = skipWrappers(e.arguments[0]);
    } else if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && TRANSPARENT_METHODS.has(e.expression.name.text)) {
      e = skipWrappers(e.expression.expression);
    } else break;
  }
  return accessPath(e, constants);
}

export const pathKey = (path: readonly string[]): string => path.join('.');
