// Worker thread of a workspace scan: analyses the batches of files the pool sends it.
import { parentPort, workerData } from 'node:worker_threads';
import type { AnalysisSettings } from '../core/settings';
import { analyzeFile } from './analyze-file';

export interface WorkerBatch {
  files: { absolute: string; relative: string }[];
}

const settings = (workerData as { settings: AnalysisSettings }).settings;

parentPort?.on('message', async (batch: WorkerBatch) => {
  const reports = [];
  for (const f of batch.files) reports.push(await analyzeFile(f.absolute, f.relative, settings));
  parentPort?.postMessage(reports);
});
