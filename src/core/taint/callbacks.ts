// Callbacks whose parameters a framework fills with outside data: route handlers (Express, Koa,
// hapi), GraphQL resolvers, socket events, Electron IPC, preload APIs and deep-link handlers,
// queue processors and consumers, archive `entry` events, CLI actions.
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import { propertyNameText, propertyOf } from '../ast/constants';
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
/** Methods that register an event listener. */
export const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);
/**
 * Events a socket emits about its own life rather than with a client's payload (socket.io, ws,
 * net). Any other event name on a server-side socket is a message the client chose to send.
 */
const SOCKET_LIFECYCLE_EVENTS = new Set([
  'disconnect', 'disconnecting', 'error', 'close', 'connect', 'connect_error', 'end', 'drain', 'timeout', 'ready', 'lookup',
  'open', 'ping', 'pong', 'upgrade', 'unexpected-response', 'finish', 'pause', 'resume', 'newListener', 'removeListener',
]);
/** Procedure builders of tRPC whose resolver gets the client's `input`. */
const PROCEDURE_METHODS = new Set(['query', 'mutation', 'subscription']);
/** Chat-bot frameworks: every handler registered on the bot gets what a chat member sent. */
const CHAT_MODULES = /^(telegraf|grammy|@slack\.bolt|node-telegram-bot-api|discord\.js)(\.|$)/;
const CHAT_HANDLERS = new Set(['command', 'hears', 'on', 'action', 'message', 'event', 'shortcut', 'view', 'onText', 'start', 'help', 'use', 'inlineQuery']);
/**
 * GitHub webhook events (Probot `app.on('pull_request.opened', ...)`, @octokit/webhooks
 * `webhooks.on('issue_comment', ...)`): their payloads carry what any user typed.
 */
const GITHUB_EVENTS = new Set([
  'pull_request', 'pull_request_review', 'pull_request_review_comment', 'pull_request_review_thread', 'issues', 'issue_comment',
  'push', 'create', 'delete', 'release', 'workflow_run', 'workflow_job', 'workflow_dispatch', 'check_run', 'check_suite',
  'discussion', 'discussion_comment', 'commit_comment', 'repository_dispatch', 'fork', 'label', 'milestone', 'deployment',
  'deployment_status', 'status', 'merge_group', 'gollum',
]);
/** Registrations whose handler gets a GitHub event: Probot's `app.on`, Octokit's `on`/`onAny`. */
const WEBHOOK_METHODS = new Set(['on', 'onAny', 'receive']);

/** The event name, or names (`app.on(['issues.opened', 'issues.edited'], ...)`), a registration is for. */
function eventNames(shared: Shared, arg: TS.Expression | undefined): unknown {
  if (!arg) return undefined;
  const ts = typescript();
  const e = skipWrappers(arg);
  return ts.isArrayLiteralExpression(e) ? e.elements.map((el) => shared.constants.value(el)) : shared.constants.value(e);
}

function isGitHubEvent(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0 && value.every(isGitHubEvent);
  if (typeof value !== 'string') return false;
  const dot = value.indexOf('.');
  return GITHUB_EVENTS.has(dot < 0 ? value : value.slice(0, dot));
}

/** GraphQL root types: every field resolver under them receives the client's arguments. */
const GRAPHQL_ROOTS = new Set(['Query', 'Mutation', 'Subscription']);

