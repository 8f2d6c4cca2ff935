// Where a value goes, inside one expression and one function: `Math.random()` in
// `const token = Math.random().toString(36).slice(2)` ends in a variable named `token`; in
// `return chars[Math.floor(Math.random() * n)]` it ends in whatever the enclosing function's
// name says it returns. The purpose rules judge a weak primitive by that destination.
import type * as TS from 'typescript';
import { propertyNameText } from '../ast/constants';
import { walk } from '../ast/walk';
import type { CryptoFacts } from './facts';

export type FunctionLike = TS.FunctionDeclaration | TS.FunctionExpression | TS.ArrowFunction | TS.MethodDeclaration | TS.GetAccessorDeclaration | TS.ConstructorDeclaration;

export type Destination =
  /** Stored under a name: a variable, an object property, an assignment target. */
  | { kind: 'name'; name: string; node: TS.Node; declaration?: TS.VariableDeclaration }
  /** Returned from a function (its name may be unknown). */
  | { kind: 'return'; fn: FunctionLike; name?: string }
  /** Consumed as a boolean or a number for control flow: comparisons, conditions, JSX attributes. */
  | { kind: 'control'; node: TS.Node }
  /** Passed to a function that is not a known pass-through. */
  | { kind: 'argument'; call: TS.CallExpression | TS.NewExpression; callee?: string; index: number }
  | { kind: 'none' };

/** Calls that hand their argument's randomness or content on to their result. */
const PASS_THROUGH_FUNCTIONS = new Set([
  'Math.floor', 'Math.ceil', 'Math.round', 'Math.trunc', 'Math.abs', 'Math.min', 'Math.max', 'String', 'Number',
  'parseInt', 'parseFloat', 'BigInt', 'Buffer.from', 'Array.from', 'Object.fromEntries', 'encodeURIComponent', 'btoa',
]);
/** Methods whose argument selects or shapes the result: `chars.charAt(i)`, `list.at(i)`. */
const PASS_THROUGH_METHODS = new Set(['charAt', 'at', 'charCodeAt', 'codePointAt', 'slice', 'substring', 'substr', 'padStart', 'padEnd', 'concat', 'repeat', 'fill', 'map', 'join', 'toString', 'update']);
/** Functions a callback's result flows out of: `Array.from(n, () => x)`, `useMemo(() => x)`. */
const CALLBACK_RESULT_FUNCTIONS = new Set(['from', 'map', 'flatMap', 'useMemo', 'useCallback', 'useState', 'useRef', 'computed', 'reduce', 'then', 'generate', 'times', 'fill']);

export function isFunctionLike(ts: typeof TS, n: TS.Node): n is FunctionLike {
  return ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n) || ts.isMethodDeclaration(n) || ts.isGetAccessorDeclaration(n) || ts.isConstructorDeclaration(n);
}

/** A function's name as its callers see it: declaration name, the variable, property or method it is assigned to. */
export function functionName(ts: typeof TS, fn: FunctionLike): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) && fn.name) return fn.name.text;
  if ((ts.isMethodDeclaration(fn) || ts.isGetAccessorDeclaration(fn)) && fn.name) return propertyNameText(fn.name) ?? (ts.isPrivateIdentifier(fn.name) ? fn.name.text.slice(1) : undefined);
  const p = fn.parent;
  if (!p) return undefined;
  if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  if (ts.isPropertyAssignment(p)) return propertyNameText(p.name);
  if (ts.isPropertyDeclaration(p) && p.initializer === fn) return propertyNameText(p.name);
  if (ts.isBinaryExpression(p) && p.right === fn) return lastName(ts, p.left);
  return undefined;
}

/** `exports.makeToken` -> 'makeToken', `this.state.token` -> 'token'. */
export function lastName(ts: typeof TS, e: TS.Expression): string | undefined {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  if (ts.isElementAccessExpression(e) && ts.isStringLiteralLike(e.argumentExpression)) return e.argumentExpression.text;
  return undefined;
}

/** All words of an assignment target: `wobble.current` -> 'wobble.current', `res.locals.token` -> 'res.locals.token'. */
export function targetText(ts: typeof TS, e: TS.Expression): string | undefined {
  // Iterative, and capped: member chains can be thousands deep in hostile input.
  const parts: string[] = [];
  let cur: TS.Expression = e;
  for (let i = 0; i < 64; i++) {
    if (ts.isIdentifier(cur)) {
      parts.push(cur.text);
      break;
    }
    if (ts.isPropertyAccessExpression(cur)) {
      parts.push(cur.name.text);
      cur = cur.expression;
    } else if (ts.isElementAccessExpression(cur)) {
      if (ts.isStringLiteralLike(cur.argumentExpression)) parts.push(cur.argumentExpression.text);
      cur = cur.expression;
    } else break;
  }
  return parts.length > 0 ? parts.reverse().join('.') : undefined;
}

