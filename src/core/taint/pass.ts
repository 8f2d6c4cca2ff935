// The per-file taint pass shared by the path-traversal and command-injection rules (through
// ctx.memo). One pre-walk collects facts and skips files without sinks; then the module's top
// level is analysed, and the file's functions are summarised from a worklist (callers are
// re-analysed only when a summary they read changed; at most MAX_ANALYSES per function), and
// the top level once more with the final summaries.
import type * as TS from 'typescript';
import { skipWrappers, type ModuleBindings } from '../ast/bindings';
import type { Constants } from '../ast/constants';
import { walk } from '../ast/walk';
import { typescript } from '../parser';
import { Analyzer, type FindingSink } from './analyzer';
import { staticCallbackContext } from './callbacks';
import { Env } from './env';
import type { FunctionInfo, Summary } from './functions';
import { buildFinding } from './messages';
import { createShared, notePreWalkFacts, type Shared } from './shared';
import { MUTATORS } from './propagation';
import { SINK_METHODS, archiveOptionSite, sinksOfCall } from './sinks';
import { union } from './taint-value';
import type { Flow, SinkSite, Step, Taint, TaintFinding } from './types';

const MAX_ANALYSES = 6;
const MAX_MODULE_PASSES = 4;

export const TAINT_MEMO_KEY = 'taint-lite';

type Owner = FunctionInfo | 'module';

/**
 * Text that any file with a sink contains: the module names of the sink APIs, or the method
 * names of sinks on objects a framework hands over (res.sendFile). Most files have none of these
 * and are done after a few substring searches, before any tree walk.
 */
const SINK_HINTS = [
  'child_process', "'fs", '"fs', '`fs', ':fs', 'fs/promises', 'fs-extra', 'graceful-fs', 'mz/fs', 'shelljs', 'execa', 'cross-spawn',
  'sendFile', 'download', 'static', 'koa-send', 'archiver', 'multer', 'execCommand', 'ssh2', '.mv(', "'tar'", '"tar"',
];

/** Per-file helpers other rule families may already have built (shared through ctx.memo). */
export interface SharedAst {
  bindings(): ModuleBindings;
  constants(): Constants;
}

export function runTaintPass(sf: TS.SourceFile, text: string, ast?: SharedAst): TaintFinding[] {
  if (!SINK_HINTS.some((h) => text.includes(h))) return [];
  const shared = createShared(sf, text, ast?.bindings(), ast?.constants());
  if (!preWalk(shared)) return [];
  return new Worklist(shared).run();
}

class Worklist {
  private readonly findings = new Map<Owner, Map<string, TaintFinding>>();
  /** function -> the owners whose analysis read its summary. */
  private readonly readers = new Map<FunctionInfo, Set<Owner>>();
  private readonly queue: FunctionInfo[] = [];
  private readonly queued = new Set<FunctionInfo>();
  private readonly analyses = new Map<FunctionInfo, number>();
  /** top-level name -> functions that read it. */
  private readonly freeReaders = new Map<string, Set<FunctionInfo>>();

  constructor(private readonly shared: Shared) {}

