// The CLI's JSON output: stable, documented, easy to post-process with jq.
import type { FileReport } from './located';

export interface JsonReport {
  version: 1;
  tool: { name: 'Secure Dev'; version: string };
  summary: Summary;
  files: FileReport[];
}

export interface Summary {
  filesScanned: number;
  filesSkipped: number;
  findings: number;
  bySeverity: { error: number; warning: number; note: number };
}

export function summarize(reports: readonly FileReport[]): Summary {
  const bySeverity = { error: 0, warning: 0, note: 0 };
  let findings = 0;
  for (const r of reports) {
    for (const f of r.findings) {
      bySeverity[f.severity]++;
      findings++;
    }
  }
  return { filesScanned: reports.filter((r) => !r.skipped).length, filesSkipped: reports.filter((r) => r.skipped).length, findings, bySeverity };
}

export function toJson(reports: readonly FileReport[], toolVersion: string): JsonReport {
  return {
    version: 1,
    tool: { name: 'Secure Dev', version: toolVersion },
    summary: summarize(reports),
    files: reports.filter((r) => r.findings.length > 0 || r.skipped || r.errors),
  };
}
