// Expressions: what each kind of expression carries (templates and concatenations join their
// parts, conditionals narrow their arms, object literals keep per-field values, functions in
// options objects are analysed with what the framework passes them).
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import { accessPath } from './access-path';
import { propertyCallbackContext, type ParamTaint } from './callbacks';
import { Env, wholeValue } from './env';
import type { FunctionNode } from './functions';
import { narrow, type Clear } from './narrowing';
import { validatedFields } from './schema-validation';
import { sourceTaint, ARGV_MODULES } from './sources';
import { propertyKey } from './syntax';
import { CLEAN, clip, isTainted, markerOnly, union, withoutMarker } from './taint-value';
import type { Taint } from './types';
import { MAX_DEPTH } from './analysis-state';
import { ValueAnalysis } from './analysis-values';

export abstract class ExpressionAnalysis extends ValueAnalysis {
  /** The value of one arm of `c ? a : b`, in its own scope with what the test tells. */
  protected branchValue(clears: readonly Clear[], arm: TS.Expression): Taint {
    const saved = this.env;
    this.env = new Env(saved);
    try {
      this.applyClears(clears);
      return this.eval(arm);
    } finally {
      this.env = saved;
    }
  }

  eval(expr: TS.Expression): Taint {
    if (this.depth > MAX_DEPTH) return CLEAN;
    this.depth++;
    try {
      return this.evalNode(expr);
    } finally {
      this.depth--;
    }
  }

  protected evalNode(e: TS.Expression): Taint {
    const ts = this.ts;
    switch (e.kind) {
      case this.k.Identifier: {
        const name = (e as TS.Identifier).text;
        if (name === 'undefined') return CLEAN;
        const found = this.findVar(name);
        return found ? wholeValue(found.state) : CLEAN;
      }
      case this.k.PropertyAccessExpression:
      case this.k.ElementAccessExpression:
        return this.member(e as TS.PropertyAccessExpression | TS.ElementAccessExpression);
      case this.k.CallExpression:
        return this.call(e as TS.CallExpression);
      case this.k.NewExpression:
        return this.newExpression(e as TS.NewExpression);
      case this.k.TemplateExpression:
        return union(...(e as TS.TemplateExpression).templateSpans.map((s) => withoutMarker(this.eval(s.expression))));
      case this.k.TaggedTemplateExpression: {
        // execa's $`...` and zx escape each interpolation; sql`` builds a query. Not a string.
        const tpl = (e as TS.TaggedTemplateExpression).template;
        if (ts.isTemplateExpression(tpl)) tpl.templateSpans.forEach((s) => this.eval(s.expression));
        this.eval((e as TS.TaggedTemplateExpression).tag);
        this.taggedTemplateSinks(e as TS.TaggedTemplateExpression);
        return CLEAN;
      }
      case this.k.StringLiteral:
      case this.k.NumericLiteral:
      case this.k.NoSubstitutionTemplateLiteral:
      case this.k.TrueKeyword:
      case this.k.FalseKeyword:
      case this.k.NullKeyword:
      case this.k.RegularExpressionLiteral:
      case this.k.ThisKeyword:
        return CLEAN;
      case this.k.BinaryExpression:
        return this.binary(e as TS.BinaryExpression);
      case this.k.ConditionalExpression: {
        const c = e as TS.ConditionalExpression;
        this.eval(c.condition);
        const whenTrue = narrow(c.condition, true, this);
        const whenFalse = narrow(c.condition, false, this);
        this.cond++;
        try {
          return union(this.branchValue(whenTrue, c.whenTrue), this.branchValue(whenFalse, c.whenFalse));
        } finally {
          this.cond--;
        }
      }
      case this.k.ParenthesizedExpression:
      case this.k.AsExpression:
      case this.k.NonNullExpression:
      case this.k.TypeAssertionExpression:
      case this.k.SatisfiesExpression:
      case this.k.AwaitExpression:
      case this.k.SpreadElement:
        return this.eval((e as TS.ParenthesizedExpression).expression);
      case this.k.PrefixUnaryExpression:
      case this.k.PostfixUnaryExpression:
        this.eval((e as TS.PrefixUnaryExpression).operand);
        return CLEAN;
      case this.k.TypeOfExpression:
      case this.k.VoidExpression:
      case this.k.DeleteExpression:
        this.eval((e as TS.TypeOfExpression).expression);
        return CLEAN;
      case this.k.ArrayLiteralExpression:
        return union(
          ...(e as TS.ArrayLiteralExpression).elements.map((el) => {
            const t = this.eval(el);
            // Sinks look at single elements (spawn args with a shell, `sh -c` scripts).
            this.elements.set(this.ts.isSpreadElement(el) ? el.expression : el, t);
            return withoutMarker(t);
          }),
        );
      case this.k.ObjectLiteralExpression:
        return this.objectLiteral(e as TS.ObjectLiteralExpression).whole;
      case this.k.ArrowFunction:
      case this.k.FunctionExpression:
        this.closure(e as TS.ArrowFunction, undefined);
        return CLEAN;
      case this.k.YieldExpression: {
        const y = (e as TS.YieldExpression).expression;
        if (y) this.eval(y);
        return CLEAN;
      }
      default:
        this.visitChildren(e);
        return CLEAN;
    }
  }

