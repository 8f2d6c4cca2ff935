// Sink tables: which argument of which call is a file path or a command, and when library
// defaults make it safe (`sendFile` with `root`, koa-send with `root`, spawn without a shell).
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import { propertyOf, type Constants } from '../ast/constants';
import { typescript } from '../parser';
import { argvSinks } from './argv-injection';
import { COMMAND, PATH, type RuleId, type SinkReason, type SinkSite } from './types';

export interface SinkArg {
  /** The expression whose taint reaches the sink. */
  expr: TS.Expression;
  site: SinkSite;
}

export interface CallShape {
  /** A call, or a `new` expression for constructors that run something (`new Deno.Command(...)`). */
  call: TS.CallExpression | TS.NewExpression;
  /** Module-qualified callee ('fs.promises.readFile'), when it starts at an import. */
  qualified?: string;
  /** The called member's name ('sendFile' in res.sendFile). */
  method?: string;
  /** Text of the receiver ('res' in res.sendFile). */
  receiverText?: string;
  /** Module a receiver variable was created from (`const zip = archiver('zip')` -> 'archiver'). */
  receiverInstance?: string;
}

const FS_MODULE_PREFIXES = ['fs.promises.', 'fs-extra.promises.', 'fs.', 'fs-extra.', 'graceful-fs.', 'mz.fs.', 'node:fs.'];

const ONE_PATH = new Set([
  'readFile', 'readFileSync', 'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'open', 'openSync', 'opendir',
  'opendirSync', 'readdir', 'readdirSync', 'stat', 'statSync', 'lstat', 'lstatSync', 'statfs', 'statfsSync', 'access',
  'accessSync', 'exists', 'existsSync', 'unlink', 'unlinkSync', 'rmdir', 'rmdirSync', 'rm', 'rmSync', 'mkdir', 'mkdirSync',
  'createReadStream', 'createWriteStream', 'chmod', 'chmodSync', 'chown', 'chownSync', 'lchown', 'lchownSync', 'utimes',
  'utimesSync', 'lutimes', 'truncate', 'truncateSync', 'readlink', 'readlinkSync', 'watch', 'watchFile',
  // fs-extra
  'outputFile', 'outputFileSync', 'outputJson', 'outputJsonSync', 'outputJSON', 'outputJSONSync', 'readJson', 'readJsonSync',
  'readJSON', 'readJSONSync', 'writeJson', 'writeJsonSync', 'writeJSON', 'writeJSONSync', 'remove', 'removeSync', 'emptyDir',
  'emptyDirSync', 'emptydir', 'ensureDir', 'ensureDirSync', 'mkdirp', 'mkdirpSync', 'mkdirs', 'mkdirsSync', 'ensureFile',
  'ensureFileSync', 'createFile', 'createFileSync', 'pathExists', 'pathExistsSync',
]);
const TWO_PATHS = new Set([
  'rename', 'renameSync', 'copyFile', 'copyFileSync', 'cp', 'cpSync', 'link', 'linkSync', 'symlink', 'symlinkSync', 'copy',
  'copySync', 'move', 'moveSync', 'ensureLink', 'ensureLinkSync', 'ensureSymlink', 'ensureSymlinkSync', 'createLink', 'createSymlink',
]);

