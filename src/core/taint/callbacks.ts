// Callbacks whose parameters a framework fills with outside data: route handlers, Electron IPC
// and deep-link handlers, queue processors and consumers, archive `entry` events, CLI actions.
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import { typescript } from '../parser';
import type { Shared } from './shared';
import { sourceTaint } from './sources';
import { markerOnly } from './taint-value';
import { ALL_KINDS, COMMAND, type Taint } from './types';

/** Taint for a callback's parameter `index`, or undefined when the framework does not fill it from outside. */
export type ParamTaint = (index: number, param: TS.ParameterDeclaration) => Taint | undefined;

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'head', 'options', 'use', 'route']);
const ELECTRON_APP_EVENTS = new Set(['open-url', 'open-file', 'second-instance']);
const TRUSTED_MESSAGE_SOURCES = /^(process|parentPort|worker|child|cluster)$/;
const YAUZL_OPENERS = new Set(['yauzl.open', 'yauzl.fromBuffer', 'yauzl.fromFd', 'yauzl.fromRandomAccessReader']);

function paramSource(param: TS.ParameterDeclaration, shared: Shared, what: string, kinds = ALL_KINDS, extra: { archive?: boolean } = {}): Taint {
  const ts = typescript();
  const name = ts.isIdentifier(param.name) ? param.name.text : 'argument';
  return sourceTaint(param.name.getStart(shared.sf), param.name.end, `${what} '${name}'`, kinds, extra);
}

/** The context a call gives the function passed as its argument `argIndex`. */
export function staticCallbackContext(shared: Shared, call: TS.CallExpression | TS.NewExpression, argIndex: number): ParamTaint | undefined {
  const ts = typescript();
  const callee = skipWrappers(call.expression);
  const args = call.arguments ?? [];
  const qualified = shared.bindings.resolveModule(callee);
  const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  const firstArg = args[0] ? shared.constants.value(args[0]) : undefined;

  if (ts.isNewExpression(call)) {
    if ((qualified === 'bullmq.Worker' || qualified === 'bullmq') && argIndex === 1) return (i) => (i === 0 ? markerOnly('queue-job') : undefined);
    return undefined;
  }
  if (qualified && /^electron\.ipcMain\.(handle|handleOnce|on|once)$/.test(qualified) && argIndex >= 1) {
    return (i, p) => (i >= 1 ? paramSource(p, shared, 'IPC argument') : undefined);
  }
  if (qualified && /^electron\.app\.(on|once)$/.test(qualified) && typeof firstArg === 'string' && ELECTRON_APP_EVENTS.has(firstArg)) {
    return (i, p) => (i >= 1 ? paramSource(p, shared, `'${firstArg}' event argument`) : undefined);
  }
  if (!method) return undefined;
  const receiver = skipWrappers((callee as TS.PropertyAccessExpression).expression);
  const receiverName = ts.isIdentifier(receiver) ? receiver.text : undefined;
  if (ROUTE_METHODS.has(method) && argIndex >= 1 && args[0] && isRoutePath(args[0])) return (i) => (i === 0 ? markerOnly('request') : undefined);
  if (method === 'use' && argIndex === 0) return (i) => (i === 0 ? markerOnly('request') : undefined);
  if (method === 'process' && receiverName && /^(bull|bee-queue)$/.test(shared.instances.get(receiverName) ?? '')) {
    return (i) => (i === 0 ? markerOnly('queue-job') : undefined);
  }
  if (method === 'on' || method === 'once') {
    if (firstArg === 'entry') {
      const kinds = yauzlValidatesNames(shared, call) ? COMMAND : ALL_KINDS;
      return (i, p) => (i === 0 ? paramSource(p, shared, 'Archive entry', kinds, { archive: true }) : undefined);
    }
    if (firstArg === 'message' && !(receiverName && TRUSTED_MESSAGE_SOURCES.test(receiverName))) {
      return (_i, p) => paramSource(p, shared, 'message');
    }
    return undefined;
  }
  if (method === 'consume' && argIndex >= 1) return (i, p) => (i === 0 ? paramSource(p, shared, 'queue message') : undefined);
  if (method === 'action' && isCommanderChain(receiver)) return (_i, p) => paramSource(p, shared, 'command-line argument');
  return undefined;
}

/** Functions given as properties of an options object: multer storage callbacks, queue consumers. */
export function propertyCallbackContext(shared: Shared, property: string, owner: TS.ObjectLiteralExpression): ParamTaint | 'multer' | undefined {
  const ts = typescript();
  if (property === 'eachMessage' || property === 'eachBatch' || property === 'handleMessage' || property === 'handleMessageBatch') {
    return (i, p) => (i === 0 ? paramSource(p, shared, 'queue message') : undefined);
  }
  if (property === 'onentry' || property === 'onReadEntry') {
    // node-tar: tar.t({ onentry }) / tar.Parse({ onReadEntry }) hand over raw entries.
    return (i, p) => (i === 0 ? paramSource(p, shared, 'Archive entry', ALL_KINDS, { archive: true }) : undefined);
  }
  if (property === 'filename' || property === 'destination') {
    const parent = owner.parent;
    if (parent && ts.isCallExpression(parent) && shared.bindings.resolveModule(parent.expression) === 'multer.diskStorage') return 'multer';
  }
  return undefined;
}

function isRoutePath(arg: TS.Expression): boolean {
  const ts = typescript();
  const a = skipWrappers(arg);
  return ts.isStringLiteralLike(a) || ts.isTemplateExpression(a) || ts.isRegularExpressionLiteral(a) || ts.isArrayLiteralExpression(a);
}

/** `program.command('x').option(...).action(fn)` (commander). */
function isCommanderChain(receiver: TS.Expression): boolean {
  const ts = typescript();
  let e = skipWrappers(receiver);
  for (let i = 0; i < 20 && ts.isCallExpression(e); i++) {
    const callee = skipWrappers(e.expression);
    if (!ts.isPropertyAccessExpression(callee)) return false;
    if (/^(command|argument|arguments|option|requiredOption)$/.test(callee.name.text)) return true;
    e = skipWrappers(callee.expression);
  }
  return false;
}

/**
 * yauzl rejects absolute paths, backslashes and '..' segments in entry names while
 * `decodeStrings` is on (the default); with `decodeStrings: false` names are raw bytes.
 */
function yauzlValidatesNames(shared: Shared, from: TS.Node): boolean {
  const ts = typescript();
  for (let n: TS.Node | undefined = from.parent; n; n = n.parent) {
    if (!ts.isCallExpression(n)) continue;
    const q = shared.bindings.resolveModule(n.expression);
    if (!q || !YAUZL_OPENERS.has(q)) continue;
    for (const arg of n.arguments) {
      const a = skipWrappers(arg);
      if (!ts.isObjectLiteralExpression(a)) continue;
      for (const p of a.properties) {
        if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'decodeStrings') return p.initializer.kind !== ts.SyntaxKind.FalseKeyword;
      }
    }
    return true;
  }
  return false;
}