  /** JSX and other expressions: look inside for calls and closures, the value itself is clean. */
  protected visitChildren(node: TS.Node): void {
    const ts = this.ts;
    if (this.depth > MAX_DEPTH) return;
    this.depth++;
    try {
      ts.forEachChild(node, (child) => {
        if (ts.isJsxExpression(child)) {
          if (child.expression) this.eval(child.expression);
        } else if (ts.isCallExpression(child) || ts.isArrowFunction(child) || ts.isFunctionExpression(child) || ts.isNewExpression(child)) {
          this.eval(child);
        } else if (!ts.isTypeNode(child) && !ts.isIdentifier(child)) {
          this.visitChildren(child);
        }
      });
    } finally {
      this.depth--;
    }
  }

  protected member(e: TS.PropertyAccessExpression | TS.ElementAccessExpression): Taint {
    const ts = this.ts;
    if (ts.isPropertyAccessExpression(e) && e.name.text === 'argv' && ARGV_MODULES.has(this.resolveModule(e) ?? '')) {
      return sourceTaint(e.getStart(this.shared.sf), e.end, clip(this.text(e)));
    }
    const path = accessPath(e, this.constants);
    if (path) return this.lookup(path, e);
    const base = this.eval(e.expression);
    if (ts.isPropertyAccessExpression(e)) return this.field(base, e.name.text, e, () => clip(this.text(e)));
    this.eval(e.argumentExpression);
    // An untainted object indexed by untrusted input is an allow-list lookup (FORMATS[q]).
    if (!isTainted(base) && !base.marker) return CLEAN;
    return base.marker === 'upload' || base.marker === 'multipart' ? base : withoutMarker(base);
  }

  protected binary(e: TS.BinaryExpression): Taint {
    const ts = this.ts;
    const op = e.operatorToken.kind;
    if (op === this.k.EqualsToken) {
      const t = skipWrappers(e.left);
      const init = skipWrappers(e.right);
      const named = this.shared.functions.infoOf(init);
      if (named && ts.isIdentifier(t)) {
        const found = this.env.find(t.text);
        if (found) found.env.set(t.text, { ...found.state, fn: named });
        return CLEAN;
      }
      const value = this.eval(e.right);
      this.assign(e.left, value);
      return value;
    }
    if (op === this.k.PlusEqualsToken || op === this.k.BarBarEqualsToken || op === this.k.QuestionQuestionEqualsToken || op === this.k.AmpersandAmpersandEqualsToken) {
      const value = union(this.eval(e.left), this.eval(e.right));
      this.assign(e.left, value);
      return value;
    }
    if (op === this.k.PlusToken) return this.concatenation(e);
    if (op === this.k.BarBarToken || op === this.k.QuestionQuestionToken || op === this.k.AmpersandAmpersandToken) {
      const left = this.eval(e.left);
      this.cond++;
      try {
        return union(left, this.eval(e.right));
      } finally {
        this.cond--;
      }
    }
    if (op === this.k.CommaToken) {
      this.eval(e.left);
      return this.eval(e.right);
    }
    this.eval(e.left);
    this.eval(e.right);
    return CLEAN;
  }

