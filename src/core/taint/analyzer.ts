// The flow walk of one function body (or the module's top level): statements in order, with
// scoped environments, guard narrowing, closures analysed in place, calls to same-file
// functions through their summaries, and sinks checked as they are met. Recursion is bounded
// (MAX_DEPTH) so hostile nesting cannot overflow the stack; `a + b + c ...` chains are flattened.
// Layers: analysis-state -> analysis-values -> analysis-expressions -> analysis-calls -> here.
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import { accessPath, guardedPath } from './access-path';
import { Env } from './env';
import { emptySummary, type FunctionInfo, type FunctionNode, type Summary } from './functions';
import { narrow, relativeTarget, type Clear } from './narrowing';
import { sourceTaint } from './sources';
import type { SchemaInfo } from './schemas';
import { exits, filterFlows, propertyKey } from './syntax';
import { CLEAN, clearKinds, clip, union, withoutMarker } from './taint-value';
import { ALL_KINDS, COMMAND, type Taint } from './types';
import { MAX_DEPTH } from './analysis-state';
import { CallAnalysis } from './analysis-calls';

const NEXT_ROUTE_HANDLERS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

export class Analyzer extends CallAnalysis {
  /** Analyses the module's top level; its environment becomes the parent of every function's. */
  runModule(statements: readonly TS.Statement[]): Env {
    const k = this.k;
    const topLevel = this.shared.topLevel;
    // Expression statements only when they can matter (route registrations with handlers that
    // cannot reach a sink are skipped); declarations and guards (`if (!ok) process.exit(1)`) always.
    for (const s of statements) {
      if ((s.kind !== k.ExpressionStatement && s.kind !== k.ClassDeclaration) || topLevel.has(s) || this.isAssertion(s)) this.statement(s);
    }
    return this.rootEnv;
  }

  /** `assert(RE.test(name))` / `invariant(...)` at the top level: a guard for the rest of the module. */
  protected isAssertion(s: TS.Statement): boolean {
    if (s.kind !== this.k.ExpressionStatement) return false;
    const e = skipWrappers((s as TS.ExpressionStatement).expression);
    if (e.kind !== this.k.CallExpression) return false;
    const path = accessPath((e as TS.CallExpression).expression);
    return !!path && (path[0] === 'assert' || path[0] === 'invariant');
  }

