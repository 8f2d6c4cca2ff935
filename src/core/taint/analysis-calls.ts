// Calls: sinks checked on their arguments, sources that calls return, how results carry their
// inputs (module APIs, globals, string methods), callbacks analysed with the parameters their
// caller gives them, same-file functions applied through their summaries, and closures
// analysed in place.
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import { typescript } from '../parser';
import { accessPath } from './access-path';
import { LISTENER_METHODS, listenerContext, procedureInput, staticCallbackContext, type ParamTaint } from './callbacks';
import { Env } from './env';
import { parameterName, type FunctionInfo, type FunctionNode } from './functions';
import { regexOf, type Clear } from './narrowing';
import { ARGUMENT_BUILDERS, MUTATORS, NON_STRING_METHODS, globalCallEffect, moduleCallEffect, type CallEffect } from './propagation';
import { dtoRules } from './dto-validation';
import { kindsSafeAfterReplace } from './regex-safety';
import { schemaInfo, schemaLibrary } from './schemas';
import { CallSinkSite, SINK_METHODS, archiveOptionSite, shellTemplateSinks, sinksOfCall, type CallShape } from './sinks';
import { markerForParameter, markerMethod, markerOrTaintForDecorator, sourceTaint, ARGV_MODULES, VALIDATING_PIPES } from './sources';
import { filterFlows, isReceiveMessageCommand } from './syntax';
import { CLEAN, appendStep, clearKinds, clip, concatSteps, isTainted, markerOnly, union, withoutMarker } from './taint-value';
import { ALL_KINDS, PATH, type Flow, type SinkSite, type Step, type Taint } from './types';
import { MAX_DEPTH } from './analysis-state';
import { ExpressionAnalysis } from './analysis-expressions';

/** Methods whose callback receives the receiver's elements (or resolved value). */
const ITERATION_METHODS = new Set(['map', 'forEach', 'filter', 'find', 'findLast', 'some', 'every', 'flatMap', 'reduce', 'reduceRight', 'sort', 'then', 'catch', 'finally']);
/** Events whose listener receives the emitter's content (`stream.on('data', chunk => ...)`). */
const DATA_EVENTS = new Set(['data', 'line', 'entry', 'message', 'file', 'field']);
/** How sources destructured from a parameter are named: `({ params }: Request)` -> 'req.params'. */
const PATTERN_LABELS: Record<string, string> = { request: 'req', 'lambda-event': 'event', 'queue-job': 'job', upload: 'file', multipart: 'part', socket: 'socket', rpc: 'opts' };
/** h3 helpers that return what the client sent. */
const H3_SOURCES = new Set([
  'getQuery', 'readBody', 'readRawBody', 'readFormData', 'readMultipartFormData', 'getRouterParam', 'getRouterParams',
  'getHeader', 'getHeaders', 'getRequestHeader', 'getRequestHeaders', 'getCookie', 'parseCookies', 'getRequestURL',
]);
/** Methods of a schema object that return the validated value (or a result holding it). */
const VALIDATION_METHODS = new Set(['parse', 'parseAsync', 'safeParse', 'safeParseAsync', 'validate', 'validateAsync', 'validateSync', 'cast']);
const GLOBAL_NAMESPACES = new Set(['JSON', 'Object', 'Array', 'Buffer', 'Number', 'Math', 'Promise', 'Date', 'String', 'Reflect', 'console', 'crypto', 'Symbol', 'BigInt']);

export abstract class CallAnalysis extends ExpressionAnalysis {
  /** Binds parameters: framework-filled ones (decorators, names like req/ctx/event) plus `context`. */
  protected bindParameters(node: FunctionNode, context: ParamTaint | undefined): void {
    const ts = this.ts;
    node.parameters.forEach((p, i) => {
      const parts: Taint[] = [];
      const fromContext = context?.(i, p);
      if (fromContext) parts.push(fromContext);
      const decorated = this.decoratorTaint(p);
      if (decorated) parts.push(decorated);
      // The type's text with its leading trivia (cheaper than getText(), and \b still matches).
      const marker = markerForParameter(ts.isIdentifier(p.name) ? p.name.text : undefined, p.type ? this.shared.text.slice(p.type.pos, p.type.end) : undefined);
      if (marker) parts.push(markerOnly(marker));
      let value = union(...parts);
      if (p.initializer) value = union(value, this.eval(p.initializer));
      // No step for the binding itself: the call site already says "passed to f() as 'x'".
      this.bindName(p.name, value, undefined, PATTERN_LABELS[value.marker ?? ''] ?? 'argument');
      if (decorated && isTainted(decorated)) this.applyDtoRules(p);
    });
  }

