// Lists the benchmark tree's files and classifies them the way the tools see them.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What ESLint (with bench/peers/eslint.config.mjs) and a bare TypeScript parse read. */
export const CODE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;

export function listTree(dir) {
  const out = [];
  const visit = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile()) out.push({ path, bytes: statSync(path).size });
    }
  };
  visit(dir);
  return out;
}

export function summarize(files) {
  return { files: files.length, bytes: files.reduce((sum, f) => sum + f.bytes, 0) };
}
