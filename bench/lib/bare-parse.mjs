// The scale reference: TypeScript's createSourceFile (with parent pointers, as the engine parses)
// over every JS/TS file of a tree, one file after another on one core. Prints a JSON summary.
//
//   node bench/lib/bare-parse.mjs <tree>
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODE_FILE, listTree } from './tree-files.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const started = performance.now();
const ts = createRequire(import.meta.url)(join(root, 'node_modules', 'typescript'));
const loadedAt = performance.now();

function scriptKind(path) {
  if (path.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (path.endsWith('.jsx')) return ts.ScriptKind.JSX;
  return /\.[cm]?ts$/.test(path) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
}

let files = 0;
let bytes = 0;
let parseMs = 0;
for (const { path } of listTree(resolve(process.argv[2])).filter((f) => CODE_FILE.test(f.path))) {
  const text = readFileSync(path, 'utf8');
  const t0 = performance.now();
  ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, scriptKind(path));
  parseMs += performance.now() - t0;
  files++;
  bytes += Buffer.byteLength(text);
}
console.log(JSON.stringify({ files, bytes, loadMs: Math.round(loadedAt - started), parseMs: Math.round(parseMs), totalMs: Math.round(performance.now() - started) }));
