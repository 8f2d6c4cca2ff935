// Loads a large CommonJS module (the 3.5 MB TypeScript parser bundle) through a V8 code cache.
// Without it, every scan worker compiles the bundle from source and then each parser function
// the first time it runs; with it, a worker starts from the bytecode an earlier scan left
// (3–6 % of a whole-tree scan on two cores, bench/README.md).
//
// V8 rejects a cache made by another V8 version or with other flags, but it checks the source
// only by length: the file name therefore carries a hash of the module's text.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { threadId } from 'node:worker_threads';

export interface CachedModule {
  exports: unknown;
  /** 'used': compiled from the cache; 'missing' or 'rejected' (stale or damaged): compiled from source. */
  cache: 'used' | 'missing' | 'rejected';
  /**
   * Writes the cache, with every function compiled so far, unless it was used. Call it once the
   * module has done typical work. Never throws: a cache is only an optimisation.
   */
  saveCache(): void;
}

export function loadWithCodeCache(modulePath: string, cacheDir: string): CachedModule {
  const source = readFileSync(modulePath, 'utf8');
  const stem = path.basename(modulePath, '.js');
  const key = createHash('sha256').update(source).update(process.versions.v8).digest('hex').slice(0, 16);
  const cacheFile = path.join(cacheDir, `${stem}-${key}.v8cache`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined; // first use, or the folder is not there
  }
  const script = new vm.Script(Module.wrap(source), { filename: modulePath, cachedData });
  const cache = cachedData === undefined ? 'missing' : script.cachedDataRejected ? 'rejected' : 'used';
  const module = { exports: {} as unknown };
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, createRequire(modulePath), module, modulePath, path.dirname(modulePath));
  return {
    exports: module.exports,
    cache,
    saveCache() {
      if (cache === 'used') return;
      try {
        mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
        // Another worker or process may write the same file: write aside, then rename (atomic).
        const temp = `${cacheFile}.${process.pid}-${threadId}.tmp`;
        writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
        renameSync(temp, cacheFile);
        // Caches of other versions of the module are dead weight (2-3 MB each).
        for (const name of readdirSync(cacheDir)) {
          if (name.startsWith(`${stem}-`) && name.endsWith('.v8cache') && name !== path.basename(cacheFile)) rmSync(path.join(cacheDir, name), { force: true });
        }
      } catch {
        // A read-only home or a full disk: later scans compile from source, as without a cache.
      }
    },
  };
}
