// Small syntax questions the analyzer asks: does a statement leave the block, what is a
// property's static name, is this `new ReceiveMessageCommand(...)`.
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import type { Constants } from '../ast/constants';
import { typescript } from '../parser';
import type { Flow, Taint } from './types';

/** True when control never continues after the statement (return, throw, exit, ctx.throw). */
export function exits(statement: TS.Statement, depth = 0): boolean {
  const ts = typescript();
  let s = statement;
  // Nested blocks are followed in a loop; if/else chains recurse, bounded.
  for (let i = 0; i < 10_000; i++) {
    if (ts.isReturnStatement(s) || ts.isThrowStatement(s) || ts.isContinueStatement(s) || ts.isBreakStatement(s)) return true;
    if (ts.isBlock(s)) {
      const last = s.statements[s.statements.length - 1];
      if (!last) return false;
      s = last;
      continue;
    }
    if (ts.isIfStatement(s)) return depth < 100 && !!s.elseStatement && exits(s.thenStatement, depth + 1) && exits(s.elseStatement, depth + 1);
    return ts.isExpressionStatement(s) && isExitCall(s.expression);
  }
  return false;
}

/** process.exit(), ctx.throw(), assert.fail() */
function isExitCall(expr: TS.Expression): boolean {
  const ts = typescript();
  const e = skipWrappers(expr);
  if (!ts.isCallExpression(e)) return false;
  const callee = skipWrappers(e.expression);
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const name = callee.name.text;
  const receiver = skipWrappers(callee.expression);
  if (name === 'exit' && ts.isIdentifier(receiver) && receiver.text === 'process') return true;
  if (name === 'throw') return true;
  return name === 'fail' && ts.isIdentifier(receiver) && receiver.text === 'assert';
}

export function propertyKey(name: TS.PropertyName, host: { constants: Constants }): string | undefined {
  const ts = typescript();
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isComputedPropertyName(name)) {
    const v = host.constants.value(name.expression);
    return v === undefined ? undefined : String(v);
  }
  return undefined;
}

export function isReceiveMessageCommand(arg: TS.Expression, host: { resolveModule(e: TS.Expression): string | undefined }): boolean {
  const ts = typescript();
  const a = skipWrappers(arg);
  if (!ts.isNewExpression(a)) return false;
  const q = host.resolveModule(a.expression) ?? (ts.isIdentifier(a.expression) ? a.expression.text : '');
  return /ReceiveMessageCommand$/.test(q);
}

export function filterFlows(t: Taint, keep: (f: Flow) => boolean): Taint {
  const flows = t.flows.filter(keep);
  if (flows.length === t.flows.length) return t;
  return { flows, ...(t.normalized ? { normalized: true } : {}) };
}


