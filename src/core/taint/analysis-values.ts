// Values in the environment: binding declarations and destructuring patterns, assignments
// (strong or weak, field by field), reading access paths (marker fields become sources), and
// narrowing what a guard vouches for.
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import { accessPath } from './access-path';
import { Env, fieldValue, wholeValue, withField, type VarState } from './env';
import type { Clear } from './narrowing';
import { markerField, sourceTaint } from './sources';
import { filterFlows, propertyKey } from './syntax';
import { CLEAN, appendStep, clearKinds, clip, isTainted, union, withoutMarker } from './taint-value';
import type { Step, Taint } from './types';
import { AnalysisState } from './analysis-state';

export abstract class ValueAnalysis extends AnalysisState {
  /**
   * `this.field = value` in a method: untrusted values (from sources) become visible to the
   * class's other methods, which take another look when the field gains a new source.
   */
  protected noteClassField(field: string, value: Taint): void {
    const className = this.fn?.className;
    if (!className) return;
    const sourced = filterFlows(value, (f) => f.origin.type === 'source');
    if (sourced.flows.length === 0) return;
    let fields = this.shared.classFields.get(className);
    if (!fields) this.shared.classFields.set(className, (fields = new Map()));
    const before = fields.get(field);
    const after = before ? union(before, sourced) : sourced;
    if (before && after.flows.length === before.flows.length) return;
    fields.set(field, after);
    for (const m of this.shared.functions.methodsOf(className)) if (m !== this.fn) this.out.entryChanged?.(m);
  }

  /** A method starts with what the class's methods stored on `this` (see noteClassField). */
  protected seedClassFields(className: string): void {
    const fields = this.shared.classFields.get(className);
    if (!fields || fields.size === 0) return;
    let state: VarState = { taint: CLEAN, depth: 0 };
    for (const [field, taint] of fields) state = withField(state, [field], taint);
    this.rootEnv.set('this', state);
  }

  taintOf(path: readonly string[]): Taint {
    return this.lookup(path, undefined);
  }

  /** Narrowing: shadows the cleared paths in the current scope. */
  protected applyClears(clears: readonly Clear[]): void {
    for (const c of clears) {
      const [root, ...fields] = c.path;
      const found = this.env.find(root);
      const state: VarState = found ? found.state : { taint: CLEAN, depth: 0 };
      let next: VarState;
      if (fields.length === 0) {
        const f = new Map<string, Taint>();
        for (const [k, v] of state.fields ?? []) f.set(k, clearKinds(v, c.kinds));
        next = { ...state, taint: clearKinds(state.taint, c.kinds), fields: f };
      } else {
        next = withField(state, fields, clearKinds(this.lookup(c.path, c.node), c.kinds));
      }
      this.env.set(root, next);
    }
  }

  /** Binds a declaration name or destructuring pattern to a value. */
  protected bindName(name: TS.BindingName, value: Taint, stepNode: TS.Node | undefined, baseLabel = 'value'): void {
    const ts = this.ts;
    if (ts.isIdentifier(name)) {
      this.env.declare(name.text, stepNode ? this.stepped(value, stepNode) : value, this.cond);
      return;
    }
    if (ts.isObjectBindingPattern(name)) {
      for (const el of name.elements) {
        if (el.dotDotDotToken) {
          this.bindName(el.name, withoutMarker(value), el);
          continue;
        }
        const key = el.propertyName ? propertyKey(el.propertyName, this) : ts.isIdentifier(el.name) ? el.name.text : undefined;
        let v = key === undefined ? withoutMarker(value) : this.fieldAt(value, key, el.name, `${baseLabel}.${key}`);
        if (el.initializer) v = union(v, this.eval(el.initializer));
        this.bindName(el.name, v, el.name, `${baseLabel}.${key ?? '…'}`);
      }
      return;
    }
    for (const el of name.elements) {
      if (ts.isOmittedExpression(el)) continue;
      let v = value.marker === 'upload' || value.marker === 'multipart' ? value : withoutMarker(value);
      if (el.initializer) v = union(v, this.eval(el.initializer));
      this.bindName(el.name, v, el.name);
    }
  }

  protected bindPatternFromPath(pattern: TS.ObjectBindingPattern, path: readonly string[]): void {
    const ts = this.ts;
    for (const el of pattern.elements) {
      const key = el.dotDotDotToken ? undefined : el.propertyName ? propertyKey(el.propertyName, this) : ts.isIdentifier(el.name) ? el.name.text : undefined;
      if (key === undefined) {
        this.bindName(el.name, withoutMarker(this.lookup(path, undefined)), el, path.join('.'));
        continue;
      }
      const fieldPath = [...path, key];
      if (ts.isObjectBindingPattern(el.name) && !el.initializer) {
        this.bindPatternFromPath(el.name, fieldPath);
        continue;
      }
      let v = this.lookup(fieldPath, el.name, fieldPath.join('.'));
      if (el.initializer) v = union(v, this.eval(el.initializer));
      this.bindName(el.name, v, el.name, fieldPath.join('.'));
    }
  }

