// `npm start`: a real VS Code (code-server 4.100.3 = VS Code 1.100.3) in the browser with Secure Dev
// installed and the vulnerable demo app (demo/) as the workspace. Runs until Ctrl-C.
//
//   npm start                      build, link this folder as the installed extension, serve
//   npm start -- --vsix            package a .vsix with vsce and install that instead (what users get)
//   npm start -- --port 8080       a fixed port (default: a free one)
//   npm start -- --no-build        skip `node esbuild.mjs`
//
// It keeps user data and extensions under .vscode-test/demo/ (gitignored) and copies demo/ afresh to
// <tmp>/secure-dev-demo/acme-invoices/ on every start, so the repository is never modified. With the
// default link install, `npm run watch` + "Developer: Reload Window" picks up extension changes.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer, entryScript, repoRoot, startCodeServer } from './code-server.mjs';

const say = (message) => console.log(`[start] ${message}`);

function option(name) {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

function runOrFail(command, args, what) {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${what} failed (\`${command} ${args.join(' ')}\` exited with ${result.status ?? result.signal})`);
}

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const extensionId = `${manifest.publisher}.${manifest.name}`;

/**
 * Where a demo session keeps its user data and extensions (`home`, in .vscode-test/) and its
 * workspace copy: in the OS temp dir, outside the repository, so the repository's tsconfig.json,
 * .gitignore and eslint config do not leak into the demo project.
 */
export function demoDirs(home) {
  const workspace = join(tmpdir(), `secure-dev-${basename(home)}`, 'acme-invoices');
  return { home, workspace, userDataDir: join(home, 'user-data'), extensionsDir: join(home, 'extensions') };
}

/** Installs this folder as the extension: a link in the extensions dir, as VS Code lays them out. */
function linkExtension(extensionsDir) {
  rmSync(extensionsDir, { recursive: true, force: true });
  mkdirSync(extensionsDir, { recursive: true });
  symlinkSync(repoRoot, join(extensionsDir, `${extensionId}-${manifest.version}`), 'dir');
}

/** Packages a .vsix (as `npm run package` does) and installs it with code-server's own CLI. */
function installVsix({ extensionsDir, userDataDir }) {
  const vsix = join(repoRoot, '.vscode-test', `${manifest.name}-start.vsix`);
  say('packaging the extension with vsce');
  runOrFail(process.execPath, [join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--out', vsix], 'vsce package');
  rmSync(extensionsDir, { recursive: true, force: true });
  say(`installing ${vsix}`);
  runOrFail(process.execPath, [entryScript, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix, '--force'], 'installing the .vsix');
}

/** Settings for a session a person looks at (on top of the quiet defaults of code-server.mjs). */
export function demoSettings() {
  return {
    // code-server's --omit=dev install lacks the built-in tsserver; lend it ours so the
    // JavaScript features work and no "tsserver was deleted" notification covers the code.
    'typescript.tsdk': join(repoRoot, 'node_modules', 'typescript', 'lib'),
    // Offline: type acquisition would wait on downloads and keep hovers at "(loading...)".
    'typescript.disableAutomaticTypeAcquisition': true,
  };
}

/**
 * Builds (unless told not to), installs code-server, copies demo/ fresh and installs the
 * extension into the session's own extensions dir. Used by `npm start` and the screenshots.
 */
export async function prepareDemo({ home, build = true, vsix = false, browser = false }) {
  const dirs = demoDirs(home);
  if (build) {
    say('building (node esbuild.mjs)');
    runOrFail(process.execPath, ['esbuild.mjs'], 'the build');
  }
  if (!existsSync(join(repoRoot, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `npm run build`');

  await ensureCodeServer({ browser });

  rmSync(dirs.workspace, { recursive: true, force: true });
  cpSync(join(repoRoot, 'demo'), dirs.workspace, { recursive: true });
  mkdirSync(dirs.userDataDir, { recursive: true });
  if (vsix) installVsix(dirs);
  else linkExtension(dirs.extensionsDir);
  say(`${extensionId} ${manifest.version} installed into ${dirs.extensionsDir}${vsix ? ' (from the .vsix)' : ' (linked to this folder)'}`);
  return dirs;
}

async function main() {
  const { home, workspace, userDataDir, extensionsDir } = await prepareDemo({
    home: join(repoRoot, '.vscode-test', 'demo'),
    build: !process.argv.includes('--no-build'),
    vsix: process.argv.includes('--vsix'),
  });
  const port = option('--port') ? Number(option('--port')) : undefined;
  const server = await startCodeServer({
    workspace,
    userDataDir,
    extensionsDir,
    port,
    logFile: join(home, 'code-server.log'),
    // The demo's README opens first; it points at src/server.js.
    settings: { 'workbench.startupEditor': 'readme', ...demoSettings() },
  });

  let stopping = false;
  const stop = async (reason) => {
    if (stopping) return;
    stopping = true;
    say(`${reason}: stopping code-server`);
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => stop('Ctrl-C'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGHUP', () => stop('SIGHUP'));
  server.process.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`[start] code-server exited unexpectedly (code ${code}, signal ${signal}); see ${join(home, 'code-server.log')}`);
    process.exit(1);
  });

  console.log('');
  console.log('  VS Code (code-server) with Secure Dev is running:');
  console.log(`  ${server.url}?folder=${encodeURIComponent(workspace)}`);
  console.log('');
  console.log('  Open src/server.js to see the warnings. Press Ctrl-C to stop.');
  console.log('');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`[start] ${error.message}`);
    process.exit(1);
  });
}