  /** Analyses a named function with symbolic parameters and returns its summary. */
  runFunction(): Summary {
    const fn = this.fn!;
    if (fn.className) this.seedClassFields(fn.className);
    this.bindParameters(fn.node, (i, p) => this.entryTaint(fn, i, p));
    if (fn.className && this.ts.isConstructorDeclaration(fn.node)) this.bindParameterProperties(fn.node);
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

  /** `constructor(private readonly repo: string)`: the parameter is also `this.repo`. */
  protected bindParameterProperties(ctor: TS.ConstructorDeclaration): void {
    const ts = this.ts;
    for (const p of ctor.parameters) {
      if (!ts.isIdentifier(p.name) || !ts.isParameterPropertyDeclaration(p, ctor)) continue;
      this.noteClassField(p.name.text, this.taintOf([p.name.text]));
    }
  }

  protected entryTaint(fn: FunctionInfo, index: number, p: TS.ParameterDeclaration): Taint {
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

  protected body(node: FunctionNode): void {
    const ts = this.ts;
    if (!node.body) return;
    if (ts.isBlock(node.body)) {
      for (const s of node.body.statements) this.statement(s);
    } else {
      this.returnStack[this.returnStack.length - 1].push(this.eval(node.body));
    }
  }

  /** Records which parameters the function vouches for (throws unless valid / returns a check). */
  protected summariseGuards(fn: FunctionInfo, summary: Summary): void {
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

  protected statement(s: TS.Statement): void {
    if (this.depth > MAX_DEPTH) return;
    const k = this.k;
    this.depth++;
    try {
      switch (s.kind) {
        case k.VariableStatement:
          for (const d of (s as TS.VariableStatement).declarationList.declarations) this.declaration(d);
          break;
        case k.ExpressionStatement: {
          const e = (s as TS.ExpressionStatement).expression;
          this.eval(e);
          this.statementGuard(e);
          break;
        }
        case k.IfStatement:
          this.ifStatement(s as TS.IfStatement);
          break;
        case k.Block:
          this.block((s as TS.Block).statements);
          break;
        case k.ReturnStatement: {
          const e = (s as TS.ReturnStatement).expression;
          this.returnStack[this.returnStack.length - 1].push(e ? this.eval(e) : CLEAN);
          break;
        }
        case k.ThrowStatement:
          this.eval((s as TS.ThrowStatement).expression);
          break;
        case k.ForOfStatement:
        case k.ForInStatement:
          this.forEachLoop(s as TS.ForOfStatement);
          break;
        case k.ForStatement:
          this.forStatement(s as TS.ForStatement);
          break;
        case k.WhileStatement:
        case k.DoStatement:
          this.whileStatement(s as TS.WhileStatement);
          break;
        case k.SwitchStatement:
          this.switchStatement(s as TS.SwitchStatement);
          break;
        case k.TryStatement:
          this.tryStatement(s as TS.TryStatement);
          break;
        case k.LabeledStatement:
          this.statement((s as TS.LabeledStatement).statement);
          break;
        case k.ExportAssignment:
          this.eval((s as TS.ExportAssignment).expression);
          break;
        case k.ClassDeclaration:
          this.classDecorators(s as TS.ClassDeclaration);
          break;
        // Function declarations are analysed on their own.
      }
    } finally {
      this.depth--;
    }
  }

  /** Statements in a scope of their own. */
  protected block(statements: readonly TS.Statement[]): void {
    const saved = this.env;
    this.env = new Env(saved);
    try {
      for (const x of statements) this.statement(x);
    } finally {
      this.env = saved;
    }
  }

  protected forStatement(s: TS.ForStatement): void {
    const saved = this.env;
    this.env = new Env(saved);
    this.cond++;
    try {
      const init = s.initializer;
      if (init) {
        if (this.ts.isVariableDeclarationList(init)) for (const d of init.declarations) this.declaration(d);
        else this.eval(init);
      }
      if (s.condition) this.eval(s.condition);
      this.statement(s.statement);
      if (s.incrementor) this.eval(s.incrementor);
    } finally {
      this.cond--;
      this.env = saved;
    }
  }

  protected whileStatement(s: TS.WhileStatement | TS.DoStatement): void {
    this.eval(s.expression);
    const clears = narrow(s.expression, true, this);
    const saved = this.env;
    this.env = new Env(saved);
    this.cond++;
    try {
      this.applyClears(clears);
      this.statement(s.statement);
    } finally {
      this.cond--;
      this.env = saved;
    }
  }

  protected tryStatement(s: TS.TryStatement): void {
    this.block(s.tryBlock.statements);
    const c = s.catchClause;
    if (c) {
      const saved = this.env;
      this.env = new Env(saved);
      this.cond++;
      try {
        if (c.variableDeclaration) this.bindName(c.variableDeclaration.name, CLEAN, c.variableDeclaration.name);
        for (const x of c.block.statements) this.statement(x);
      } finally {
        this.cond--;
        this.env = saved;
      }
    }
    if (s.finallyBlock) this.block(s.finallyBlock.statements);
  }

  /**
   * Decorator arguments run when the class is defined: NestJS `@UseInterceptors(FileInterceptor(
   * 'file', { storage: diskStorage({ filename }) }))` configures multer there.
   */
  protected classDecorators(c: TS.ClassDeclaration): void {
    const ts = this.ts;
    const evalDecorators = (node: TS.Node) => {
      const decorators = ts.canHaveDecorators(node) ? ts.getDecorators(node) : undefined;
      for (const d of decorators ?? []) if (ts.isCallExpression(d.expression) && d.expression.arguments.length > 0) this.eval(d.expression);
    };
    evalDecorators(c);
    for (const m of c.members) evalDecorators(m);
  }

  protected declaration(d: TS.VariableDeclaration): void {
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
    const validated = this.schemaResults.get(init);
    if (validated) {
      this.bindValidated(d.name, this.stepped(value, d.name), validated.fields, validated.wrapper);
      return;
    }
    if (ts.isIdentifier(d.name)) {
      const relativeOf = relativeTarget(init, this);
      const lookupOf = this.lookupTarget(init);
      const instance = ts.isCallExpression(init) || ts.isNewExpression(init) ? this.resolveModule(init.expression) : undefined;
      // `const q = request.query`: what is known about q's fields (validated, narrowed) comes along.
      const source = ts.isPropertyAccessExpression(init) || ts.isElementAccessExpression(init) || ts.isIdentifier(init) ? accessPath(init, this.constants) : undefined;
      const fields = source ? this.fieldsUnder(source) : undefined;
      this.env.declare(d.name.text, this.stepped(value, d.name), this.cond, {
        ...(relativeOf ? { relativeOf } : {}),
        ...(lookupOf ? { lookupOf } : {}),
        ...(instance ? { instance } : {}),
        ...(fields ? { fields } : {}),
      });
    } else this.bindName(d.name, value, d.name, clip(this.text(d.initializer)));
  }

  /**
   * `const body = Body.parse(req.body)` / `const { name } = ...` / `const { value } = schema.validate(x)`:
   * fields the schema admits only safe values for are bound clean of those kinds.
   */
  protected bindValidated(name: TS.BindingName, value: Taint, fields: ReadonlyMap<string, SchemaInfo>, wrapper: string | undefined): void {
    const ts = this.ts;
    if (ts.isIdentifier(name)) {
      const own = new Map<string, Taint>();
      for (const [key, field] of fields) if (field.kinds) own.set(wrapper ? `${wrapper}.${key}` : key, clearKinds(value, field.kinds));
      this.env.declare(name.text, value, this.cond, own.size > 0 ? { fields: own } : {});
      return;
    }
    if (!ts.isObjectBindingPattern(name)) {
      this.bindName(name, value, undefined);
      return;
    }
    for (const el of name.elements) {
      const key = el.dotDotDotToken ? undefined : el.propertyName ? propertyKey(el.propertyName, this) : ts.isIdentifier(el.name) ? el.name.text : undefined;
      if (wrapper) {
        if (key === wrapper) this.bindValidated(el.name, value, fields, undefined);
        else this.bindName(el.name, value, undefined);
        continue;
      }
      const kinds = key === undefined ? 0 : (fields.get(key)?.kinds ?? 0);
      this.bindName(el.name, kinds ? clearKinds(value, kinds) : value, undefined);
    }
  }

  /** `TABLE.get(key)` / `TABLE[key]` on a table holding no untrusted data: key's access path. */
  protected lookupTarget(init: TS.Expression): readonly string[] | undefined {
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

  protected ifStatement(s: TS.IfStatement): void {
    this.eval(s.expression);
    const whenTrue = narrow(s.expression, true, this);
    const whenFalse = narrow(s.expression, false, this);
    this.cond++;
    try {
      this.branch(whenTrue, s.thenStatement);
      if (s.elseStatement) this.branch(whenFalse, s.elseStatement);
    } finally {
      this.cond--;
    }
    const thenExits = exits(s.thenStatement);
    const elseExits = !!s.elseStatement && exits(s.elseStatement);
    // Guard-then-return: what the test rules out holds for the rest of the block.
    const guard = thenExits && !elseExits ? whenFalse : elseExits && !thenExits ? whenTrue : [];
    this.applyClears(guard);
    if (this.env === this.rootEnv) for (const c of guard) if (c.path.length === 1) this.guardedRoots.add(c.path[0]);
  }

  /** One branch of a condition: its own scope, with what the test tells about the values. */
  protected branch(clears: readonly Clear[], statement: TS.Statement): void {
    const saved = this.env;
    this.env = new Env(saved);
    try {
      this.applyClears(clears);
      this.statement(statement);
    } finally {
      this.env = saved;
    }
  }

  protected switchStatement(s: TS.SwitchStatement): void {
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

  protected forEachLoop(s: TS.ForOfStatement | TS.ForInStatement): void {
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
  protected statementGuard(expr: TS.Expression): void {
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
}
