// Finds the files a scan reads: .gitignore-aware (root and nested .gitignore files), with
// default and configured exclude globs (minimatch), never following symlinked directories.
import { promises as fs, type Dirent } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { Minimatch } from 'minimatch';

/** Always excluded: dependencies, VCS data, caches, lockfiles and build output of tools. */
export const DEFAULT_EXCLUDES = [
  '**/node_modules/**',
  '**/.git/**',
  '**/.vscode-test/**',
  '**/coverage/**',
  '**/*.min.js',
  '**/*.map',
  '**/package-lock.json',
  '**/yarn.lock',
  '**/pnpm-lock.yaml',
];

/** Extensions that are never text worth reading. */
const BINARY_EXTENSIONS = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'webp', 'ico', 'bmp', 'tiff', 'psd', 'pdf', 'zip', 'gz', 'tgz', 'bz2', 'xz', '7z', 'rar', 'jar', 'war',
  'woff', 'woff2', 'ttf', 'otf', 'eot', 'mp3', 'mp4', 'mov', 'avi', 'webm', 'wav', 'ogg', 'flac', 'exe', 'dll', 'so', 'dylib', 'bin',
  'o', 'a', 'class', 'pyc', 'wasm', 'node', 'sqlite', 'db', 'vsix', 'docx', 'xlsx', 'pptx',
]);

export interface WalkOptions {
  /** Extra exclude globs, matched against the path relative to the base directory. */
  exclude?: readonly string[];
  /** Honour .gitignore files (default true). */
  gitignore?: boolean;
}

export interface FoundFile {
  absolute: string;
  /** '/'-separated, relative to the base directory. */
  relative: string;
}

/** Compiled globs, reused across calls: compiling a glob costs far more than matching it. */
const compiled = new Map<string, Minimatch>();

function glob(pattern: string): Minimatch {
  let m = compiled.get(pattern);
  if (!m) {
    m = new Minimatch(pattern, { dot: true });
    compiled.set(pattern, m);
  }
  return m;
}

/** Whether a '/'-separated relative path is excluded by the defaults or the given globs. */
export function isExcludedPath(rel: string, globs: readonly string[] = [], isDir = false): boolean {
  // A directory is excluded when a glob matches it or anything inside it ('dist/**').
  const test = (pattern: string) => glob(pattern).match(rel) || (isDir && glob(pattern).match(`${rel}/x`));
  return DEFAULT_EXCLUDES.some(test) || globs.some(test);
}

export async function findFiles(base: string, targets: readonly string[], options: WalkOptions = {}): Promise<FoundFile[]> {
  const isExcluded = (rel: string, isDir: boolean): boolean => isExcludedPath(rel, options.exclude, isDir);
  const found: FoundFile[] = [];
  const useGitignore = options.gitignore !== false;

  // Each directory carries the .gitignore rules of itself and its ancestors (relative to base).
  type Frame = { dir: string; rules: { root: string; ig: Ignore }[] };
  const rootRules = useGitignore ? await ancestorGitignores(base) : [];
  const stack: Frame[] = [];
  for (const target of targets) {
    const abs = path.resolve(base, target);
    const stat = await fs.stat(abs);
    if (stat.isFile()) {
      const rel = toRelative(base, abs);
      if (!isBinaryName(abs)) found.push({ absolute: abs, relative: rel });
    } else if (stat.isDirectory()) {
      stack.push({ dir: abs, rules: rootRules });
    }
  }
  while (stack.length > 0) {
    const { dir, rules: inherited } = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue; // unreadable directory: nothing to scan there
    }
    const rules = useGitignore ? await withGitignore(dir, inherited) : inherited;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const abs = path.join(dir, entry.name);
      const rel = toRelative(base, abs);
      const isDir = entry.isDirectory();
      if (!isDir && !entry.isFile()) continue; // symlinks, sockets, devices
      if (isExcluded(rel, isDir) || isIgnored(rules, abs, isDir)) continue;
      if (isDir) stack.push({ dir: abs, rules });
      else if (!isBinaryName(entry.name)) found.push({ absolute: abs, relative: rel });
    }
  }
  found.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
  return found;
}

function toRelative(base: string, abs: string): string {
  const rel = path.relative(base, abs).split(path.sep).join('/');
  return rel === '' ? path.basename(abs) : rel;
}

function isBinaryName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot >= 0 && BINARY_EXTENSIONS.has(name.slice(dot + 1).toLowerCase());
}

async function withGitignore(dir: string, inherited: { root: string; ig: Ignore }[]): Promise<{ root: string; ig: Ignore }[]> {
  try {
    const text = await fs.readFile(path.join(dir, '.gitignore'), 'utf8');
    return [...inherited, { root: dir, ig: ignore().add(text) }];
  } catch {
    return inherited;
  }
}

/** .gitignore files between the repository root and the base directory still apply. */
async function ancestorGitignores(base: string): Promise<{ root: string; ig: Ignore }[]> {
  if (await exists(path.join(path.resolve(base), '.git'))) return [];
  const chain: string[] = [];
  for (let dir = path.dirname(path.resolve(base)); ; dir = path.dirname(dir)) {
    chain.unshift(dir);
    if (await exists(path.join(dir, '.git'))) break;
    if (path.dirname(dir) === dir) return []; // not inside a repository: nothing above applies
  }
  let rules: { root: string; ig: Ignore }[] = [];
  for (const d of chain) rules = await withGitignore(d, rules);
  return rules;
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.access(p);
    return true;
  } catch {
    return false;
  }
}

function isIgnored(rules: { root: string; ig: Ignore }[], abs: string, isDir: boolean): boolean {
  for (const { root, ig } of rules) {
    const rel = path.relative(root, abs).split(path.sep).join('/');
    if (rel && !rel.startsWith('..') && ig.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}
