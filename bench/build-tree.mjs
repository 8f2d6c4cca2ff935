// Builds the benchmark tree: ~8 MB of mixed source and configuration under bench/.work/tree
// (gitignored), deterministic for a given seed and installed node_modules (pinned by the lock file).
//
//   node bench/build-tree.mjs [--mb 8] [--seed 1] [--out bench/.work/tree]
//
// Three sources, by share of the bytes:
//   ~45 %  real-world JavaScript/TypeScript, JSON, Markdown and YAML copied from the project's
//          node_modules packages (minified and huge files left out: real projects lint sources);
//   ~47 %  generated services: Express/Koa routes, TS services, middleware, React components,
//          helpers, tests, .env files, docker-compose, Kubernetes, CI workflows, package.json,
//          tsconfig, app config, locale bundles, OpenAPI documents, READMEs (bench/lib/*);
//   ~8 %   the project's own src/, test/ and demo/ files, copied with a header that makes each
//          copy distinct.
// Directory names that some tools skip by default (node_modules, dist, build, out, coverage,
// vendor) are renamed so that every tool reads the same files.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from './lib/random.mjs';
import { APP_WORDS } from './lib/names.mjs';
import { expressRoutes, koaRoutes, middleware, service } from './lib/server-templates.mjs';
import { reactComponent, testFile, utilModule } from './lib/client-templates.mjs';
import { appConfig, ciWorkflow, dockerCompose, envFile, k8sDeployment, localeBundle, openApi, packageJson, readme, tsconfig } from './lib/config-templates.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = resolve(benchDir, '..');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const targetBytes = Number(option('mb', '8')) * 1e6;
const seed = Number(option('seed', '1'));
const outDir = resolve(option('out', join(benchDir, '.work', 'tree')));

const VENDOR_SHARE = 0.45;
const PROJECT_SHARE = 0.08;
const VENDOR_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.json', '.md', '.yml', '.yaml']);
const PROJECT_EXTENSIONS = new Set([...VENDOR_EXTENSIONS, '.jsx', '.tsx', '.env', '.properties', '.ini', '.toml', '.sh']);
/** Packages that are one huge generated bundle, or platform binaries: not representative source. */
const SKIPPED_PACKAGES = new Set(['typescript', 'playwright-core', 'esbuild', '@esbuild', 'undici-types', '@typespec', 'lodash']);
const RENAMED_DIRS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', 'vendor', 'bower_components']);
const MAX_VENDOR_FILE = 100_000;
const MAX_LINE = 1_000;

const written = { files: 0, bytes: 0, byKind: {} };

function write(path, text) {
  const full = join(outDir, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
  const bytes = Buffer.byteLength(text);
  const kind = kindForReport(path);
  written.files++;
  written.bytes += bytes;
  written.byKind[kind] ??= { files: 0, bytes: 0 };
  written.byKind[kind].files++;
  written.byKind[kind].bytes += bytes;
  return bytes;
}

function kindForReport(path) {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (base.startsWith('.env')) return '.env';
  const ext = extname(base);
  return ext === '.yml' ? '.yaml' : ext || base;
}

function safePath(path) {
  return path
    .split('/')
    .map((segment) => (RENAMED_DIRS.has(segment) ? `_${segment}` : segment))
    .join('/');
}

function listFiles(dir, accept) {
  const out = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  } catch {
    return out;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path, accept));
    else if (entry.isFile() && accept(path)) out.push(path);
  }
  return out;
}

function looksLikeSource(text) {
  if (text.includes('\u0000')) return false;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); ; i = text.indexOf('\n', i + 1)) {
    const end = i < 0 ? text.length : i;
    if (end - lineStart > MAX_LINE) return false;
    if (i < 0) return true;
    lineStart = i + 1;
  }
}

/** Real-world files from the installed packages, round-robin over packages so none dominates. */
function copyVendorFiles(r, budget) {
  const modules = join(root, 'node_modules');
  const packages = [];
  for (const name of readdirSync(modules).sort()) {
    if (name.startsWith('.') || SKIPPED_PACKAGES.has(name)) continue;
    if (name.startsWith('@')) {
      for (const sub of readdirSync(join(modules, name)).sort()) packages.push(`${name}/${sub}`);
    } else packages.push(name);
  }
  const queues = [];
  for (const pkg of packages) {
    if (SKIPPED_PACKAGES.has(pkg)) continue;
    const dir = join(modules, pkg);
    const files = listFiles(dir, (p) => {
      if (p.slice(dir.length).includes('/node_modules/')) return false;
      if (/\.min\.[cm]?js$/.test(p) || !VENDOR_EXTENSIONS.has(extname(p))) return false;
      const size = statSync(p).size;
      return size >= 200 && size <= MAX_VENDOR_FILE;
    });
    if (files.length > 0) queues.push({ pkg, files: r.shuffle(files) });
  }
  let used = 0;
  let active = r.shuffle(queues);
  while (used < budget && active.length > 0) {
    for (const queue of active) {
      const file = queue.files.pop();
      if (!file) continue;
      const text = readFileSync(file, 'utf8');
      if (!looksLikeSource(text)) continue;
      used += write(safePath(`libs/${queue.pkg.replace('/', '__')}/${relative(join(modules, queue.pkg), file)}`), text);
      if (used >= budget) break;
    }
    active = active.filter((q) => q.files.length > 0);
  }
  return used;
}