/** shelljs file commands: every argument may be a path (options like '-rf' are constants). */
const SHELLJS_FILE_COMMANDS = new Set(['shelljs.cat', 'shelljs.cp', 'shelljs.mv', 'shelljs.rm', 'shelljs.mkdir', 'shelljs.ls', 'shelljs.touch', 'shelljs.head', 'shelljs.tail', 'shelljs.chmod', 'shelljs.ln']);
const STATIC_ROOTS = new Set(['express.static', 'serve-static', 'koa-static']);
const EXEC_STRING = new Set(['child_process.exec', 'child_process.execSync', 'shelljs.exec']);
const COMMAND_LINE = new Set(['execa.execaCommand', 'execa.execaCommandSync', 'execa.command', 'execa.commandSync']);
const SPAWN_LIKE = new Set([
  'child_process.spawn', 'child_process.spawnSync', 'child_process.execFile', 'child_process.execFileSync', 'cross-spawn',
  'cross-spawn.spawn', 'cross-spawn.sync', 'execa', 'execa.execa', 'execa.execaSync', 'execa.sync',
]);
const FORK_LIKE = new Set(['child_process.fork', 'execa.execaNode', 'execa.node']);
/** Bun and Deno run a command array (program first) without a shell. */
const RUNTIME_SPAWN = new Set(['Bun.spawn', 'Bun.spawnSync', 'bun.spawn', 'bun.spawnSync', 'Deno.run']);
const DENO_COMMAND = 'Deno.Command';
/** Bun and Deno file APIs whose first argument (both, for copies and renames) is a path. */
const RUNTIME_ONE_PATH = new Set([
  'Bun.file', 'bun.file', 'Bun.write', 'bun.write',
  ...['readFile', 'readTextFile', 'writeFile', 'writeTextFile', 'open', 'create', 'readDir', 'remove', 'mkdir', 'stat', 'lstat', 'truncate', 'readLink', 'chmod', 'chown']
    .flatMap((m) => [`Deno.${m}`, `Deno.${m}Sync`]),
]);
const RUNTIME_TWO_PATHS = new Set(['Deno.copyFile', 'Deno.copyFileSync', 'Deno.rename', 'Deno.renameSync', 'Deno.link', 'Deno.linkSync', 'Deno.symlink', 'Deno.symlinkSync']);
/** Electron's net.fetch: with a file: URL it reads a local file (custom protocol handlers). */
const FILE_URL_FETCH = new Set(['electron.net.fetch']);

const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'ash', 'fish', 'csh', 'tcsh', 'cmd', 'cmd.exe', 'powershell', 'powershell.exe', 'pwsh']);
/** Interpreters whose flag runs the next argument as a program. */
const INTERPRETER_FLAGS: Record<string, ReadonlySet<string>> = {
  node: new Set(['-e', '--eval', '-p', '--print']),
  python: new Set(['-c']),
  python3: new Set(['-c']),
  perl: new Set(['-e', '-E']),
  ruby: new Set(['-e']),
  php: new Set(['-r']),
};

/** Method names that can be sinks on a receiver that is not an imported module. */
export const SINK_METHODS = new Set(['sendFile', 'download', 'file', 'directory', 'execCommand', 'exec', 'mv', 'sendText']);

/** Module functions that are sinks, whatever their arguments: decided once per name. */
const moduleSinkNames = new Map<string, boolean>();

function isModuleSinkName(qualified: string): boolean {
  let known = moduleSinkNames.get(qualified);
  if (known === undefined) {
    const fsName = fsMethod(qualified);
    known =
      (!!fsName && (ONE_PATH.has(fsName) || TWO_PATHS.has(fsName))) ||
      STATIC_ROOTS.has(qualified) ||
      SHELLJS_FILE_COMMANDS.has(qualified) ||
      qualified === 'koa-send' ||
      EXEC_STRING.has(qualified) ||
      COMMAND_LINE.has(qualified) ||
      SPAWN_LIKE.has(qualified) ||
      FORK_LIKE.has(qualified) ||
      RUNTIME_SPAWN.has(qualified) ||
      qualified === DENO_COMMAND ||
      RUNTIME_ONE_PATH.has(qualified) ||
      RUNTIME_TWO_PATHS.has(qualified) ||
      FILE_URL_FETCH.has(qualified);
    if (moduleSinkNames.size < 10_000) moduleSinkNames.set(qualified, known);
  }
  return known;
}

