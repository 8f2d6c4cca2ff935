// Worker of regex-safety.test.ts: runs every collected pattern over adversarial strings, in a
// thread the test can terminate, so that a catastrophic pattern fails the test (naming the
// pattern) instead of hanging it. Posts { index } before each pattern and { done } at the end.
import { parentPort, workerData } from 'node:worker_threads';

export interface PatternToCheck {
  source: string;
  flags: string;
  origin: string;
}

export interface WorkerInput {
  patterns: PatternToCheck[];
  runLength: number;
}

export type WorkerMessage = { index: number } | { done: true; millis: number[]; growth: (number | undefined)[] };

/** Patterns slower than this are timed again on halved input, to tell linear from quadratic. */
export const SLOW_MS = 40;

/** One representative character per escape class a pattern may repeat. */
const ESCAPE_CLASS_SAMPLES: Record<string, string> = { d: '7', D: 'x', w: 'a_', W: '-', s: ' \t', S: 'x', b: '', B: '' };
/** Characters every pattern is tried with, whatever it contains. */
const COMMON = 'aA0 -_./=":\'+%@\n\té';

/** The characters a pattern mentions: literals, class members and range ends, escape samples. */
export function charactersOf(source: string): string[] {
  const chars = new Set<string>(COMMON);
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\' && i + 1 < source.length) {
      const e = source[++i];
      if (e in ESCAPE_CLASS_SAMPLES) for (const s of ESCAPE_CLASS_SAMPLES[e]) chars.add(s);
      else if (e === 'x' && /^[0-9a-fA-F]{2}$/.test(source.slice(i + 1, i + 3))) chars.add(String.fromCharCode(parseInt(source.slice(i + 1, i + 3), 16)));
      else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(i + 1, i + 5))) chars.add(String.fromCharCode(parseInt(source.slice(i + 1, i + 5), 16)));
      else if (e === 'n') chars.add('\n');
      else if (e === 'r') chars.add('\r');
      else if (e === 't') chars.add('\t');
      else if (!/[0-9a-zA-Z]/.test(e)) chars.add(e);
    } else if (c === '.') {
      chars.add('x');
    } else if (!'()[]{}|?*+^$'.includes(c)) {
      chars.add(c);
    }
  }
  return [...chars];
}

/** The literal text a pattern starts with (after anchors and group openers), e.g. 'ghp_'. */
export function literalPrefixOf(source: string): string {
  let s = source.replace(/^(?:\^|\\b|\(\?:|\(\?<[a-zA-Z]\w*>|\()+/, '');
  let out = '';
  while (s.length > 0) {
    if (s[0] === '\\' && s.length > 1 && !/[0-9a-zA-Z]/.test(s[1])) {
      out += s[1];
      s = s.slice(2);
    } else if (/[0-9a-zA-Z_\-:=@/,;'"# ]/.test(s[0]) && !/^.[*+?{]/.test(s)) {
      out += s[0];
      s = s.slice(1);
    } else break;
  }
  return out;
}

/** Long runs of each character (and of neighbouring pairs), ending in a character that fails. */
export function adversarialStrings(source: string, runLength: number): string[] {
  const chars = charactersOf(source);
  const prefix = literalPrefixOf(source);
  const out: string[] = [];
  for (const c of chars) {
    const run = c.repeat(runLength);
    out.push(`${run}\u0000`);
    if (prefix) out.push(`${prefix}${run}\u0000`);
  }
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${prefix}${(chars[i] + chars[i + 1]).repeat(runLength / 2)}\u0000`);
  return out;
}

/** Scans like a rule does: every match from left to right, as a global pattern. */
function scan(pattern: RegExp, text: string): void {
  pattern.lastIndex = 0;
  for (let count = 0; count < 200_000; count++) {
    const m = pattern.exec(text);
    if (m === null) return;
    if (m[0].length === 0) pattern.lastIndex++;
  }
}

/** A sticky pattern is a tokenizer step: its caller tries it at chosen offsets, not everywhere. */
function stickyAt(pattern: RegExp, text: string, offsets: number[]): void {
  for (const offset of offsets) {
    pattern.lastIndex = offset;
    pattern.exec(text);
  }
}

function timeOne(p: PatternToCheck, runLength: number): number {
  const sticky = p.flags.includes('y');
  const pattern = new RegExp(p.source, sticky ? p.flags.replace(/g/g, '') : `${p.flags.replace(/g/g, '')}g`);
  const prefix = literalPrefixOf(p.source).length;
  const started = performance.now();
  for (const text of adversarialStrings(p.source, runLength)) {
    if (sticky) stickyAt(pattern, text, [0, 1, prefix]);
    else scan(pattern, text);
  }
  return performance.now() - started;
}

function run(input: WorkerInput): void {
  const millis = input.patterns.map((p, index) => {
    parentPort!.postMessage({ index } satisfies WorkerMessage);
    return timeOne(p, input.runLength);
  });
  // The slow ones again on runs half as long: linear patterns took ~2x as long on the full runs,
  // quadratic ones ~4x.
  const growth = millis.map((ms, index) => {
    if (ms < SLOW_MS) return undefined;
    parentPort!.postMessage({ index } satisfies WorkerMessage);
    return ms / Math.max(0.01, timeOne(input.patterns[index], input.runLength / 2));
  });
  parentPort!.postMessage({ done: true, millis, growth } satisfies WorkerMessage);
}

// Only when started as the test's worker (node --test may also load this file on its own).
if (parentPort && workerData && Array.isArray((workerData as WorkerInput).patterns)) run(workerData as WorkerInput);
