// The CLI as a user runs it: the built dist/cli.js in a child process.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { v8PoolSizeFor } from '../../src/cli/v8-pool';
import { tempTree } from './temp-dirs';

const cli = path.resolve(__dirname, '../../../dist/cli.js');
// No code cache unless a test asks for one: tests leave the user's cache folder alone.
const run = (args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SECURE_DEV_CACHE_DIR: '', ...env } });

const project = (files: Record<string, string>): string => tempTree('cli', files);

// A finding that needs no rule: a suppression comment without a reason (a warning).
const WARNING = '// secure-dev-ignore-next-line weak-hash\nconst a = 1;\n';

describe('secure-dev CLI', () => {
  it('exits 0 with a summary line when nothing is found', () => {
    const r = run(['scan', '.'], project({ 'a.js': 'const a = 1;\n' }));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /No findings in 1 file/);
  });

  it('exits 1 on findings at or above --fail-on and 0 below it', () => {
    const dir = project({ 'src/a.js': WARNING });
    const r = run(['scan'], dir);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /src\/a\.js:1:4 +warning .*invalid-suppression/);
    assert.match(r.stdout, /1 finding \(1 warning\) in 1 of 1 files/);
    assert.equal(run(['scan', '--fail-on', 'error'], dir).status, 0);
    assert.equal(run(['scan', '--fail-on', 'none'], dir).status, 0);
  });

  it('exits 2 with a clear message on usage errors', () => {
    const dir = project({ 'a.js': '' });
    for (const [args, message] of [
      [[], /No command given/],
      [['lint'], /Unknown command "lint"/],
      [['scan', '--format', 'xml'], /Unknown --format "xml"/],
      [['scan', '--fail-on', 'high'], /Unknown --fail-on "high"/],
      [['scan', '--bogus'], /Unknown option '--bogus'/],
      [['scan', 'missing-dir'], /cannot scan "missing-dir": no such file or folder/],
      [['scan', '--max-file-size', 'big'], /positive whole number/],
    ] as [string[], RegExp][]) {
      const r = run(args, dir);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, message);
    }
  });

  it('writes SARIF with paths relative to the scanned folder', () => {
    const dir = project({ 'src/a.js': WARNING });
    const r = run(['scan', '.', '--format', 'sarif', '--output', 'out/report.sarif'], dir);
    assert.equal(r.status, 1);
    const log = JSON.parse(readFileSync(path.join(dir, 'out/report.sarif'), 'utf8'));
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'src/a.js');
    assert.match(r.stderr, /1 finding/, 'a summary goes to stderr when the report goes to a file');
  });

  it('writes JSON and honours .gitignore, --exclude and .secure-dev.json ignore globs', () => {
    const dir = project({
      '.gitignore': 'generated/\n',
      '.secure-dev.json': '{"ignore": ["legacy/**"]}',
      'generated/a.js': WARNING,
      'legacy/b.js': WARNING,
      'fixtures/c.js': WARNING,
      'src/d.js': WARNING,
    });
    const r = run(['scan', '--format', 'json', '--exclude', 'fixtures/**'], dir);
    const report = JSON.parse(r.stdout);
    assert.deepEqual(report.files.map((f: { path: string }) => f.path), ['src/d.js']);
  });

  it('warns about a broken .secure-dev.json and carries on with defaults', () => {
    const r = run(['scan'], project({ '.secure-dev.json': '{ nope', 'a.js': '' }));
    assert.equal(r.status, 0);
    assert.match(r.stderr, /\.secure-dev\.json: .*not valid JSON/);
  });

  it('skips binary and oversized files with a reason', () => {
    const r = run(['scan', '--max-file-size', '50'], project({ 'big.js': `// ${'x'.repeat(100)}\n`, 'blob.dat': 'a\u0000b' }));
    assert.equal(r.status, 0);
    assert.match(r.stdout, /big\.js: larger than/);
    assert.match(r.stdout, /blob\.dat: binary content/);
  });

  it('keeps a code cache of the parser for worker scans, and scans the same with it, without it and with a damaged one', () => {
    // Enough files for worker threads, and for the first worker to warm up before it writes the cache.
    const files: Record<string, string> = {};
    for (let i = 0; i < 600; i++) files[`src/m${i}.js`] = `const { exec } = require('child_process');\nexports.run${i} = (req) => exec('ls ' + req.query.dir);\n`;
    const dir = project(files);
    const cacheDir = path.join(dir, '.cache');
    const scan = () => run(['scan', 'src', '--format', 'json', '--fail-on', 'none'], dir, { SECURE_DEV_CACHE_DIR: cacheDir });
    const without = run(['scan', 'src', '--format', 'json', '--fail-on', 'none'], dir);
    assert.equal(without.status, 0, without.stderr);
    assert.equal((JSON.parse(without.stdout) as { files: unknown[] }).files.length, 600);

    const first = scan();
    assert.equal(first.status, 0, first.stderr);
    const caches = readdirSync(cacheDir).filter((n) => n.endsWith('.v8cache'));
    assert.equal(caches.length, 1, 'the first worker writes the cache once it has warmed up');
    assert.equal(first.stdout, without.stdout);
    assert.equal(scan().stdout, without.stdout);

    writeFileSync(path.join(cacheDir, caches[0]), 'damaged');
    const damaged = scan();
    assert.equal(damaged.status, 0, damaged.stderr);
    assert.equal(damaged.stdout, without.stdout);
  });
});

describe('V8 background threads for a scan', () => {
  it('leaves V8 the cores the workers do not use, and at least one thread', () => {
    assert.equal(v8PoolSizeFor(1), 1);
    assert.equal(v8PoolSizeFor(2), 1);
    assert.equal(v8PoolSizeFor(8), 1);
    assert.equal(v8PoolSizeFor(16), 8);
  });

  it('restarts the scan with the pool size once, keeping output and exit code', () => {
    const dir = project({ 'src/a.js': WARNING });
    const r = run(['scan', '--format', 'json'], dir, { NODE_DEBUG: 'child_process' });
    assert.equal(r.status, 1, r.stderr);
    assert.equal((JSON.parse(r.stdout) as { files: unknown[] }).files.length, 1);
    // NODE_DEBUG=child_process logs every spawn, in the restarted process too.
    assert.equal((r.stderr.match(/CHILD_PROCESS \d+: spawnSync/g) ?? []).length, 1, 'one restart, and none from the restarted process');
    assert.match(r.stderr, /'--v8-pool-size=\d+'/);
  });
});