export function sinksOfCall(shape: CallShape, constants: Constants, sf: TS.SourceFile): SinkArg[] {
  const { call, qualified } = shape;
  const sinkMethod = !!shape.method && SINK_METHODS.has(shape.method);
  if (!sinkMethod && !(qualified && isModuleSinkName(qualified))) return [];
  const args = call.arguments ?? [];
  const out: SinkArg[] = [];
  const site = (ruleId: RuleId, kind: number, label: string, reason: SinkReason): SinkSite => new CallSinkSite(ruleId, kind, label, reason, call, sf);
  const spread = typescript().SyntaxKind.SpreadElement;
  const add = (expr: TS.Expression | undefined, s: SinkSite) => {
    if (expr && expr.kind !== spread) out.push({ expr, site: s });
  };

  if (qualified) {
    const fsName = fsMethod(qualified);
    if (fsName && ONE_PATH.has(fsName)) add(args[0], site('path-traversal', PATH, qualified, 'path'));
    else if (fsName && TWO_PATHS.has(fsName)) {
      const s = site('path-traversal', PATH, qualified, 'path');
      add(args[0], s);
      add(args[1], s);
    } else if (STATIC_ROOTS.has(qualified)) {
      add(args[0], site('path-traversal', PATH, qualified, 'static-root'));
    } else if (SHELLJS_FILE_COMMANDS.has(qualified)) {
      const s = site('path-traversal', PATH, qualified, 'path');
      for (const a of args) add(a, s);
    } else if (qualified === 'koa-send') {
      if (!hasRootOption(args[2], constants)) add(args[1], site('path-traversal', PATH, 'koa-send', 'send-file'));
    } else if (EXEC_STRING.has(qualified)) {
      add(args[0], site('command-injection', COMMAND, qualified, 'shell-string'));
    } else if (COMMAND_LINE.has(qualified)) {
      add(args[0], site('command-injection', COMMAND, qualified, 'command-line'));
    } else if (SPAWN_LIKE.has(qualified)) {
      spawnSinks(shape, constants, sf, site, add);
    } else if (FORK_LIKE.has(qualified)) {
      add(args[0], site('shell-command-injection', COMMAND, qualified, 'program'));
    } else if (RUNTIME_SPAWN.has(qualified)) {
      // Bun.spawn(['sh', '-c', script]), Bun.spawn({ cmd: [...] }), Deno.run({ cmd: [...] }).
      const first = args[0] && objectLiteral(args[0], constants);
      const cmd = first ? propertyValue(first, 'cmd') : args[0];
      const list = cmd && arrayLiteral(cmd, constants);
      if (list && list.elements.length > 0) commandArraySinks(qualified, list.elements[0], list.elements.slice(1), constants, site, add);
      else add(cmd, site('shell-command-injection', COMMAND, qualified, 'program'));
    } else if (qualified === DENO_COMMAND) {
      const options = args[1] && objectLiteral(args[1], constants);
      const argv = options ? propertyValue(options, 'args') : undefined;
      const list = argv && arrayLiteral(argv, constants);
      commandArraySinks('new Deno.Command', args[0], list ? list.elements : [], constants, site, add);
    } else if (RUNTIME_ONE_PATH.has(qualified)) {
      add(args[0], site('path-traversal', PATH, qualified, 'path'));
    } else if (RUNTIME_TWO_PATHS.has(qualified)) {
      const s = site('path-traversal', PATH, qualified, 'path');
      add(args[0], s);
      add(args[1], s);
    } else if (FILE_URL_FETCH.has(qualified)) {
      const path = filePathOfUrl(args[0], constants);
      if (path) add(path, site('path-traversal', PATH, `${qualified}(file: URL)`, 'path'));
    }
    if (out.length > 0) return out;
  }

  const method = shape.method;
  if (method === 'sendFile' && shape.receiverText === 'reply') {
    // @fastify/static: reply.sendFile(name, rootPath) keeps the name inside the root, but the root itself is trusted.
    const root = args[1] && !isObjectLike(args[1], constants) ? args[1] : undefined;
    add(root, site('path-traversal', PATH, 'reply.sendFile (its root folder)', 'static-root'));
  } else if (method === 'sendFile') {
    if (!hasRootOption(args[1], constants)) add(args[0], site('path-traversal', PATH, `${shape.receiverText ?? 'res'}.sendFile`, 'send-file'));
  } else if (method === 'sendText') {
    // VS Code's Terminal.sendText types the text into the user's shell.
    add(args[0], site('command-injection', COMMAND, `${shape.receiverText ?? 'terminal'}.sendText`, 'shell-string'));
  } else if (method === 'download' && /^(res|response|resp)$/.test(shape.receiverText ?? '')) {
    const options = args[1] && isObjectLike(args[1], constants) ? args[1] : args[2];
    if (!hasRootOption(options, constants)) add(args[0], site('path-traversal', PATH, `${shape.receiverText}.download`, 'send-file'));
  } else if ((method === 'file' || method === 'directory') && shape.receiverInstance === 'archiver') {
    add(args[0], site('path-traversal', PATH, `archiver.${method}`, 'path'));
  } else if (method === 'execCommand') {
    add(args[0], site('command-injection', COMMAND, `${shape.receiverText ?? 'ssh'}.execCommand`, 'remote-shell'));
  } else if (method === 'exec' && (shape.receiverInstance === 'ssh2.Client' || shape.receiverInstance === 'ssh2')) {
    add(args[0], site('command-injection', COMMAND, 'ssh2 Client.exec', 'remote-shell'));
  }
  return out;
}

