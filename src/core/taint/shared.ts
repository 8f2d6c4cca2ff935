// Per-file facts every part of the pass reads: the parse, import bindings, constants, the
// file's functions, and which variables hold instances of which module (`new AdmZip()`).
// Facts that only some files need are computed on first use.
import type * as TS from 'typescript';
import { ModuleBindings, skipWrappers } from '../ast/bindings';
import { Constants } from '../ast/constants';
import { flatNodes } from '../ast/walk';
import { typescript } from '../parser';
import { FunctionIndex } from './functions';
import type { SourceOptions } from './sources';
import type { Taint } from './types';

export interface Shared {
  sf: TS.SourceFile;
  text: string;
  bindings: ModuleBindings;
  constants: Constants;
  functions: FunctionIndex;
  options: SourceOptions;
  /** Functions whose bodies can matter (see markRelevant in prewalk.ts). */
  relevant: Set<TS.Node>;
  /** Top-level statements other than declarations that the module pass evaluates (see markTopLevel). */
  topLevel: Set<TS.Statement>;
  /** Variables holding an object given to contextBridge.exposeInMainWorld (Electron preload). */
  exposedApis: Set<string>;
  /** Offsets where lines start, computed when a finding's message needs a line number. */
  lineStarts?: number[];
  /** bindings.resolveModule, remembered per node (the same callees are met again on every re-analysis). */
  resolveModule(expr: TS.Expression): string | undefined;
  /** The module a variable's value was created from ('archiver', 'adm-zip', 'ssh2.Client'): the file's last such declaration. */
  instanceOf(name: string): string | undefined;
  /**
   * Untrusted values stored on instances, per class and field (`this.pr = payload.pull_request` in
   * one method, `this.pr.title` in another). Only flows from sources: a method's own parameters
   * mean nothing to the others.
   */
  classFields: Map<string, Map<string, Taint>>;
}

/** Runtime namespaces that need no import: `Bun.spawn` -> 'Bun.spawn', `Deno.readFile` -> 'Deno.readFile'. */
const RUNTIME_GLOBALS = new Set(['Bun', 'Deno']);

function runtimeGlobal(bindings: ModuleBindings, expr: TS.Expression): string | undefined {
  const ts = typescript();
  let e = skipWrappers(expr);
  if (!ts.isPropertyAccessExpression(e)) return undefined;
  while (ts.isPropertyAccessExpression(e)) e = skipWrappers(e.expression);
  if (!ts.isIdentifier(e) || !RUNTIME_GLOBALS.has(e.text) || bindings.moduleOf(e.text) !== undefined) return undefined;
  return bindings.resolve(expr);
}

export function createShared(sf: TS.SourceFile, text: string, bindings?: ModuleBindings, constants?: Constants): Shared {
  const moduleBindings = bindings ?? new ModuleBindings(sf);
  const moduleNames = new Map<TS.Node, string | null>();
  const resolveModule = (expr: TS.Expression): string | undefined => {
    let name = moduleNames.get(expr);
    if (name === undefined) moduleNames.set(expr, (name = moduleBindings.resolveModule(expr) ?? runtimeGlobal(moduleBindings, expr) ?? null));
    return name ?? undefined;
  };
  let instances: Map<string, string> | undefined;
  return {
    sf,
    text,
    bindings: moduleBindings,
    constants: constants ?? new Constants(sf),
    functions: new FunctionIndex(sf),
    // multer / busboy / @fastify/multipart keep directories in upload names only with `preservePath: true`.
    options: { preservePath: text.includes('preservePath') && hasTrueProperty(sf, 'preservePath') },
    relevant: new Set(),
    topLevel: new Set(),
    exposedApis: new Set(),
    classFields: new Map(),
    resolveModule,
    instanceOf(name: string): string | undefined {
      instances ??= instancesOf(sf, resolveModule);
      return instances.get(name);
    },
  };
}

/** `const zip = archiver('zip')`, `const client = new Client()`: variable -> module, in source order (the last wins). */
function instancesOf(sf: TS.SourceFile, resolveModule: (e: TS.Expression) => string | undefined): Map<string, string> {
  const ts = typescript();
  const out = new Map<string, string>();
  const { nodes, kinds } = flatNodes(sf);
  const variable = ts.SyntaxKind.VariableDeclaration;
  for (let i = 0; i < kinds.length; i++) {
    if (kinds[i] !== variable) continue;
    const node = nodes[i] as TS.VariableDeclaration;
    if (!ts.isIdentifier(node.name) || !node.initializer) continue;
    const init = skipWrappers(node.initializer);
    if (ts.isCallExpression(init) || ts.isNewExpression(init)) {
      const module = resolveModule(init.expression);
      if (module) out.set(node.name.text, module);
    }
  }
  return out;
}

function hasTrueProperty(sf: TS.SourceFile, name: string): boolean {
  const ts = typescript();
  const { nodes, kinds } = flatNodes(sf);
  const property = ts.SyntaxKind.PropertyAssignment;
  for (let i = 0; i < kinds.length; i++) {
    if (kinds[i] !== property) continue;
    const p = nodes[i] as TS.PropertyAssignment;
    if (ts.isIdentifier(p.name) && p.name.text === name && p.initializer.kind === ts.SyntaxKind.TrueKeyword) return true;
  }
  return false;
}
