// Finding ranges and small, safe text edits for quick fixes. A range stays on one line (the line
// a reader looks at), except for a weak option of a multi-line call, which spans from the call to
// the option so that it names both.
import type * as TS from 'typescript';
import { typescript } from '../parser';
import type { TextEdit, TextRange } from '../types';

/** The node's range, cut at the end of its first line when it spans several. */
export function firstLineRange(node: TS.Node, text: string): TextRange {
  const start = node.getStart();
  const newline = text.indexOf('\n', start);
  const end = newline >= 0 && newline < node.end ? trimEnd(text, start, newline) : node.end;
  return { start, end: Math.max(end, start + 1) };
}

/** For a call: `crypto.createHash('md5')` when on one line, else from the callee to the end of its line. */
export function callRange(call: TS.CallExpression | TS.NewExpression, text: string): TextRange {
  return firstLineRange(call, text);
}

/**
 * Where a weak option of a crypto call is reported: the option's first line, and when the object
 * holding it is written as an argument of the call, from the call on, so that the finding covers
 * both the call (`generateKeyPairSync('rsa', {`) and the offending property (`modulusLength: 1024`)
 * when they sit on different lines. A nested or separately declared options object gets the
 * property alone.
 */
export function optionRange(option: TS.Node, text: string): TextRange {
  const own = firstLineRange(option, text);
  const call = callTakingObjectOf(option);
  if (!call || call.getStart() >= own.start) return own;
  return { start: callRange(call, text).start, end: own.end };
}

/**
 * A call made weak by one of its arguments (`pbkdf2Sync(pw, salt, 1000, ...)`, `bcrypt.hash(pw, 8)`):
 * the call's first line, extended to the end of the argument's line when the argument sits on a
 * later line, so the finding covers the call and the value that makes it weak.
 */
export function argumentRange(call: TS.CallExpression | TS.NewExpression, argument: TS.Node | undefined, text: string): TextRange {
  const own = callRange(call, text);
  if (!argument || argument.getStart() <= own.end || argument.getStart() >= call.end) return own;
  return { start: own.start, end: firstLineRange(argument, text).end };
}

/** The call or `new` whose argument is the object literal directly holding `option`. */
function callTakingObjectOf(option: TS.Node): TS.CallExpression | TS.NewExpression | undefined {
  const ts = typescript();
  if (!option.parent || !ts.isObjectLiteralExpression(option.parent)) return undefined;
  // Parentheses and `as const` between the object and the call do not matter.
  let arg: TS.Node = option.parent;
  while (arg.parent && (ts.isParenthesizedExpression(arg.parent) || ts.isAsExpression(arg.parent) || ts.isSatisfiesExpression(arg.parent))) arg = arg.parent;
  const call = arg.parent;
  if (!call || (!ts.isCallExpression(call) && !ts.isNewExpression(call))) return undefined;
  return call.arguments?.some((a) => a === arg) ? call : undefined;
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && (text[e - 1] === ' ' || text[e - 1] === '\t' || text[e - 1] === '\r')) e--;
  return e;
}

/** Replaces a string literal's contents, keeping its quotes. */
export function replaceStringLiteral(literal: TS.Node, text: string, newValue: string): TextEdit {
  const start = literal.getStart();
  const quote = text[start];
  return { start, end: literal.end, newText: `${quote}${newValue}${quote}` };
}

export function replaceNode(node: TS.Node, newText: string): TextEdit {
  return { start: node.getStart(), end: node.end, newText };
}

/**
 * Deletes a property from an object literal with its comma, and its whole line when it stands
 * alone on one, so that the result reads as if it had never been written.
 */
export function removeProperty(prop: TS.ObjectLiteralElementLike, text: string): TextEdit {
  const obj = prop.parent as TS.ObjectLiteralExpression;
  const props = obj.properties;
  const index = props.indexOf(prop);
  const start = prop.getStart();
  let end = prop.end;
  // Include a trailing comma that belongs to this property.
  let after = end;
  while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after++;
  const hasComma = text[after] === ',';
  if (hasComma) end = after + 1;

  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const aloneBefore = text.slice(lineStart, start).trim() === '';
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  const restOfLine = text.slice(end, lineEnd);
  const trailingComment = restOfLine.trim().startsWith('//');
  if (aloneBefore && (restOfLine.trim() === '' || trailingComment)) {
    // The property has its own line: delete the line (and its comment, which described it).
    return { start: lineStart, end: Math.min(lineEnd + 1, text.length), newText: '' };
  }
  if (hasComma) {
    let next = end;
    while (next < text.length && (text[next] === ' ' || text[next] === '\t')) next++;
    return { start, end: next, newText: '' };
  }
  if (index > 0) {
    // Last property on a shared line: remove the comma before it.
    const prevEnd = props[index - 1].end;
    return { start: prevEnd, end, newText: '' };
  }
  // The only property: `{ rejectUnauthorized: false }` -> `{}`.
  return { start: obj.getStart() + 1, end: obj.end - 1, newText: '' };
}

/** Applies edits to a text (for tests and for the CLI's --fix preview). Edits must not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
