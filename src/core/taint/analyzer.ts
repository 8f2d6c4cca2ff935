// The flow walk of one function body (or the module's top level): statements in order, with
// scoped environments, guard narrowing, closures analysed in place, calls to same-file
// functions through their summaries, and sinks checked as they are met. Recursion is bounded
// (MAX_DEPTH) so hostile nesting cannot overflow the stack; `a + b + c ...` chains are flattened.
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import { typescript } from '../parser';
import { accessPath, guardedPath } from './access-path';
import { LISTENER_METHODS, propertyCallbackContext, socketEventContext, staticCallbackContext, type ParamTaint } from './callbacks';
import { Env, fieldValue, wholeValue, withField, type VarState } from './env';
import { emptySummary, parameterName, type FunctionInfo, type FunctionNode, type Summary, type SummarySink } from './functions';
import { narrow, regexOf, relativeTarget, type Clear, type NarrowHost } from './narrowing';
import { ARGUMENT_BUILDERS, MUTATORS, NON_STRING_METHODS, globalCallEffect, moduleCallEffect, type CallEffect } from './propagation';
import { kindsSafeAfterReplace } from './regex-safety';
import { validatedFields } from './schema-validation';
import type { Shared } from './shared';
import { archiveOptionSite, sinkRange, sinksOfCall } from './sinks';
import { markerField, markerForParameter, markerMethod, markerOrTaintForDecorator, sourceTaint, ARGV_MODULES, VALIDATING_PIPES } from './sources';
import { exits, filterFlows, isReceiveMessageCommand, propertyKey } from './syntax';
import { CLEAN, appendStep, clearKinds, clip, concatSteps, isTainted, markerOnly, union, withoutMarker } from './taint-value';
import { ALL_KINDS, COMMAND, PATH, type Flow, type SinkSite, type Step, type Taint } from './types';

const MAX_DEPTH = 150;
/** Methods whose callback receives the receiver's elements (or resolved value). */
const ITERATION_METHODS = new Set(['map', 'forEach', 'filter', 'find', 'findLast', 'some', 'every', 'flatMap', 'reduce', 'reduceRight', 'sort', 'then', 'catch', 'finally']);
/** Events whose listener receives the emitter's content (`stream.on('data', chunk => ...)`). */
const DATA_EVENTS = new Set(['data', 'line', 'entry', 'message', 'file', 'field']);
/** How sources destructured from a parameter are named: `({ params }: Request)` -> 'req.params'. */
const PATTERN_LABELS: Record<string, string> = { request: 'req', 'lambda-event': 'event', 'queue-job': 'job', upload: 'file', multipart: 'part', socket: 'socket' };
const GLOBAL_NAMESPACES = new Set(['JSON', 'Object', 'Array', 'Buffer', 'Number', 'Math', 'Promise', 'Date', 'String', 'Reflect', 'console', 'crypto', 'Symbol', 'BigInt']);
const NEXT_ROUTE_HANDLERS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

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

export class Analyzer implements NarrowHost {
  private env: Env;
  private readonly rootEnv: Env;
  private cond = 0;
  private depth = 0;
  private readonly returnStack: Taint[][] = [[]];
  private readonly summarySinks: SummarySink[] = [];
  /** What callbacks of map/flatMap/reduce over tainted lists returned. */
  private readonly callbackResults = new Map<TS.Node, Taint>();
  /** Taints of array-literal elements, for sinks that check one element. */
  private readonly elements = new Map<TS.Node, Taint>();
  /** Variables a guard-then-exit at the function's top level sanitized. */
  private readonly guardedRoots = new Set<string>();
  private readonly ts = typescript();
  /** SyntaxKind read once: the module's exports are getters, and this is read for every node. */
  private readonly k = this.ts.SyntaxKind;

  constructor(
    private readonly shared: Shared,
    private readonly fn: FunctionInfo | undefined,
    parentEnv: Env,
    private readonly out: FindingSink,
  ) {
    this.rootEnv = new Env(parentEnv);
    this.env = this.rootEnv;
  }

  get constants() {
    return this.shared.constants;
  }

  /** Variable lookup that tells the pass which top-level names a function depends on. */
  private findVar(name: string): { env: Env; state: VarState } | undefined {
    const found = this.env.find(name);
    if (this.fn && (!found || found.env === this.rootEnv.parent)) this.out.readFree?.(name);
    return found;
  }

  /** Analyses the module's top level; its environment becomes the parent of every function's. */
  runModule(statements: readonly TS.Statement[]): Env {
    for (const s of statements) this.statement(s);
    return this.rootEnv;
  }

