// The per-file taint pass shared by the path-traversal and command-injection rules (through
// ctx.memo). One pre-walk collects facts and skips files without sinks; then the module's top
// level is analysed, and the file's functions are summarised from a worklist (callers are
// re-analysed only when a summary they read changed; at most MAX_ANALYSES per function), and
// the top level once more with the final summaries.
import type * as TS from 'typescript';
import type { ModuleBindings } from '../ast/bindings';
import type { Constants } from '../ast/constants';
import type { FindingSink } from './analysis-state';
import { Analyzer } from './analyzer';
import { Env } from './env';
import type { FunctionInfo, Summary } from './functions';
import { buildFinding } from './messages';
import { preWalk } from './prewalk';
import { createShared, type Shared } from './shared';
import { PATH, type Flow, type SinkSite, type Step, type Taint, type TaintFinding } from './types';

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
  // Bun / Deno runtime APIs, VS Code terminals, Electron's net.fetch of file: URLs.
  'Bun.', "'bun'", '"bun"', 'Deno.', 'sendText', 'net.fetch',
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
  /** Raw findings per owner, built into messages once at the end. */
  private readonly findings = new Map<Owner, Map<string, { site: SinkSite; flow: Flow; steps: readonly Step[] }>>();
  /** function -> the owners whose analysis read its summary. */
  private readonly readers = new Map<FunctionInfo, Set<Owner>>();
  private readonly queue: FunctionInfo[] = [];
  private readonly queued = new Set<FunctionInfo>();
  private readonly analyses = new Map<FunctionInfo, number>();
  /** Functions whose analysis is under way (a lazy summary asked for inside another analysis). */
  private readonly running = new Set<FunctionInfo>();
  /** top-level name -> functions that read it. */
  private readonly freeReaders = new Map<string, Set<FunctionInfo>>();
  private moduleEnv = new Env();

  constructor(private readonly shared: Shared) {}

  run(): TaintFinding[] {
    // Functions that can reach a sink first, against an empty top level: most files keep nothing
    // untrusted in module variables, so one pass over the top level (where Express handlers
    // live) is enough. Other functions are summarised when a call needs them (see ensure).
    for (const f of calleeFirst(this.shared)) this.enqueue(f);
    for (let pass = 0; pass < MAX_MODULE_PASSES; pass++) {
      this.drain();
      const next = this.analyseModule();
      // Functions that read a top-level variable whose value changed (CLI options parsed at the
      // top level) take another look.
      const changed = changedNames(this.moduleEnv, next);
      this.moduleEnv = next;
      for (const name of changed) for (const fn of this.freeReaders.get(name) ?? []) this.enqueue(fn);
      if (this.queue.length === 0) break;
    }
    const all = new Map<string, TaintFinding>();
    for (const owned of this.findings.values()) {
      for (const [k, raw] of owned) {
        if (all.has(k)) continue;
        const finding = buildFinding(this.shared, raw.site, raw.flow, raw.steps);
        if (finding) all.set(k, finding);
      }
    }
    return [...all.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  }

  private enqueue(fn: FunctionInfo): void {
    if (this.queued.has(fn) || (this.analyses.get(fn) ?? 0) >= MAX_ANALYSES) return;
    this.queued.add(fn);
    this.queue.push(fn);
  }

  private drain(): void {
    while (this.queue.length > 0) {
      const fn = this.queue.shift()!;
      this.queued.delete(fn);
      if (!this.running.has(fn)) this.analyse(fn);
    }
  }

  private analyse(fn: FunctionInfo): void {
    this.analyses.set(fn, (this.analyses.get(fn) ?? 0) + 1);
    const before = signature(fn.summary);
    this.running.add(fn);
    try {
      fn.summary = new Analyzer(this.shared, fn, this.moduleEnv, this.sinkFor(fn)).runFunction();
    } finally {
      this.running.delete(fn);
    }
    if (signature(fn.summary) !== before) {
      for (const reader of this.readers.get(fn) ?? []) if (reader !== 'module') this.enqueue(reader);
    }
  }

  /** A summary a call needs: functions that cannot reach a sink are analysed only on demand. */
  private ensure(fn: FunctionInfo): void {
    if (!this.analyses.has(fn) && !this.running.has(fn)) this.analyse(fn);
  }

  private analyseModule(): Env {
    return new Analyzer(this.shared, undefined, new Env(), this.sinkFor('module')).runModule(this.shared.sf.statements);
  }

  /** Findings of one owner replace those of its previous analysis. */
  private sinkFor(owner: Owner): FindingSink {
    const found = new Map<string, { site: SinkSite; flow: Flow; steps: readonly Step[] }>();
    this.findings.set(owner, found);
    return {
      emit: (site: SinkSite, flow: Flow, steps: readonly Step[]) => {
        // The rule the finding goes to (zip slip for archive entry names), as buildFinding decides it.
        const key = `${flow.origin.type === 'source' && flow.origin.archive && site.kind === PATH ? 'zip-slip' : site.ruleId}:${site.start}:${site.end}`;
        if (!found.has(key)) found.set(key, { site, flow, steps });
      },
      used: (fn: FunctionInfo) => {
        let set = this.readers.get(fn);
        if (!set) this.readers.set(fn, (set = new Set()));
        set.add(owner);
        this.ensure(fn);
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

/** Functions that can reach a sink, ordered so that callees usually come before their callers (a cheap first order). */
function calleeFirst(shared: Shared): FunctionInfo[] {
  const all = shared.functions.all.filter((f) => shared.relevant.has(f.node));
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