const TAR_EXTRACT = new Set(['tar.x', 'tar.extract', 'tar.default.x', 'tar.default.extract']);

/**
 * Extraction options that disable the library's own entry-name checks: node-tar's
 * `preservePaths: true` keeps absolute paths and '..' (a finding whatever the archive's origin:
 * archives come from elsewhere). Returns the sink and the option's range.
 */
export function archiveOptionSite(shape: CallShape, constants: Constants, sf: TS.SourceFile): { site: SinkSite; option: TS.Node } | undefined {
  if (!shape.qualified || !TAR_EXTRACT.has(shape.qualified)) return undefined;
  const obj = objectLiteral(shape.call.arguments?.[0], constants);
  const prop = obj && propertyOf(obj, 'preservePaths');
  if (!prop || !typescript().isPropertyAssignment(prop) || constants.value(prop.initializer) !== true) return undefined;
  const label = `${shape.qualified} keeps absolute paths and ".." segments of entry names, so an archive can write anywhere the process can`;
  return { site: new CallSinkSite('zip-slip', PATH, label, 'archive-option', shape.call, sf), option: prop };
}

function fsMethod(qualified: string): string | undefined {
  for (const prefix of FS_MODULE_PREFIXES) {
    if (qualified.startsWith(prefix)) {
      const rest = qualified.slice(prefix.length);
      return rest.includes('.') ? undefined : rest;
    }
  }
  return undefined;
}

/** spawn/execFile/execa: a shell joins everything, `sh -c` runs its script, or the input picks the program. */
function spawnSinks(
  shape: CallShape,
  constants: Constants,
  sf: TS.SourceFile,
  site: (ruleId: RuleId, kind: number, label: string, reason: SinkReason) => SinkSite,
  add: (expr: TS.Expression | undefined, s: SinkSite) => void,
): void {
  const ts = typescript();
  const args = shape.call.arguments ?? [];
  const name = shape.qualified ?? 'spawn';
  const argv = args[1] && !isObjectLike(args[1], constants) ? args[1] : undefined;
  const options = argv ? args[2] : args[1];
  const shell = shellOption(options, constants, sf);
  if (shell) {
    const s = site('shell-command-injection', COMMAND, `${name} with shell: ${shell}`, 'shell-option');
    add(args[0], s);
    const list = argv && skipWrappers(argv);
    if (list && ts.isArrayLiteralExpression(list)) {
      for (const el of list.elements) add(ts.isSpreadElement(el) ? el.expression : el, s);
    } else add(argv, s);
    return;
  }
  // `const args = ['-c', script]; spawn('sh', args)`: the array the variable was built from.
  const list = argv && arrayLiteral(argv, constants);
  if (!list) {
    add(args[0], site('shell-command-injection', COMMAND, name, 'program'));
    return;
  }
  const program = constants.value(args[0]);
  if (typeof program === 'string') {
    for (const a of argvSinks(program, list, constants)) {
      const label = `${name}(${JSON.stringify(program)}, [...])`;
      add(a.expr, site('shell-command-injection', COMMAND, label, a.kind === 'option' ? 'argument-injection' : 'remote-shell'));
    }
  }
  commandArraySinks(name, args[0], list.elements, constants, site, add);
}

/** A program and its argument list: the input picks the program, or `sh -c` / `node -e` runs it as code. */
function commandArraySinks(
  name: string,
  programExpr: TS.Expression | undefined,
  elements: readonly TS.Expression[],
  constants: Constants,
  site: (ruleId: RuleId, kind: number, label: string, reason: SinkReason) => SinkSite,
  add: (expr: TS.Expression | undefined, s: SinkSite) => void,
): void {
  const ts = typescript();
  add(programExpr, site('shell-command-injection', COMMAND, name, 'program'));
  const program = programExpr ? constants.value(programExpr) : undefined;
  const flags = scriptFlags(typeof program === 'string' ? program : undefined);
  if (!flags) return;
  elements.forEach((el, i) => {
    const v = ts.isSpreadElement(el) ? undefined : constants.value(el);
    const next = elements[i + 1];
    // A program chosen at run time (a validated 'bash' | 'sh') takes its `-c` first; later `-c`s belong to other programs (`git switch -c`).
    if (typeof program !== 'string' && i > 0) return;
    if (typeof v === 'string' && flags(v) && next) {
      add(ts.isSpreadElement(next) ? next.expression : next, site('shell-command-injection', COMMAND, `${name}(${JSON.stringify(program ?? 'shell')}, ['${v}', ...])`, 'shell-script'));
    }
  });
}

