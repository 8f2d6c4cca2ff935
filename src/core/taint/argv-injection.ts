// Argument arrays that still run code without a shell: programs that treat an option-looking
// operand as an option which executes something (`git clone --upload-pack=...`, `ssh
// -oProxyCommand=...`, `rsync -e ...`), and ssh's trailing operands, which the remote shell runs.
// Operands after `--` / `--end-of-options`, values of options, and values that start with a
// constant that is not '-' (`https://...`, `deploy@${host}`) cannot become options.
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import type { Constants } from '../ast/constants';
import { typescript } from '../parser';

export interface ArgvSink {
  expr: TS.Expression;
  /** 'option': may be read as an option that runs code; 'remote-command': run by the remote shell. */
  kind: 'option' | 'remote-command';
}

/** git subcommands that contact a remote, whose URL/remote operands git may run as an option. */
const GIT_REMOTE_SUBCOMMANDS = new Set(['clone', 'fetch', 'pull', 'push', 'ls-remote', 'archive', 'submodule', 'remote']);
/** git options before the subcommand that take a value. */
const GIT_GLOBAL_WITH_VALUE = new Set(['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--config-env']);
/** git clone/fetch/push options that take the next element as their value. */
const GIT_WITH_VALUE = new Set([
  '-b', '-o', '-c', '-j', '-u', '--branch', '--origin', '--depth', '--reference', '--reference-if-able', '--template', '--config',
  '--jobs', '--shallow-since', '--shallow-exclude', '--separate-git-dir', '--filter', '--server-option', '--bundle-uri', '--deepen',
  '--negotiation-tip', '--refmap', '--upload-pack', '--receive-pack', '--exec', '--remote', '--prefix', '--output', '--format',
]);
/** ssh / scp / sftp / rsync options that take a value (`-p 22`, `-i key`, `-o Opt=x`). */
const SSH_WITH_VALUE = new Set(['-b', '-c', '-D', '-E', '-e', '-F', '-I', '-i', '-J', '-L', '-l', '-m', '-O', '-o', '-p', '-P', '-Q', '-R', '-S', '-W', '-w', '-B']);
const END_OF_OPTIONS = new Set(['--', '--end-of-options']);
const COPY_PROGRAMS = new Set(['scp', 'sftp', 'rsync']);

/** Elements of a literal argument array that can inject options or remote commands into `program`. */
export function argvSinks(program: string, list: TS.ArrayLiteralExpression, constants: Constants): ArgvSink[] {
  const base = program.replace(/^.*[\\/]/, '').toLowerCase().replace(/\.exe$/, '');
  if (base === 'git') return gitSinks(list.elements, constants);
  if (base === 'ssh') return sshSinks(list.elements, constants);
  if (COPY_PROGRAMS.has(base)) return operandsBeforeEnd(list.elements, 0, constants, SSH_WITH_VALUE);
  return [];
}

function gitSinks(elements: readonly TS.Expression[], constants: Constants): ArgvSink[] {
  for (let i = 0; i < elements.length; i++) {
    const v = constantOf(elements[i], constants);
    if (v === undefined) return [];
    if (GIT_GLOBAL_WITH_VALUE.has(v)) {
      i++;
      continue;
    }
    if (v.startsWith('-')) continue;
    return GIT_REMOTE_SUBCOMMANDS.has(v) ? operandsBeforeEnd(elements, i + 1, constants, GIT_WITH_VALUE) : [];
  }
  return [];
}

/** Operands before the destination may be options; everything after it is the remote command line. */
function sshSinks(elements: readonly TS.Expression[], constants: Constants): ArgvSink[] {
  const out: ArgvSink[] = [];
  let ended = false;
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i];
    const v = constantOf(el, constants);
    if (!ended && v !== undefined && END_OF_OPTIONS.has(v)) {
      ended = true;
      continue;
    }
    if (!ended && v !== undefined && v.startsWith('-')) {
      if (SSH_WITH_VALUE.has(v)) i++;
      continue;
    }
    // The destination: an option in disguise unless after `--` or visibly not an option.
    if (!ended && !startsWithNonOption(el, constants)) out.push({ expr: unspread(el), kind: 'option' });
    for (const rest of elements.slice(i + 1)) if (constantOf(rest, constants) === undefined) out.push({ expr: unspread(rest), kind: 'remote-command' });
    return out;
  }
  return out;
}

function operandsBeforeEnd(elements: readonly TS.Expression[], from: number, constants: Constants, withValue: ReadonlySet<string>): ArgvSink[] {
  const out: ArgvSink[] = [];
  for (let i = from; i < elements.length; i++) {
    const el = elements[i];
    const v = constantOf(el, constants);
    if (v !== undefined && END_OF_OPTIONS.has(v)) break;
    if (v !== undefined) {
      // `--branch <ref>`: the next element is the option's value.
      if (withValue.has(v)) i++;
      continue;
    }
    if (!startsWithNonOption(el, constants)) out.push({ expr: unspread(el), kind: 'option' });
  }
  return out;
}

function constantOf(el: TS.Expression, constants: Constants): string | undefined {
  if (typescript().isSpreadElement(el)) return undefined;
  const v = constants.value(el);
  return v === undefined ? undefined : String(v);
}

function unspread(el: TS.Expression): TS.Expression {
  const ts = typescript();
  return ts.isSpreadElement(el) ? el.expression : el;
}

/** `https://${host}/x`, 'deploy@' + host, or a const holding one: the value cannot start with '-'. */
function startsWithNonOption(el: TS.Expression, constants: Constants): boolean {
  const ts = typescript();
  let e = skipWrappers(el);
  for (let i = 0; i < 4 && ts.isIdentifier(e); i++) {
    const init = constants.initializerOf(e.text);
    if (!init) return false;
    e = skipWrappers(init);
  }
  let head: string | undefined;
  if (ts.isTemplateExpression(e)) head = e.head.text;
  else if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    let left: TS.Expression = e;
    while (ts.isBinaryExpression(left) && left.operatorToken.kind === ts.SyntaxKind.PlusToken) left = skipWrappers(left.left);
    const v = constants.value(left);
    head = typeof v === 'string' ? v : undefined;
  }
  return !!head && !head.startsWith('-');
}
