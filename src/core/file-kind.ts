// Decides how a file is read from its name alone (no I/O).
import type { FileKind } from './types';

const BY_EXTENSION: Record<string, FileKind> = {
  js: 'js', mjs: 'js', cjs: 'js', jsx: 'jsx',
  ts: 'ts', mts: 'ts', cts: 'ts', tsx: 'tsx',
  yml: 'yaml', yaml: 'yaml',
  json: 'json', jsonc: 'json', json5: 'json',
  properties: 'properties',
  ini: 'ini', cfg: 'ini', conf: 'ini',
  toml: 'toml',
  sh: 'shell', bash: 'shell', zsh: 'shell',
  py: 'python',
};

export function fileKindOf(fileName: string): FileKind {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1).toLowerCase();
  if (base === '.env' || base.startsWith('.env.') || base.endsWith('.env')) return 'env';
  if (base === 'dockerfile' || base.startsWith('dockerfile.') || base.endsWith('.dockerfile')) return 'dockerfile';
  if (base === '.npmrc' || base === '.pypirc' || base === '.netrc') return 'ini';
  const dot = base.lastIndexOf('.');
  if (dot < 0) return 'text';
  if (base.endsWith('.d.ts')) return 'ts';
  return BY_EXTENSION[base.slice(dot + 1)] ?? 'text';
}

/** Line-comment prefixes of a file kind, used to find suppression comments. */
export function lineCommentTokens(kind: FileKind): string[] {
  switch (kind) {
    case 'js': case 'ts': case 'jsx': case 'tsx': return ['//', '/*'];
    case 'env': case 'yaml': case 'toml': case 'shell': case 'dockerfile': case 'python': return ['#'];
    case 'properties': return ['#', '!'];
    case 'ini': return [';', '#'];
    case 'json': return ['//'];
    default: return ['//', '#', '/*', ';', '<!--', '--'];
  }
}
