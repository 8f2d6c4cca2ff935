// Compile-time values of expressions: literals, concatenations and templates of literals, and
// identifiers declared once with such a value. Rules use it to read option values
// (`{ algorithm: 'des-ecb' }`, `const ROUNDS = 10`) without executing anything.
import type * as TS from 'typescript';
import { typescript } from '../parser';
import { skipWrappers } from './bindings';
import { flatNodes } from './walk';

export type Constant = string | number | boolean;

export class Constants {
  /** Identifiers with exactly one declaration in the file, and its initializer. */
  private readonly single = new Map<string, TS.Expression | null>();

  constructor(sourceFile: TS.SourceFile) {
    const ts = typescript();
    const k = ts.SyntaxKind;
    // Only declarations matter: test the compact kinds array and touch just those nodes.
    const { nodes, kinds } = flatNodes(sourceFile);
    for (let i = 0; i < kinds.length; i++) {
      if (kinds[i] !== k.VariableDeclaration && kinds[i] !== k.Parameter) continue;
      const node = nodes[i];
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) {
        const name = node.name.text;
        const isConst = (node.parent.flags & ts.NodeFlags.Const) !== 0;
        // A second declaration, or a `let`/`var`, makes the value unknowable without flow analysis.
        this.single.set(name, this.single.has(name) || !isConst || !node.initializer ? null : node.initializer);
      } else if (ts.isParameter(node) && ts.isIdentifier(node.name)) {
        this.single.set(node.name.text, null);
      }
    }
  }

  /** The value of `expr` when it is knowable, else undefined. Depth-limited against cycles. */
  value(expr: TS.Expression | undefined, depth = 0): Constant | undefined {
    if (!expr || depth > 20) return undefined;
    const ts = typescript();
    const e = skipWrappers(expr);
    if (ts.isStringLiteralLike(e)) return e.text;
    if (ts.isNumericLiteral(e)) return Number(e.text.replace(/_/g, ''));
    if (e.kind === ts.SyntaxKind.TrueKeyword) return true;
    if (e.kind === ts.SyntaxKind.FalseKeyword) return false;
    if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken) {
      const v = this.value(e.operand, depth + 1);
      return typeof v === 'number' ? -v : undefined;
    }
    if (ts.isTemplateExpression(e)) {
      let out = e.head.text;
      for (const span of e.templateSpans) {
        const v = this.value(span.expression, depth + 1);
        if (v === undefined) return undefined;
        out += String(v) + span.literal.text;
      }
      return out;
    }
    if (ts.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      const l = this.value(e.left, depth + 1);
      const r = this.value(e.right, depth + 1);
      if (l === undefined || r === undefined) return undefined;
      if (op === ts.SyntaxKind.PlusToken) return typeof l === 'number' && typeof r === 'number' ? l + r : String(l) + String(r);
      if (typeof l === 'number' && typeof r === 'number') {
        if (op === ts.SyntaxKind.AsteriskToken) return l * r;
        if (op === ts.SyntaxKind.MinusToken) return l - r;
        if (op === ts.SyntaxKind.AsteriskAsteriskToken) return l ** r;
        if (op === ts.SyntaxKind.LessThanLessThanToken) return l << r;
      }
      return undefined;
    }
    if (ts.isIdentifier(e)) {
      const init = this.single.get(e.text);
      return init ? this.value(init, depth + 1) : undefined;
    }
    return undefined;
  }

  /** The initializer of a once-declared const, for rules that look through a name. */
  initializerOf(name: string): TS.Expression | undefined {
    return this.single.get(name) ?? undefined;
  }
}

/** The property named `name` in an object literal, if written literally. */
export function propertyOf(obj: TS.Expression | undefined, name: string): TS.PropertyAssignment | TS.ShorthandPropertyAssignment | undefined {
  if (!obj) return undefined;
  const ts = typescript();
  const o = skipWrappers(obj);
  if (!ts.isObjectLiteralExpression(o)) return undefined;
  for (const p of o.properties) {
    if ((ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && p.name && propertyNameText(p.name) === name) return p;
  }
  return undefined;
}

export function propertyNameText(name: TS.PropertyName): string | undefined {
  const ts = typescript();
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}
