// The entry point VS Code's extension host calls when it is started with `extensionTestsPath`
// (by either launcher: test/integration/run-code-server.mjs or run-electron.mjs). It runs every
// mocha suite under ./suite in the real extension host, with the real `vscode` API.
//
// Under code-server the launcher cannot see this process's exit code (it runs behind the
// browser), so when SECURE_DEV_TEST_RESULTS names a file we write mocha's results there as JSON:
// first a `.started` marker (the launcher then knows the tests loaded), then the results.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** One test (or failed hook) as the launcher prints it. */
export interface TestResult {
  titlePath: string[];
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: { message: string; stack?: string };
}

export interface TestResults {
  stats: { suites: number; tests: number; passes: number; failures: number; pending: number; durationMs: number };
  tests: TestResult[];
  /** Set when mocha itself could not run (e.g. a suite threw while loading). */
  fatal?: { message: string; stack?: string };
}

const SUITE_SUFFIX = '.test.js';

function findSuiteFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...findSuiteFiles(full));
    else if (entry.name.endsWith(SUITE_SUFFIX)) files.push(full);
  }
  return files.sort();
}

function describeError(err: unknown): { message: string; stack?: string } {
  if (err instanceof Error) return { message: err.message, stack: err.stack };
  return { message: String(err) };
}

function writeJsonAtomically(file: string, value: unknown): void {
  const temp = `${file}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(value, null, 2));
  fs.renameSync(temp, file);
}

function runMocha(mocha: Mocha, tests: TestResult[]): Promise<Mocha.Stats | undefined> {
  return new Promise((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats));
    const record = (state: TestResult['state']) => (test: Mocha.Runnable, err?: unknown) => {
      tests.push({ titlePath: test.titlePath(), state, durationMs: test.duration, error: err === undefined ? undefined : describeError(err) });
    };
    runner.on('pass', record('passed'));
    runner.on('fail', record('failed'));
    runner.on('pending', record('pending'));
  });
}

export async function run(): Promise<void> {
  const resultsFile = process.env.SECURE_DEV_TEST_RESULTS;
  if (resultsFile) fs.writeFileSync(`${resultsFile}.started`, new Date().toISOString());

  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20_000, reporter: 'spec' });
  const tests: TestResult[] = [];
  const started = Date.now();
  let results: TestResults;
  try {
    // A Restricted Mode run (SECURE_DEV_TEST_RESTRICTED=1) runs its own suites: the others
    // assume a trusted workspace.
    const suiteDir = path.join(__dirname, process.env.SECURE_DEV_TEST_RESTRICTED === '1' ? 'suite-restricted' : 'suite');
    const files = findSuiteFiles(suiteDir);
    if (files.length === 0) throw new Error(`no *${SUITE_SUFFIX} files under ${suiteDir}`);
    for (const file of files) mocha.addFile(file);
    const stats = await runMocha(mocha, tests);
    results = {
      stats: {
        suites: stats?.suites ?? 0,
        tests: stats?.tests ?? 0,
        passes: stats?.passes ?? 0,
        failures: stats?.failures ?? 0,
        pending: stats?.pending ?? 0,
        durationMs: Date.now() - started,
      },
      tests,
    };
  } catch (err) {
    const fatal = describeError(err);
    results = { stats: { suites: 0, tests: 0, passes: 0, failures: 1, pending: 0, durationMs: Date.now() - started }, tests, fatal };
  }

  if (resultsFile) writeJsonAtomically(resultsFile, results);
  if (results.fatal) throw new Error(`integration tests could not run: ${results.fatal.message}`);
  if (results.stats.failures > 0) throw new Error(`${results.stats.failures} integration test(s) failed`);
}
