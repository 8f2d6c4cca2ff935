import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tempTree } from './temp-dirs';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { scanFiles } from '../../src/workspace/scan';
import { findFiles, isExcludedPath } from '../../src/workspace/walk-files';

const tree = (files: Record<string, string>): string => tempTree('scan', files);

const WARNING = '// secure-dev-ignore-next-line weak-hash\nconst a = 1;\n';

describe('findFiles', () => {
  it('honours nested .gitignore files, default excludes and globs; skips binary names', async () => {
    const dir = tree({
      '.gitignore': '*.log\n',
      'a.js': '',
      'debug.log': '',
      'node_modules/x/index.js': '',
      'pkg/.gitignore': 'build/\n',
      'pkg/build/out.js': '',
      'pkg/src/b.ts': '',
      'img/logo.png': '',
      'docs/readme.md': '',
    });
    const files = await findFiles(dir, [dir], { exclude: ['docs/**'] });
    assert.deepEqual(files.map((f) => f.relative), ['.gitignore', 'a.js', 'pkg/.gitignore', 'pkg/src/b.ts']);
  });

  it('does not follow symlinks', async () => {
    const dir = tree({ 'a.js': '' });
    symlinkSync(dir, path.join(dir, 'loop'));
    const files = await findFiles(dir, [dir]);
    assert.deepEqual(files.map((f) => f.relative), ['a.js']);
  });

  it('matches exclude globs against relative paths', () => {
    assert.ok(isExcludedPath('node_modules/a/b.js'));
    assert.ok(isExcludedPath('test/fixtures/x.js', ['**/fixtures/**']));
    assert.ok(!isExcludedPath('src/x.js', ['**/fixtures/**']));
  });
});

describe('scanFiles', () => {
  it('gives the same reports on worker threads as in-process', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`src/f${String(i).padStart(2, '0')}.js`] = i % 3 === 0 ? WARNING : `const v${i} = ${i};\n`;
    const dir = tree(files);
    const found = await findFiles(dir, [dir]);
    const inProcess = await scanFiles(found, { settings: DEFAULT_SETTINGS, workers: 0 });
    const onWorkers = await scanFiles(found, { settings: DEFAULT_SETTINGS, workers: 2 });
    assert.equal(inProcess.length, 60);
    assert.deepEqual(onWorkers, inProcess);
    assert.equal(inProcess.filter((r) => r.findings.length > 0).length, 20);
  });

  it('stops when cancelled', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 10; i++) files[`f${i}.js`] = '';
    const dir = tree(files);
    const abort = new AbortController();
    abort.abort();
    const reports = await scanFiles(await findFiles(dir, [dir]), { settings: DEFAULT_SETTINGS, workers: 0, signal: abort.signal });
    assert.equal(reports.length, 0);
  });
});
