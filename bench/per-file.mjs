// Per-file benchmark: for a realistic 1,000-line TypeScript module, the bare parse
// (createSourceFile with parent pointers: the usable tree any analysis starts from) against the full
// analyze() of the engine (parse + every registered rule + suppressions), in one process,
// after warm-up, N alternating rounds. The bar: analysis <= 2x the bare parse, judged on the
// median of the per-round ratios (each round times both back to back).
//
//   npm run build && npm run bench:file
//   node bench/per-file.mjs [--lines 1000] [--runs 60] [--warmup 20]
//
// Also reports each rule's cost (alone, and marginal), so that a slow rule or shared pass is
// named. Writes bench/results/per-file.json.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { largeTypeScriptFile } from './lib/large-file.mjs';

const bench = dirname(fileURLToPath(import.meta.url));
const root = resolve(bench, '..');
const require = createRequire(import.meta.url);

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : fallback;
}
const lines = option('lines', 1000);
const runs = option('runs', 60);
const warmup = option('warmup', 20);
const BAR = 2;

const enginePath = join(root, 'out', 'src', 'core', 'engine.js');
if (!existsSync(enginePath)) {
  console.error(`missing ${enginePath}: run \`npm run build\` first`);
  process.exit(2);
}
const { analyze } = require(enginePath);
const { RULES } = require(join(root, 'out', 'src', 'core', 'registry.js'));
const { DEFAULT_SETTINGS } = require(join(root, 'out', 'src', 'core', 'settings.js'));
// The same module instance the engine's parser loads (resolved from the repository root).
const ts = require(require.resolve('typescript', { paths: [join(root, 'out', 'src', 'core')] }));

const loadAtStart = +loadavg()[0].toFixed(2);
const fileName = 'src/api/orders.ts';
const text = largeTypeScriptFile(lines);

const bareParse = () => ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
const fullAnalysis = () => analyze(text, fileName, DEFAULT_SETTINGS, RULES);
const engineOnly = () => analyze(text, fileName, DEFAULT_SETTINGS, []);

function timeOnce(fn) {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Alternates the functions run by run (order rotated) so drift and GC fall on all of them. */
function compare(fns, count) {
  const times = fns.map(() => []);
  for (let i = 0; i < warmup; i++) for (const fn of fns) fn();
  for (let i = 0; i < count; i++) {
    for (let k = 0; k < fns.length; k++) {
      const j = (i + k) % fns.length;
      times[j].push(timeOnce(fns[j]));
    }
  }
  return times.map((t) => ({ median: median(t), min: Math.min(...t), times: t }));
}

const result = fullAnalysis();
if (result.skipped) {
  console.error(`the engine skipped the benchmark file: ${result.skipped}`);
  process.exit(1);
}
if (result.errors) console.error(`rule errors on the benchmark file: ${result.errors.join('; ')}`);

const [parse, analysis, engine] = compare([bareParse, fullAnalysis, engineOnly], runs);
const ratio = analysis.median / parse.median;
// The same comparison round by round: each round times both back to back, so a slow spell of a
// shared machine raises both sides of that round's ratio alike. Reported beside the ratio of medians.
const pairedRatio = median(analysis.times.map((t, i) => t / parse.times[i]));

// Each rule's cost, two ways (fewer runs: there are many rules; minimum times). Alone: analyze with that rule
// only, minus the engine without rules; it includes the shared per-file passes (ctx.memo) the
// rule triggers. Marginal: the full analysis minus the analysis without that rule; what removing
// the rule would save, shared passes excluded.
const ruleRuns = Math.max(15, Math.round(runs / 2));
const ruleCosts = RULES.map((rule) => {
  const others = RULES.filter((r) => r !== rule);
  const [alone, without, full] = compare(
    [() => analyze(text, fileName, DEFAULT_SETTINGS, [rule]), () => analyze(text, fileName, DEFAULT_SETTINGS, others), fullAnalysis],
    ruleRuns,
  );
  // Minimums: these are small differences of noisy timings, and the minimum is the least noisy.
  return { id: rule.meta.id, aloneMs: +(alone.min - engine.min).toFixed(3), marginalMs: +(full.min - without.min).toFixed(3) };
}).sort((a, b) => b.aloneMs - a.aloneMs);

const round = (x) => +x.toFixed(3);
const report = {
  date: new Date().toISOString(),
  machine: { cpu: cpus()[0]?.model, node: process.version, typescript: ts.version, loadAverageAtStart: loadAtStart },
  file: { name: fileName, lines: text.split('\n').length - 1, bytes: Buffer.byteLength(text), findings: result.findings.length },
  runs,
  warmup,
  bareParseMs: { median: round(parse.median), min: round(parse.min) },
  analyzeMs: { median: round(analysis.median), min: round(analysis.min) },
  engineWithoutRulesMs: { median: round(engine.median), min: round(engine.min) },
  rules: RULES.length,
  ratio: +ratio.toFixed(2),
  pairedRatio: +pairedRatio.toFixed(2),
  bar: BAR,
  // Judged on the per-round ratio: the ratio of medians swings by ±0.1 on this shared VM as slow
  // spells fall unevenly on the two series; both are printed.
  pass: pairedRatio <= BAR,
  ruleCosts,
};
mkdirSync(join(bench, 'results'), { recursive: true });
writeFileSync(join(bench, 'results', 'per-file.json'), JSON.stringify(report, null, 2) + '\n');

console.log(`\n${report.file.lines}-line TypeScript file (${(report.file.bytes / 1000).toFixed(1)} kB), ${RULES.length} rules, ${report.file.findings} findings; median of ${runs} runs after ${warmup} warm-up; Node ${process.version}, TypeScript ${ts.version}.\n`);
console.log('| measure | median ms | min ms |');
console.log('| --- | ---: | ---: |');
console.log(`| bare parse (createSourceFile, parent pointers) | ${parse.median.toFixed(2)} | ${parse.min.toFixed(2)} |`);
console.log(`| engine without rules (parse + skip checks + suppressions) | ${engine.median.toFixed(2)} | ${engine.min.toFixed(2)} |`);
console.log(`| full analyze() | ${analysis.median.toFixed(2)} | ${analysis.min.toFixed(2)} |`);
console.log(`\n**analyze / bare parse = ${pairedRatio.toFixed(2)}×** (median of per-round ratios; bar ≤ ${BAR}×: ${report.pass ? 'met' : 'NOT met'}); ratio of the medians ${ratio.toFixed(2)}×, of the minimums ${(analysis.min / parse.min).toFixed(2)}×`);
if (ruleCosts.length > 0) {
  console.log('\n| rule (min times) | alone ms (incl. shared passes) | marginal ms |');
  console.log('| --- | ---: | ---: |');
  for (const r of ruleCosts) console.log(`| ${r.id} | ${r.aloneMs.toFixed(2)} | ${r.marginalMs.toFixed(2)} |`);
}
