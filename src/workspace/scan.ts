// Scans many files: small sets in-process (yielding between files so an editor host stays
// responsive), large sets on a pool of worker threads, one per core.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileReport } from '../core/report/located';
import type { AnalysisSettings } from '../core/settings';
import { analyzeFile } from './analyze-file';
import type { FoundFile } from './walk-files';

export interface ScanOptions {
  settings: AnalysisSettings;
  /** Worker threads to use; 0 scans in-process. Default: one per core for large sets. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Below this many files, starting workers (each loads the parser) costs more than it saves. */
const IN_PROCESS_LIMIT = 48;
const BATCH_SIZE = 12;

export async function scanFiles(files: readonly FoundFile[], options: ScanOptions): Promise<FileReport[]> {
  const workers = options.workers ?? (files.length < IN_PROCESS_LIMIT ? 0 : Math.min(availableParallelism(), 8));
  const reports = workers === 0 ? await scanInProcess(files, options) : await scanOnWorkers(files, workers, options);
  return reports.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
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

function scanOnWorkers(files: readonly FoundFile[], count: number, options: ScanOptions): Promise<FileReport[]> {
  const batches: FoundFile[][] = [];
  for (let i = 0; i < files.length; i += BATCH_SIZE) batches.push(files.slice(i, i + BATCH_SIZE));
  const reports: FileReport[] = [];
  const pool: Worker[] = [];
  return new Promise<FileReport[]>((resolve, reject) => {
    let next = 0;
    let settled = false;
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      for (const w of pool) void w.terminate();
      if (error) reject(error);
      else resolve(reports);
    };
    options.signal?.addEventListener('abort', () => finish(), { once: true });
    const feed = (worker: Worker) => {
      if (next < batches.length) worker.postMessage({ files: batches[next++].map(({ absolute, relative }) => ({ absolute, relative })) });
      else if (reports.length === files.length) finish();
    };
    const workerCount = Math.max(1, Math.min(count, batches.length));
    for (let i = 0; i < workerCount; i++) {
      const worker = new Worker(path.join(__dirname, 'scan-worker.js'), { workerData: { settings: options.settings } });
      pool.push(worker);
      worker.on('message', (batch: FileReport[]) => {
        reports.push(...batch);
        options.onProgress?.(reports.length, files.length);
        feed(worker);
      });
      worker.on('error', (e) => finish(e));
      worker.on('exit', (code) => {
        if (code !== 0 && !settled) finish(new Error(`scan worker exited with code ${code}`));
      });
      feed(worker);
    }
  });
}
