// A real VS Code (code-server, VS Code's own server build and web workbench) for the integration
// tests, the screenshots and `npm start`, without downloading anything but npm packages.
//
//   node scripts/code-server.mjs            install into .vscode-test/ if needed, print the path
//   node scripts/code-server.mjs --check    only report missing system packages
//
// Why by hand: code-server's npm postinstall downloads from GitHub (ripgrep) and fails offline, so
// we install with --ignore-scripts and then do what the postinstall would do (see
// ../shared/notes/real-vscode-offline.md). The result is cached like @vscode/test-electron caches
// VS Code: one folder, a marker file once it is complete, re-used by every later run.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, lstatSync, openSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { request } from 'node:http';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const cacheDir = join(repoRoot, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
const packageDir = join(cacheDir, 'node_modules', 'code-server');
const vscodeDir = join(packageDir, 'lib', 'vscode');
export const entryScript = join(packageDir, 'out', 'node', 'entry.js');
const markerFile = join(cacheDir, '.installed');
/** Native modules of VS Code's server that npm must build against this Node. */
const NATIVE_MODULES = ['kerberos', '@parcel/watcher', '@vscode/spdlog', 'native-watchdog', 'node-pty'];

const log = (message) => console.log(`[code-server] ${message}`);

// ---------------------------------------------------------------- system packages

function onPath(command) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, command)));
}

/** The Debian packages a step needs, each with the test that tells whether it is present. */
function systemRequirements({ browser }) {
  const reqs = [
    // kerberos (a native module of VS Code's server) compiles against the MIT Kerberos headers.
    { pkg: 'libkrb5-dev', present: () => existsSync('/usr/include/krb5.h') || existsSync('/usr/include/krb5/krb5.h') },
    // @vscode/ripgrep's postinstall downloads rg from GitHub; we copy the system one instead.
    { pkg: 'ripgrep', present: () => onPath('rg') },
    // node-gyp needs a compiler, make and Python to rebuild the native modules.
    { pkg: 'g++', present: () => onPath('g++') },
    { pkg: 'make', present: () => onPath('make') },
    { pkg: 'python3', present: () => onPath('python3') },
  ];
  if (browser) reqs.push({ pkg: 'chromium', present: () => existsSync(chromiumPath()) });
  return reqs;
}

/** Headless Chromium flags for the workbench: no sandbox (root, containers), no network chatter. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

export function chromiumPath() {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/**
 * Installs missing Debian packages when running as root; otherwise throws with the exact command
 * to run, so nothing half-works later.
 */
export function ensureSystemPackages({ browser = false } = {}) {
  const missing = systemRequirements({ browser }).filter((r) => !r.present()).map((r) => r.pkg);
  if (missing.length === 0) return;
  const install = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  const command = `apt-get update && ${install}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !onPath('apt-get')) {
    throw new Error(`missing system packages: ${missing.join(', ')}. Install them with:\n  sudo apt-get update && sudo ${install}`);
  }
  log(`installing system packages: ${missing.join(' ')}`);
  runSync('sh', ['-c', command], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const still = systemRequirements({ browser }).filter((r) => !r.present()).map((r) => r.pkg);
  if (still.length > 0) throw new Error(`apt-get did not provide: ${still.join(', ')}`);
}

// ---------------------------------------------------------------- install

function runSync(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`\`${command} ${args.join(' ')}\` failed with exit code ${result.status}${options.cwd ? ` (in ${options.cwd})` : ''}`);
  }
}

/** Like runSync but leaves the event loop free, so callers' timeouts and signal handlers work. */
function run(command, args, options = {}) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
    // If this process is stopped meanwhile, do not leave npm running in the cache folder.
    const onExit = () => child.kill('SIGKILL');
    process.on('exit', onExit);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('exit', onExit);
      if (code === 0) resolveRun();
      else reject(new Error(`\`${command} ${args.join(' ')}\` failed with ${code === null ? `signal ${signal}` : `exit code ${code}`}${options.cwd ? ` (in ${options.cwd})` : ''}`));
    });
  });
}

function npm(args, cwd, extraEnv = {}) {
  // Quiet npm: no audit, no funding banner, no update notice; keep errors visible.
  const env = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', npm_config_loglevel: 'error', ...extraEnv };
  return run('npm', args, { cwd, env });
}