/** The path a `file:` URL is built from: `pathToFileURL(p)`, `'file://' + p`, `\`file://${p}\``. */
function filePathOfUrl(expr: TS.Expression | undefined, constants: Constants): TS.Expression | undefined {
  if (!expr) return undefined;
  const ts = typescript();
  let e = skipWrappers(expr);
  // pathToFileURL(p).toString(), pathToFileURL(p).href
  for (let i = 0; i < 3; i++) {
    if (ts.isCallExpression(e) && e.arguments.length === 0 && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'toString') e = skipWrappers(e.expression.expression);
    else if (ts.isPropertyAccessExpression(e) && e.name.text === 'href') e = skipWrappers(e.expression);
    else break;
  }
  if (ts.isCallExpression(e) && e.arguments.length > 0) {
    const callee = skipWrappers(e.expression);
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    return name === 'pathToFileURL' ? e.arguments[0] : undefined;
  }
  if (ts.isTemplateExpression(e)) return e.head.text.startsWith('file:') ? e : undefined;
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = constants.value(e.left);
    return typeof left === 'string' && left.startsWith('file:') ? e : undefined;
  }
  return undefined;
}

function propertyValue(obj: TS.ObjectLiteralExpression, name: string): TS.Expression | undefined {
  const ts = typescript();
  const prop = propertyOf(obj, name);
  if (!prop) return undefined;
  return ts.isShorthandPropertyAssignment(prop) ? prop.name : ts.isPropertyAssignment(prop) ? prop.initializer : undefined;
}

/** An array literal, directly or through the variable it was assigned to. */
function arrayLiteral(expr: TS.Expression, constants: Constants): TS.ArrayLiteralExpression | undefined {
  const ts = typescript();
  let e = skipWrappers(expr);
  if (ts.isIdentifier(e)) e = skipWrappers(constants.initializerOf(e.text) ?? e);
  return ts.isArrayLiteralExpression(e) ? e : undefined;
}

/** Flags after which the program runs its next argument as code; undefined for other programs. */
function scriptFlags(program: string | undefined): ((flag: string) => boolean) | undefined {
  const shellFlag = (f: string) => /^-[a-zA-Z]{0,4}c[a-zA-Z]{0,4}$/.test(f) || /^\/[cCkK]$/.test(f) || /^-(Command|command|EncodedCommand)$/.test(f);
  // A program chosen at run time (e.g. a validated 'bash'|'sh') that is handed `-c`.
  if (program === undefined) return (f) => f === '-c' || f === '-lc' || /^\/[cC]$/.test(f);
  const base = program.replace(/^.*[\\/]/, '').toLowerCase();
  if (SHELLS.has(base)) return shellFlag;
  const interpreter = INTERPRETER_FLAGS[base.replace(/\.exe$/, '')];
  return interpreter ? (f) => interpreter.has(f) : undefined;
}

/**
 * 'true', the shell's name, or the condition's text when the options turn a shell on (or may:
 * `shell: process.platform === 'win32'` is a shell on Windows); undefined when off or unknown.
 */
function shellOption(options: TS.Expression | undefined, constants: Constants, sf: TS.SourceFile): string | undefined {
  const obj = objectLiteral(options, constants);
  const prop = obj && propertyOf(obj, 'shell');
  if (!prop) return undefined;
  const ts = typescript();
  const expr = ts.isShorthandPropertyAssignment(prop) ? prop.name : prop.initializer;
  const value = constants.value(expr);
  if (value === true) return 'true';
  if (typeof value === 'string' && value.length > 0) return `'${value}'`;
  if (value !== undefined) return undefined;
  const e = skipWrappers(expr);
  if (e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === 'undefined')) return undefined;
  const text = sf.text.slice(e.getStart(sf), e.end);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function hasRootOption(options: TS.Expression | undefined, constants: Constants): boolean {
  if (!options) return false;
  const obj = objectLiteral(options, constants);
  // Options we cannot read might set a root: do not guess.
  if (!obj) return true;
  return propertyOf(obj, 'root') !== undefined;
}

