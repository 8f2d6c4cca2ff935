// Worker thread of a workspace scan: analyses the batches of files the pool sends it.
import { parentPort, workerData } from 'node:worker_threads';
import { typescript } from '../core/parser';
import type { AnalysisSettings } from '../core/settings';
import { analyzeFileSync } from './analyze-file';

export interface WorkerBatch {
  files: { absolute: string; relative: string }[];
}

const settings = (workerData as { settings: AnalysisSettings }).settings;

// Load the parser now, while the main thread is still walking the tree.
typescript();

parentPort?.on('message', (batch: WorkerBatch) => {
  parentPort?.postMessage(batch.files.map((f) => analyzeFileSync(f.absolute, f.relative, settings)));
});
