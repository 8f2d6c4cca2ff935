// `npm run test:electron`: the same mocha suites in desktop VS Code via @vscode/test-electron
// (2.5.x: the newest that runs on Node 20). It downloads VS Code into .vscode-test/ on first use,
// so it needs internet access to update.code.visualstudio.com; offline machines use
// `npm run test:integration` (code-server) instead.
//
// Environment: SECURE_DEV_VSCODE_VERSION (default 1.100.3, the version code-server runs),
// SECURE_DEV_TEST_TIMEOUT_MS (overall, default 10 min).
import { cpSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { repoRoot } from '../../scripts/code-server.mjs';

const VSCODE_VERSION = process.env.SECURE_DEV_VSCODE_VERSION ?? '1.100.3';
const OVERALL_TIMEOUT_MS = Number(process.env.SECURE_DEV_TEST_TIMEOUT_MS ?? 10 * 60_000);
const DOWNLOAD_IDLE_TIMEOUT_MS = 20_000;
const say = (message) => console.log(`[electron] ${message}`);

const testsIndex = join(repoRoot, 'out', 'test', 'integration', 'index.js');
for (const file of [join(repoRoot, 'dist', 'extension.js'), testsIndex]) {
  if (!existsSync(file)) {
    console.error(`[electron] ${file} is missing: run \`npm run build\` first`);
    process.exit(1);
  }
}

// A hang anywhere (download stalls, VS Code never exits) ends here, with the phase named.
let currentPhase = 'starting';
const watchdog = setTimeout(() => {
  console.error(`[electron] FAILED: timed out after ${OVERALL_TIMEOUT_MS / 1000} s while ${currentPhase}`);
  process.exit(1);
}, OVERALL_TIMEOUT_MS);
watchdog.unref();

const tempDir = realpathSync(mkdtempSync(join(tmpdir(), 'secure-dev-electron-')));
const workspace = join(tempDir, 'workspace');
const fixture = join(repoRoot, 'test', 'integration', 'fixtures', 'workspace');
if (existsSync(fixture)) cpSync(fixture, workspace, { recursive: true });
else mkdirSync(workspace, { recursive: true });

let exitCode = 1;
try {
  currentPhase = `downloading VS Code ${VSCODE_VERSION}`;
  say(`${currentPhase} (cached in .vscode-test/ after the first run)`);
  let vscodeExecutablePath;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({ version: VSCODE_VERSION, cachePath: join(repoRoot, '.vscode-test'), timeout: DOWNLOAD_IDLE_TIMEOUT_MS });
  } catch (error) {
    throw new Error(
      `could not download VS Code ${VSCODE_VERSION}: ${error?.message ?? error}\n` +
      '  This launcher needs internet access to update.code.visualstudio.com.\n' +
      '  Offline, run the same suites in code-server instead: npm run test:integration',
    );
  }

  currentPhase = 'running the suites in VS Code';
  say(currentPhase);
  exitCode = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: testsIndex,
    extensionTestsEnv: { SECURE_DEV_TEST_WORKSPACE: workspace, SECURE_DEV_CACHE_DIR: join(tempDir, 'cache') },
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--user-data-dir', join(tempDir, 'user-data')],
  });
} catch (error) {
  // runTests rejects when VS Code exits non-zero, which is what run() does on a failing test.
  console.error(`[electron] FAILED: ${error?.message ?? error}`);
  exitCode = 1;
} finally {
  rmSync(tempDir, { recursive: true, force: true });
}
say(`exit code ${exitCode}`);
process.exit(exitCode);
