// `npm run test:integration`: runs the mocha suites of test/integration inside a real VS Code
// (code-server 4.100.3, i.e. VS Code 1.100.3) driven by headless Chromium, offline.
//
//   1. ensure code-server is installed (.vscode-test/, once) and the system packages exist;
//   2. copy the fixture workspace to a temp dir and start code-server on a free loopback port;
//   3. open the workbench with the test payload (extensionDevelopmentPath = this repo,
//      extensionTestsPath = out/test/integration/index.js): the extension host runs the suites;
//   4. wait for the results file index.ts writes, print mocha's summary, exit 1 on any failure;
//   5. always stop Chromium and code-server (finally + signal handlers).
//
// Environment:
//   SECURE_DEV_TEST_TIMEOUT_MS   overall time limit (default 10 min)
//   SECURE_DEV_TEST_RESTRICTED=1 (or --restricted) open the workspace in Restricted Mode (untrusted); suites see the
//                                same variable in process.env
//   SECURE_DEV_KEEP_TEMP=1       keep the temp dir (workspace copy, user data)
// Inside VS Code, suites get SECURE_DEV_TEST_WORKSPACE (the workspace copy) and index.ts gets
// SECURE_DEV_TEST_RESULTS. Logs: .vscode-test/logs/integration-<time>-<pid>/ (code-server.log;
// exthost.log = the workbench console, where the extension host's console output arrives;
// vscode/ = VS Code's own logs; results.json).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, appendFileSync, writeFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { SourceMap } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, ensureCodeServer, repoRoot, startCodeServer, tail } from '../../scripts/code-server.mjs';

const restricted = process.env.SECURE_DEV_TEST_RESTRICTED === '1' || process.argv.includes('--restricted');
const OVERALL_TIMEOUT_MS = Number(process.env.SECURE_DEV_TEST_TIMEOUT_MS ?? 10 * 60_000);
const WORKBENCH_TIMEOUT_MS = 120_000;
const TESTS_START_TIMEOUT_MS = 120_000;

