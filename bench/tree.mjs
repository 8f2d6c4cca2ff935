// Whole-tree benchmark: Secure Dev's CLI against ESLint 9 (eslint-plugin-security + sdl) and
// secretlint (recommended preset) on the same ~8 MB tree, plus a bare TypeScript parse for scale.
// Each tool runs in its own child process; wall time and peak RSS are measured from outside.
// Secure Dev runs from its parser code cache (written by an untimed warm-up run), and again
// without it, as a first scan.
//
//   npm run build && npm ci --prefix bench && npm run bench
//   node bench/tree.mjs [--runs 3] [--peer-runs 1] [--rebuild] [--mb 8] [--seed 1]
//
// Writes bench/results/tree.json and prints a markdown table.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from './lib/measure.mjs';
import { CODE_FILE, listTree, summarize } from './lib/tree-files.mjs';

const bench = dirname(fileURLToPath(import.meta.url));
const root = resolve(bench, '..');
const work = join(bench, '.work');
const tree = join(work, 'tree');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const runs = Number(option('runs', '3'));
const peerRuns = Number(option('peer-runs', '1'));
const HEADLINE_BAR = 10;

function need(path, hint) {
  if (!existsSync(path)) {
    console.error(`missing ${path}: ${hint}`);
    process.exit(2);
  }
}
need(join(root, 'dist', 'cli.js'), 'run `npm run build` first');
need(join(bench, 'node_modules', 'eslint'), 'run `npm ci --prefix bench` first');
if (process.argv.includes('--rebuild') || !existsSync(tree)) {
  execFileSync(process.execPath, [join(bench, 'build-tree.mjs'), '--mb', option('mb', '8'), '--seed', option('seed', '1')], { stdio: 'inherit' });
}

const loadAtStart = +loadavg()[0].toFixed(2);

// Read every file once so that no tool pays for a cold page cache.
const all = listTree(tree);
for (const f of all) readFileSync(f.path);
const code = all.filter((f) => CODE_FILE.test(f.path));
const coverage = { all: summarize(all), code: summarize(code) };

const node = process.execPath;
const secureDevOut = join(work, 'secure-dev.json');
// --no-gitignore: the tree lives in a gitignored folder, and the peers read no .gitignore either.
const secureDevArgs = (output) => [join(root, 'dist', 'cli.js'), 'scan', tree, '--format', 'json', '--output', output, '--no-gitignore', '--fail-on', 'none'];
// The scan workers' V8 code cache of the parser, in a folder of the benchmark's own: the timed
// runs start from it as a developer's second scan does; a row without it shows a first scan.
const codeCacheDir = join(work, 'v8-code-cache');
const tools = [
  {
    id: 'secure-dev',
    label: 'Secure Dev `scan` (worker threads, 2 cores)',
    args: secureDevArgs(secureDevOut),
    env: { SECURE_DEV_CACHE_DIR: codeCacheDir },
    covers: 'all',
    runs,
    findings: () => {
      const report = JSON.parse(readFileSync(secureDevOut, 'utf8'));
      // What the tool says it read: a skipped file would make the comparison unfair.
      if (report.summary) Object.assign(tools[0], { scanned: report.summary.filesScanned, skipped: report.summary.filesSkipped });
      return countFindings(report.files ?? report);
    },
  },
  {
    id: 'eslint',
    label: 'ESLint 9 + eslint-plugin-security + @microsoft/eslint-plugin-sdl',
    args: [join(bench, 'node_modules', 'eslint', 'bin', 'eslint.js'), '-c', join(bench, 'peers', 'eslint.config.mjs'), '--no-config-lookup', '--no-color', '.'],
    cwd: tree,
    covers: 'code',
    runs: peerRuns,
    findings: (run) => problemsLine(run.stdout),
  },
  {
    id: 'secretlint',
    label: 'secretlint + preset-recommend',
    args: [join(bench, 'node_modules', 'secretlint', 'bin', 'secretlint.js'), '**/*', '--secretlintrc', join(bench, 'peers', '.secretlintrc.json'), '--no-color'],
    cwd: tree,
    covers: 'all',
    runs: peerRuns,
    findings: (run) => problemsLine(run.stdout),
  },
  {
    id: 'typescript-parse',
    label: 'bare TypeScript `createSourceFile`, 1 core (scale)',
    args: [join(bench, 'lib', 'bare-parse.mjs'), tree],
    covers: 'code',
    runs,
    findings: () => null,
  },
  {
    id: 'secure-dev-first-scan',
    label: 'Secure Dev `scan` without the code cache (a first scan)',
    args: secureDevArgs(join(work, 'secure-dev-first-scan.json')),
    env: { SECURE_DEV_CACHE_DIR: '' },
    covers: 'all',
    runs,
    findings: () => countFindings(JSON.parse(readFileSync(join(work, 'secure-dev-first-scan.json'), 'utf8')).files),
  },
];

/** Counts finding-like objects (anything with a ruleId) in the CLI's JSON, whatever its shape. */
function countFindings(value) {
  if (Array.isArray(value)) return value.reduce((sum, v) => sum + countFindings(v), 0);
  if (value && typeof value === 'object') {
    if (typeof value.ruleId === 'string') return 1;
    return Object.values(value).reduce((sum, v) => sum + countFindings(v), 0);
  }
  return 0;
}

