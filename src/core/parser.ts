// The error-tolerant parser adapter. TypeScript's `createSourceFile` (no type-checking) keeps a
// complete tree for half-typed code, which keeps diagnostics stable while the user types.
// The module is required on first use, never at load time: it costs ~400 ms to load.
import type * as TS from 'typescript';
import { indexTree } from './ast/walk';
import type { FileKind } from './types';

let loaded: typeof TS | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load
let load = (): typeof TS => require('typescript') as typeof TS;

/**
 * Lets a host supply the parser module its own way before the first parse (a scan worker loads
 * it through a V8 code cache, which takes file I/O the core does not do).
 */
export function setTypeScriptLoader(loader: () => typeof TS): void {
  load = loader;
}

export function typescript(): typeof TS {
  loaded ??= load();
  return loaded;
}

export function parse(text: string, fileName: string, kind: FileKind): TS.SourceFile {
  const ts = typescript();
  const scriptKind =
    kind === 'tsx' ? ts.ScriptKind.TSX : kind === 'jsx' ? ts.ScriptKind.JSX : kind === 'ts' ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  // Parent pointers come from indexTree, which flattens the tree for the rules' walks in the
  // same traversal: cheaper than the parser's own setParentNodes pass plus a flattening.
  // JSDoc is never read by the rules, so its comments are not parsed (about a tenth of the
  // parse time on well-documented code).
  const options = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };
  const sourceFile = ts.createSourceFile(fileName, text, options, /* setParentNodes */ false, scriptKind);
  indexTree(sourceFile);
  return sourceFile;
}
