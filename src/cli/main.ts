// `secure-dev`: the CLI over the same core as the extension, for terminals and CI.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { toJson } from '../core/report/json';
import type { FileReport } from '../core/report/located';
import { toSarif } from '../core/report/sarif';
import { SEVERITIES, type Severity } from '../core/types';
import { loadProjectConfig, settingsFrom } from '../workspace/project-config';
import { scanFiles } from '../workspace/scan';
import { findFiles } from '../workspace/walk-files';
import { parseCli, UsageError, USAGE, type ScanArgs } from './args';
import { formatText } from './format-text';
import { rerunWithV8PoolSize } from './v8-pool';

declare const SECURE_DEV_VERSION: string | undefined;
const VERSION = typeof SECURE_DEV_VERSION === 'string' ? SECURE_DEV_VERSION : '0.0.0-dev';

export async function main(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseCli(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`secure-dev: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (args.command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.command === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  return rerunWithV8PoolSize(argv) ?? scan(args);
}

async function scan(args: ScanArgs): Promise<number> {
  const cwd = process.cwd();
  for (const p of args.paths) {
    try {
      await fs.stat(path.resolve(cwd, p));
    } catch {
      process.stderr.write(`secure-dev: cannot scan "${p}": no such file or folder.\n`);
      return 2;
    }
  }
  const base = baseDirectory(cwd, args.paths);
  const loaded = await loadProjectConfig(base, args.config);
  if (args.config && loaded.errors.length > 0 && loaded.errors[0].startsWith('Cannot read')) {
    process.stderr.write(`secure-dev: ${loaded.errors[0]}\n`);
    return 2;
  }
  for (const message of loaded.errors) process.stderr.write(`secure-dev: warning: ${message}\n`);
  const settings = settingsFrom(loaded.config, args.maxFileSize ? { maxFileBytes: args.maxFileSize } : {});
  // The scan's workers start loading the parser while the tree is walked.
  const files = findFiles(base, args.paths.map((p) => path.resolve(cwd, p)), { exclude: [...loaded.config.ignore, ...args.exclude], gitignore: args.gitignore });
  const reports = await scanFiles(files, { settings });

  const output = render(reports, args, base);
  if (args.output) {
    await fs.mkdir(path.dirname(path.resolve(args.output)), { recursive: true });
    await fs.writeFile(args.output, output);
    if (args.format !== 'text' || args.quiet) process.stderr.write(formatText(reports, { color: false, quiet: true }));
  } else {
    process.stdout.write(output);
  }
  return failsAt(reports, args.failOn) ? 1 : 0;
}

function render(reports: FileReport[], args: ScanArgs, base: string): string {
  switch (args.format) {
    case 'sarif':
      return `${JSON.stringify(toSarif(reports, { toolVersion: VERSION, baseUri: pathToFileURL(base + path.sep).href }), null, 2)}\n`;
    case 'json':
      return `${JSON.stringify(toJson(reports, VERSION), null, 2)}\n`;
    case 'text':
      return formatText(reports, { color: !args.output && process.stdout.isTTY === true && !process.env.NO_COLOR, quiet: args.quiet });
  }
}

/** Paths in reports are relative to the current folder when every target is inside it. */
function baseDirectory(cwd: string, targets: readonly string[]): string {
  const abs = targets.map((t) => path.resolve(cwd, t));
  if (abs.every((a) => a === cwd || a.startsWith(cwd + path.sep))) return cwd;
  let common = abs[0];
  while (!abs.every((a) => a === common || a.startsWith(common + path.sep))) common = path.dirname(common);
  return common;
}

function failsAt(reports: readonly FileReport[], failOn: Severity | 'none'): boolean {
  if (failOn === 'none') return false;
  const threshold = SEVERITIES.indexOf(failOn);
  return reports.some((r) => r.findings.some((f) => SEVERITIES.indexOf(f.severity) >= threshold));
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`secure-dev: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
