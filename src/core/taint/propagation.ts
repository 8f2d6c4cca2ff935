// How a call's result relates to its inputs: path.join passes taint on (and normalises),
// path.basename and parseInt clean it, fs and child_process results are data we trust,
// string methods pass the receiver's taint on, boolean checks return clean values.
import { ALL_KINDS, COMMAND, PATH, type KindMask } from './types';

export type CallEffect =
  /** Result carries the arguments' taint minus `clears`; `normalized` for path.resolve/join/normalize. */
  | { type: 'propagate'; clears: KindMask; normalized?: boolean }
  | { type: 'clean' };

const PROPAGATE: CallEffect = { type: 'propagate', clears: 0 };
const CLEAN_RESULT: CallEffect = { type: 'clean' };
const NORMALIZE: CallEffect = { type: 'propagate', clears: 0, normalized: true };
const CLEARS_PATH: CallEffect = { type: 'propagate', clears: PATH };
const CLEARS_COMMAND: CallEffect = { type: 'propagate', clears: COMMAND };

/** Modules whose results are I/O results or process handles, not the caller's strings. */
const TRUSTED_RESULT_MODULES = /^(fs|fs-extra|graceful-fs|mz\.fs|child_process|crypto|os|net|dns|zlib|http|https|http2|tls|stream|readline|shelljs|execa|cross-spawn|worker_threads|v8|perf_hooks|timers)(\.|$)/;

/** Packages that make a value safe: file-name sanitizers, slugifiers, shell quoting. */
const SANITIZER_MODULES: Record<string, KindMask> = {
  'sanitize-filename': ALL_KINDS,
  filenamify: ALL_KINDS,
  'filenamify.default': ALL_KINDS,
  slugify: ALL_KINDS,
  '@sindresorhus/slugify': ALL_KINDS,
  'shell-quote.quote': COMMAND,
  'shell-escape': COMMAND,
  'any-shell-escape': COMMAND,
  'shescape.quote': COMMAND,
  'shescape.quoteAll': COMMAND,
  'shescape.escape': COMMAND,
  'semver.valid': ALL_KINDS,
  'semver.clean': ALL_KINDS,
  'uuid.v4': ALL_KINDS,
  'uuid.v5': ALL_KINDS,
  'uuid.v1': ALL_KINDS,
  'validator.toInt': ALL_KINDS,
  'validator.toFloat': ALL_KINDS,
  'validator.toBoolean': ALL_KINDS,
};

export function moduleCallEffect(qualified: string): CallEffect {
  const q = qualified.replace(/^path\.(posix|win32)\./, 'path.');
  switch (q) {
    case 'path.join':
    case 'path.resolve':
    case 'path.normalize':
      return NORMALIZE;
    case 'path.basename':
    case 'path.extname':
      return CLEARS_PATH;
    case 'path.isAbsolute':
    case 'path.sep':
    case 'path.delimiter':
      return CLEAN_RESULT;
    case 'fs.realpathSync':
    case 'fs.realpath':
    case 'fs.promises.realpath':
    case 'fs-extra.realpath':
    case 'fs-extra.realpathSync':
      return NORMALIZE;
  }
  if (q.startsWith('path.')) return PROPAGATE;
  const sanitizer = SANITIZER_MODULES[q];
  if (sanitizer !== undefined) return sanitizer === ALL_KINDS ? CLEAN_RESULT : { type: 'propagate', clears: sanitizer };
  if (TRUSTED_RESULT_MODULES.test(q)) return CLEAN_RESULT;
  if (q.startsWith('uuid.') || q.startsWith('nanoid')) return CLEAN_RESULT;
  // A function of the project's own modules (or an unlisted package): judge it by its name.
  return byName(q.slice(q.lastIndexOf('.') + 1)) ?? PROPAGATE;
}

/**
 * Functions we cannot see into, judged by what their name promises: safeJoin(root, p),
 * resolveInside(root, p), sanitizePath(p), escapeShellArg(s), hashOf(s). A name is all there is
 * for helpers imported from other files of the project.
 */
function byName(name: string): CallEffect | undefined {
  if (/sanitiz|slug|hash|digest|uuid|md5|sha\d/i.test(name) || /^(is|has)[A-Z]|Count$|Size$|Length$/.test(name)) return CLEAN_RESULT;
  if (/^(safe|secure)|safe(Join|Path|Resolve)|(inside|within)$|^resolve(Inside|Within|Under|In)[A-Z]?|jail/i.test(name)) return CLEARS_PATH;
  if (/shell.?(escape|quote)|escape.?(shell|arg)|^quote(arg|shell)?$/i.test(name)) return CLEARS_COMMAND;
  return undefined;
}

const GLOBAL_CLEAN = new Set([
  'parseInt', 'parseFloat', 'Number', 'Boolean', 'isNaN', 'isFinite', 'BigInt', 'Symbol', 'Array.isArray', 'Date', 'Date.now',
  'Date.parse', 'Number.parseInt', 'Number.parseFloat', 'Number.isInteger', 'Number.isSafeInteger', 'Number.isFinite',
  'Number.isNaN', 'crypto.randomUUID', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'require', 'fetch',
]);
const GLOBAL_PROPAGATE = new Set([
  'String', 'JSON.parse', 'JSON.stringify', 'decodeURIComponent', 'decodeURI', 'encodeURI', 'unescape', 'Buffer.from',
  'Buffer.concat', 'Array.from', 'Array.of', 'Object.values', 'Object.entries', 'Object.keys', 'Object.assign',
  'Object.fromEntries', 'structuredClone', 'String.raw', 'Promise.resolve', 'Promise.all', 'Promise.allSettled',
]);

/** A function that is neither imported nor declared in the file (a global, or a name we cannot see). */
export function globalCallEffect(name: string): CallEffect {
  if (GLOBAL_CLEAN.has(name) || name.startsWith('Math.') || name.startsWith('console.')) return CLEAN_RESULT;
  if (name === 'encodeURIComponent' || name === 'escape') return CLEARS_COMMAND;
  if (GLOBAL_PROPAGATE.has(name)) return PROPAGATE;
  return byName(name.slice(name.lastIndexOf('.') + 1)) ?? PROPAGATE;
}

/** Methods whose result is a boolean or a number, whatever the receiver holds. */
export const NON_STRING_METHODS = new Set([
  'includes', 'startsWith', 'endsWith', 'test', 'indexOf', 'lastIndexOf', 'search', 'localeCompare', 'has', 'every', 'some',
  'charCodeAt', 'codePointAt', 'findIndex', 'findLastIndex', 'isFile', 'isDirectory', 'isSymbolicLink', 'equals', 'getTime',
  'valueOf', 'push', 'unshift', 'size', 'digest',
]);

/** Methods of untainted receivers that still build their result from the arguments. */
export const ARGUMENT_BUILDERS = new Set(['concat', 'join', 'replace', 'replaceAll', 'padStart', 'padEnd', 'format']);

/** Methods that store their arguments into the receiver. */
export const MUTATORS = new Set(['push', 'unshift', 'add', 'set', 'append', 'splice']);