export function enclosingFunction(ts: typeof TS, node: TS.Node): FunctionLike | undefined {
  for (let n = node.parent; n; n = n.parent) if (isFunctionLike(ts, n)) return n;
  return undefined;
}

/** The nearest enclosing function that has a name, looking through anonymous callbacks. */
export function enclosingNamedFunction(ts: typeof TS, node: TS.Node): { fn: FunctionLike; name: string } | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (isFunctionLike(ts, n)) {
      const name = functionName(ts, n);
      if (name) return { fn: n, name };
    }
  }
  return undefined;
}

/** Follows a value up the tree from `start` until it is stored, returned, consumed or passed on. */
export function destinationOf(facts: CryptoFacts, start: TS.Node): Destination {
  const ts = facts.ts;
  let node: TS.Node = start;
  for (let guard = 0; guard < 200; guard++) {
    const parent: TS.Node | undefined = node.parent;
    if (!parent) return { kind: 'none' };
    if (
      ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent) || ts.isAwaitExpression(parent) ||
      ts.isTypeAssertionExpression(parent) || ts.isSatisfiesExpression(parent) || ts.isSpreadElement(parent) || ts.isArrayLiteralExpression(parent) ||
      ts.isTemplateSpan(parent) || ts.isTemplateExpression(parent) || ts.isTaggedTemplateExpression(parent)
    ) {
      node = parent;
      continue;
    }
    if (ts.isPrefixUnaryExpression(parent)) {
      if (parent.operator === ts.SyntaxKind.ExclamationToken) return { kind: 'control', node: parent };
      node = parent;
      continue;
    }
    if (ts.isBinaryExpression(parent)) {
      const op = parent.operatorToken.kind;
      if (op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment) {
        if (parent.right !== node) return { kind: 'none' };
        const name = targetText(ts, parent.left);
        if (!name) return { kind: 'none' };
        // `s += chars[i]`: follow the variable like a declaration, so its later uses count.
        const declared = ts.isIdentifier(parent.left) ? declarationOf(facts, parent.left) : undefined;
        return { kind: 'name', name, node: parent.left, declaration: declared && ts.isVariableDeclaration(declared) ? declared : undefined };
      }
      if (isComparison(ts, op)) return { kind: 'control', node: parent };
      if (op === ts.SyntaxKind.CommaToken && parent.left === node) return { kind: 'none' };
      node = parent;
      continue;
    }
    if (ts.isConditionalExpression(parent)) {
      if (parent.condition === node) return { kind: 'control', node: parent };
      node = parent;
      continue;
    }
    if (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) {
      // `x.toString(36)`, `chars[i]`, `list[x]`: the result still carries x's randomness/content.
      node = parent;
      continue;
    }
    if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) {
      if (parent.expression === node) {
        node = parent;
        continue;
      }
      const index = parent.arguments ? parent.arguments.indexOf(node as TS.Expression) : -1;
      const callee = facts.bindings.resolve(parent.expression);
      const method = ts.isPropertyAccessExpression(parent.expression) ? parent.expression.name.text : undefined;
      if ((callee && PASS_THROUGH_FUNCTIONS.has(callee)) || (method && PASS_THROUGH_METHODS.has(method))) {
        node = parent;
        continue;
      }
      if (method === 'push' || method === 'add' || method === 'set' || method === 'append' || method === 'unshift') {
        const name = targetText(ts, (parent.expression as TS.PropertyAccessExpression).expression);
        return name ? { kind: 'name', name, node: parent } : { kind: 'none' };
      }
      return { kind: 'argument', call: parent, callee, index };
    }
    if (ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === node)) {
      const fn = ts.isReturnStatement(parent) ? enclosingFunction(ts, parent) : parent;
      if (!fn) return { kind: 'none' };
      const outer = fn.parent;
      // A callback's result flows out of the call that receives it: Array.from(n, () => x).join('').
      if (outer && (ts.isCallExpression(outer) || ts.isNewExpression(outer)) && outer.arguments?.includes(fn as TS.Expression)) {
        const method = lastName(ts, outer.expression);
        if (method && CALLBACK_RESULT_FUNCTIONS.has(method)) {
          node = outer;
          continue;
        }
        return { kind: 'argument', call: outer, callee: facts.bindings.resolve(outer.expression), index: outer.arguments.indexOf(fn as TS.Expression) };
      }
      return { kind: 'return', fn, name: functionName(ts, fn) };
    }
    if (ts.isVariableDeclaration(parent)) {
      if (parent.initializer !== node) return { kind: 'none' };
      if (ts.isIdentifier(parent.name)) return { kind: 'name', name: parent.name.text, node: parent.name, declaration: parent };
      // `const [roomCode] = useState(() => ...)`: the first element holds the value.
      const first = ts.isArrayBindingPattern(parent.name) ? parent.name.elements[0] : undefined;
      if (first && ts.isBindingElement(first) && ts.isIdentifier(first.name)) return { kind: 'name', name: first.name.text, node: first.name };
      return { kind: 'none' };
    }
    if (ts.isPropertyAssignment(parent)) {
      const name = propertyNameText(parent.name);
      return name ? { kind: 'name', name, node: parent } : { kind: 'none' };
    }
    if (ts.isParameter(parent) || ts.isPropertyDeclaration(parent)) {
      const name = ts.isIdentifier(parent.name) ? parent.name.text : undefined;
      return name ? { kind: 'name', name, node: parent } : { kind: 'none' };
    }
    if (ts.isJsxExpression(parent) || ts.isJsxAttribute(parent)) return { kind: 'control', node: parent };
    if (
      ts.isIfStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent) || ts.isForStatement(parent) ||
      ts.isSwitchStatement(parent) || ts.isCaseClause(parent)
    ) {
      return { kind: 'control', node: parent };
    }
    return { kind: 'none' };
  }
  return { kind: 'none' };
}