  /** `target = value` for identifiers, member paths and destructuring assignments. */
  protected assign(target: TS.Expression, value: Taint): void {
    const ts = this.ts;
    const t = skipWrappers(target);
    if (ts.isIdentifier(t)) {
      this.setPath([t.text], this.stepped(value, t));
      return;
    }
    if (ts.isObjectLiteralExpression(t)) {
      for (const p of t.properties) {
        if (ts.isShorthandPropertyAssignment(p)) this.assign(p.name, this.field(value, p.name.text, p, p.name.text));
        else if (ts.isPropertyAssignment(p)) {
          const key = propertyKey(p.name, this);
          this.assign(p.initializer, key === undefined ? withoutMarker(value) : this.field(value, key, p, key));
        } else if (ts.isSpreadAssignment(p)) this.assign(p.expression, withoutMarker(value));
      }
      return;
    }
    if (ts.isArrayLiteralExpression(t)) {
      for (const el of t.elements) {
        if (ts.isOmittedExpression(el)) continue;
        this.assign(ts.isSpreadElement(el) ? el.expression : el, withoutMarker(value));
      }
      return;
    }
    if (ts.isPropertyAccessExpression(t) || ts.isElementAccessExpression(t)) {
      const path = accessPath(t, this.constants);
      if (path) {
        this.setPath(path, value);
        return;
      }
      // obj[key] = value: the object may now hold the value.
      this.eval(t.expression);
      if (ts.isElementAccessExpression(t)) this.eval(t.argumentExpression);
      const base = accessPath(t.expression, this.constants);
      if (base && isTainted(value)) this.setPath(base, union(this.lookup(base, undefined), value), true);
    }
  }

  protected setPath(path: readonly string[], value: Taint, forceWeak = false): void {
    if (path[0] === 'this' && path.length >= 2) this.noteClassField(path[1], value);
    const [root, ...fields] = path;
    const found = this.env.find(root);
    if (!found) {
      const state: VarState = { taint: CLEAN, depth: 0 };
      this.rootEnv.set(root, fields.length ? withField(state, fields, value) : { ...state, taint: value });
      return;
    }
    const weak = forceWeak || this.cond > found.state.depth;
    for (let e: Env | undefined = this.env; e; e = e.parent) {
      const st = e.get(root);
      if (!st) continue;
      const declaring = e === found.env;
      let v = value;
      if (declaring && weak) v = union(fields.length ? this.fieldOf(st, fields) : wholeValue(st), value);
      e.set(root, withField({ ...st, fn: fields.length ? st.fn : undefined }, fields, v));
      if (declaring) break;
    }
  }

  protected fieldOf(state: VarState, fields: readonly string[]): Taint {
    const { taint, covered } = fieldValue(state, fields);
    let t = taint;
    for (let i = covered; i < fields.length; i++) t = this.field(t, fields[i], undefined, fields.slice(0, i + 1).join('.'));
    return t;
  }

  /** Field values tracked below an access path (`request.query` -> { theme: ... }), for an alias of it. */
  protected fieldsUnder(path: readonly string[]): Map<string, Taint> | undefined {
    const found = this.env.find(path[0]);
    const known = found?.state.fields;
    if (!known || known.size === 0) return undefined;
    const prefix = path.length > 1 ? `${path.slice(1).join('.')}.` : '';
    let out: Map<string, Taint> | undefined;
    for (const [key, taint] of known) {
      if (!key.startsWith(prefix) || key.length === prefix.length) continue;
      (out ??= new Map()).set(key.slice(prefix.length), taint);
    }
    return out;
  }

  /** A source location for a value only if it is a fresh flow; steps record assignments. */
  protected stepped(t: Taint, node: TS.Node): Taint {
    if (t.flows.length === 0) return t;
    const step: Step = { start: node.getStart(this.shared.sf), end: node.end };
    const flows = t.flows.map((f) => ({ ...f, steps: appendStep(f.steps, step) }));
    return { flows, ...(t.marker ? { marker: t.marker } : {}), ...(t.normalized ? { normalized: true } : {}) };
  }

  /** The value at an access path; `node` (the expression read) gives sources their location. */
  protected lookup(path: readonly string[], node: TS.Node | undefined, label?: string): Taint {
    const [root, ...fields] = path;
    // Computed only when a marker field turns into a source.
    const text = label ?? (() => (node ? clip(this.text(node)) : path.join('.')));
    const found = this.findVar(root);
    if (!found) {
      let t = CLEAN;
      for (let i = 0; i < fields.length; i++) {
        if (root === 'process' && i === 0) {
          if (fields[0] === 'argv' && node) t = sourceTaint(node.getStart(this.shared.sf), node.end, label ?? 'process.argv');
          else return CLEAN;
          continue;
        }
        t = this.field(t, fields[i], node, text);
      }
      return t;
    }
    if (fields.length === 0) return wholeValue(found.state);
    const { taint, covered } = fieldValue(found.state, fields);
    let t = taint;
    for (let i = covered; i < fields.length; i++) t = this.field(t, fields[i], node, text);
    return t;
  }

  /** `<value>.<key>`: marker fields become sources; other values pass their flows on. */
  protected field(value: Taint, key: string, node: TS.Node | undefined, label: string | (() => string)): Taint {
    if (key === 'length') return CLEAN;
    const rest = value.flows.length ? { flows: value.flows } : CLEAN;
    if (!value.marker) return rest;
    const start = node ? node.getStart(this.shared.sf) : 0;
    const end = node ? node.end : 0;
    return union(markerField(value.marker, key, start, end, typeof label === 'string' ? label : label(), this.shared.options), rest);
  }

  /** Like `field`, with an explicit source label (destructuring: 'req.body.name'). */
  protected fieldAt(value: Taint, key: string, node: TS.Node, label: string): Taint {
    if (key === 'length') return CLEAN;
    const rest = value.flows.length ? { flows: value.flows } : CLEAN;
    if (!value.marker) return rest;
    return union(markerField(value.marker, key, node.getStart(this.shared.sf), node.end, label, this.shared.options), rest);
  }
}