  run(): TaintFinding[] {
    const functions = calleeFirst(this.shared);
    // Functions first, against an empty top level: most files keep nothing untrusted in module
    // variables, so one pass over the top level (where Express handlers live) is enough.
    let moduleEnv = new Env();
    functions.forEach((f) => this.enqueue(f));
    for (let pass = 0; pass < MAX_MODULE_PASSES; pass++) {
      this.drain(moduleEnv);
      const next = this.analyseModule();
      // Functions that read a top-level variable whose value changed (CLI options parsed at the
      // top level) take another look.
      const changed = changedNames(moduleEnv, next);
      moduleEnv = next;
      for (const name of changed) for (const fn of this.freeReaders.get(name) ?? []) this.enqueue(fn);
      if (this.queue.length === 0) break;
    }
    const all = new Map<string, TaintFinding>();
    for (const owned of this.findings.values()) for (const [k, f] of owned) if (!all.has(k)) all.set(k, f);
    return [...all.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  }

  private enqueue(fn: FunctionInfo): void {
    if (this.queued.has(fn) || (this.analyses.get(fn) ?? 0) >= MAX_ANALYSES) return;
    this.queued.add(fn);
    this.queue.push(fn);
  }

  private drain(moduleEnv: Env): void {
    while (this.queue.length > 0) {
      const fn = this.queue.shift()!;
      this.queued.delete(fn);
      this.analyses.set(fn, (this.analyses.get(fn) ?? 0) + 1);
      const before = signature(fn.summary);
      fn.summary = new Analyzer(this.shared, fn, moduleEnv, this.sinkFor(fn)).runFunction();
      if (signature(fn.summary) !== before) {
        for (const reader of this.readers.get(fn) ?? []) if (reader !== 'module') this.enqueue(reader);
      }
    }
  }

  private analyseModule(): Env {
    return new Analyzer(this.shared, undefined, new Env(), this.sinkFor('module')).runModule(this.shared.sf.statements);
  }

  /** Findings of one owner replace those of its previous analysis. */
  private sinkFor(owner: Owner): FindingSink {
    const found = new Map<string, TaintFinding>();
    this.findings.set(owner, found);
    return {
      emit: (site: SinkSite, flow: Flow, steps: readonly Step[]) => {
        const finding = buildFinding(this.shared, site, flow, steps);
        if (!finding) return;
        const key = `${finding.ruleId}:${finding.start}:${finding.end}`;
        if (!found.has(key)) found.set(key, finding);
      },
      used: (fn: FunctionInfo) => {
        let set = this.readers.get(fn);
        if (!set) this.readers.set(fn, (set = new Set()));
        set.add(owner);
      },
      entryChanged: (fn: FunctionInfo) => this.enqueue(fn),
      readFree: (name: string) => {
        if (owner === 'module') return;
        let set = this.freeReaders.get(name);
        if (!set) this.freeReaders.set(name, (set = new Set()));
        set.add(owner);
      },
    };
  }
}

/**
 * One walk: instance and option facts, whether any call is a sink at all, and named functions
 * passed where a framework fills their parameters (route handlers, IPC handlers, processors).
 */
function preWalk(shared: Shared): boolean {
  const ts = typescript();
  const calls: (TS.CallExpression | TS.NewExpression)[] = [];
  const effects: TS.Node[] = [];
  walk(shared.sf, (node) => {
    shared.functions.visit(node);
    notePreWalkFacts(shared, node);
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) calls.push(node);
    else if (ts.isBinaryExpression(node) && isAssignment(node.operatorToken.kind)) effects.push(node);
  });
  shared.functions.finish();
  let anySink = false;
  const registrations: { call: TS.CallExpression | TS.NewExpression; index: number; fn: FunctionInfo }[] = [];
  for (const node of calls) {
    (node.arguments ?? []).forEach((arg, index) => {
      const a = skipWrappers(arg);
      const fn = ts.isIdentifier(a) ? shared.functions.byFunctionName(a.text) : undefined;
      if (fn) registrations.push({ call: node, index, fn });
    });
    if (!ts.isCallExpression(node)) continue;
    const callee = skipWrappers(node.expression);
    const calleeName = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    // Same-file functions, writes into collections, and instance methods that may be sinks
    // (which instance a name holds is only known during the analysis).
    if (calleeName && (shared.functions.hasName(calleeName) || MUTATORS.has(calleeName) || SINK_METHODS.has(calleeName))) effects.push(node);
    const receiver = ts.isPropertyAccessExpression(callee) ? skipWrappers(callee.expression) : undefined;
    const receiverName = receiver && ts.isIdentifier(receiver) ? receiver.text : undefined;
    const qualified = shared.bindings.resolveModule(callee);
    if (qualified === 'electron.contextBridge.exposeInMainWorld' || qualified === 'electron.contextBridge.exposeInIsolatedWorld') {
      const api = node.arguments[1] && skipWrappers(node.arguments[1]);
      if (api && ts.isIdentifier(api)) shared.exposedApis.add(api.text);
    }
    const shape = {
      call: node,
      qualified,
      method: ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined,
      receiverText: receiverName,
      receiverInstance: receiverName ? shared.instances.get(receiverName) : undefined,
    };
    if (qualified === 'multer.diskStorage' || calleeName === 'mv' || sinksOfCall(shape, shared.constants, shared.sf).length > 0 || archiveOptionSite(shape, shared.constants, shared.sf)) {
      anySink = true;
      effects.push(node);
    }
  }
  if (!anySink) return false;
  markRelevant(shared, effects);
  for (const { call, index, fn } of registrations) {
    const context = staticCallbackContext(shared, call, index);
    if (!context) continue;
    fn.node.parameters.forEach((p, i) => {
      const t = context(i, p);
      if (t) fn.entry.set(i, union(fn.entry.get(i) ?? { flows: [] }, t));
    });
  }
  return true;
}