function isComparison(ts: typeof TS, op: TS.SyntaxKind): boolean {
  return (
    op === ts.SyntaxKind.LessThanToken || op === ts.SyntaxKind.GreaterThanToken || op === ts.SyntaxKind.LessThanEqualsToken ||
    op === ts.SyntaxKind.GreaterThanEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsEqualsToken ||
    op === ts.SyntaxKind.ExclamationEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.InstanceOfKeyword ||
    op === ts.SyntaxKind.InKeyword
  );
}

/** Is `op` an equality comparison (the shape of a verification: `digest === expected`)? */
export function isEquality(ts: typeof TS, n: TS.Node): n is TS.BinaryExpression {
  if (!ts.isBinaryExpression(n)) return false;
  const op = n.operatorToken.kind;
  return op === ts.SyntaxKind.EqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken;
}

/** The scope a declaration is visible in: its function body, or the file. */
function scopeOf(ts: typeof TS, node: TS.Node): TS.Node {
  for (let n = node.parent; n; n = n.parent) if (isFunctionLike(ts, n) || ts.isSourceFile(n)) return n;
  return node.getSourceFile();
}

/** Identifier references to a declared variable in its scope (shadowing is ignored: one file, small functions). */
export function referencesOf(facts: CryptoFacts, declaration: TS.VariableDeclaration | TS.ParameterDeclaration): TS.Identifier[] {
  const ts = facts.ts;
  if (!ts.isIdentifier(declaration.name)) return [];
  const name = declaration.name.text;
  const scope = ts.isParameter(declaration) ? declaration.parent : scopeOf(ts, declaration);
  const refs: TS.Identifier[] = [];
  walk(scope, (n) => {
    if (ts.isIdentifier(n) && n.text === name && n !== declaration.name && isReference(ts, n)) refs.push(n);
  });
  return refs;
}

/** References to a named function in the file: `md5File(x)` call sites of `function md5File`. */
export function callsOfFunction(facts: CryptoFacts, name: string): TS.CallExpression[] {
  const ts = facts.ts;
  const calls: TS.CallExpression[] = [];
  for (const c of facts.byCallee.get(name) ?? []) {
    const n = c.node;
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === name) calls.push(n);
  }
  return calls;
}

function isReference(ts: typeof TS, id: TS.Identifier): boolean {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  if (ts.isPropertyAssignment(p) && p.name === id) return false;
  if ((ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isFunctionDeclaration(p) || ts.isBindingElement(p)) && p.name === id) return false;
  return true;
}

/** The declaration a name refers to at `use`: the nearest enclosing function's variable or parameter, else the file's. */
export function declarationOf(facts: CryptoFacts, use: TS.Identifier): TS.VariableDeclaration | TS.ParameterDeclaration | undefined {
  const ts = facts.ts;
  const name = use.text;
  for (let scope: TS.Node | undefined = use.parent; scope; scope = scope.parent) {
    if (!isFunctionLike(ts, scope) && !ts.isSourceFile(scope)) continue;
    if (isFunctionLike(ts, scope)) {
      for (const p of scope.parameters) if (ts.isIdentifier(p.name) && p.name.text === name) return p;
    }
    let found: TS.VariableDeclaration | undefined;
    walk(scope, (n) => {
      if (n !== scope && isFunctionLike(ts, n)) return false; // nested functions have their own scope
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === name && n.pos < use.pos) found = n;
      return undefined;
    });
    if (found) return found;
  }
  return undefined;
}
