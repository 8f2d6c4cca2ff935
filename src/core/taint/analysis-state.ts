// The state of one flow walk (a function body or the module's top level) and the questions
// the rest of the walk asks of it: scoped environments, which function a call goes to, which
// module a callee or instance comes from. The walk itself is layered on top: values
// (analysis-values.ts), expressions, calls, then statements (analyzer.ts).
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import { typescript } from '../parser';
import { Env, type VarState } from './env';
import type { FunctionInfo, SummarySink } from './functions';
import type { NarrowHost } from './narrowing';
import type { SchemaInfo } from './schemas';
import type { Shared } from './shared';
import type { Flow, SinkSite, Step, Taint } from './types';

/** Where findings from real sources go, and what the pass learns about dependencies. */
export interface FindingSink {
  emit(site: SinkSite, flow: Flow, steps: readonly Step[]): void;
  /** The analysis read the summary of `fn`. */
  used?(fn: FunctionInfo): void;
  /** The analysis gave `fn`'s parameters a new marker: it needs another look. */
  entryChanged?(fn: FunctionInfo): void;
  /** A function read a name it does not declare (a top-level variable, or a global). */
  readFree?(name: string): void;
}

/** Bound on statement/expression nesting the walk follows, so hostile input cannot overflow the stack. */
export const MAX_DEPTH = 150;

export abstract class AnalysisState implements NarrowHost {
  protected env: Env;
  protected readonly rootEnv: Env;
  /** Conditional nesting: assignments deeper than a variable's declaration are weak (they join). */
  protected cond = 0;
  protected depth = 0;
  /** Values returned by the function (and by each closure being analysed, innermost last). */
  protected readonly returnStack: Taint[][] = [[]];
  /** Parameter flows that reached a sink: the function summary's sinks. */
  protected readonly summarySinks: SummarySink[] = [];
  /** What callbacks of map/flatMap/reduce over tainted lists returned. */
  protected readonly callbackResults = new Map<TS.Node, Taint>();
  /** Taints of array-literal elements, for sinks that check one element. */
  protected readonly elements = new Map<TS.Node, Taint>();
  /** Schema validation calls whose object schema has per-field rules (`Body.parse(req.body)`). */
  protected readonly schemaResults = new Map<TS.Node, { fields: ReadonlyMap<string, SchemaInfo>; wrapper?: string }>();
  /** Variables a guard-then-exit at the function's top level sanitized. */
  protected readonly guardedRoots = new Set<string>();
  protected readonly ts = typescript();
  /** SyntaxKind read once: the module's exports are getters, and this is read for every node. */
  protected readonly k = this.ts.SyntaxKind;

  constructor(
    protected readonly shared: Shared,
    protected readonly fn: FunctionInfo | undefined,
    parentEnv: Env,
    protected readonly out: FindingSink,
  ) {
    this.rootEnv = new Env(parentEnv);
    this.env = this.rootEnv;
  }

  get constants() {
    return this.shared.constants;
  }

  /** Variable lookup that tells the pass which top-level names a function depends on. */
  protected findVar(name: string): { env: Env; state: VarState } | undefined {
    const found = this.env.find(name);
    if (this.fn && (!found || found.env === this.rootEnv.parent)) this.out.readFree?.(name);
    return found;
  }

  relativeOf(name: string): readonly string[] | undefined {
    return this.env.find(name)?.state.relativeOf;
  }

  lookupOf(name: string): readonly string[] | undefined {
    return this.env.find(name)?.state.lookupOf;
  }

  resolveModule(expr: TS.Expression): string | undefined {
    return this.shared.resolveModule(expr);
  }

  functionOf(call: TS.CallExpression): FunctionInfo | undefined {
    const fn = this.resolveFunction(call);
    if (fn) this.out.used?.(fn);
    return fn;
  }

  protected resolveFunction(call: TS.CallExpression): FunctionInfo | undefined {
    const ts = this.ts;
    const callee = skipWrappers(call.expression);
    if (ts.isIdentifier(callee)) {
      const found = this.env.find(callee.text);
      if (found) return found.state.fn;
      return this.shared.functions.byFunctionName(callee.text);
    }
    if (ts.isPropertyAccessExpression(callee) && this.fn?.className) {
      const receiver = skipWrappers(callee.expression);
      if (receiver.kind === this.k.ThisKeyword) return this.shared.functions.method(this.fn.className, callee.name.text);
      if (ts.isPropertyAccessExpression(receiver) && skipWrappers(receiver.expression).kind === this.k.ThisKeyword) {
        return this.shared.functions.fieldMethod(this.fn.className, receiver.name.text, callee.name.text);
      }
    }
    return undefined;
  }

  protected functionAlias(id: TS.Identifier): FunctionInfo | undefined {
    const found = this.env.find(id.text);
    if (found) return found.state.fn;
    return this.shared.functions.byFunctionName(id.text);
  }

  protected scoped(run: () => void): void {
    const saved = this.env;
    this.env = new Env(saved);
    try {
      run();
    } finally {
      this.env = saved;
    }
  }

  protected conditionally(run: () => void): void {
    this.cond++;
    try {
      run();
    } finally {
      this.cond--;
    }
  }

  /** The module a variable's value was created from, in scope first (`const zip = archiver('zip')`). */
  protected instanceOf(name: string): string | undefined {
    const found = this.env.find(name);
    return found ? found.state.instance : this.shared.instanceOf(name);
  }

  protected text(node: TS.Node): string {
    return this.shared.text.slice(node.getStart(this.shared.sf), node.end);
  }

  /** The value of an expression (and its effects: sinks met inside are checked). */
  abstract eval(expr: TS.Expression): Taint;

  abstract taintOf(path: readonly string[]): Taint;
}
