// Scans many files: small sets in-process (yielding between files so an editor host stays
// responsive), large sets on a pool of worker threads, one per core. The pool starts before
// the file list is known, so that workers load the parser while the tree is being walked.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileReport } from '../core/report/located';
import type { AnalysisSettings } from '../core/settings';
import { analyzeFile } from './analyze-file';
import { userCacheDir } from './cache-dir';
import type { WorkerOptions } from './scan-worker';
import type { FoundFile } from './walk-files';

export interface ScanOptions {
  settings: AnalysisSettings;
  /** Worker threads to use; 0 scans in-process. Default: one per core, in-process for small sets. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** One worker per core, up to eight (more rarely pays for its start-up: each loads the parser). */
export function defaultWorkerCount(cores: number): number {
  return Math.max(1, Math.min(cores, 8));
}

/** Below this many files, worker threads (each loads the parser) cost more than they save. */
const IN_PROCESS_LIMIT = 48;
const BATCH_SIZE = 16;
/** Batches queued per worker, so a worker never waits for a round trip. */
const IN_FLIGHT = 2;

export async function scanFiles(files: readonly FoundFile[] | Promise<readonly FoundFile[]>, options: ScanOptions): Promise<FileReport[]> {
  const pool = options.workers === 0 ? undefined : new WorkerPool(options.workers ?? defaultWorkerCount(availableParallelism()), options.settings, userCacheDir());
  try {
    const list = await files;
    const reports = !pool || (options.workers === undefined && list.length < IN_PROCESS_LIMIT)
      ? await scanInProcess(list, options)
      : await pool.scan(list, options);
    return reports.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  } finally {
    pool?.close();
  }
}

async function scanInProcess(files: readonly FoundFile[], options: ScanOptions): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  for (const f of files) {
    if (options.signal?.aborted) break;
    reports.push(await analyzeFile(f.absolute, f.relative, options.settings));
    options.onProgress?.(reports.length, files.length);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return reports;
}

class WorkerPool {
  private readonly workers: Worker[] = [];

  /** codeCacheDir: where the workers keep the parser's V8 code cache (see code-cache.ts); undefined: nowhere. */
  constructor(count: number, settings: AnalysisSettings, codeCacheDir: string | undefined) {
    const codeCacheClaim = new Int32Array(new SharedArrayBuffer(4));
    for (let i = 0; i < count; i++) {
      const workerData: WorkerOptions = { settings, codeCacheDir, codeCacheClaim };
      // A larger young generation: each file's tree dies young, and fewer scavenges cut the
      // collector's share of a scan from ~10 % to ~7 % (bench/README.md).
      this.workers.push(new Worker(path.join(__dirname, 'scan-worker.js'), { workerData, resourceLimits: { maxYoungGenerationSizeMb: 64 } }));
    }
  }

  scan(files: readonly FoundFile[], options: ScanOptions): Promise<FileReport[]> {
    const batches: { absolute: string; relative: string }[][] = [];
    for (let i = 0; i < files.length; i += BATCH_SIZE) {
      batches.push(files.slice(i, i + BATCH_SIZE).map(({ absolute, relative }) => ({ absolute, relative })));
    }
    const reports: FileReport[] = [];
    return new Promise<FileReport[]>((resolve, reject) => {
      if (files.length === 0) return resolve(reports);
      let next = 0;
      let settled = false;
      const finish = (error?: unknown) => {
        if (settled) return;
        settled = true;
        if (error) reject(error);
        else resolve(reports);
      };
      options.signal?.addEventListener('abort', () => finish(), { once: true });
      const feed = (worker: Worker) => {
        if (next < batches.length) worker.postMessage({ files: batches[next++] });
      };
      for (const worker of this.workers) {
        worker.on('message', (batch: FileReport[]) => {
          reports.push(...batch);
          options.onProgress?.(reports.length, files.length);
          if (reports.length === files.length) finish();
          else feed(worker);
        });
        worker.on('error', (e) => finish(e));
        worker.on('exit', (code) => {
          if (code !== 0) finish(new Error(`scan worker exited with code ${code}`));
        });
        for (let i = 0; i < IN_FLIGHT; i++) feed(worker);
      }
    });
  }

  close(): void {
    for (const w of this.workers) void w.terminate();
  }
}