  /** `@Body() dto: CreateDto`: the class-validator decorators of CreateDto's properties ran before the handler. */
  protected applyDtoRules(p: TS.ParameterDeclaration): void {
    const ts = this.ts;
    if (!ts.isIdentifier(p.name) || !p.type || !ts.isTypeReferenceNode(p.type) || !ts.isIdentifier(p.type.typeName)) return;
    const rules = dtoRules(this.shared.sf, p.type.typeName.text, this.constants);
    if (!rules) return;
    const name = p.name.text;
    this.applyClears([...rules].map(([key, kinds]) => ({ path: [name, key], kinds })));
  }

  protected decoratorTaint(p: TS.ParameterDeclaration): Taint | undefined {
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

  protected call(call: TS.CallExpression): Taint {
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
    // Only method sinks (archive.file, client.exec) depend on what the receiver holds.
    const sinkMethod = !!method && SINK_METHODS.has(method);
    const shape = { call, qualified, method, receiverText: receiverName, receiverInstance: receiverName && sinkMethod ? this.instanceOf(receiverName) : undefined };
    this.hitCallSinks(shape, call.arguments, args);
    const archiveOption = qualified ? archiveOptionSite(shape, this.constants, this.shared.sf) : undefined;
    if (archiveOption) {
      const o = archiveOption.option;
      this.reach(archiveOption.site, { origin: { type: 'source', start: o.getStart(this.shared.sf), end: o.end, label: 'preservePaths: true' }, kinds: PATH, steps: [] }, []);
    }
    if (method === 'mv' && receiverTaint.marker === 'upload' && args[0]) {
      // express-fileupload: file.mv(path) writes the upload there.
      this.hitSink(new CallSinkSite('path-traversal', PATH, 'UploadedFile.mv', 'path', call, this.shared.sf), args[0]);
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

    // Schema validation (zod .parse, Joi / yup .validate): the value that passed.
    if (method && receiver && !qualified && args[0] && VALIDATION_METHODS.has(method) && !isTainted(receiverTaint)) {
      return this.validated(call, method, receiver, args[0]);
    }

    // Propagation
    if (qualified) return this.effect(moduleCallEffect(qualified), args);
    const globalName = this.globalName(callee);
    if (globalName) return this.effect(globalCallEffect(globalName), args);
    if (method) return this.methodResult(call, method, receiver, receiverTaint, args);
    return CLEAN;
  }

  /**
   * `Schema.parse(input)`: the input, minus what the schema rules out. An object schema's
   * per-field rules are kept for the declaration that binds the result (see bindValidated).
   */
  protected validated(call: TS.CallExpression, method: string, schema: TS.Expression, input: Taint): Taint {
    const value = withoutMarker(input);
    const info = schemaInfo(schema, this.constants);
    if (!info) return value;
    if (info.fields && info.fields.size > 0) {
      // Joi's validate() returns { value, error }; zod's safeParse() returns { success, data }.
      const wrapper = method.startsWith('safeParse') ? 'data' : method === 'validate' && schemaLibrary(schema, this.constants, this.shared.bindings) !== 'yup' ? 'value' : undefined;
      this.schemaResults.set(call, { fields: info.fields, wrapper });
    }
    return info.kinds ? clearKinds(value, info.kinds) : value;
  }

  /** Evaluates arguments; functions passed as callbacks are analysed with the parameters they get. */
  protected callArguments(call: TS.CallExpression | TS.NewExpression, list: readonly TS.Expression[], receiverTaint: Taint, method: string | undefined): Taint[] {
    const ts = this.ts;
    const receiverFlows = isTainted(receiverTaint) || receiverTaint.marker === 'upload' || receiverTaint.marker === 'multipart';
    const listener = !!method && LISTENER_METHODS.has(method);
    const iterates = receiverFlows && !!method && (ITERATION_METHODS.has(method) || (listener && DATA_EVENTS.has(String(this.constants.value(list[0])))));
    // socket.on('event', (payload, ack) => ...) on a client's socket: the payload is the client's; so are req.on('data') chunks.
    const marker = receiverTaint.marker;
    const socketContext = listener && (marker === 'socket' || marker === 'request') && ts.isCallExpression(call) ? listenerContext(this.shared, call, marker) : undefined;
    return list.map((arg, i) => {
      const a = skipWrappers(arg);
      if (ts.isArrowFunction(a) || ts.isFunctionExpression(a)) {
        // Named functions are analysed on their own; callbacks that cannot matter are skipped (see prewalk.ts).
        if (this.shared.functions.infoOf(a) || (!iterates && !this.shared.relevant.has(a))) return CLEAN;
        const context = staticCallbackContext(this.shared, call, i) ?? (i > 0 ? socketContext : undefined);
        if (!context && iterates) {
          const element = receiverTaint.marker === 'upload' || receiverTaint.marker === 'multipart' ? receiverTaint : withoutMarker(receiverTaint);
          // list.map(x => quote(x)): what the callback returns is the result, so analyse it.
          this.callbackResults.set(a, this.closure(a, () => element, undefined, true));
          return CLEAN;
        }
        this.closure(a, context, undefined, false, this.routeOptionsValidation(call, a));
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

  /** `app.get('/x', { schema: { querystring: ... } }, handler)` (Fastify): the handler sees validated fields. */
  protected routeOptionsValidation(call: TS.CallExpression | TS.NewExpression, handler: TS.ArrowFunction | TS.FunctionExpression): (() => void) | undefined {
    const callee = skipWrappers(call.expression);
    const input = this.ts.isPropertyAccessExpression(callee) ? procedureInput(callee.expression) : undefined;
    if (input) return this.procedureValidation(input, handler);
    for (const arg of call.arguments ?? []) {
      const o = skipWrappers(arg);
      if (o !== handler && this.ts.isObjectLiteralExpression(o)) return this.routeValidation(o, handler);
    }
    return undefined;
  }

  /** tRPC checks `input` against the procedure's schema before the resolver runs. */
  protected procedureValidation(schema: TS.Expression, handler: FunctionNode): (() => void) | undefined {
    const info = schemaInfo(schema, this.constants);
    const first = handler.parameters[0];
    if (!info || !first) return undefined;
    // `(opts) => opts.input.x` or `({ input }) => input.x`
    let inputPath: string[] | undefined;
    if (this.ts.isIdentifier(first.name)) inputPath = [first.name.text, 'input'];
    else if (this.ts.isObjectBindingPattern(first.name)) {
      for (const el of first.name.elements) {
        const key = el.propertyName && this.ts.isIdentifier(el.propertyName) ? el.propertyName.text : this.ts.isIdentifier(el.name) ? el.name.text : undefined;
        if (key === 'input' && this.ts.isIdentifier(el.name)) inputPath = [el.name.text];
      }
    }
    if (!inputPath) return undefined;
    const path = inputPath;
    const clears: Clear[] = [];
    if (info.kinds) clears.push({ path, kinds: info.kinds });
    for (const [key, field] of info.fields ?? []) if (field.kinds) clears.push({ path: [...path, key], kinds: field.kinds });
    return clears.length > 0 ? () => this.applyClears(clears) : undefined;
  }

  /** A named function registered where a framework fills its parameters: its entry taints grow. */
  protected registerEntry(fn: FunctionInfo, context: ParamTaint): void {
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

  /** Sinks of a call (or `new`): an argument's taint, an array element's, or the expression's own. */
  protected hitCallSinks(shape: CallShape, callArgs: readonly TS.Expression[], args: readonly Taint[]): void {
    for (const s of sinksOfCall(shape, this.constants, this.shared.sf)) {
      const index = callArgs.indexOf(s.expr);
      // Elements of arrays (spawn argv) were recorded when the array was evaluated; properties of option objects were not.
      this.hitSink(s.site, index >= 0 ? args[index] : (this.elements.get(s.expr) ?? this.elements.get(skipWrappers(s.expr)) ?? this.eval(s.expr)));
    }
  }

  /** `new Class(untrusted)` for a class of the file: its constructor may store the value on `this`. */
  protected enterConstructor(n: TS.NewExpression, args: readonly Taint[]): void {
    const callee = skipWrappers(n.expression);
    if (!this.ts.isIdentifier(callee)) return;
    const ctor = this.shared.functions.method(callee.text, 'constructor');
    if (!ctor) return;
    args.forEach((a, i) => {
      if (i >= ctor.node.parameters.length) return;
      const sourced = filterFlows(a, (f) => f.origin.type === 'source');
      if (sourced.flows.length === 0) return;
      const current = ctor.entry.get(i);
      const next = current ? union(current, sourced) : sourced;
      if (current && next.flows.length === current.flows.length) return;
      ctor.entry.set(i, next);
      this.out.entryChanged?.(ctor);
    });
  }

  protected taggedTemplateSinks(e: TS.TaggedTemplateExpression): void {
    for (const s of shellTemplateSinks(e, this.resolveModule(e.tag), this.shared.sf)) this.hitSink(s.site, this.eval(s.expr));
  }

  protected newExpression(n: TS.NewExpression): Taint {
    const args = this.callArguments(n, n.arguments ?? [], CLEAN, undefined);
    const qualified = this.resolveModule(n.expression);
    if (qualified) this.hitCallSinks({ call: n, qualified }, n.arguments ?? [], args);
    else this.enterConstructor(n, args);
    if (qualified) {
      const effect = moduleCallEffect(qualified);
      return this.effect(effect, args);
    }
    return union(...args.map(withoutMarker));
  }

  /** Calls whose result is untrusted input in itself. */
  protected callSource(call: TS.CallExpression, qualified: string | undefined, method: string | undefined, receiver: TS.Expression | undefined, receiverTaint: Taint): Taint | undefined {
    const ts = this.ts;
    const sf = this.shared.sf;
    const here = () => [call.getStart(sf), call.end] as const;
    if (method && receiverTaint.marker) {
      const [s, e] = here();
      const t = markerMethod(receiverTaint.marker, method, s, e, clip(this.text(call)));
      if (t) return t;
    }
    // h3 / Nuxt / Nitro request helpers (auto-imported in Nuxt, so often not imported at all).
    if (!method && ts.isIdentifier(call.expression) && H3_SOURCES.has(call.expression.text) && (!qualified || /^(h3|#imports|nuxt|nitropack)(\.|$)/.test(qualified))) {
      const [s, e] = here();
      return sourceTaint(s, e, clip(this.text(call)));
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

  protected effect(effect: CallEffect, args: readonly Taint[]): Taint {
    if (effect.type === 'clean') return CLEAN;
    const joined = union(...args.map(withoutMarker));
    const cleared = effect.clears ? clearKinds(joined, effect.clears) : joined;
    return effect.normalized ? { flows: cleared.flows, normalized: true } : cleared;
  }

  /** Name of a callee that is neither imported nor a local value ('JSON.parse', 'String'). */
  protected globalName(callee: TS.Expression): string | undefined {
    const path = accessPath(callee, this.constants);
    if (!path || this.env.find(path[0])) return undefined;
    if (path.length === 1 || (path.length === 2 && GLOBAL_NAMESPACES.has(path[0]))) return path.join('.');
    return undefined;
  }

  protected methodResult(call: TS.CallExpression, method: string, receiver: TS.Expression | undefined, receiverTaint: Taint, args: readonly Taint[]): Taint {
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

  protected applySummary(fn: FunctionInfo, args: readonly Taint[], call: TS.CallExpression): Taint {
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
  protected noteMarkers(fn: FunctionInfo, args: readonly Taint[]): void {
    args.forEach((a, i) => {
      if (!a.marker || i >= fn.node.parameters.length) return;
      const current = fn.entry.get(i);
      if (current?.marker) return;
      fn.entry.set(i, union(current ?? CLEAN, markerOnly(a.marker)));
      this.out.entryChanged?.(fn);
    });
  }

  protected hitSink(site: SinkSite, value: Taint): void {
    // path.resolve/join results start with their root: never an option.
    if (site.reason === 'argument-injection' && value.normalized) return;
    for (const flow of value.flows) {
      const kinds = flow.kinds & site.kind;
      if (kinds) this.reach(site, { ...flow, kinds }, flow.steps);
    }
  }

  /** A flow reached a sink: a finding for real sources, a summary entry for parameters. */
  protected reach(site: SinkSite, flow: Flow, steps: readonly Step[]): void {
    // A wrapper whose caller names the program (cross-spawn, a `run(cmd, args)` helper) is its contract, not a bug.
    if (flow.origin.type === 'source' && flow.origin.library && site.reason === 'program') return;
    if (flow.origin.type === 'source') this.out.emit(site, flow, steps);
    else if (this.summarySinks.length < 256) this.summarySinks.push({ param: flow.origin.index, kinds: flow.kinds, steps, site });
  }

  /** Analyses a function expression in place (it sees the variables around it); returns its result. */
  protected closure(
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

  protected abstract body(node: FunctionNode): void;
}

/** `ParseIntPipe` or `new ParseIntPipe(...)`. */
function pipeName(arg: TS.Expression): string | undefined {
  const ts = typescript();
  const a = skipWrappers(arg);
  const target = ts.isNewExpression(a) ? a.expression : a;
  return ts.isIdentifier(target) ? target.text : undefined;
}
