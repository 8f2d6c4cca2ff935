// Per-file facts every part of the pass reads: the parse, import bindings, constants, the
// file's functions, and which variables hold instances of which module (`new AdmZip()`).
import type * as TS from 'typescript';
import { ModuleBindings, skipWrappers } from '../ast/bindings';
import { Constants } from '../ast/constants';
import { typescript } from '../parser';
import { FunctionIndex } from './functions';
import type { SourceOptions } from './sources';

export interface Shared {
  sf: TS.SourceFile;
  text: string;
  bindings: ModuleBindings;
  constants: Constants;
  functions: FunctionIndex;
  /** variable name -> module its value was created from ('archiver', 'adm-zip', 'ssh2.Client'). */
  instances: Map<string, string>;
  options: SourceOptions;
  /** resolveModule results per expression node (null: not an imported module's API). */
  moduleNames: Map<TS.Node, string | null>;
  /** Inline functions whose bodies can matter (see markRelevant in pass.ts). */
  relevant: Set<TS.Node>;
  /** Variables holding an object given to contextBridge.exposeInMainWorld (Electron preload). */
  exposedApis: Set<string>;
}

/** Bindings, constants and functions; `instances` and `options` are filled by the pass's pre-walk. */
export function createShared(sf: TS.SourceFile, text: string, bindings?: ModuleBindings, constants?: Constants): Shared {
  return {
    sf,
    text,
    bindings: bindings ?? new ModuleBindings(sf),
    constants: constants ?? new Constants(sf),
    functions: new FunctionIndex(sf),
    instances: new Map(),
    options: { preservePath: false },
    moduleNames: new Map(),
    relevant: new Set(),
    exposedApis: new Set(),
  };
}

/** Records `const zip = archiver('zip')`-style instances and `preservePath: true` options. */
export function notePreWalkFacts(shared: Shared, node: TS.Node): void {
  const ts = typescript();
  if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
    const init = skipWrappers(node.initializer);
    if (ts.isCallExpression(init) || ts.isNewExpression(init)) {
      const module = shared.bindings.resolveModule(init.expression);
      if (module) shared.instances.set(node.name.text, module);
    }
  } else if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'preservePath' && node.initializer.kind === ts.SyntaxKind.TrueKeyword) {
    // multer / busboy / @fastify/multipart keep directories in upload names only with this set.
    shared.options.preservePath = true;
  }
}

export function nodeText(shared: Shared, node: TS.Node): string {
  return shared.text.slice(node.getStart(shared.sf), node.end);
}