function problemsLine(stdout) {
  const match = /(\d+) problems?\b/.exec(stdout);
  return match ? Number(match[1]) : 0;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// Untimed: writes the code cache the timed runs start from.
process.stderr.write('warm-up: secure-dev (writes its code cache) ... ');
const warmUp = await measure(node, tools[0].args, { cwd: root, env: tools[0].env });
process.stderr.write(`${warmUp.seconds.toFixed(2)} s\n`);

for (const tool of tools) tool.results = [];
const maxRuns = Math.max(...tools.map((t) => t.runs));
for (let run = 1; run <= maxRuns; run++) {
  for (const tool of tools) {
    if (run > tool.runs) continue;
    process.stderr.write(`run ${run}: ${tool.id} ... `);
    const result = await measure(node, tool.args, { cwd: tool.cwd ?? root, env: tool.env });
    const failed = result.signal !== null || result.code === null || result.code > 1;
    if (failed) {
      console.error(`\n${tool.id} failed (code ${result.code}, signal ${result.signal}):\n${result.stderr.slice(-2000)}`);
      process.exit(1);
    }
    tool.results.push({ seconds: result.seconds, cpuSeconds: result.cpuSeconds, peakRssMb: result.peakRssMb, findings: tool.findings(result) });
    process.stderr.write(`${result.seconds.toFixed(2)} s (CPU ${result.cpuSeconds?.toFixed(2) ?? '?'} s), ${result.peakRssMb.toFixed(0)} MB\n`);
  }
}

const secureDevSeconds = median(tools[0].results.map((r) => r.seconds));
const rows = tools.map((tool) => {
  const { files, bytes } = coverage[tool.covers];
  const seconds = median(tool.results.map((r) => r.seconds));
  return {
    id: tool.id,
    label: tool.label,
    files,
    mb: +(bytes / 1e6).toFixed(2),
    seconds: +seconds.toFixed(2),
    cpuSeconds: tool.results[0].cpuSeconds === undefined ? null : +median(tool.results.map((r) => r.cpuSeconds)).toFixed(2),
    mbPerSecond: +(bytes / 1e6 / seconds).toFixed(2),
    peakRssMb: Math.round(Math.max(...tool.results.map((r) => r.peakRssMb))),
    findings: tool.results[0].findings,
    vsSecureDev: +(seconds / secureDevSeconds).toFixed(1),
    ...(tool.scanned !== undefined ? { filesScanned: tool.scanned, filesSkipped: tool.skipped } : {}),
    runs: tool.results.map((r) => ({ seconds: +r.seconds.toFixed(3), cpuSeconds: r.cpuSeconds, peakRssMb: Math.round(r.peakRssMb) })),
  };
});
const peersSeconds = rows[1].seconds + rows[2].seconds;
const headline = { peersSeconds: +peersSeconds.toFixed(2), secureDevSeconds: +secureDevSeconds.toFixed(2), ratio: +(peersSeconds / secureDevSeconds).toFixed(1), bar: HEADLINE_BAR };
if (rows[0].cpuSeconds !== null) headline.cpuRatio = +((rows[1].cpuSeconds + rows[2].cpuSeconds) / rows[0].cpuSeconds).toFixed(1);
headline.pass = headline.ratio >= HEADLINE_BAR;
// Round by round, where the peers ran: each round runs every tool back to back, so the ratio of
// one round is the least touched by the machine's slower and faster spells.
headline.perRoundRatios = tools[1].results.map((eslint, i) => +((eslint.seconds + tools[2].results[i].seconds) / tools[0].results[i].seconds).toFixed(1));
const firstScanSeconds = rows[4].seconds;
headline.firstScanRatio = +(peersSeconds / firstScanSeconds).toFixed(1);

const manifestPath = join(work, 'tree-manifest.json');
const report = {
  date: new Date().toISOString(),
  // Other work on the machine skews the numbers: the 1-minute load average when the runs started.
  machine: { cpu: cpus()[0]?.model, cores: cpus().length, node: process.version, loadAverageAtStart: loadAtStart },
  tree: existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : coverage.all,
  rows,
  headline,
};
delete report.tree.dir;
delete report.tree.byKind;
mkdirSync(join(bench, 'results'), { recursive: true });
writeFileSync(join(bench, 'results', 'tree.json'), JSON.stringify(report, null, 2) + '\n');

const table = [
  '| tool | files | MB | seconds | CPU seconds | MB/s | peak RSS MB | findings | time vs Secure Dev |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${r.label} | ${r.files} | ${r.mb} | ${r.seconds} | ${r.cpuSeconds ?? '—'} | ${r.mbPerSecond} | ${r.peakRssMb} | ${r.findings ?? '—'} | ${r.vsSecureDev}× |`),
];
console.log(`\nTree: ${coverage.all.files} files, ${(coverage.all.bytes / 1e6).toFixed(2)} MB (${coverage.code.files} JS/TS files, ${(coverage.code.bytes / 1e6).toFixed(2)} MB); ${report.machine.cores} × ${report.machine.cpu}, Node ${process.version}, load average ${loadAtStart} at start; median of ${runs} runs (peers: ${peerRuns}).`);
if (rows[0].filesScanned !== undefined) console.log(`Secure Dev read ${rows[0].filesScanned} files and skipped ${rows[0].filesSkipped}.`);
console.log('');
console.log(table.join('\n'));
console.log(`\n**(ESLint set-up + secretlint) / Secure Dev = ${peersSeconds.toFixed(1)} s / ${secureDevSeconds.toFixed(2)} s = ${headline.ratio}×** (bar ≥ ${HEADLINE_BAR}×: ${headline.pass ? 'met' : 'NOT met'})`);
console.log(`Per round (all tools back to back): ${headline.perRoundRatios.map((r) => `${r}×`).join(', ')}.`);
console.log(`A first scan (no code cache yet): ${peersSeconds.toFixed(1)} s / ${firstScanSeconds.toFixed(2)} s = ${headline.firstScanRatio}×.`);
if (headline.cpuRatio !== undefined) console.log(`In CPU time: ${headline.cpuRatio}× (Secure Dev spends CPU on both cores; the peers on one).`);