/** The project's own files, several distinct copies (a header line names the copy). */
function copyProjectFiles(budget) {
  const files = ['src', 'test', 'demo'].flatMap((d) => listFiles(join(root, d), (p) => PROJECT_EXTENSIONS.has(extname(p)) || /\/\.env(\.|$)/.test(p)));
  const texts = files.map((f) => ({ path: relative(root, f), text: readFileSync(f, 'utf8') })).filter((f) => looksLikeSource(f.text));
  let used = 0;
  for (let copy = 1; used < budget && texts.length > 0; copy++) {
    for (const { path, text } of texts) {
      const ext = extname(path);
      const header = ['.json', '.md'].includes(ext) ? '' : ['.yml', '.yaml', '.sh', '.env', '.properties', '.ini', '.toml'].includes(ext) || path.includes('.env') ? `# copy ${copy}\n` : `// copy ${copy}\n`;
      used += write(safePath(`secure-dev-copy-${copy}/${path}`), header + text);
      if (used >= budget) break;
    }
  }
  return used;
}

/** One generated service: routes, services, components, helpers, tests, config, docs. */
function generateApp(r, index) {
  const app = `${r.pick(APP_WORDS)}-${r.pick(APP_WORDS)}-${index}`;
  const base = `apps/${app}`;
  let used = 0;
  const put = (path, text) => (used += write(`${base}/${path}`, text));
  put('package.json', packageJson(r, app));
  put('README.md', readme(r, app));
  put('.env.example', envFile(r, { example: true }));
  if (r.chance(0.5)) put('.env', envFile(r, { example: false }));
  if (r.chance(0.3)) put('.env.production', envFile(r, { example: false }));
  put('docker-compose.yml', dockerCompose(r, app));
  put('k8s/deployment.yaml', k8sDeployment(r, app));
  put('.github/workflows/ci.yml', ciWorkflow(r));
  put('tsconfig.json', tsconfig(r));
  put('config/default.json', appConfig(r, app));
  if (r.chance(0.5)) put('openapi.yaml', openApi(r, app));
  if (r.chance(0.4)) put(`locales/${r.pick(['en', 'de', 'fr'])}.json`, localeBundle(r));
  put('src/middleware/auth.js', middleware(r));
  for (let i = r.int(2, 5); i > 0; i--) put(`src/routes/routes-${i}.${r.pick(['js', 'js', 'mjs', 'cjs'])}`, expressRoutes(r));
  for (let i = r.int(1, 3); i > 0; i--) put(`src/api/router-${i}.ts`, koaRoutes(r));
  for (let i = r.int(2, 5); i > 0; i--) put(`src/services/service-${i}.ts`, service(r));
  for (let i = r.int(1, 4); i > 0; i--) {
    const typed = r.chance(0.5);
    put(`src/components/component-${i}.${typed ? 'tsx' : 'jsx'}`, reactComponent(r, typed));
  }
  for (let i = r.int(1, 3); i > 0; i--) put(`src/lib/helpers-${i}.js`, utilModule(r));
  for (let i = r.int(1, 3); i > 0; i--) put(`test/api-${i}.test.js`, testFile(r));
  return used;
}

const started = Date.now();
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const r = createRandom(seed);
const vendorBytes = copyVendorFiles(r, targetBytes * VENDOR_SHARE);
const projectBytes = copyProjectFiles(targetBytes * PROJECT_SHARE);
let generatedBytes = 0;
for (let i = 1; written.bytes < targetBytes; i++) generatedBytes += generateApp(r, i);

const manifest = {
  seed,
  dir: outDir,
  files: written.files,
  bytes: written.bytes,
  mb: +(written.bytes / 1e6).toFixed(2),
  sources: { vendorBytes, projectBytes, generatedBytes },
  byKind: Object.fromEntries(Object.entries(written.byKind).sort((a, b) => b[1].bytes - a[1].bytes)),
};
writeFileSync(join(outDir, '..', 'tree-manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`built ${outDir}: ${manifest.files} files, ${manifest.mb} MB (seed ${seed}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(
  Object.entries(manifest.byKind)
    .map(([kind, s]) => `  ${kind.padEnd(14)} ${String(s.files).padStart(5)} files ${(s.bytes / 1e6).toFixed(2).padStart(6)} MB`)
    .join('\n'),
);