/**
 * Inline callbacks worth analysing: those holding a sink, a call to a function of the file, or
 * a write that other code may read (assignments, push/set/add). A route handler that only
 * queries a database and renders JSON is skipped.
 */
function markRelevant(shared: Shared, nodes: readonly TS.Node[]): void {
  const ts = typescript();
  for (const start of nodes) {
    for (let n: TS.Node | undefined = start.parent; n; n = n.parent) {
      if (ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isMethodDeclaration(n)) {
        if (shared.relevant.has(n)) break;
        shared.relevant.add(n);
      }
    }
  }
}

function isAssignment(kind: TS.SyntaxKind): boolean {
  const k = typescript().SyntaxKind;
  return kind >= k.FirstAssignment && kind <= k.LastAssignment;
}

/** Functions ordered so that callees usually come before their callers (a cheap first order). */
function calleeFirst(shared: Shared): FunctionInfo[] {
  const all = shared.functions.all;
  // Declarations nested deeper or later in the file tend to be helpers: analyse by nesting, then
  // reverse source order, so most callees are summarised before their callers.
  return [...all].sort((a, b) => depthOf(b.node) - depthOf(a.node) || b.node.pos - a.node.pos);
}

function depthOf(node: TS.Node): number {
  let d = 0;
  for (let n = node.parent; n; n = n.parent) d++;
  return d;
}

function signature(s: Summary): string {
  const parts: string[] = [];
  for (const f of s.returns.flows) parts.push(`r${f.origin.type === 'param' ? f.origin.index : `s${f.origin.start}`}:${f.kinds}`);
  if (s.returns.normalized) parts.push('n');
  for (const k of s.sinks) parts.push(`s${k.param}:${k.kinds}:${k.site.start}:${k.site.ruleId}`);
  for (const [i, k] of s.clearsAtExit) parts.push(`c${i}:${k}`);
  for (const [i, k] of s.truthClears) parts.push(`t${i}:${k}`);
  return parts.sort().join('|');
}

function taintSignature(t: Taint): string {
  return `${t.marker ?? ''}${t.flows.map((f) => `${f.origin.type === 'param' ? `p${f.origin.index}` : f.origin.start}/${f.kinds}`).join(',')}`;
}

/** Top-level variables whose untrusted content differs between two analyses of the top level. */
function changedNames(before: Env, after: Env): string[] {
  const a = varSignatures(before);
  const b = varSignatures(after);
  const out: string[] = [];
  for (const [name, sig] of b) if (a.get(name) !== sig) out.push(name);
  for (const name of a.keys()) if (!b.has(name)) out.push(name);
  return out;
}

function varSignatures(env: Env): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, state] of env.entries()) {
    let s = taintSignature(state.taint);
    for (const [k, v] of state.fields ?? []) {
      const t = taintSignature(v);
      if (t) s += `;${k}=${t}`;
    }
    if (s) out.set(name, s);
  }
  return out;
}
