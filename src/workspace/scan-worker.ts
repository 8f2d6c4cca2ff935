// Worker thread of a workspace scan: analyses the batches of files the pool sends it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { setTypeScriptLoader, typescript } from '../core/parser';
import type { AnalysisSettings } from '../core/settings';
import { analyzeFileSync } from './analyze-file';
import { loadWithCodeCache, type CachedModule } from './code-cache';

export interface WorkerBatch {
  files: { absolute: string; relative: string }[];
}

export interface WorkerOptions {
  settings: AnalysisSettings;
  /** Folder of the parser's V8 code cache; undefined: compile from source. */
  codeCacheDir?: string;
  /** One flag shared by the scan's workers: the first to warm up claims it and writes the cache. */
  codeCacheClaim: Int32Array;
}

/** The cache is written once this many files have run through the parser: by then it holds the functions a scan needs. */
const WARM_AFTER_FILES = 200;

const { settings, codeCacheDir, codeCacheClaim } = workerData as WorkerOptions;

// The shipped bundles keep the parser in typescript.js beside this file; from the test build
// (un-bundled) there is none, and the parser is required as usual.
const bundledParser = path.join(__dirname, 'typescript.js');
let parser: CachedModule | undefined;
if (codeCacheDir && existsSync(bundledParser)) {
  try {
    parser = loadWithCodeCache(bundledParser, codeCacheDir);
    const exports = parser.exports as ReturnType<typeof typescript>;
    setTypeScriptLoader(() => exports);
  } catch {
    parser = undefined; // the usual require below still loads it
  }
}

// Load the parser now, while the main thread is still walking the tree.
typescript();

let analysed = 0;
parentPort?.on('message', (batch: WorkerBatch) => {
  const reports = batch.files.map((f) => analyzeFileSync(f.absolute, f.relative, settings));
  analysed += batch.files.length;
  // Before posting: the pool may end this worker as soon as the last batch is back.
  if (parser && analysed >= WARM_AFTER_FILES) {
    if (Atomics.compareExchange(codeCacheClaim, 0, 0, 1) === 0) parser.saveCache();
    parser = undefined;
  }
  parentPort?.postMessage(reports);
});
