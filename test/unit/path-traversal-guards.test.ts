// Containment checks written in ways beyond `resolved.startsWith(root)`, re-assignment after
// sanitization, and archive extraction options that turn the library's own checks off.
import { describe } from 'node:test';
import { table } from './taint-support';

describe('path-traversal: more guards', () => {
  table('path-traversal', [
    {
      name: 'candidate === ROOT || candidate.startsWith(ROOT + sep), with rest parameters',
      code: `import { resolve, sep } from 'node:path';
import { readFileSync } from 'node:fs';
const ROOT = resolve(process.env.DATA ?? '/srv/data');
function inside(...parts: string[]) {
  const candidate = resolve(ROOT, ...parts);
  if (candidate !== ROOT && !candidate.startsWith(ROOT + sep)) throw new Error('outside');
  return candidate;
}
function loose(...parts: string[]) {
  const candidate = resolve(ROOT, ...parts);
  if (candidate !== ROOT) console.warn('not the root');
  return candidate;
}
app.get('/f', (req, res) => {
  res.send(readFileSync(inside(req.query.dir, req.query.name)));
  res.send(readFileSync(loose(req.query.dir, req.query.name))); // <-
});
`,
    },
    {
      name: 'path.relative(root, p) checked inline',
      code: `const path = require('path');
const fs = require('fs');
function open(dir, file) {
  const full = path.resolve(dir, file);
  if (path.relative(dir, full).startsWith('..') || path.isAbsolute(path.relative(dir, full))) throw new Error('no');
  return fs.createReadStream(full);
}
function openLoose(dir, file) {
  const full = path.resolve(dir, file);
  if (path.relative(dir, full) === '') throw new Error('a folder');
  return fs.createReadStream(full); // <-
}
app.get('/r', (req, res) => {
  open('/srv/r', req.query.f).pipe(res);
  openLoose('/srv/r', req.query.f).pipe(res);
});
`,
      file: 'reports.js',
    },
    {
      name: 're-assignment after sanitization, and re-tainting after it',
      code: `const path = require('path');
const fs = require('fs');
app.get('/a', (req, res) => {
  let name = req.query.name;
  name = path.basename(name);
  res.send(fs.readFileSync('/srv/a/' + name));
  name = req.query.other;
  res.send(fs.readFileSync('/srv/a/' + name)); // <-
});
`,
      file: 'a.js',
    },
    {
      name: 'node-tar with preservePaths: true is zip slip whatever the archive',
      code: `import * as tar from 'tar';
export async function unpack(file: string, dest: string) {
  await tar.x({ file, cwd: dest, preservePaths: true }); // <- zip-slip
  await tar.x({ file, cwd: dest, strict: true });
  await tar.extract({ file, cwd: dest, preservePaths: false });
}
`,
    },
  ]);
});
