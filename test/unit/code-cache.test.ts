import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { userCacheDir } from '../../src/workspace/cache-dir';
import { loadWithCodeCache } from '../../src/workspace/code-cache';
import { tempTree } from './temp-dirs';

const MODULE = `const path = require('path');
exports.add = (a, b) => a + b;
exports.where = path.basename(__dirname);
module.exports.self = module.exports === exports;
`;

const cacheFiles = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.v8cache'));

/**
 * Loads the module in a fresh process, as a scan worker does: within one process V8 reuses its
 * own compilation of a source it has seen, and would never look at the cache file.
 */
function loadInNewProcess(modulePath: string, cacheDir: string, save: boolean): { cache: string; sum: number; where: string; self: boolean } {
  const script = `
    const { loadWithCodeCache } = require(${JSON.stringify(path.join(__dirname, '../../src/workspace/code-cache.js'))});
    const loaded = loadWithCodeCache(${JSON.stringify(modulePath)}, ${JSON.stringify(cacheDir)});
    if (${save}) loaded.saveCache();
    const m = loaded.exports;
    process.stdout.write(JSON.stringify({ cache: loaded.cache, sum: m.add(5, 3), where: m.where, self: m.self }));`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { cache: string; sum: number; where: string; self: boolean };
}

/** A module in a fresh folder, with its cache written once by a first load. */
function moduleWithCache(): { dir: string; modulePath: string; cacheDir: string } {
  const dir = tempTree('code-cache', { 'parser.js': MODULE });
  const modulePath = path.join(dir, 'parser.js');
  const cacheDir = path.join(dir, 'cache');
  loadInNewProcess(modulePath, cacheDir, true);
  return { dir, modulePath, cacheDir };
}

describe('V8 code cache loader', () => {
  it('loads a CommonJS module from source, writes its cache, then loads from the cache', () => {
    const dir = tempTree('code-cache', { 'lib/parser.js': MODULE });
    const modulePath = path.join(dir, 'lib', 'parser.js');
    const cacheDir = path.join(dir, 'cache');
    assert.deepEqual(loadInNewProcess(modulePath, cacheDir, true), { cache: 'missing', sum: 8, where: 'lib', self: true });
    assert.equal(cacheFiles(cacheDir).length, 1);
    assert.deepEqual(loadInNewProcess(modulePath, cacheDir, true), { cache: 'used', sum: 8, where: 'lib', self: true });
  });

  it('compiles from source when the cache is damaged, and replaces it', () => {
    const { dir, modulePath, cacheDir } = moduleWithCache();
    const [name] = cacheFiles(cacheDir);
    writeFileSync(path.join(cacheDir, name), Buffer.from('not a V8 code cache'));
    assert.deepEqual(loadInNewProcess(modulePath, cacheDir, true), { cache: 'rejected', sum: 8, where: path.basename(dir), self: true });
    assert.equal(loadInNewProcess(modulePath, cacheDir, false).cache, 'used');
  });

  it('keys the cache by the module text and drops caches of other versions', () => {
    const { modulePath, cacheDir } = moduleWithCache();
    const [old] = cacheFiles(cacheDir);
    // Same length, other text: V8's own check (by length) would accept the old cache.
    writeFileSync(modulePath, MODULE.replace('a + b', 'a - b'));
    const changed = loadInNewProcess(modulePath, cacheDir, true);
    assert.equal(changed.cache, 'missing');
    assert.equal(changed.sum, 2);
    const now = cacheFiles(cacheDir);
    assert.equal(now.length, 1);
    assert.notEqual(now[0], old);
  });

  it('never throws when the cache cannot be written', () => {
    const dir = tempTree('code-cache', { 'parser.js': MODULE, 'blocked': 'a file where the folder would be' });
    const loaded = loadWithCodeCache(path.join(dir, 'parser.js'), path.join(dir, 'blocked', 'cache'));
    assert.equal(loaded.cache, 'missing');
    assert.doesNotThrow(() => loaded.saveCache());
    assert.equal((loaded.exports as { add: (a: number, b: number) => number }).add(2, 3), 5);
  });
});

describe('user cache folder', () => {
  it('follows SECURE_DEV_CACHE_DIR, where empty turns caching off', () => {
    assert.equal(userCacheDir({ SECURE_DEV_CACHE_DIR: '/tmp/sd' }, 'linux', '/home/u'), path.resolve('/tmp/sd'));
    assert.equal(userCacheDir({ SECURE_DEV_CACHE_DIR: '' }, 'linux', '/home/u'), undefined);
  });

  it("uses each platform's per-user cache folder", () => {
    assert.equal(userCacheDir({}, 'linux', '/home/u'), path.join('/home/u', '.cache', 'secure-dev'));
    assert.equal(userCacheDir({ XDG_CACHE_HOME: '/var/cache/u' }, 'linux', '/home/u'), path.join('/var/cache/u', 'secure-dev'));
    assert.equal(userCacheDir({}, 'darwin', '/Users/u'), path.join('/Users/u', 'Library', 'Caches', 'secure-dev'));
    assert.equal(userCacheDir({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32', 'C:\\Users\\u'), path.join('C:\\Users\\u\\AppData\\Local', 'secure-dev', 'Cache'));
  });
});