export function isCodeServerInstalled() {
  if (!existsSync(markerFile) || !existsSync(entryScript)) return false;
  try {
    const marker = JSON.parse(readFileSync(markerFile, 'utf8'));
    // Native modules are built for one Node ABI: another Node major needs a fresh install.
    return marker.version === CODE_SERVER_VERSION && marker.modules === process.versions.modules;
  } catch {
    return false;
  }
}

const lockDir = `${cacheDir}.lock`;
const STALE_LOCK_MS = 15 * 60_000;

function lockIsStale() {
  try {
    const pid = Number(readFileSync(join(lockDir, 'pid'), 'utf8'));
    process.kill(pid, 0); // throws when that process is gone
    return Date.now() - statSync(lockDir).mtimeMs > STALE_LOCK_MS;
  } catch (error) {
    // ESRCH: the installer died. No pid file yet: it is just being created (young) or left over.
    if (error.code === 'ESRCH') return true;
    try { return Date.now() - statSync(lockDir).mtimeMs > 10_000; } catch { return false; }
  }
}

/** One installer at a time (tests, `npm start` and screenshots may start together). */
async function withInstallLock(fn) {
  mkdirSync(dirname(lockDir), { recursive: true });
  for (let announced = false; ; ) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (lockIsStale()) { rmSync(lockDir, { recursive: true, force: true }); continue; }
      if (!announced) log('another process is installing code-server; waiting for it');
      announced = true;
      await sleep(1000);
    }
  }
  // Also released when this process exits early (Ctrl-C handlers call process.exit()).
  const release = () => rmSync(lockDir, { recursive: true, force: true });
  process.on('exit', release);
  try {
    return await fn();
  } finally {
    process.off('exit', release);
    release();
  }
}

/** Installs code-server into the cache folder unless a complete install is already there. */
export async function ensureCodeServer({ browser = false } = {}) {
  ensureSystemPackages({ browser });
  if (isCodeServerInstalled()) return { dir: cacheDir, entry: entryScript };
  return withInstallLock(() => (isCodeServerInstalled() ? { dir: cacheDir, entry: entryScript } : install()));
}