function paramSource(param: TS.ParameterDeclaration, shared: Shared, what: string, kinds = ALL_KINDS, extra: { archive?: boolean } = {}): Taint {
  const ts = typescript();
  const name = ts.isIdentifier(param.name) ? ` '${param.name.text}'` : '';
  return sourceTaint(param.name.getStart(shared.sf), param.name.end, `${what}${name}`, kinds, extra);
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
  if (qualified && /^electron\.ipcRenderer\.(on|once|addListener)$/.test(qualified) && argIndex >= 1) {
    // Preload scripts: messages the main process forwards (often from the network) to the page.
    return (i, p) => (i >= 1 ? paramSource(p, shared, 'IPC message') : undefined);
  }
  if (qualified && /(^|\.)https\.onCall$|^firebase-functions\..*onCall$/.test(qualified)) {
    // Firebase callable functions: v1 (data, context), v2 (request) with request.data.
    return (i, p) => (i !== 0 ? undefined : (p.parent as TS.SignatureDeclaration).parameters.length >= 2 ? paramSource(p, shared, 'callable data') : markerOnly('rpc'));
  }
  if (qualified && /(^|\.)Meteor\.publish$/.test(qualified) && argIndex === 1) return (_i, p) => paramSource(p, shared, 'Meteor subscription argument');
  if (qualified && /^electron\.app\.(on|once)$/.test(qualified) && typeof firstArg === 'string' && ELECTRON_APP_EVENTS.has(firstArg)) {
    return (i, p) => (i >= 1 ? paramSource(p, shared, `'${firstArg}' event argument`) : undefined);
  }
  // Google Cloud Functions CloudEvents: cloudEvent.data (a Storage object's name, a Pub/Sub message).
  if (qualified && /(^|\.)cloudEvent$/.test(qualified) && argIndex === 1) return (i) => (i === 0 ? markerOnly('queue-job') : undefined);
  if (!method) return undefined;
  // VS Code webviews: messages posted by the page, which shows web content.
  if (method === 'onDidReceiveMessage' && argIndex === 0) return (i, p) => (i === 0 ? paramSource(p, shared, 'webview message') : undefined);
  if (WEBHOOK_METHODS.has(method) && ((method === 'onAny' && argIndex === 0) || (argIndex === 1 && isGitHubEvent(eventNames(shared, args[0]))))) {
    return (i) => (i === 0 ? markerOnly('webhook') : undefined);
  }
  const receiver = skipWrappers((callee as TS.PropertyAccessExpression).expression);
  const receiverName = ts.isIdentifier(receiver) ? receiver.text : undefined;
  if (ROUTE_METHODS.has(method) && argIndex >= 1 && args[0] && isRoutePath(args[0])) return (i) => (i === 0 ? markerOnly('request') : undefined);
  if (method === 'use' && argIndex === 0) return (i) => (i === 0 ? markerOnly('request') : undefined);
  if (method === 'process' && receiverName && /^(bull|bee-queue)$/.test(shared.instanceOf(receiverName) ?? '')) {
    return (i) => (i === 0 ? markerOnly('queue-job') : undefined);
  }
  // tRPC: t.procedure.input(schema).query(({ input }) => ...).
  if (PROCEDURE_METHODS.has(method) && argIndex === 0 && isProcedureChain(receiver)) return (i) => (i === 0 ? markerOnly('rpc') : undefined);
  const chat = receiverName ? shared.instanceOf(receiverName) : undefined;
  if (chat && CHAT_MODULES.test(chat) && CHAT_HANDLERS.has(method)) return (_i, p) => paramSource(p, shared, 'chat message');
  if (LISTENER_METHODS.has(method)) {
    // socket.io / ws / net servers hand each client's socket to 'connection' listeners.
    if (firstArg === 'connection') return (i) => (i === 0 ? markerOnly('socket') : undefined);
    // Chat bots (discord.js and others): what any member of the channel typed.
    if (firstArg === 'messageCreate' || firstArg === 'interactionCreate') return (i, p) => (i === 0 ? paramSource(p, shared, 'chat message') : undefined);
    if (firstArg === 'entry') {
      const kinds = yauzlValidatesNames(shared, call) ? COMMAND : ALL_KINDS;
      return (i, p) => (i === 0 ? paramSource(p, shared, 'Archive entry', kinds, { archive: true }) : undefined);
    }
    if (firstArg === 'message' && !(receiverName && TRUSTED_MESSAGE_SOURCES.test(receiverName))) {
      return (_i, p) => paramSource(p, shared, 'message');
    }
    const instance = receiverName ? shared.instanceOf(receiverName) : undefined;
    if (instance === 'busboy' || instance === '@fastify/busboy') return busboyContext(shared, firstArg);
    return undefined;
  }
  if (method === 'consume' && argIndex >= 1) return (i, p) => (i === 0 ? paramSource(p, shared, 'queue message') : undefined);
  if (method === 'action' && isCommanderChain(receiver)) return (_i, p) => paramSource(p, shared, 'command-line argument');
  return undefined;
}