  /** Analyses a named function with symbolic parameters and returns its summary. */
  runFunction(): Summary {
    const fn = this.fn!;
    this.bindParameters(fn.node, (i, p) => this.entryTaint(fn, i, p));
    this.body(fn.node);
    const summary = emptySummary();
    // Library inputs (exported parameters) only matter at sinks inside; they never flow out.
    summary.returns = filterFlows(union(...this.returnStack[0]), (f) => f.origin.type === 'param' || !f.origin.library);
    const seen = new Set<string>();
    summary.sinks = this.summarySinks.filter((k) => {
      const key = `${k.param}:${k.site.start}:${k.site.ruleId}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }).slice(0, 64);
    this.summariseGuards(fn, summary);
    return summary;
  }

  // ---- parameters --------------------------------------------------------------------

  private entryTaint(fn: FunctionInfo, index: number, p: TS.ParameterDeclaration): Taint {
    const ts = this.ts;
    const parts: Taint[] = [{ flows: [{ origin: { type: 'param', index }, kinds: ALL_KINDS, steps: [] }] }];
    const registered = fn.entry.get(index);
    if (registered) parts.push(registered);
    const name = ts.isIdentifier(p.name) ? p.name.text : undefined;
    const nameStart = p.name.getStart(this.shared.sf);
    if (fn.useServer) parts.push(sourceTaint(nameStart, p.name.end, `server action argument '${name ?? 'argument'}'`));
    if (!fn.className && NEXT_ROUTE_HANDLERS.has(fn.name) && fn.exported && index === 1) parts.push(sourceTaint(nameStart, p.name.end, 'route context params'));
    if (fn.exported && ts.isObjectBindingPattern(p.name) && p.name.elements.some((el) => ts.isIdentifier(el.name) && /^(params|searchParams)$/.test(el.name.text))) {
      parts.push(sourceTaint(nameStart, p.name.end, 'page params'));
    }
    // Decorated parameters are filled by the framework (NestJS): their decorator says what they hold.
    if (fn.exported && name && !p.modifiers?.length && !p.type?.getText(this.shared.sf).match(/Request|Response|Context|Event/)) {
      parts.push(sourceTaint(nameStart, p.name.end, `parameter '${name}' of exported ${fn.name}()`, COMMAND, { library: true }));
    }
    return union(...parts);
  }

  /** Binds parameters: framework-filled ones (decorators, names like req/ctx/event) plus `context`. */
  private bindParameters(node: FunctionNode, context: ParamTaint | undefined): void {
    const ts = this.ts;
    node.parameters.forEach((p, i) => {
      const parts: Taint[] = [];
      const fromContext = context?.(i, p);
      if (fromContext) parts.push(fromContext);
      const decorated = this.decoratorTaint(p);
      if (decorated) parts.push(decorated);
      const marker = markerForParameter(ts.isIdentifier(p.name) ? p.name.text : undefined, p.type?.getText(this.shared.sf));
      if (marker) parts.push(markerOnly(marker));
      let value = union(...parts);
      if (p.initializer) value = union(value, this.eval(p.initializer));
      // No step for the binding itself: the call site already says "passed to f() as 'x'".
      this.bindName(p.name, value, undefined, PATTERN_LABELS[value.marker ?? ''] ?? 'argument');
    });
  }

  private decoratorTaint(p: TS.ParameterDeclaration): Taint | undefined {
    const ts = this.ts;
    if (!p.modifiers) return undefined;
    const decorators = ts.canHaveDecorators(p) ? ts.getDecorators(p) : undefined;
    for (const d of decorators ?? []) {
      const e = d.expression;
      const name = ts.isCallExpression(e) && ts.isIdentifier(e.expression) ? e.expression.text : ts.isIdentifier(e) ? e.text : undefined;
      const kind = name ? markerOrTaintForDecorator(name) : undefined;
      // @Param('id', ParseIntPipe): the pipe rejects anything but a number (UUID, boolean, enum member).
      if (kind && ts.isCallExpression(e) && e.arguments.some((a) => VALIDATING_PIPES.has(pipeName(a) ?? ''))) return CLEAN;
      if (kind === 'taint') return sourceTaint(d.getStart(this.shared.sf), p.name.end, this.text(d) + ' ' + (ts.isIdentifier(p.name) ? p.name.text : ''));
      if (kind) return markerOnly(kind);
    }
    return undefined;
  }

  private body(node: FunctionNode): void {
    const ts = this.ts;
    if (!node.body) return;
    if (ts.isBlock(node.body)) {
      for (const s of node.body.statements) this.statement(s);
    } else {
      this.returnStack[this.returnStack.length - 1].push(this.eval(node.body));
    }
  }

  /** Records which parameters the function vouches for (throws unless valid / returns a check). */
  private summariseGuards(fn: FunctionInfo, summary: Summary): void {
    const ts = this.ts;
    fn.node.parameters.forEach((p, i) => {
      if (!ts.isIdentifier(p.name)) return;
      const state = this.rootEnv.get(p.name.text);
      if (!state || !this.guardedRoots.has(p.name.text)) return;
      const own = state.taint.flows.find((f) => f.origin.type === 'param' && f.origin.index === i);
      const cleared = ALL_KINDS & ~(own?.kinds ?? 0);
      if (cleared) summary.clearsAtExit.set(i, cleared);
    });
    // `return RE.test(x)` / `(x) => ALLOWED.has(x)`
    const body = fn.node.body;
    let returned: TS.Expression | undefined;
    if (body && !ts.isBlock(body)) returned = body;
    else if (body && ts.isBlock(body)) {
      const returns = body.statements.filter(ts.isReturnStatement);
      if (returns.length === 1 && body.statements[body.statements.length - 1] === returns[0]) returned = returns[0].expression;
    }
    if (!returned) return;
    const names = fn.node.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : undefined));
    const probe = new Analyzer(this.shared, undefined, new Env(), { emit() {} });
    for (const c of narrow(returned, true, probe)) {
      const i = names.indexOf(c.path[0]);
      if (i >= 0 && c.path.length === 1) summary.truthClears.set(i, (summary.truthClears.get(i) ?? 0) | c.kinds);
    }
  }

  // ---- NarrowHost --------------------------------------------------------------------

  taintOf(path: readonly string[]): Taint {
    return this.lookup(path, undefined);
  }

  relativeOf(name: string): readonly string[] | undefined {
    return this.env.find(name)?.state.relativeOf;
  }

  lookupOf(name: string): readonly string[] | undefined {
    return this.env.find(name)?.state.lookupOf;
  }

  resolveModule(expr: TS.Expression): string | undefined {
    // The same callees are resolved again on every re-analysis: remember them per node.
    const cache = this.shared.moduleNames;
    let name = cache.get(expr);
    if (name === undefined) cache.set(expr, (name = this.shared.bindings.resolveModule(expr) ?? null));
    return name ?? undefined;
  }

  functionOf(call: TS.CallExpression): FunctionInfo | undefined {
    const fn = this.resolveFunction(call);
    if (fn) this.out.used?.(fn);
    return fn;
  }

  private resolveFunction(call: TS.CallExpression): FunctionInfo | undefined {
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

  // ---- statements --------------------------------------------------------------------

  private statement(s: TS.Statement): void {
    const ts = this.ts;
    if (this.depth > MAX_DEPTH) return;
    this.depth++;
    try {
      if (ts.isVariableStatement(s)) {
        for (const d of s.declarationList.declarations) this.declaration(d);
      } else if (ts.isExpressionStatement(s)) {
        this.eval(s.expression);
        this.statementGuard(s.expression);
      } else if (ts.isIfStatement(s)) {
        this.ifStatement(s);
      } else if (ts.isBlock(s)) {
        this.scoped(() => s.statements.forEach((x) => this.statement(x)));
      } else if (ts.isReturnStatement(s)) {
        const t = s.expression ? this.eval(s.expression) : CLEAN;
        this.returnStack[this.returnStack.length - 1].push(t);
      } else if (ts.isThrowStatement(s)) {
        this.eval(s.expression);
      } else if (ts.isForOfStatement(s) || ts.isForInStatement(s)) {
        this.forEachLoop(s);
      } else if (ts.isForStatement(s)) {
        this.scoped(() => {
          if (s.initializer) {
            if (ts.isVariableDeclarationList(s.initializer)) s.initializer.declarations.forEach((d) => this.declaration(d));
            else this.eval(s.initializer);
          }
          this.conditionally(() => {
            if (s.condition) this.eval(s.condition);
            this.statement(s.statement);
            if (s.incrementor) this.eval(s.incrementor);
          });
        });
      } else if (ts.isWhileStatement(s) || ts.isDoStatement(s)) {
        this.eval(s.expression);
        const clears = narrow(s.expression, true, this);
        this.conditionally(() => this.scoped(() => {
          this.applyClears(clears);
          this.statement(s.statement);
        }));
      } else if (ts.isSwitchStatement(s)) {
        this.switchStatement(s);
      } else if (ts.isTryStatement(s)) {
        this.scoped(() => s.tryBlock.statements.forEach((x) => this.statement(x)));
        if (s.catchClause) {
          const c = s.catchClause;
          this.conditionally(() => this.scoped(() => {
            if (c.variableDeclaration) this.bindName(c.variableDeclaration.name, CLEAN, c.variableDeclaration.name);
            c.block.statements.forEach((x) => this.statement(x));
          }));
        }
        if (s.finallyBlock) this.scoped(() => s.finallyBlock!.statements.forEach((x) => this.statement(x)));
      } else if (ts.isLabeledStatement(s)) {
        this.statement(s.statement);
      } else if (ts.isExportAssignment(s)) {
        this.eval(s.expression);
      } else if (ts.isClassDeclaration(s)) {
        this.classDecorators(s);
      }
      // Function and class declarations are analysed on their own.
    } finally {
      this.depth--;
    }
  }

  /**
   * Decorator arguments run when the class is defined: NestJS `@UseInterceptors(FileInterceptor(
   * 'file', { storage: diskStorage({ filename }) }))` configures multer there.
   */
  private classDecorators(c: TS.ClassDeclaration): void {
    const ts = this.ts;
    const evalDecorators = (node: TS.Node) => {
      const decorators = ts.canHaveDecorators(node) ? ts.getDecorators(node) : undefined;
      for (const d of decorators ?? []) if (ts.isCallExpression(d.expression) && d.expression.arguments.length > 0) this.eval(d.expression);
    };
    evalDecorators(c);
    for (const m of c.members) evalDecorators(m);
  }

  private declaration(d: TS.VariableDeclaration): void {
    const ts = this.ts;
    if (!d.initializer) {
      this.bindName(d.name, CLEAN, d.name);
      return;
    }
    const init = skipWrappers(d.initializer);
    const named = this.shared.functions.infoOf(init);
    if (named && ts.isIdentifier(d.name)) {
      this.env.declare(d.name.text, CLEAN, this.cond, { fn: named });
      return;
    }
    if (ts.isIdentifier(d.name)) {
      const alias = ts.isIdentifier(init) ? this.functionAlias(init) : undefined;
      if (alias) {
        this.env.declare(d.name.text, CLEAN, this.cond, { fn: alias });
        return;
      }
    }
    if (ts.isIdentifier(d.name) && ts.isObjectLiteralExpression(init)) {
      const { own, whole, fields } = this.objectLiteral(init);
      if (fields.size === 0) this.env.declare(d.name.text, this.stepped(whole, d.name), this.cond);
      else {
        const stepped = new Map([...fields].map(([k, v]) => [k, this.stepped(v, d.name)]));
        this.env.declare(d.name.text, this.stepped(own, d.name), this.cond, { fields: stepped });
      }
      return;
    }
    const sourcePath = ts.isObjectBindingPattern(d.name) ? accessPath(init, this.constants) : undefined;
    if (sourcePath && ts.isObjectBindingPattern(d.name)) {
      // const { file, rev = 'HEAD' } = req.query: each name reads req.query.<key> (exact source, guards per field).
      this.eval(d.initializer);
      this.bindPatternFromPath(d.name, sourcePath);
      return;
    }
    const value = this.eval(d.initializer);
    if (ts.isIdentifier(d.name)) {
      const relativeOf = relativeTarget(init, this);
      const lookupOf = this.lookupTarget(init);
      const instance = ts.isCallExpression(init) || ts.isNewExpression(init) ? this.resolveModule(init.expression) : undefined;
      this.env.declare(d.name.text, this.stepped(value, d.name), this.cond, {
        ...(relativeOf ? { relativeOf } : {}),
        ...(lookupOf ? { lookupOf } : {}),
        ...(instance ? { instance } : {}),
      });
    } else this.bindName(d.name, value, d.name, clip(this.text(d.initializer)));
  }

  private functionAlias(id: TS.Identifier): FunctionInfo | undefined {
    const found = this.env.find(id.text);
    if (found) return found.state.fn;
    return this.shared.functions.byFunctionName(id.text);
  }

  /** `TABLE.get(key)` / `TABLE[key]` on a table holding no untrusted data: key's access path. */
  private lookupTarget(init: TS.Expression): readonly string[] | undefined {
    const ts = this.ts;
    let table: TS.Expression;
    let key: TS.Expression;
    if (ts.isCallExpression(init) && ts.isPropertyAccessExpression(init.expression) && init.expression.name.text === 'get' && init.arguments.length === 1) {
      table = init.expression.expression;
      key = init.arguments[0];
    } else if (ts.isElementAccessExpression(init)) {
      table = init.expression;
      key = init.argumentExpression;
    } else return undefined;
    const tablePath = accessPath(table, this.constants);
    if (!tablePath || this.resolveModule(table)) return undefined;
    const t = this.lookup(tablePath, undefined);
    if (t.flows.length > 0 || t.marker) return undefined;
    return accessPath(key, this.constants);
  }

  private ifStatement(s: TS.IfStatement): void {
    this.eval(s.expression);
    const whenTrue = narrow(s.expression, true, this);
    const whenFalse = narrow(s.expression, false, this);
    this.conditionally(() => {
      this.scoped(() => {
        this.applyClears(whenTrue);
        this.statement(s.thenStatement);
      });
      if (s.elseStatement) {
        this.scoped(() => {
          this.applyClears(whenFalse);
          this.statement(s.elseStatement!);
        });
      }
    });
    const thenExits = exits(s.thenStatement);
    const elseExits = !!s.elseStatement && exits(s.elseStatement);
    // Guard-then-return: what the test rules out holds for the rest of the block.
    const guard = thenExits && !elseExits ? whenFalse : elseExits && !thenExits ? whenTrue : [];
    this.applyClears(guard);
    if (this.env === this.rootEnv) for (const c of guard) if (c.path.length === 1) this.guardedRoots.add(c.path[0]);
  }

  private switchStatement(s: TS.SwitchStatement): void {
    const ts = this.ts;
    this.eval(s.expression);
    const path = guardedPath(s.expression, this.constants);
    this.conditionally(() => {
      for (const clause of s.caseBlock.clauses) {
        this.scoped(() => {
          if (ts.isCaseClause(clause)) {
            this.eval(clause.expression);
            if (path && this.constants.value(clause.expression) !== undefined) this.applyClears([{ path, kinds: ALL_KINDS }]);
          }
          clause.statements.forEach((x) => this.statement(x));
        });
      }
    });
  }

  private forEachLoop(s: TS.ForOfStatement | TS.ForInStatement): void {
    const ts = this.ts;
    const iterated = this.eval(s.expression);
    // Elements of a list of uploads are uploads; other elements carry the list's flows.
    const element = iterated.marker === 'upload' || iterated.marker === 'multipart' ? iterated : withoutMarker(iterated);
    this.conditionally(() => this.scoped(() => {
      const init = s.initializer;
      if (ts.isVariableDeclarationList(init)) {
        for (const d of init.declarations) this.bindName(d.name, this.stepped(element, d.name), d.name);
      } else this.assign(init, element);
      this.statement(s.statement);
    }));
  }

  /** `validateName(x);` and `assert(RE.test(x));` as statements sanitize what they check. */
  private statementGuard(expr: TS.Expression): void {
    const ts = this.ts;
    const e = skipWrappers(expr);
    if (!ts.isCallExpression(e)) return;
    const fn = this.functionOf(e);
    if (fn) {
      for (const [index, kinds] of fn.summary.clearsAtExit) {
        const arg = e.arguments[index];
        const path = arg && guardedPath(arg, this.constants);
        if (path) this.applyClears([{ path, kinds }]);
      }
      return;
    }
    const q = this.resolveModule(e.expression) ?? accessPath(e.expression)?.join('.');
    if ((q === 'assert' || q === 'assert.ok' || q === 'assert.strict' || q === 'invariant') && e.arguments[0]) {
      this.applyClears(narrow(e.arguments[0], true, this));
    }
  }

  private scoped(run: () => void): void {
    const saved = this.env;
    this.env = new Env(saved);
    try {
      run();
    } finally {
      this.env = saved;
    }
  }

  private conditionally(run: () => void): void {
    this.cond++;
    try {
      run();
    } finally {
      this.cond--;
    }
  }

  /** Narrowing: shadows the cleared paths in the current scope. */
  private applyClears(clears: readonly Clear[]): void {
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

  // ---- binding and assignment ----------------------------------------------------------

  /** Binds a declaration name or destructuring pattern to a value. */
  private bindName(name: TS.BindingName, value: Taint, stepNode: TS.Node | undefined, baseLabel = 'value'): void {
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

  private bindPatternFromPath(pattern: TS.ObjectBindingPattern, path: readonly string[]): void {
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
  private assign(target: TS.Expression, value: Taint): void {
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

  private setPath(path: readonly string[], value: Taint, forceWeak = false): void {
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

  private fieldOf(state: VarState, fields: readonly string[]): Taint {
    const { taint, covered } = fieldValue(state, fields);
    let t = taint;
    for (let i = covered; i < fields.length; i++) t = this.field(t, fields[i], undefined, fields.slice(0, i + 1).join('.'));
    return t;
  }

  /** A source location for a value only if it is a fresh flow; steps record assignments. */
  private stepped(t: Taint, node: TS.Node): Taint {
    if (t.flows.length === 0) return t;
    const step: Step = { start: node.getStart(this.shared.sf), end: node.end };
    const flows = t.flows.map((f) => ({ ...f, steps: appendStep(f.steps, step) }));
    return { flows, ...(t.marker ? { marker: t.marker } : {}), ...(t.normalized ? { normalized: true } : {}) };
  }

  // ---- reading values --------------------------------------------------------------------

  /** The value at an access path; `node` (the expression read) gives sources their location. */
  private lookup(path: readonly string[], node: TS.Node | undefined, label?: string): Taint {
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
  private field(value: Taint, key: string, node: TS.Node | undefined, label: string | (() => string)): Taint {
    if (key === 'length') return CLEAN;
    const rest = value.flows.length ? { flows: value.flows } : CLEAN;
    if (!value.marker) return rest;
    const start = node ? node.getStart(this.shared.sf) : 0;
    const end = node ? node.end : 0;
    return union(markerField(value.marker, key, start, end, typeof label === 'string' ? label : label(), this.shared.options), rest);
  }


  /** Like `field`, with an explicit source label (destructuring: 'req.body.name'). */
  private fieldAt(value: Taint, key: string, node: TS.Node, label: string): Taint {
    if (key === 'length') return CLEAN;
    const rest = value.flows.length ? { flows: value.flows } : CLEAN;
    if (!value.marker) return rest;
    return union(markerField(value.marker, key, node.getStart(this.shared.sf), node.end, label, this.shared.options), rest);
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

  private evalNode(e: TS.Expression): Taint {
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
        let a = CLEAN;
        let b = CLEAN;
        this.conditionally(() => {
          this.scoped(() => {
            this.applyClears(whenTrue);
            a = this.eval(c.whenTrue);
          });
          this.scoped(() => {
            this.applyClears(whenFalse);
            b = this.eval(c.whenFalse);
          });
        });
        return union(a, b);
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
  private visitChildren(node: TS.Node): void {
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

  private member(e: TS.PropertyAccessExpression | TS.ElementAccessExpression): Taint {
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

  private binary(e: TS.BinaryExpression): Taint {
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
      let right = CLEAN;
      this.conditionally(() => {
        right = this.eval(e.right);
      });
      return union(left, right);
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
  private concatenation(e: TS.BinaryExpression): Taint {
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
  private objectLiteral(o: TS.ObjectLiteralExpression): { own: Taint; whole: Taint; fields: Map<string, Taint> } {
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

  private propertyCallback(key: string, owner: TS.ObjectLiteralExpression, fn: TS.ArrowFunction | TS.FunctionExpression | TS.MethodDeclaration): void {
    const context = propertyCallbackContext(this.shared, key, owner);
    if (context === 'multer') {
      const prop = fn.parent && (this.ts.isPropertyAssignment(fn.parent) ? fn.parent.name : this.ts.isMethodDeclaration(fn) ? fn.name : undefined);
      const range = prop ? { start: prop.getStart(this.shared.sf), end: prop.end } : { start: fn.getStart(this.shared.sf), end: fn.getStart(this.shared.sf) };
      this.closure(fn, (i) => (i === 0 ? markerOnly('request') : i === 1 ? markerOnly('upload') : undefined), { ...range, label: `multer diskStorage ${key}` });
      return;
    }
    this.closure(fn, context, undefined, false, key === 'handler' ? this.routeValidation(owner, fn) : undefined);
  }

  /** hapi validates `request.payload/query/params` against the route's Joi schemas before the handler runs. */
  private routeValidation(route: TS.ObjectLiteralExpression, fn: FunctionNode): (() => void) | undefined {
    const first = fn.parameters[0];
    if (!first || !this.ts.isIdentifier(first.name)) return undefined;
    const fields = validatedFields(route, this.constants);
    if (fields.length === 0) return undefined;
    const name = first.name.text;
    return () => this.applyClears(fields.map((f) => ({ path: [name, f.location, f.key], kinds: f.kinds })));
  }

  // ---- calls ---------------------------------------------------------------------------------

  private call(call: TS.CallExpression): Taint {
    const ts = this.ts;
    const callee = skipWrappers(call.expression);
    if (ts.isArrowFunction(callee) || ts.isFunctionExpression(callee)) {
      const args = call.arguments.map((a) => this.eval(a));
      return this.closure(callee, (i) => args[i], undefined, true);
    }
    const fn = this.functionOf(call);
    const qualified = this.resolveModule(callee);
    let method: string | undefined;
    let receiver: TS.Expression | undefined;
    let receiverTaint = CLEAN;
    if (ts.isPropertyAccessExpression(callee)) {
      method = callee.name.text;
      receiver = skipWrappers(callee.expression);
      if (!qualified) receiverTaint = this.eval(receiver);
    } else if (ts.isElementAccessExpression(callee)) {
      receiverTaint = this.eval(callee.expression);
    } else if (!ts.isIdentifier(callee) && !qualified) {
      // express.static(dir)(req, res, next), getHandler()(x): the inner call may be a sink.
      this.eval(callee);
    }

    const args = this.callArguments(call, call.arguments, receiverTaint, method);

    // Sinks
    const receiverName = receiver && ts.isIdentifier(receiver) ? receiver.text : undefined;
    const shape = { call, qualified, method, receiverText: receiverName, receiverInstance: receiverName ? this.instanceOf(receiverName) : undefined };
    for (const s of sinksOfCall(shape, this.constants, this.shared.sf)) {
      const index = call.arguments.indexOf(s.expr);
      this.hitSink(s.site, index >= 0 ? args[index] : (this.elements.get(s.expr) ?? this.elements.get(skipWrappers(s.expr)) ?? CLEAN));
    }
    const archiveOption = qualified ? archiveOptionSite(shape, this.constants, this.shared.sf) : undefined;
    if (archiveOption) {
      const o = archiveOption.option;
      this.reach(archiveOption.site, { origin: { type: 'source', start: o.getStart(this.shared.sf), end: o.end, label: 'preservePaths: true' }, kinds: PATH, steps: [] }, []);
    }
    if (method === 'mv' && receiverTaint.marker === 'upload' && args[0]) {
      // express-fileupload: file.mv(path) writes the upload there.
      this.hitSink({ ruleId: 'path-traversal', kind: PATH, ...sinkRange(call, this.shared.sf), label: 'UploadedFile.mv', reason: 'path', call }, args[0]);
    }
    if (ts.isIdentifier(callee)) {
      const multer = this.env.find(callee.text)?.state.multerCallback;
      if (multer && args[1]) {
        this.hitSink({ ruleId: 'path-traversal', kind: PATH, start: multer.start, end: multer.end, label: multer.label, reason: 'multer-filename' }, args[1]);
      }
    }

    if (fn) {
      this.noteMarkers(fn, args);
      return this.applySummary(fn, args, call);
    }

    // Sources
    const source = this.callSource(call, qualified, method, receiver, receiverTaint);
    if (source) return source;

    // Propagation
    if (qualified) return this.effect(moduleCallEffect(qualified), args);
    const globalName = this.globalName(callee);
    if (globalName) return this.effect(globalCallEffect(globalName), args);
    if (method) return this.methodResult(call, method, receiver, receiverTaint, args);
    return CLEAN;
  }

  /** Evaluates arguments; functions passed as callbacks are analysed with the parameters they get. */
  private callArguments(call: TS.CallExpression | TS.NewExpression, list: readonly TS.Expression[], receiverTaint: Taint, method: string | undefined): Taint[] {
    const ts = this.ts;
    const receiverFlows = isTainted(receiverTaint) || receiverTaint.marker === 'upload' || receiverTaint.marker === 'multipart';
    const listener = !!method && LISTENER_METHODS.has(method);
    const iterates = receiverFlows && !!method && (ITERATION_METHODS.has(method) || (listener && DATA_EVENTS.has(String(this.constants.value(list[0])))));
    // socket.on('event', (payload, ack) => ...) on a client's socket: the payload is the client's.
    const socketContext = listener && receiverTaint.marker === 'socket' && ts.isCallExpression(call) ? socketEventContext(this.shared, call) : undefined;
    return list.map((arg, i) => {
      const a = skipWrappers(arg);
      if (ts.isArrowFunction(a) || ts.isFunctionExpression(a)) {
        if (this.shared.functions.infoOf(a)) return CLEAN;
        const context = staticCallbackContext(this.shared, call, i) ?? (i > 0 ? socketContext : undefined);
        if (!context && iterates) {
          const element = receiverTaint.marker === 'upload' || receiverTaint.marker === 'multipart' ? receiverTaint : withoutMarker(receiverTaint);
          // list.map(x => quote(x)): what the callback returns is the result, so analyse it.
          this.callbackResults.set(a, this.closure(a, () => element, undefined, true));
          return CLEAN;
        }
        this.closure(a, context);
        return CLEAN;
      }
      if (ts.isIdentifier(a) && (iterates || (socketContext && i > 0))) {
        const fn = this.functionAlias(a);
        if (fn && socketContext) {
          // socket.on('event', handleEvent): the named handler's parameters are the payload.
          this.registerEntry(fn, socketContext);
          return CLEAN;
        }
        if (fn) {
          // list.forEach(handleItem) / list.map(toPath): as if handleItem(element) were called here.
          this.out.used?.(fn);
          const result = this.applySummary(fn, [withoutMarker(receiverTaint)], call as TS.CallExpression);
          this.callbackResults.set(a, result);
          return CLEAN;
        }
      }
      return this.eval(arg);
    });
  }

  /** A named function registered where a framework fills its parameters: its entry taints grow. */
  private registerEntry(fn: FunctionInfo, context: ParamTaint): void {
    let changed = false;
    fn.node.parameters.forEach((p, i) => {
      const t = context(i, p);
      if (!t) return;
      const current = fn.entry.get(i) ?? CLEAN;
      const next = union(current, t);
      if (next.flows.length === current.flows.length && next.marker === current.marker) return;
      fn.entry.set(i, next);
      changed = true;
    });
    if (changed) this.out.entryChanged?.(fn);
  }

  private newExpression(n: TS.NewExpression): Taint {
    const args = this.callArguments(n, n.arguments ?? [], CLEAN, undefined);
    const qualified = this.resolveModule(n.expression);
    if (qualified) {
      const effect = moduleCallEffect(qualified);
      return this.effect(effect, args);
    }
    return union(...args.map(withoutMarker));
  }

  /** Calls whose result is untrusted input in itself. */
  private callSource(call: TS.CallExpression, qualified: string | undefined, method: string | undefined, receiver: TS.Expression | undefined, receiverTaint: Taint): Taint | undefined {
    const ts = this.ts;
    const sf = this.shared.sf;
    const here = () => [call.getStart(sf), call.end] as const;
    if (method && receiverTaint.marker) {
      const [s, e] = here();
      const t = markerMethod(receiverTaint.marker, method, s, e, clip(this.text(call)));
      if (t) return t;
    }
    if (qualified && (ARGV_MODULES.has(qualified) || qualified.startsWith('unzipper.Open.'))) {
      const [s, e] = here();
      return sourceTaint(s, e, clip(this.text(call)), ALL_KINDS, qualified.startsWith('unzipper') ? { archive: true } : {});
    }
    if (!method) return undefined;
    const receiverName = receiver && ts.isIdentifier(receiver) ? receiver.text : undefined;
    const instance = receiverName ? this.instanceOf(receiverName) : undefined;
    if (method === 'getEntries' || (method === 'loadAsync' && (instance === 'jszip' || qualified === 'jszip.loadAsync'))) {
      const [s, e] = here();
      return sourceTaint(s, e, clip(this.text(call)), ALL_KINDS, { archive: true });
    }
    if (method === 'opts' && (instance === 'commander.Command' || qualified === 'commander.program.opts')) {
      const [s, e] = here();
      return sourceTaint(s, e, clip(this.text(call)));
    }
    if (method === 'receiveMessage' || (method === 'send' && call.arguments[0] && isReceiveMessageCommand(call.arguments[0], this))) {
      const [s, e] = here();
      return sourceTaint(s, e, 'queue messages');
    }
    return undefined;
  }

  /** The module a variable's value was created from, in scope first (`const zip = archiver('zip')`). */
  private instanceOf(name: string): string | undefined {
    const found = this.env.find(name);
    return found ? found.state.instance : this.shared.instances.get(name);
  }

  private effect(effect: CallEffect, args: readonly Taint[]): Taint {
    if (effect.type === 'clean') return CLEAN;
    const joined = union(...args.map(withoutMarker));
    const cleared = effect.clears ? clearKinds(joined, effect.clears) : joined;
    return effect.normalized ? { flows: cleared.flows, normalized: true } : cleared;
  }

  /** Name of a callee that is neither imported nor a local value ('JSON.parse', 'String'). */
  private globalName(callee: TS.Expression): string | undefined {
    const path = accessPath(callee, this.constants);
    if (!path || this.env.find(path[0])) return undefined;
    if (path.length === 1 || (path.length === 2 && GLOBAL_NAMESPACES.has(path[0]))) return path.join('.');
    return undefined;
  }

  private methodResult(call: TS.CallExpression, method: string, receiver: TS.Expression | undefined, receiverTaint: Taint, args: readonly Taint[]): Taint {
    const ts = this.ts;
    const plainArgs = args.filter((_, i) => {
      const a = skipWrappers(call.arguments[i]);
      return !ts.isArrowFunction(a) && !ts.isFunctionExpression(a);
    });
    if (isTainted(receiverTaint)) {
      if (NON_STRING_METHODS.has(method)) return CLEAN;
      const callback = call.arguments[0] && skipWrappers(call.arguments[0]);
      const returned = callback && this.callbackResults.get(callback);
      if (returned && (method === 'map' || method === 'flatMap')) return withoutMarker(returned);
      if (returned && (method === 'reduce' || method === 'reduceRight')) return union(withoutMarker(returned), args[1] ?? CLEAN);
      if ((method === 'replace' || method === 'replaceAll') && call.arguments[0]) {
        const re = regexOf(call.arguments[0], this);
        const replacement = call.arguments[1] ? this.constants.value(call.arguments[1]) : undefined;
        let safe = re && typeof replacement === 'string' ? kindsSafeAfterReplace(re.source, method === 'replaceAll' ? `${re.flags}g` : re.flags, replacement) : 0;
        // path.normalize(p).replace(/^(\.\.(\/|\\|$))+/, ''): a normalised path only has '..' at its start.
        if (re && receiverTaint.normalized && replacement === '' && /^\^\(\\\.\\\./.test(re.source) && re.source.endsWith(')+')) safe |= PATH;
        return clearKinds(union(withoutMarker(receiverTaint), args[1] ?? CLEAN), safe);
      }
      // Only string builders mix their arguments in: map.get(key) is not tainted by the key.
      return union(withoutMarker(receiverTaint), ...(ARGUMENT_BUILDERS.has(method) ? plainArgs.map(withoutMarker) : []));
    }
    if (MUTATORS.has(method) && receiver) {
      const path = accessPath(receiver, this.constants);
      const stored = method === 'set' ? (args[1] ?? CLEAN) : union(...plainArgs);
      if (path && isTainted(stored)) this.setPath(path, union(this.lookup(path, undefined), withoutMarker(stored)), true);
      return CLEAN;
    }
    if (ARGUMENT_BUILDERS.has(method)) {
      if (method === 'replace' || method === 'replaceAll') return withoutMarker(args[1] ?? CLEAN);
      return union(...plainArgs.map(withoutMarker));
    }
    return CLEAN;
  }

  // ---- summaries and sinks -----------------------------------------------------------------

  private applySummary(fn: FunctionInfo, args: readonly Taint[], call: TS.CallExpression): Taint {
    const ts = this.ts;
    const params = fn.node.parameters;
    const spreadAt = call.arguments.findIndex((a) => ts.isSpreadElement(a));
    const argFor = (index: number): Taint => {
      if (params[index]?.dotDotDotToken || (spreadAt >= 0 && index >= spreadAt)) return union(...args.slice(Math.min(index, spreadAt >= 0 ? spreadAt : index)));
      return args[index] ?? CLEAN;
    };
    const calleeNode = call.expression;
    const callStep: Step = { start: calleeNode.getStart(this.shared.sf), end: call.end, message: `Passed to ${fn.name}()` };
    for (const s of fn.summary.sinks) {
      for (const flow of argFor(s.param).flows) {
        const kinds = flow.kinds & s.kinds;
        if (!kinds) continue;
        const steps = concatSteps(appendStep(flow.steps, { ...callStep, message: `${callStep.message} as '${parameterName(fn.node, s.param)}'` }), s.steps);
        this.reach(s.site, { ...flow, kinds }, steps);
      }
    }
    const flows: Flow[] = [];
    for (const rf of fn.summary.returns.flows) {
      if (rf.origin.type === 'source') {
        flows.push(rf);
        continue;
      }
      for (const af of argFor(rf.origin.index).flows) {
        const kinds = af.kinds & rf.kinds;
        if (!kinds) continue;
        const steps = appendStep(concatSteps(appendStep(af.steps, callStep), rf.steps), { ...callStep, message: `Returned by ${fn.name}()` });
        flows.push({ origin: af.origin, kinds, steps });
      }
    }
    const result = union({ flows });
    return fn.summary.returns.normalized && result.flows.length ? { flows: result.flows, normalized: true } : result;
  }

  /**
   * Request objects, queue jobs and uploads passed to a helper: the helper's parameter gets the
   * marker, so `job.data.x` inside it is a source (summaries carry flows, not markers).
   */
  private noteMarkers(fn: FunctionInfo, args: readonly Taint[]): void {
    args.forEach((a, i) => {
      if (!a.marker || i >= fn.node.parameters.length) return;
      const current = fn.entry.get(i);
      if (current?.marker) return;
      fn.entry.set(i, union(current ?? CLEAN, markerOnly(a.marker)));
      this.out.entryChanged?.(fn);
    });
  }

  private hitSink(site: SinkSite, value: Taint): void {
    // path.resolve/join results start with their root: never an option.
    if (site.reason === 'argument-injection' && value.normalized) return;
    for (const flow of value.flows) {
      const kinds = flow.kinds & site.kind;
      if (kinds) this.reach(site, { ...flow, kinds }, flow.steps);
    }
  }

  /** A flow reached a sink: a finding for real sources, a summary entry for parameters. */
  private reach(site: SinkSite, flow: Flow, steps: readonly Step[]): void {
    // A wrapper whose caller names the program (cross-spawn, a `run(cmd, args)` helper) is its contract, not a bug.
    if (flow.origin.type === 'source' && flow.origin.library && site.reason === 'program') return;
    if (flow.origin.type === 'source') this.out.emit(site, flow, steps);
    else if (this.summarySinks.length < 256) this.summarySinks.push({ param: flow.origin.index, kinds: flow.kinds, steps, site });
  }

  // ---- closures ----------------------------------------------------------------------------

  /** Analyses a function expression in place (it sees the variables around it); returns its result. */
  private closure(
    node: TS.ArrowFunction | TS.FunctionExpression | TS.MethodDeclaration,
    context: ParamTaint | undefined,
    multer?: { start: number; end: number; label: string },
    force = false,
    /** Runs after the parameters are bound (validation the framework did before the call). */
    prelude?: () => void,
  ): Taint {
    const ts = this.ts;
    // Callbacks without sinks, calls into the file's functions or writes cannot matter (see markRelevant).
    if (this.depth > MAX_DEPTH || (!force && !multer && !this.shared.relevant.has(node))) return CLEAN;
    const savedEnv = this.env;
    this.env = new Env(savedEnv);
    this.returnStack.push([]);
    this.cond++;
    this.depth++;
    try {
      this.bindParameters(node, context);
      if (multer) {
        const cb = node.parameters[2];
        if (cb && ts.isIdentifier(cb.name)) this.env.declare(cb.name.text, CLEAN, this.cond, { multerCallback: multer });
      }
      prelude?.();
      this.body(node);
      return union(...this.returnStack[this.returnStack.length - 1]);
    } finally {
      this.depth--;
      this.cond--;
      this.returnStack.pop();
      this.env = savedEnv;
    }
  }

  private text(node: TS.Node): string {
    return this.shared.text.slice(node.getStart(this.shared.sf), node.end);
  }
}

/** `ParseIntPipe` or `new ParseIntPipe(...)`. */
function pipeName(arg: TS.Expression): string | undefined {
  const ts = typescript();
  const a = skipWrappers(arg);
  const target = ts.isNewExpression(a) ? a.expression : a;
  return ts.isIdentifier(target) ? target.text : undefined;
}
