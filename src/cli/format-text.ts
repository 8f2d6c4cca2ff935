// The terminal report: findings grouped by file, `path:line:col` that terminals make clickable,
// colour only on a TTY (and never with NO_COLOR), and one summary line.
import type { FileReport } from '../core/report/located';
import { summarize } from '../core/report/json';
import type { Severity } from '../core/types';

export interface TextOptions {
  color: boolean;
  quiet: boolean;
}

const CODES = { red: 31, yellow: 33, cyan: 36, dim: 2, bold: 1, green: 32 } as const;

export function formatText(reports: readonly FileReport[], options: TextOptions): string {
  const paint = (code: keyof typeof CODES, s: string) => (options.color ? `\u001b[${CODES[code]}m${s}\u001b[0m` : s);
  const severityLabel: Record<Severity, string> = { error: paint('red', 'error  '), warning: paint('yellow', 'warning'), note: paint('cyan', 'note   ') };
  const out: string[] = [];
  if (!options.quiet) {
    for (const r of reports) {
      if (r.findings.length === 0) continue;
      out.push(paint('bold', r.path));
      for (const f of r.findings) {
        const where = `${r.path}:${f.range.start.line}:${f.range.start.column}`;
        out.push(`  ${paint('dim', where)}  ${severityLabel[f.severity]}  ${f.message}  ${paint('dim', f.ruleId)}`);
      }
      out.push('');
    }
    const skipped = reports.filter((r) => r.skipped);
    if (skipped.length > 0) {
      out.push(paint('dim', `Skipped ${skipped.length} file${skipped.length === 1 ? '' : 's'}:`));
      for (const r of skipped.slice(0, 20)) out.push(paint('dim', `  ${r.path}: ${r.skipped}`));
      if (skipped.length > 20) out.push(paint('dim', `  … and ${skipped.length - 20} more`));
      out.push('');
    }
    for (const r of reports.filter((x) => x.errors)) out.push(paint('red', `Internal error analysing ${r.path}: ${r.errors!.join('; ')}`));
  }
  const s = summarize(reports);
  const parts = (['error', 'warning', 'note'] as const).filter((k) => s.bySeverity[k] > 0).map((k) => `${s.bySeverity[k]} ${k}${s.bySeverity[k] === 1 ? '' : 's'}`);
  const files = reports.filter((r) => r.findings.length > 0).length;
  out.push(
    s.findings === 0
      ? paint('green', `✔ No findings in ${s.filesScanned} file${s.filesScanned === 1 ? '' : 's'}`) + (s.filesSkipped ? paint('dim', ` (${s.filesSkipped} skipped)`) : '')
      : paint('bold', `✖ ${s.findings} finding${s.findings === 1 ? '' : 's'} (${parts.join(', ')}) in ${files} of ${s.filesScanned} files`) + (s.filesSkipped ? paint('dim', ` (${s.filesSkipped} skipped)`) : ''),
  );
  return out.join('\n') + '\n';
}