/**
 * busboy's 'file' listener gets (field name, stream, info) — or (field, stream, filename, ...) in
 * busboy 0.x — and 'field' gets (name, value). busboy strips folders from file names unless
 * `preservePath` is set, so a file name is then unsafe only for commands.
 */
function busboyContext(shared: Shared, event: unknown): ParamTaint | undefined {
  if (event === 'field') return (i, p) => (i <= 1 ? paramSource(p, shared, 'form field') : undefined);
  if (event !== 'file') return undefined;
  const ts = typescript();
  return (i, p) => {
    if (i === 1) return undefined;
    if (i === 2 && !ts.isIdentifier(p.name)) return markerOnly('multipart');
    if (i === 2 && /^info$/i.test(p.name.getText(shared.sf))) return markerOnly('multipart');
    const kinds = i === 2 && !shared.options.preservePath ? COMMAND : ALL_KINDS;
    return paramSource(p, shared, i === 2 ? 'upload file name' : 'form field', kinds);
  };
}

/**
 * Listeners on a client's socket (a value with the 'socket' marker): every parameter of a
 * non-lifecycle event is the client's payload (the ack callback included, harmlessly). On a
 * request, 'data' chunks are the body.
 */
export function listenerContext(shared: Shared, call: TS.CallExpression, receiver: 'socket' | 'request'): ParamTaint | undefined {
  const event = call.arguments[0] ? shared.constants.value(call.arguments[0]) : undefined;
  if (receiver === 'request') return event === 'data' ? (i, p) => (i === 0 ? paramSource(p, shared, 'request body chunk') : undefined) : undefined;
  if (typeof event === 'string' && SOCKET_LIFECYCLE_EVENTS.has(event)) return undefined;
  const what = typeof event === 'string' ? `'${event}' event payload` : 'socket event payload';
  return (_i, p) => paramSource(p, shared, what);
}

/** Functions given as properties of an object: multer storage callbacks, queue consumers, resolvers, preload APIs, hapi routes. */
export function propertyCallbackContext(shared: Shared, property: string, owner: TS.ObjectLiteralExpression): ParamTaint | 'multer' | undefined {
  const ts = typescript();
  if (isGraphQLResolver(owner)) return (i, p) => (i === 1 ? paramSource(p, shared, 'GraphQL argument') : undefined);
  if (isMeteorMethod(shared, owner)) return (_i, p) => paramSource(p, shared, 'Meteor method argument');
  if (isExposedToRenderer(shared, owner)) return (_i, p) => paramSource(p, shared, 'renderer argument');
  if (property === 'handler' && isRouteConfig(owner)) return (i) => (i === 0 ? markerOnly('request') : undefined);
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

/** Name of the variable or property an object literal is the value of. */
function holderName(o: TS.ObjectLiteralExpression): string | undefined {
  const ts = typescript();
  const parent = o.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyAssignment(parent)) return propertyNameText(parent.name);
  return undefined;
}

/** `{ Query: {...}, Mutation: {...} }`, or an object named `resolvers` / `userResolvers`. */
function isResolverMap(o: TS.ObjectLiteralExpression): boolean {
  const ts = typescript();
  for (const p of o.properties) {
    const name = (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) ? propertyNameText(p.name) : undefined;
    if (name && GRAPHQL_ROOTS.has(name)) return true;
  }
  const name = holderName(o);
  return !!name && /resolvers?$/i.test(name);
}

/**
 * A field resolver `(parent, args, context, info)`: a function in the object of one type of a
 * resolver map (`Query.user`, `User.posts`), or `subscribe`/`resolve` of a subscription field.
 */
