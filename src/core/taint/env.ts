// Scoped variable environment of the taint pass. One Env per block; closures chain to the Env
// they were created in. Variables are tracked field-sensitively along static access paths
// (`opts.name`, `req.params.id`), so a guard on one field does not clean its siblings.
import type { FunctionInfo } from './functions';
import { CLEAN, union } from './taint-value';
import type { Taint } from './types';

export interface VarState {
  taint: Taint;
  /** Taints of sub-paths ('template', 'params.id') that differ from the object's own. */
  fields?: Map<string, Taint>;
  /** Conditional nesting depth at the declaration: assignments deeper than this are weak. */
  depth: number;
  /** For `rel = path.relative(root, p)`: the access path of p, so `rel.startsWith('..')` guards p. */
  relativeOf?: readonly string[];
  /** For `to = FORMATS.get(format)` / `FORMATS[format]` on a clean table: format's access path, so `if (!to) throw` vouches for it. */
  lookupOf?: readonly string[];
  /** Module the value was created from (`new AdmZip()` -> 'adm-zip'), for instance methods. */
  instance?: string;
  /** The variable holds a function declared in this file (an alias or a local arrow). */
  fn?: FunctionInfo;
  /** The variable is multer's `cb` in a diskStorage `filename`/`destination` callback. */
  multerCallback?: { start: number; end: number; label: string };
}

export class Env {
  /** Created on first write: most block scopes declare nothing. */
  private map?: Map<string, VarState>;

  constructor(readonly parent?: Env) {}

  get(name: string): VarState | undefined {
    return this.map?.get(name);
  }

  set(name: string, state: VarState): void {
    (this.map ??= new Map()).set(name, state);
  }

  entries(): IterableIterator<[string, VarState]> {
    return (this.map ?? new Map<string, VarState>()).entries();
  }

  find(name: string): { env: Env; state: VarState } | undefined {
    const own = this.map?.get(name);
    if (own) return { env: this, state: own };
    for (let e = this.parent; e; e = e.parent) {
      const state = e.map?.get(name);
      if (state) return { env: e, state };
    }
    return undefined;
  }

  declare(name: string, taint: Taint, depth: number, extra: Partial<VarState> = {}): void {
    this.set(name, { taint, depth, ...extra });
  }
}

/** The whole value of a variable: its own taint and every field written into it. */
export function wholeValue(state: VarState): Taint {
  if (!state.fields || state.fields.size === 0) return state.taint;
  return union(state.taint, ...state.fields.values());
}

/**
 * The tracked value at `fields` below a variable, and how many of the fields it covers: the
 * longest written prefix wins, else the variable's own taint (covering none).
 */
export function fieldValue(state: VarState, fields: readonly string[]): { taint: Taint; covered: number } {
  if (state.fields) {
    for (let k = fields.length; k >= 1; k--) {
      const t = state.fields.get(fields.slice(0, k).join('.'));
      if (t) return { taint: t, covered: k };
    }
  }
  return { taint: state.taint, covered: 0 };
}

/** A copy of the state with a sub-path (or the whole value, for []) replaced. */
export function withField(state: VarState, fields: readonly string[], taint: Taint): VarState {
  if (fields.length === 0) return { ...state, taint, fields: undefined, relativeOf: undefined, lookupOf: undefined };
  const key = fields.join('.');
  const next = new Map(state.fields ?? []);
  // Writing a.b replaces whatever was known about a.b.c.
  for (const k of next.keys()) if (k.startsWith(`${key}.`)) next.delete(k);
  next.set(key, taint);
  return { ...state, fields: next };
}

export const EMPTY_STATE: VarState = { taint: CLEAN, depth: 0 };
