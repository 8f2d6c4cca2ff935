// Every regular expression of the product against adversarial strings (20,000-character runs of
// each character the pattern mentions, with and without its literal prefix, ending in a character
// that fails the match). A pattern that backtracks catastrophically never finishes: the patterns
// run in a worker that is stopped when one makes no progress for WATCHDOG_MS, and the test names
// it. No timing is asserted otherwise; the slowest patterns are printed as diagnostics.
//
// Patterns are collected two ways, so that none hides: statically, every regex literal and every
// `new RegExp('literal')` in src/**/*.ts (read with the TypeScript parser); and at run time, every
// RegExp reachable from the exports of the compiled src/core modules (pattern tables built from
// strings included).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import type * as TS from 'typescript';
import { typescript } from '../../src/core/parser';
import type { PatternToCheck, WorkerInput, WorkerMessage } from './regex-safety-worker';

// Exponential and cubic patterns never finish on runs this long; a quadratic one costs ~0.5 s and
// is named in the diagnostics. Longer runs would only slow the unit suite down.
const RUN_LENGTH = 20_000;
const WATCHDOG_MS = 30_000;

// out/test/unit -> repository root (the tests run from the compiled tree).
const root = path.resolve(__dirname, '..', '..', '..');
const outCore = path.join(root, 'out', 'src', 'core');

function filesUnder(dir: string, extension: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(p, extension));
    else if (entry.name.endsWith(extension) && !entry.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

function staticPatterns(): PatternToCheck[] {
  const ts = typescript();
  const found: PatternToCheck[] = [];
  for (const file of filesUnder(path.join(root, 'src'), '.ts')) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const origin = (node: TS.Node) => `${path.relative(root, file)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
    const visit = (node: TS.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const slash = text.lastIndexOf('/');
        found.push({ source: text.slice(1, slash), flags: text.slice(slash + 1), origin: origin(node) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [source, flags] = node.arguments ?? [];
        if (source && ts.isStringLiteralLike(source)) {
          found.push({ source: source.text, flags: flags && ts.isStringLiteralLike(flags) ? flags.text : '', origin: origin(node) });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

function runtimePatterns(): PatternToCheck[] {
  const found: PatternToCheck[] = [];
  const seen = new Set<unknown>();
  const collect = (value: unknown, where: string, depth: number): void => {
    if (value instanceof RegExp) {
      found.push({ source: value.source, flags: value.flags, origin: where });
      return;
    }
    if (depth > 6 || value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) return;
    seen.add(value);
    if (value instanceof Map || value instanceof Set) {
      let i = 0;
      for (const v of value.values()) collect(v, `${where}[${i++}]`, depth + 1);
      return;
    }
    for (const key of Object.keys(value)) {
      let v: unknown;
      try {
        v = (value as Record<string, unknown>)[key];
      } catch {
        continue;
      }
      collect(v, `${where}.${key}`, depth + 1);
    }
  };
  for (const file of filesUnder(outCore, '.js')) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- every compiled core module, by path
    collect(require(file), path.relative(root, file), 0);
  }
  return found;
}

function allPatterns(): PatternToCheck[] {
  const unique = new Map<string, PatternToCheck>();
  for (const p of [...staticPatterns(), ...runtimePatterns()]) {
    const key = `/${p.source}/${p.flags.replace(/[gy]/g, '')}`;
    if (!unique.has(key)) unique.set(key, p);
  }
  return [...unique.values()];
}

function runInWorker(input: WorkerInput): Promise<{ millis: number[]; growth: (number | undefined)[] }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'regex-safety-worker.js'), { workerData: input });
    let current = -1;
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void worker.terminate();
        const p = input.patterns[current];
        reject(new Error(`no progress for ${WATCHDOG_MS / 1000} s on /${p?.source}/${p?.flags} (${p?.origin}): catastrophic backtracking`));
      }, WATCHDOG_MS);
    };
    arm();
    worker.on('message', (m: WorkerMessage) => {
      if ('done' in m) {
        clearTimeout(timer);
        void worker.terminate();
        resolve(m);
      } else {
        current = m.index;
        arm();
      }
    });
    worker.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

describe('regex safety', () => {
  it('finds the patterns of the product', () => {
    const patterns = allPatterns();
    assert.ok(patterns.length > 0, 'no regular expressions found: the collector is broken');
    for (const p of patterns) assert.doesNotThrow(() => new RegExp(p.source, p.flags), `${p.origin}: /${p.source}/${p.flags} compiles`);
  });

  it(`every pattern finishes on ${RUN_LENGTH.toLocaleString('en')}-character adversarial runs`, async (t) => {
    const patterns = allPatterns();
    const { millis, growth } = await runInWorker({ patterns, runLength: RUN_LENGTH });
    const timed = patterns.map((p, i) => ({ p, ms: millis[i], growth: growth[i] }));
    const slowest = [...timed].sort((a, b) => b.ms - a.ms).slice(0, 5);
    t.diagnostic(`${patterns.length} patterns; slowest: ${slowest.map(({ p, ms }) => `${p.origin} ${ms.toFixed(0)} ms`).join(', ')}`);
    // Not asserted (timings vary by machine): superlinear patterns are named for a human to judge
    // whether their input is bounded where they are used.
    for (const { p, ms, growth: g } of timed) {
      if (g !== undefined && g > 3) t.diagnostic(`superlinear (x${g.toFixed(1)} when the input doubles, ${ms.toFixed(0)} ms): /${p.source}/${p.flags} at ${p.origin}`);
    }
  });
});