const testsIndex = join(repoRoot, 'out', 'test', 'integration', 'index.js');
const fixtureWorkspace = join(repoRoot, 'test', 'integration', 'fixtures', 'workspace');
// One folder per run (several runs may share a checkout); the newest few are kept.
const logsRoot = join(repoRoot, '.vscode-test', 'logs');
const logDir = join(logsRoot, `integration-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
const codeServerLog = join(logDir, 'code-server.log');
const extHostLog = join(logDir, 'exthost.log');
const KEEP_LOG_DIRS = 5;

const started = Date.now();
const deadline = started + OVERALL_TIMEOUT_MS;
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const say = (message) => console.log(`[integration] ${message}`);

/** Everything that must be undone, newest first; run once, from finally or a signal. */
const cleanups = [];
let cleaningUp = null;
function cleanup() {
  cleaningUp ??= (async () => {
    for (const fn of cleanups.reverse()) {
      try { await fn(); } catch (error) { console.error(`[integration] cleanup: ${error.message}`); }
    }
  })();
  return cleaningUp;
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    say(`${signal}: stopping`);
    cleanup().finally(() => process.exit(130));
  });
}

class PhaseTimeout extends Error {}

/** Rejects as soon as code-server or the page dies, so no phase waits for its timeout in vain. */
let failFast = new Promise(() => {});
function failWhen(promise) {
  const previous = failFast;
  failFast = Promise.race([previous, promise]);
  failFast.catch(() => {}); // observed by phase(); never an unhandled rejection
}

/** Resolves with `promise`, or rejects naming the phase when its own or the overall time runs out. */
function phase(name, ms, promise) {
  const budget = Math.min(ms, deadline - Date.now());
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new PhaseTimeout(`timed out after ${seconds(budget)} while ${name}`)), Math.max(budget, 0));
  });
  const died = failFast.catch((error) => { throw new Error(`${error.message} while ${name}`); });
  return Promise.race([promise, timeout, died]).finally(() => clearTimeout(timer));
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitForFile(file) {
  while (!existsSync(file)) await sleep(200);
}

function requireBuild() {
  for (const file of [join(repoRoot, 'dist', 'extension.js'), testsIndex]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  }
}

/** The workbench URL that makes the extension host run our tests (see the notes on code-server). */
function testUrl(server, workspace) {
  const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(repoRoot)],
    ['extensionTestsPath', remote(testsIndex)],
  ];
  return `${server.url}?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

// ---------------------------------------------------------------- report

const sourceMaps = new Map();
function sourceMapFor(jsFile) {
  if (!sourceMaps.has(jsFile)) {
    let map = null;
    try { map = new SourceMap(JSON.parse(readFileSync(`${jsFile}.map`, 'utf8'))); } catch { /* no map */ }
    sourceMaps.set(jsFile, map);
  }
  return sourceMaps.get(jsFile);
}

/**
 * Rewrites `out/.../x.js:L:C` stack frames to the TypeScript source lines. (VS Code's extension
 * host installs its own Error.prepareStackTrace, so Node's --enable-source-maps cannot do it.)
 */
function mapStack(stack) {
  return stack.replace(/([^\s()]+\.js):(\d+):(\d+)/g, (frame, file, line, column) => {
    const jsFile = isAbsolute(file) ? file : resolve(repoRoot, file);
    const entry = sourceMapFor(jsFile)?.findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry?.originalSource) return frame;
    const source = resolve(dirname(jsFile), entry.originalSource.replace(/^file:\/\//, ''));
    return `${relative(repoRoot, source)}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}

function printResults(results) {
  const { stats, tests, fatal } = results;
  console.log('');
  let previousSuites = [];
  const failures = [];
  for (const test of tests) {
    const suites = test.titlePath.slice(0, -1);
    const title = test.titlePath.at(-1);
    suites.forEach((suite, depth) => {
      if (previousSuites[depth] !== suite) console.log(`${'  '.repeat(depth + 1)}${suite}`);
    });
    previousSuites = suites;
    const indent = '  '.repeat(suites.length + 1);
    if (test.state === 'passed') console.log(`${indent}✓ ${title}${test.durationMs > 75 ? ` (${test.durationMs}ms)` : ''}`);
    else if (test.state === 'pending') console.log(`${indent}- ${title}`);
    else {
      failures.push(test);
      console.log(`${indent}✗ ${failures.length}) ${title}`);
    }
  }
  console.log('');
  console.log(`  ${stats.passes} passing (${seconds(stats.durationMs)})`);
  if (stats.pending) console.log(`  ${stats.pending} pending`);
  if (stats.failures) console.log(`  ${stats.failures} failing`);
  failures.forEach((test, i) => {
    console.log('');
    console.log(`  ${i + 1}) ${test.titlePath.join(' ')}:`);
    const stack = test.error?.stack ?? test.error?.message ?? 'unknown error';
    const text = mapStack(stack.includes(test.error?.message ?? '') ? stack : `${test.error.message}\n${stack}`);
    console.log(text.split('\n').map((line) => `     ${line}`).join('\n'));
  });
  if (fatal) {
    console.log('');
    console.log(`  the suites could not run: ${mapStack(fatal.stack ?? fatal.message)}`);
  }
  console.log('');
  return !fatal && stats.failures === 0 && stats.passes > 0;
}

function printLogTails({ withServerLog }) {
  const logs = [['extension host / workbench console', extHostLog, 40]];
  if (withServerLog) logs.push(['code-server', codeServerLog, 25]);
  for (const [name, file, lines] of logs) {
    const text = tail(file, lines).trim();
    if (!text) continue;
    console.log(`---- last lines of the ${name} log (${file}) ----`);
    console.log(text);
  }
}

/**
 * Appends the workbench's console to `file`. The extension host's console.log arrives here too,
 * as `console.log('%c INFO', css, format, ...args)`; format it the way a terminal would.
 */
function forwardConsole(page, file) {
  let queue = Promise.resolve();
  page.on('console', (message) => {
    queue = queue.then(async () => {
      let text;
      try {
        const values = await Promise.all(message.args().map((arg) => arg.jsonValue()));
        const styled = typeof values[0] === 'string' && values[0].startsWith('%c') && values.length >= 2;
        text = styled ? `${values[0].slice(2).trim()} ${format(...values.slice(2))}` : format(...values);
      } catch {
        text = '';
      }
      if (!text.trim()) text = `${message.text()}${message.location()?.url ? ` (${message.location().url})` : ''}`;
      appendFileSync(file, `[${message.type()}] ${text}\n`);
    });
  });
  page.on('pageerror', (error) => appendFileSync(file, `[pageerror] ${error.stack ?? error.message}\n`));
}

function pruneOldLogs() {
  const runs = readdirSync(logsRoot).filter((name) => name.startsWith('integration-')).sort();
  for (const name of runs.slice(0, Math.max(0, runs.length - KEEP_LOG_DIRS))) rmSync(join(logsRoot, name), { recursive: true, force: true });
}

// ---------------------------------------------------------------- main

async function main() {
  requireBuild();
  say('phase 1/4: code-server');
  const installStarted = Date.now();
  await phase('installing code-server', OVERALL_TIMEOUT_MS, ensureCodeServer({ browser: true }));
  say(`code-server ready (${seconds(Date.now() - installStarted)})`);

  mkdirSync(logDir, { recursive: true });
  pruneOldLogs();
  // realpath: the workbench and the extension host must agree on the path (macOS /tmp symlink).
  const tempDir = realpathSync(mkdtempSync(join(tmpdir(), 'secure-dev-it-')));
  if (process.env.SECURE_DEV_KEEP_TEMP !== '1') cleanups.push(() => rmSync(tempDir, { recursive: true, force: true }));
  const workspace = join(tempDir, 'workspace');
  if (existsSync(fixtureWorkspace)) cpSync(fixtureWorkspace, workspace, { recursive: true });
  else mkdirSync(workspace, { recursive: true });
  const resultsFile = join(tempDir, 'results.json');

  say('phase 2/4: starting code-server');
  const server = await startCodeServer({
    workspace,
    userDataDir: join(tempDir, 'user-data'),
    extensionsDir: join(tempDir, 'extensions'),
    logFile: codeServerLog,
    // The extension's own caches go to the temp dir too: tests leave the user's cache folder alone.
    env: { SECURE_DEV_TEST_RESULTS: resultsFile, SECURE_DEV_TEST_WORKSPACE: workspace, SECURE_DEV_TEST_RESTRICTED: restricted ? '1' : '0', SECURE_DEV_CACHE_DIR: join(tempDir, 'cache') },
    // Restricted Mode: trust stays on and undecided (no prompt), so the folder opens untrusted.
    disableWorkspaceTrust: !restricted,
    settings: restricted ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.untrustedFiles': 'open' } : {},
    readyTimeoutMs: Math.min(60_000, deadline - Date.now()),
  });
  cleanups.push(() => server.stop());
  failWhen(new Promise((_, reject) => server.process.once('exit', (code, signal) => reject(new Error(`code-server exited (code ${code}, signal ${signal})`)))));
  // Runs before the temp dir goes: keep VS Code's own logs (exthost, remoteagent) for inspection.
  const vscodeLogs = join(tempDir, 'user-data', 'logs');
  cleanups.push(() => existsSync(vscodeLogs) && cpSync(vscodeLogs, join(logDir, 'vscode'), { recursive: true }));
  say(`code-server listening on ${server.url} (pid ${server.pid})${restricted ? ', workspace in Restricted Mode' : ''}`);

  say('phase 3/4: opening the workbench in headless Chromium');
  const browser = await phase('launching Chromium', 60_000, chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS }));
  cleanups.push(() => closeBrowser(browser));
  const page = await browser.newPage();
  failWhen(new Promise((_, reject) => page.once('crash', () => reject(new Error('the workbench page crashed')))));
  forwardConsole(page, extHostLog);
  await phase('loading the workbench', WORKBENCH_TIMEOUT_MS, (async () => {
    await page.goto(testUrl(server, workspace), { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.monaco-workbench', { timeout: 0 });
  })());
  await phase('waiting for the extension host to load the tests (out/test/integration/index.js)', TESTS_START_TIMEOUT_MS, waitForFile(`${resultsFile}.started`));

  say('phase 4/4: running the suites inside VS Code');
  await phase('running the integration tests', OVERALL_TIMEOUT_MS, waitForFile(resultsFile));
  await sleep(500); // let mocha's last console lines reach the log
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  writeFileSync(join(logDir, 'results.json'), JSON.stringify(results, null, 2));
  const ok = printResults(results);
  if (!ok) {
    if (results.stats.passes === 0 && results.stats.failures === 0) say('no test ran');
    printLogTails({ withServerLog: Boolean(results.fatal) });
  }
  return ok;
}

async function closeBrowser(browser) {
  // close() can hang if Chromium is wedged; playwright then kills it on process exit anyway.
  await Promise.race([browser.close().catch(() => {}), sleep(10_000)]);
}

let exitCode = 1;
try {
  exitCode = (await main()) ? 0 : 1;
} catch (error) {
  console.error(`[integration] FAILED: ${error.message}`);
  if (!(error instanceof PhaseTimeout) && error.stack) console.error(error.stack.split('\n').slice(1, 6).join('\n'));
  printLogTails({ withServerLog: true });
  exitCode = 1;
} finally {
  await cleanup();
  say(`done in ${seconds(Date.now() - started)}; exit code ${exitCode}`);
}
process.exit(exitCode);