function objectLiteral(expr: TS.Expression | undefined, constants: Constants): TS.ObjectLiteralExpression | undefined {
  if (!expr) return undefined;
  const ts = typescript();
  let e = skipWrappers(expr);
  if (ts.isIdentifier(e)) e = constants.initializerOf(e.text) ?? e;
  e = skipWrappers(e);
  return ts.isObjectLiteralExpression(e) ? e : undefined;
}

function isObjectLike(expr: TS.Expression, constants: Constants): boolean {
  return objectLiteral(expr, constants) !== undefined;
}

/**
 * A sink at a call. Its range (which needs line numbers) is computed only when a flow reaches
 * it: most sinks of a file never see untrusted data.
 */
export class CallSinkSite implements SinkSite {
  private range?: { start: number; end: number };

  constructor(
    readonly ruleId: RuleId,
    readonly kind: number,
    readonly label: string,
    readonly reason: SinkReason,
    private readonly node: TS.CallExpression | TS.NewExpression,
    private readonly sf: TS.SourceFile,
  ) {}

  /** The call, for the quick fix (none for `new` expressions). */
  get call(): TS.CallExpression | undefined {
    return typescript().isCallExpression(this.node) ? this.node : undefined;
  }

  get start(): number {
    return (this.range ??= sinkRange(this.node, this.sf)).start;
  }

  get end(): number {
    return (this.range ??= sinkRange(this.node, this.sf)).end;
  }
}

/** The callee's line: the whole call when it fits on one line, else from the callee's name to its end. */
export function sinkRange(call: TS.CallExpression | TS.NewExpression, sf: TS.SourceFile): { start: number; end: number } {
  const ts = typescript();
  const callee = call.expression;
  const name = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
  const nameStart = name.getStart(sf);
  const callStart = call.getStart(sf);
  // Same-line tests by looking for a line break in between (no line map needed).
  const text = sf.text;
  const sameLine = (a: number, b: number) => {
    const br = text.indexOf('\n', a);
    return br < 0 || br >= b;
  };
  const start = sameLine(callStart, nameStart) ? callStart : nameStart;
  if (sameLine(nameStart, call.end)) return { start, end: call.end };
  return { start, end: callee.end };
}

const BUN_SHELL = new Set(['bun.$', 'Bun.$']);
const BUN_SHELL_RAW = new Set(['bun.$.raw', 'Bun.$.raw']);

/**
 * Bun's shell template: `$\`ls ${dir}\`` escapes each interpolation (like zx), but `$.raw\`...\``
 * and an interpolated `{ raw: text }` object insert the text unescaped.
 */
export function shellTemplateSinks(template: TS.TaggedTemplateExpression, qualifiedTag: string | undefined, sf: TS.SourceFile): SinkArg[] {
  if (!qualifiedTag) return [];
  const raw = BUN_SHELL_RAW.has(qualifiedTag);
  if (!raw && !BUN_SHELL.has(qualifiedTag)) return [];
  const ts = typescript();
  const tpl = template.template;
  if (!ts.isTemplateExpression(tpl)) return [];
  const start = template.getStart(sf);
  const lineEnd = sf.text.indexOf('\n', start);
  const site: SinkSite = {
    ruleId: 'command-injection',
    kind: COMMAND,
    start,
    end: lineEnd >= 0 && lineEnd < template.end ? lineEnd : template.end,
    label: raw ? 'Bun\'s $.raw shell template' : 'Bun\'s $ shell template through { raw: ... }',
    reason: 'shell-string',
  };
  const out: SinkArg[] = [];
  for (const span of tpl.templateSpans) {
    const e = skipWrappers(span.expression);
    if (raw) out.push({ expr: span.expression, site });
    else if (ts.isObjectLiteralExpression(e)) {
      const prop = propertyOf(e, 'raw');
      if (prop && ts.isPropertyAssignment(prop)) out.push({ expr: prop.initializer, site });
      else if (prop && ts.isShorthandPropertyAssignment(prop)) out.push({ expr: prop.name, site });
    }
  }
  return out;
}
