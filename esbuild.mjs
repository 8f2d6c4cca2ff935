// Builds the shipped bundles (dist/) and the test/bench sources (out/).
//
//   node esbuild.mjs            development build of dist/ and out/
//   node esbuild.mjs --release  minified dist/ with source maps (what `npm run package` ships)
//   node esbuild.mjs --watch    rebuild dist/ and out/ on change
//
// The TypeScript parser (~3.5 MB) is bundled on its own into dist/typescript.js and required
// lazily from the other bundles, so activating the extension never pays for loading it.
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const release = process.argv.includes('--release');
const watch = process.argv.includes('--watch');

/** Keeps `typescript` out of the main bundles: they load ./typescript.js at first parse. */
const lazyTypescript = {
  name: 'lazy-typescript',
  setup(build) {
    build.onResolve({ filter: /^typescript$/ }, () => ({ path: './typescript.js', external: true }));
  },
};

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const common = {
  bundle: true,
  define: { SECURE_DEV_VERSION: JSON.stringify(version) },
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: release,
  sourcemap: true,
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
};

const bundles = [
  { ...common, entryPoints: { extension: 'src/extension/extension.ts' }, outdir: 'dist', external: ['vscode'], plugins: [lazyTypescript] },
  { ...common, entryPoints: { cli: 'src/cli/main.ts', 'scan-worker': 'src/workspace/scan-worker.ts' }, outdir: 'dist', plugins: [lazyTypescript], banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: { typescript: 'node_modules/typescript/lib/typescript.js' }, outdir: 'dist', sourcemap: false, minify: true },
];

function tsFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'fixtures' && name !== 'node_modules') out.push(...tsFiles(p));
    } else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

// Unit and integration tests run against the un-bundled sources (one output file per input).
const tests = {
  entryPoints: [...tsFiles('src'), ...tsFiles('test')],
  outbase: '.',
  outdir: 'out',
  bundle: false,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
};

const configs = [...bundles, tests];
if (watch) {
  for (const c of configs) await (await esbuild.context(c)).watch();
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(configs.map((c) => esbuild.build(c)));
}
