// Command-line parsing for `secure-dev`. Every mistake gets a message that says what to type.
import { parseArgs } from 'node:util';
import { SEVERITIES, type Severity } from '../core/types';

export type OutputFormat = 'text' | 'json' | 'sarif';
export const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];

export interface ScanArgs {
  command: 'scan';
  paths: string[];
  format: OutputFormat;
  output?: string;
  failOn: Severity | 'none';
  exclude: string[];
  gitignore: boolean;
  config?: string;
  maxFileSize?: number;
  quiet: boolean;
}

export type CliArgs = ScanArgs | { command: 'help' } | { command: 'version' };

export class UsageError extends Error {}

export const USAGE = `Usage: secure-dev <command> [options]

Commands:
  scan [paths..]          Scan files and folders (default: the current folder)

Options for scan:
  -f, --format FORMAT     text (default), json or sarif (SARIF 2.1.0 for GitHub code scanning)
  -o, --output FILE       Write the report to FILE instead of standard output
      --fail-on LEVEL     Exit 1 when a finding is at or above LEVEL: error, warning (default),
                          note, or none to always exit 0
      --exclude GLOB      Skip files matching GLOB (repeatable), e.g. --exclude "**/fixtures/**"
      --no-gitignore      Also scan files that .gitignore excludes
      --config FILE       Use FILE instead of ./.secure-dev.json
      --max-file-size N   Skip files larger than N bytes (default 1000000)
  -q, --quiet             Text format: print only the summary line

  -h, --help              Show this help
  -v, --version           Show the version

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or runtime error.`;

export function parseCli(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        'fail-on': { type: 'string' },
        exclude: { type: 'string', multiple: true },
        'no-gitignore': { type: 'boolean' },
        config: { type: 'string' },
        'max-file-size': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message.replace(/\. To specify .*$/s, '.')}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, ...paths] = positionals;
  if (command === undefined) throw new UsageError('No command given. Try: secure-dev scan .');
  if (command !== 'scan') throw new UsageError(`Unknown command "${command}". The available command is: scan.`);

  const format = (values.format ?? 'text') as OutputFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`Unknown --format "${values.format}". Use one of: ${FORMATS.join(', ')}.`);
  const failOn = (values['fail-on'] ?? 'warning') as Severity | 'none';
  if (failOn !== 'none' && !SEVERITIES.includes(failOn)) throw new UsageError(`Unknown --fail-on "${values['fail-on']}". Use one of: error, warning, note, none.`);
  let maxFileSize: number | undefined;
  if (values['max-file-size'] !== undefined) {
    maxFileSize = Number(values['max-file-size']);
    if (!Number.isInteger(maxFileSize) || maxFileSize <= 0) throw new UsageError(`--max-file-size needs a positive whole number of bytes, not "${values['max-file-size']}".`);
  }
  if (values.output === '') throw new UsageError('--output needs a file name.');
  return {
    command: 'scan',
    paths: paths.length > 0 ? paths : ['.'],
    format,
    output: values.output,
    failOn,
    exclude: values.exclude ?? [],
    gitignore: !values['no-gitignore'],
    config: values.config,
    maxFileSize,
    quiet: values.quiet ?? false,
  };
}
