// Findings with line/column positions and a stable fingerprint, ready for any output format.
// Computed once where the text is at hand, so reports never need to keep file contents around.
import { LineIndex } from '../lines';
import type { Finding, FindingCategory, Severity } from '../types';

/** 1-based line and column, as SARIF, terminals and editors show them. */
export interface Position {
  line: number;
  column: number;
}

export interface LocatedRange {
  start: Position;
  end: Position;
}

export interface LocatedFinding {
  ruleId: string;
  category: FindingCategory;
  severity: Severity;
  message: string;
  range: LocatedRange;
  related: (LocatedRange & { message: string })[];
  /** Stable across unrelated edits: rule + the flagged line's content + its occurrence index. */
  fingerprint: string;
  fixTitle?: string;
}

export interface FileReport {
  /** '/'-separated path relative to the scan's base directory. */
  path: string;
  findings: LocatedFinding[];
  skipped?: string;
  errors?: string[];
}

export function locate(findings: readonly Finding[], text: string): LocatedFinding[] {
  const lines = new LineIndex(text);
  const toRange = (start: number, end: number): LocatedRange => {
    const s = lines.position(start);
    const e = lines.position(end);
    return { start: { line: s.line + 1, column: s.column + 1 }, end: { line: e.line + 1, column: e.column + 1 } };
  };
  const occurrences = new Map<string, number>();
  return findings.map((f) => {
    const line = lines.lineOf(f.start);
    const lineText = text.slice(lines.lineStart(line), lines.lineEnd(line)).trim();
    const key = `${f.ruleId}\u0000${lineText}`;
    const n = occurrences.get(key) ?? 0;
    occurrences.set(key, n + 1);
    return {
      ruleId: f.ruleId,
      category: f.category,
      severity: f.severity,
      message: f.message,
      range: toRange(f.start, f.end),
      related: (f.related ?? []).map((r) => ({ ...toRange(r.start, r.end), message: r.message })),
      fingerprint: `${fnv1a64(key)}:${n + 1}`,
      ...(f.fix ? { fixTitle: f.fix.title } : {}),
    };
  });
}

/** FNV-1a, 64-bit, hex. A content hash for fingerprints: reveals nothing of the line. */
export function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * prime) & mask;
  }
  return hash.toString(16).padStart(16, '0');
}
