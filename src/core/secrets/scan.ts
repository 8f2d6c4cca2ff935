// One pass over the text finds every provider-specific secret. Each detector names the literal
// anchors it starts from ('ghp_', '-----BEGIN ', '://'); the scanner walks the text once and
// hands each anchor occurrence to its detectors, whose patterns are sticky and bounded. Cost is
// linear in the text, whatever the input: no pattern is ever run over the whole text unanchored.
import type { FileKind } from '../types';

/** A secret found in the text: the range is the secret value itself. */
export interface SecretMatch {
  start: number;
  end: number;
  /** What it is, for the message: 'GitHub personal access token'. */
  label: string;
  /** A name for the environment variable that should hold it instead. */
  envName: string;
  /** The detector that found it (stable id, used by tests). */
  detector: string;
  /** Which match wins when two overlap: specific formats beat generic shapes. */
  priority: number;
}

export interface ScanContext {
  readonly text: string;
  readonly fileName: string;
  readonly kind: FileKind;
  /** A test, spec or example file: fixtures there are fake unless their format says otherwise. */
  readonly inTest: boolean;
  /** A fixtures folder (test keys and certificates live there on purpose). */
  readonly inFixtures: boolean;
}

export interface Detector {
  id: string;
  /** Literal strings at which this detector may match (at or near the anchor). */
  anchors: readonly string[];
  detect(scan: ScanContext, at: number, anchor: string): SecretMatch | undefined;
}

export const PRIORITY = { token: 30, structured: 25, paired: 20, credential: 10, header: 5 } as const;

/**
 * Anchor dispatch table, by the first two character codes (anchors are ASCII, 2+ characters).
 * Each entry also says which third characters can follow, so common pairs ('re', 'se', 'pa')
 * are mostly rejected by one more array read instead of a string comparison per anchor.
 */
interface Entry {
  anchors: Array<{ anchor: string; detector: Detector }>;
  /** thirdOk[c] = 1 when some anchor of this pair may continue with character code c (< 128). */
  thirdOk: Uint8Array;
  /** Some anchor of this pair is only two characters long: every third character (and the end) may follow. */
  anyThird: boolean;
}
type Table = Array<Entry | undefined>;

const tables = new WeakMap<readonly Detector[], Table>();

function tableFor(detectors: readonly Detector[]): Table {
  let table = tables.get(detectors);
  if (!table) {
    table = new Array(128 * 128);
    for (const detector of detectors) {
      for (const anchor of detector.anchors) {
        const c0 = anchor.charCodeAt(0);
        const c1 = anchor.charCodeAt(1);
        if (anchor.length < 2 || c0 >= 128 || c1 >= 128) throw new Error(`anchors must be ASCII, 2+ characters: ${anchor}`);
        const entry = (table[c0 * 128 + c1] ??= { anchors: [], thirdOk: new Uint8Array(128), anyThird: false });
        entry.anchors.push({ anchor, detector });
        if (anchor.length === 2) entry.anyThird = true;
        else entry.thirdOk[anchor.charCodeAt(2)] = 1;
      }
    }
    tables.set(detectors, table);
  }
  return table;
}

/** Runs the detectors over the text in one pass; overlapping matches are resolved by priority. */
export function scanText(scan: ScanContext, detectors: readonly Detector[]): SecretMatch[] {
  const { text } = scan;
  const table = tableFor(detectors);
  const found: SecretMatch[] = [];
  let c1 = text.charCodeAt(0);
  for (let i = 0; i < text.length - 1; i++) {
    const c0 = c1;
    c1 = text.charCodeAt(i + 1);
    if (c0 >= 128 || c1 >= 128) continue;
    const entry = table[c0 * 128 + c1];
    if (entry === undefined) continue;
    if (!entry.anyThird) {
      const c2 = text.charCodeAt(i + 2); // NaN past the end: no three-character anchor fits there
      if (!(c2 < 128) || entry.thirdOk[c2] === 0) continue;
    }
    for (const { anchor, detector } of entry.anchors) {
      if (!text.startsWith(anchor, i)) continue;
      const match = detector.detect(scan, i, anchor);
      if (match) found.push(match);
    }
  }
  return resolveOverlaps(found);
}

/** Keeps, of overlapping matches, the one with the highest priority (then the longest). */
export function resolveOverlaps(matches: SecretMatch[]): SecretMatch[] {
  const ranked = [...matches].sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: SecretMatch[] = [];
  for (const m of ranked) {
    if (!kept.some((k) => k.start < m.end && m.start < k.end)) kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}

// --- small text helpers shared by detectors ---

const TOKEN_CHAR = /[A-Za-z0-9+/_-]/;

/** True when the character before `at` cannot be part of the same token. */
export function boundaryBefore(text: string, at: number, tokenChar: RegExp = TOKEN_CHAR): boolean {
  if (at === 0 || !tokenChar.test(text[at - 1])) return true;
  // `${NPM_TOKEN:-npm_…}`, `${KEY:=…}`: a shell default starts right after its operator.
  return at >= 2 && text[at - 2] === ':' && (text[at - 1] === '-' || text[at - 1] === '=');
}

/** Runs a sticky regex at `at`; returns the match or undefined. */
export function stickyMatch(regex: RegExp, text: string, at: number): RegExpExecArray | undefined {
  regex.lastIndex = at;
  return regex.exec(text) ?? undefined;
}

/** Start and end of the line holding `at`. Bounded: lines longer than `limit` are cut. */
export function lineAround(text: string, at: number, limit = 4000): { start: number; end: number } {
  let start = at;
  const from = Math.max(0, at - limit);
  while (start > from && text.charCodeAt(start - 1) !== 10) start--;
  let end = at;
  const to = Math.min(text.length, at + limit);
  while (end < to && text.charCodeAt(end) !== 10) end++;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return { start, end };
}
