// Reads one file and analyses it: the unit of work of a scan, in a worker or in-process.
import { promises as fs } from 'node:fs';
import { analyze } from '../core/engine';
import { locate, type FileReport } from '../core/report/located';
import type { AnalysisSettings } from '../core/settings';

export async function analyzeFile(absolute: string, relative: string, settings: AnalysisSettings): Promise<FileReport> {
  let size: number;
  try {
    size = (await fs.stat(absolute)).size;
  } catch (e) {
    return { path: relative, findings: [], skipped: `unreadable (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  // Decide on size before reading: a huge file is never loaded into memory.
  if (size > settings.maxFileBytes) {
    return { path: relative, findings: [], skipped: `larger than ${Math.round(settings.maxFileBytes / 1000)} kB (raise maxFileSize to analyse it)` };
  }
  let text: string;
  try {
    text = await fs.readFile(absolute, 'utf8');
  } catch (e) {
    return { path: relative, findings: [], skipped: `unreadable (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  const result = analyze(text, relative, settings);
  return {
    path: relative,
    findings: locate(result.findings, text),
    ...(result.skipped ? { skipped: result.skipped } : {}),
    ...(result.errors ? { errors: result.errors } : {}),
  };
}