async function install() {
  const started = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${cacheDir} (once; about a minute)`);
  mkdirSync(cacheDir, { recursive: true });
  // Its own package.json so npm treats the cache folder as the project and never the repo.
  writeFileSync(join(cacheDir, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }, null, 2) + '\n');

  log('1/5 npm install code-server (scripts off: its postinstall would download from GitHub)');
  await npm(['install', '--ignore-scripts', '--no-save', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], cacheDir);

  log("2/5 npm install VS Code server's production dependencies");
  await npm(['install', '--omit=dev', '--ignore-scripts', '--no-package-lock'], vscodeDir);

  log(`3/5 npm rebuild native modules: ${NATIVE_MODULES.join(' ')}`);
  await npm(['rebuild', ...NATIVE_MODULES], vscodeDir, { npm_config_yes: 'true' });

  log('4/5 ripgrep from the system, node_modules.asar link');
  const rgTarget = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  mkdirSync(dirname(rgTarget), { recursive: true });
  const systemRg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim() || '/usr/bin/rg';
  copyFileSync(systemRg, rgTarget);
  chmodSync(rgTarget, 0o755);
  const asarLink = join(vscodeDir, 'node_modules.asar');
  if (!existsSync(asarLink)) {
    try { lstatSync(asarLink); rmSync(asarLink, { force: true }); } catch { /* no dangling link */ }
    symlinkSync('node_modules', asarLink);
  }

  log('5/5 npm rebuild argon2 (password hashing of code-server itself)');
  await npm(['rebuild', 'argon2', '--build-from-source'], cacheDir);

  writeFileSync(markerFile, JSON.stringify({ version: CODE_SERVER_VERSION, installedAt: new Date().toISOString(), node: process.version, modules: process.versions.modules }) + '\n');
  log(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return { dir: cacheDir, entry: entryScript };
}

// ---------------------------------------------------------------- start

/** A free TCP port on the loopback interface (the OS picks it). */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function httpStatus(url) {
  return new Promise((resolveStatus) => {
    const req = request(url, { method: 'GET', timeout: 2000 }, (res) => {
      res.resume();
      resolveStatus(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolveStatus(0));
    req.end();
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Kills a whole process group: first politely, then for sure. Also when the leader is already
 * gone: its children (extension host, file watcher, pty host) may still be running.
 */
export async function killGroup(child, graceMs = 5000) {
  if (!child.pid) return;
  try { process.kill(-child.pid, 'SIGTERM'); } catch { return; } // no process left in the group
  const deadline = Date.now() + graceMs;
  while (groupAlive(child.pid) && Date.now() < deadline) await sleep(100);
  if (groupAlive(child.pid)) {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    for (let i = 0; i < 20 && groupAlive(child.pid); i++) await sleep(100);
  }
}

/** Settings that keep the workbench quiet and predictable (no welcome page, tips or trust prompt). */
export function writeUserSettings(userDataDir, extra = {}) {
  const dir = join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'extensions.ignoreRecommendations': true,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'git.enabled': false,
    'typescript.tsserver.experimental.enableProjectDiagnostics': false,
    'typescript.validate.enable': false,
    'javascript.validate.enable': false,
    ...extra,
  };
  writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
}

/**
 * Starts code-server on a free loopback port (or `port`) and resolves once it answers HTTP.
 * The server runs in its own process group so stop() also ends its extension hosts.
 */
export async function startCodeServer({
  workspace,
  userDataDir,
  extensionsDir = join(userDataDir, 'extensions'),
  env = {},
  disableWorkspaceTrust = true,
  logFile = join(userDataDir, 'code-server.log'),
  readyTimeoutMs = 60_000,
  settings = {},
  port: requestedPort,
  extraArgs = [],
}) {
  if (!isCodeServerInstalled()) throw new Error('code-server is not installed: call ensureCodeServer() first');
  mkdirSync(userDataDir, { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeUserSettings(userDataDir, settings);
  // An empty config of our own: code-server would otherwise create ~/.config/code-server/config.yaml.
  const configFile = join(userDataDir, 'code-server.yaml');
  writeFileSync(configFile, 'auth: none\n');
  const port = requestedPort ?? (await freePort());
  const args = [
    entryScript,
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...(disableWorkspaceTrust ? ['--disable-workspace-trust'] : []),
    ...extraArgs,
    workspace,
  ];
  const logFd = openSync(logFile, 'a');
  const child = spawn(process.execPath, args, {
    detached: true, // own process group: killGroup() reaches the extension host and watchers too
    stdio: ['ignore', logFd, logFd],
    env: { ...process.env, ...env },
  });
  closeSync(logFd);
  // A synchronous last resort: if this Node process exits without calling stop(), take the
  // server with it instead of leaving it listening.
  const onExit = () => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } };
  process.on('exit', onExit);

  let exitInfo = null;
  child.once('exit', (code, signal) => { exitInfo = { code, signal }; });
  const stop = async () => {
    process.off('exit', onExit);
    await killGroup(child);
  };

  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exitInfo) {
      await stop();
      throw new Error(`code-server exited during start (code ${exitInfo.code}, signal ${exitInfo.signal}); see ${logFile}:\n${tail(logFile, 30)}`);
    }
    const status = await httpStatus(`${url}healthz`);
    if (status >= 200 && status < 500) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${url} within ${readyTimeoutMs / 1000} s; see ${logFile}:\n${tail(logFile, 30)}`);
    }
    await sleep(250);
  }
  return { url, port, pid: child.pid, logFile, stop, process: child };
}

/** The last `lines` lines of a text file ('' if it does not exist). */
export function tail(file, lines = 40) {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').split('\n').slice(-lines - 1).join('\n');
}

// ---------------------------------------------------------------- CLI

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    if (process.argv.includes('--check')) {
      ensureSystemPackages({ browser: true });
      log(`system packages present; code-server ${isCodeServerInstalled() ? 'installed' : 'not installed'} (${cacheDir})`);
    } else {
      const { entry } = await ensureCodeServer({ browser: process.argv.includes('--browser') });
      log(`ready: node ${entry}`);
    }
  } catch (error) {
    console.error(`[code-server] ${error.message}`);
    process.exit(1);
  }
}