  /** `a + b + c`: flattened so long chains do not recurse; normalized if it starts with a resolved path. */
  protected concatenation(e: TS.BinaryExpression): Taint {
    const ts = this.ts;
    const operands: TS.Expression[] = [];
    let cur: TS.Expression = e;
    while (ts.isBinaryExpression(cur) && cur.operatorToken.kind === this.k.PlusToken) {
      operands.push(cur.right);
      cur = cur.left;
    }
    operands.push(cur);
    operands.reverse();
    const parts = operands.map((o) => this.eval(o));
    const joined = union(...parts.map(withoutMarker));
    return parts[0].normalized && joined.flows.length ? { flows: joined.flows, normalized: true } : joined;
  }

  /** Object literals: the whole value and the values of statically named properties. */
  protected objectLiteral(o: TS.ObjectLiteralExpression): { own: Taint; whole: Taint; fields: Map<string, Taint> } {
    const ts = this.ts;
    const fields = new Map<string, Taint>();
    const parts: Taint[] = [];
    for (const p of o.properties) {
      if (ts.isPropertyAssignment(p)) {
        const key = propertyKey(p.name, this);
        const value = skipWrappers(p.initializer);
        if ((ts.isArrowFunction(value) || ts.isFunctionExpression(value)) && key) {
          this.propertyCallback(key, o, value);
          continue;
        }
        const t = this.eval(p.initializer);
        if (key !== undefined) fields.set(key, t);
        else parts.push(withoutMarker(t));
      } else if (ts.isShorthandPropertyAssignment(p)) {
        fields.set(p.name.text, this.eval(p.name));
      } else if (ts.isSpreadAssignment(p)) {
        parts.push(withoutMarker(this.eval(p.expression)));
      } else if (ts.isMethodDeclaration(p) && ts.isIdentifier(p.name)) {
        this.propertyCallback(p.name.text, o, p);
      }
    }
    const own = union(...parts);
    // Keep per-field values only when they differ somewhere (most literals hold nothing untrusted).
    const anyTainted = [...fields.values()].some((v) => isTainted(v) || v.marker);
    return { own, whole: union(own, ...[...fields.values()].map(withoutMarker)), fields: anyTainted ? fields : new Map() };
  }

  protected propertyCallback(key: string, owner: TS.ObjectLiteralExpression, fn: TS.ArrowFunction | TS.FunctionExpression | TS.MethodDeclaration): void {
    const context = propertyCallbackContext(this.shared, key, owner);
    if (context === 'multer') {
      const prop = fn.parent && (this.ts.isPropertyAssignment(fn.parent) ? fn.parent.name : this.ts.isMethodDeclaration(fn) ? fn.name : undefined);
      const range = prop ? { start: prop.getStart(this.shared.sf), end: prop.end } : { start: fn.getStart(this.shared.sf), end: fn.getStart(this.shared.sf) };
      this.closure(fn, (i) => (i === 0 ? markerOnly('request') : i === 1 ? markerOnly('upload') : undefined), { ...range, label: `multer diskStorage ${key}` });
      return;
    }
    this.closure(fn, context, undefined, false, key === 'handler' ? this.routeValidation(owner, fn) : undefined);
  }

  /** hapi and Fastify validate `request.payload/query/params/body` against the route's schemas before the handler runs. */
  protected routeValidation(route: TS.ObjectLiteralExpression, fn: FunctionNode): (() => void) | undefined {
    const first = fn.parameters[0];
    if (!first || !this.ts.isIdentifier(first.name)) return undefined;
    const fields = validatedFields(route, this.constants);
    if (fields.length === 0) return undefined;
    const name = first.name.text;
    return () => this.applyClears(fields.map((f) => ({ path: [name, f.location, f.key], kinds: f.kinds })));
  }

  protected abstract call(call: TS.CallExpression): Taint;

  protected abstract newExpression(n: TS.NewExpression): Taint;

  /** Shell templates that insert interpolations unescaped (Bun's `$.raw`). */
  protected abstract taggedTemplateSinks(e: TS.TaggedTemplateExpression): void;

  protected abstract closure(
    node: TS.ArrowFunction | TS.FunctionExpression | TS.MethodDeclaration,
    context: ParamTaint | undefined,
    multer?: { start: number; end: number; label: string },
    force?: boolean,
    prelude?: () => void,
  ): Taint;
}