function isGraphQLResolver(owner: TS.ObjectLiteralExpression): boolean {
  const ts = typescript();
  const typeName = holderName(owner);
  if (typeName && GRAPHQL_ROOTS.has(typeName)) return true;
  const map = owner.parent && ts.isPropertyAssignment(owner.parent) ? owner.parent.parent : undefined;
  if (!map || !ts.isObjectLiteralExpression(map)) return false;
  return isResolverMap(map) || holderName(map) === 'Subscription';
}

/**
 * Electron preload: functions of the object given to `contextBridge.exposeInMainWorld` run with
 * Node access on arguments that the page (a renderer showing remote content) chooses.
 */
function isExposedToRenderer(shared: Shared, owner: TS.ObjectLiteralExpression): boolean {
  const ts = typescript();
  let o: TS.Node = owner;
  for (let level = 0; level < 4; level++) {
    const parent = o.parent;
    if (!parent) return false;
    if (ts.isCallExpression(parent)) return parent.arguments[1] === o && isExposeCall(shared, parent);
    if (ts.isVariableDeclaration(parent)) return ts.isIdentifier(parent.name) && shared.exposedApis.has(parent.name.text);
    if (!ts.isPropertyAssignment(parent) || !ts.isObjectLiteralExpression(parent.parent)) return false;
    o = parent.parent;
  }
  return false;
}

export function isExposeCall(shared: Shared, call: TS.CallExpression): boolean {
  const q = shared.bindings.resolveModule(call.expression);
  return q === 'electron.contextBridge.exposeInMainWorld' || q === 'electron.contextBridge.exposeInIsolatedWorld';
}

/** `Meteor.methods({ name(arg) { ... } })`: methods clients call with arguments of their choosing. */
function isMeteorMethod(shared: Shared, owner: TS.ObjectLiteralExpression): boolean {
  const call = owner.parent;
  if (!call || !typescript().isCallExpression(call) || call.arguments[0] !== owner) return false;
  return /(^|\.)Meteor\.methods$/.test(shared.resolveModule(call.expression) ?? '');
}

/** `t.procedure.input(schema)`, `publicProcedure.use(auth).input(schema)`: a tRPC procedure builder. */
function isProcedureChain(receiver: TS.Expression): boolean {
  const ts = typescript();
  let e = skipWrappers(receiver);
  for (let i = 0; i < 20; i++) {
    if (ts.isCallExpression(e)) {
      const callee = skipWrappers(e.expression);
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'input') return true;
      e = ts.isPropertyAccessExpression(callee) ? skipWrappers(callee.expression) : callee;
    } else if (ts.isPropertyAccessExpression(e)) {
      if (/[pP]rocedure$/.test(e.name.text)) return true;
      e = skipWrappers(e.expression);
    } else return ts.isIdentifier(e) && /[pP]rocedure$/.test(e.text);
  }
  return false;
}

/** The schema given to `.input(schema)` in a tRPC procedure chain. */
export function procedureInput(receiver: TS.Expression): TS.Expression | undefined {
  const ts = typescript();
  let e = skipWrappers(receiver);
  for (let i = 0; i < 20 && ts.isCallExpression(e); i++) {
    const callee = skipWrappers(e.expression);
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    if (callee.name.text === 'input') return e.arguments[0];
    e = skipWrappers(callee.expression);
  }
  return undefined;
}

/** hapi's `server.route({ method, path, handler })` (handler also under `options`/`config`). */
function isRouteConfig(owner: TS.ObjectLiteralExpression): boolean {
  const ts = typescript();
  const has = (o: TS.ObjectLiteralExpression, name: string) => propertyOf(o, name) !== undefined;
  if (has(owner, 'method') || has(owner, 'path')) return true;
  const outer = ts.isPropertyAssignment(owner.parent) ? owner.parent.parent : undefined;
  return !!outer && ts.isObjectLiteralExpression(outer) && (has(outer, 'method') || has(outer, 'path'));
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

