// Reads one file and analyses it: the unit of work of a scan, in a worker or in-process.
import { promises as fs, readFileSync, statSync } from 'node:fs';
import { analyze, tooLargeReason } from '../core/engine';
import { locate, type FileReport } from '../core/report/located';
import type { AnalysisSettings } from '../core/settings';

/** Async version, for the editor's extension host, which must never block on the disk. */
export async function analyzeFile(absolute: string, relative: string, settings: AnalysisSettings): Promise<FileReport> {
  let text: string;
  try {
    // Decide on size before reading: a huge file is never loaded into memory.
    if ((await fs.stat(absolute)).size > settings.maxFileBytes) return tooLarge(relative, settings);
    text = await fs.readFile(absolute, 'utf8');
  } catch (e) {
    return unreadable(relative, e);
  }
  return analyzeText(text, relative, settings);
}

/**
 * Sync version, for worker threads: a worker has nothing else to do while it waits, and
 * sync reads there are an order of magnitude cheaper than promise-based ones.
 */
export function analyzeFileSync(absolute: string, relative: string, settings: AnalysisSettings): FileReport {
  let text: string;
  try {
    if (statSync(absolute).size > settings.maxFileBytes) return tooLarge(relative, settings);
    text = readFileSync(absolute, 'utf8');
  } catch (e) {
    return unreadable(relative, e);
  }
  return analyzeText(text, relative, settings);
}

function analyzeText(text: string, relative: string, settings: AnalysisSettings): FileReport {
  const result = analyze(text, relative, settings);
  return {
    path: relative,
    findings: locate(result.findings, text),
    ...(result.skipped ? { skipped: result.skipped } : {}),
    ...(result.errors ? { errors: result.errors } : {}),
  };
}

function unreadable(relative: string, e: unknown): FileReport {
  return { path: relative, findings: [], skipped: `unreadable (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
}

function tooLarge(relative: string, settings: AnalysisSettings): FileReport {
  return { path: relative, findings: [], skipped: tooLargeReason(settings) };
}
