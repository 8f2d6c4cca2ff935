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

/**
 * FNV-1a, 64-bit, hex. A content hash for fingerprints: reveals nothing of the line.
 * Computed in four 16-bit limbs (low first) with plain number arithmetic: the same result as
 * BigInt, without allocating a BigInt per character. The prime is 2^40 + 0x1b3.
 */
export function fnv1a64(text: string): string {
  // Offset basis 0xcbf29ce484222325.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < text.length; i++) {
    h0 ^= text.charCodeAt(i);
    // hash * 0x1b3 + (hash << 40), keeping 64 bits; every intermediate stays below 2^31.
    const t0 = h0 * 0x1b3;
    let t1 = h1 * 0x1b3;
    let t2 = h2 * 0x1b3 + (h0 << 8);
    const t3 = h3 * 0x1b3 + (h1 << 8);
    t1 += t0 >>> 16;
    h0 = t0 & 0xffff;
    t2 += t1 >>> 16;
    h1 = t1 & 0xffff;
    h3 = (t3 + (t2 >>> 16)) & 0xffff;
    h2 = t2 & 0xffff;
  }
  return hex16(h3) + hex16(h2) + hex16(h1) + hex16(h0);
}

function hex16(limb: number): string {
  return limb.toString(16).padStart(4, '0');
}
