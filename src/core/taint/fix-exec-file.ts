// Quick fix for `exec(`git log ${branch}`)`: `execFile('git', ['log', branch])`. Offered only
// when the command splits cleanly into a constant program and whitespace-separated arguments
// (no quotes, pipes, redirects, globs or variables of the shell in the constant parts), and
// when an execFile/execFileSync binding from child_process is at hand.
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import { typescript } from '../parser';
import type { Shared } from './shared';
import type { Fix } from '../types';

type Part = { literal: string } | { expr: TS.Expression };

/** Characters a constant part may hold: anything else means the shell does real work. */
const PLAIN = /^[A-Za-z0-9_\-./=:,@%+ ]*$/;

export interface ExecFileFix {
  fix: Fix;
  /** The replacement call as the message shows it: "execFile('git', ['log', branch])". */
  suggestion: string;
}

export function execFileFix(shared: Shared, call: TS.CallExpression): ExecFileFix | undefined {
  const ts = typescript();
  const callee = skipWrappers(call.expression);
  const qualified = shared.bindings.resolveModule(callee);
  if (qualified !== 'child_process.exec' && qualified !== 'child_process.execSync') return undefined;
  const target = qualified === 'child_process.exec' ? 'execFile' : 'execFileSync';
  let calleeText: string | undefined;
  if (ts.isPropertyAccessExpression(callee) && (callee.name.text === 'exec' || callee.name.text === 'execSync')) {
    calleeText = `${text(shared, callee.expression)}.${target}`;
  } else if (ts.isIdentifier(callee) && (callee.text === 'exec' || callee.text === 'execSync')) {
    // Only when the file already has execFile/execFileSync from child_process under that name.
    if (shared.bindings.resolve(ts.factory.createIdentifier(target)) === `child_process.${target}`) calleeText = target;
  }
  const command = call.arguments[0];
  if (!calleeText || !command) return undefined;
  const parts = partsOf(command);
  if (!parts) return undefined;
  const tokens = tokenize(parts);
  if (!tokens || tokens.length === 0) return undefined;
  const [program, ...rest] = tokens;
  if (program.length !== 1 || !('literal' in program[0])) return undefined;
  const args = rest.map((t) => renderToken(shared, t));
  const replacement = `${calleeText}(${quote(program[0].literal)}, [${args.join(', ')}]`;
  const start = call.expression.getStart(shared.sf);
  return {
    fix: { title: `Run ${program[0].literal} with ${target} and an argument array (no shell)`, edits: [{ start, end: command.end, newText: replacement }] },
    suggestion: `${replacement})`,
  };
}

/** Literal and expression parts of a template literal or a `+` chain of strings. */
function partsOf(expr: TS.Expression): Part[] | undefined {
  const ts = typescript();
  const e = skipWrappers(expr);
  if (ts.isStringLiteralLike(e)) return [{ literal: e.text }];
  if (ts.isTemplateExpression(e)) {
    const parts: Part[] = [{ literal: e.head.text }];
    for (const span of e.templateSpans) parts.push({ expr: span.expression }, { literal: span.literal.text });
    return parts;
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const operands: TS.Expression[] = [];
    let cur: TS.Expression = e;
    while (ts.isBinaryExpression(cur) && cur.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      operands.push(cur.right);
      cur = skipWrappers(cur.left);
    }
    operands.push(cur);
    operands.reverse();
    if (!ts.isStringLiteralLike(skipWrappers(operands[0]))) return undefined;
    const parts: Part[] = [];
    for (const op of operands) {
      const o = skipWrappers(op);
      if (ts.isStringLiteralLike(o)) parts.push({ literal: o.text });
      else if (ts.isTemplateExpression(o) || ts.isBinaryExpression(o)) return undefined;
      else parts.push({ expr: op });
    }
    return parts;
  }
  return undefined;
}

/** Splits parts on whitespace in the literals; undefined when a literal holds shell syntax. */
function tokenize(parts: Part[]): Part[][] | undefined {
  const tokens: Part[][] = [];
  let current: Part[] = [];
  const flush = () => {
    if (current.length > 0) tokens.push(current);
    current = [];
  };
  for (const part of parts) {
    if ('expr' in part) {
      current.push(part);
      continue;
    }
    if (!PLAIN.test(part.literal)) return undefined;
    const pieces = part.literal.split(' ');
    pieces.forEach((piece, i) => {
      if (i > 0) flush();
      if (piece) current.push({ literal: piece });
    });
  }
  flush();
  return tokens;
}

function renderToken(shared: Shared, token: Part[]): string {
  if (token.length === 1) {
    const only = token[0];
    return 'literal' in only ? quote(only.literal) : text(shared, only.expr);
  }
  return `\`${token.map((p) => ('literal' in p ? p.literal : `\${${text(shared, p.expr)}}`)).join('')}\``;
}

function quote(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function text(shared: Shared, node: TS.Node): string {
  return shared.text.slice(node.getStart(shared.sf), node.end);
}
