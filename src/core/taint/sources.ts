// Where untrusted input enters: fields of request-like objects (Express/Fastify/Next/Hono `req`,
// Koa `ctx`, hapi `request`, Lambda `event`, queue jobs, uploads, socket handshakes),
// `process.argv`, and parameters that a framework fills from the outside (decorated NestJS
// parameters, GraphQL arguments, socket events, IPC and deep-link handlers, queue processors,
// archive entries). Environment variables and repository files are trusted.
import { ALL_KINDS, COMMAND, type KindMask, type Marker, type Taint } from './types';
import { CLEAN, clip, markerOnly } from './taint-value';

export interface SourceOptions {
  /** busboy/multer keep directories in upload names only with `preservePath: true`. */
  preservePath: boolean;
}

export function sourceTaint(start: number, end: number, label: string, kinds: KindMask = ALL_KINDS, extra: { archive?: boolean; library?: boolean } = {}): Taint {
  return { flows: [{ origin: { type: 'source', start, end, label: clip(label), ...extra }, kinds, steps: [] }] };
}

// Express/Fastify/Next (req), Koa (ctx, ctx.request), node:http (req.url, req.headers).
const REQUEST_FIELDS = new Set([
  'query', 'params', 'body', 'headers', 'header', 'cookies', 'url', 'originalUrl', 'path', 'querystring', 'search',
  'href', 'host', 'hostname', 'nextUrl', 'fields', 'rawBody', 'rawHeaders', 'subdomains',
  // hapi
  'payload', 'state',
]);
const REQUEST_OBJECTS = new Set(['request', 'req', 'raw']);
const UPLOAD_FIELDS = new Set(['file', 'files']);
/** Methods of request objects that return client data (Express, Fetch API Request, Hono's c.req). */
const REQUEST_METHODS = new Set([
  'get', 'header', 'param', 'json', 'formData', 'text', 'arrayBuffer', 'blob', 'query', 'queries', 'parseBody', 'cookie',
  // AdonisJS
  'input', 'qs', 'all', 'only', 'except',
]);
/** Fields of an RPC call's options (tRPC `{ input, ctx }`, Firebase callable `request.data`) that the client sent. */
const RPC_FIELDS = new Set(['input', 'rawInput', 'data']);
/** Fields of a socket (socket.io, ws, net) that hold the client's connection request. */
const SOCKET_REQUEST_FIELDS = new Set(['handshake', 'request', 'upgradeReq']);
const MULTIPART_METHODS = new Set(['file', 'files', 'parts']);

const LAMBDA_FIELDS = new Set([
  'body', 'queryStringParameters', 'multiValueQueryStringParameters', 'pathParameters', 'headers', 'multiValueHeaders',
  'Records', 'rawPath', 'rawQueryString', 'cookies', 'detail', 'arguments',
]);

/** Client-chosen names of an uploaded file; everything else about multer's file is server-side. */
// multer, formidable (koa-body), express-fileupload
const UPLOAD_NAME_FIELDS = new Set(['originalname', 'originalFilename', 'name']);
const MULTIPART_NAME_FIELDS = new Set(['filename', 'originalname']);
const UPLOAD_DATA_FIELDS = new Set(['fieldname', 'mimetype', 'encoding', 'fields']);
const UPLOAD_SERVER_FIELDS = new Set(['path', 'destination', 'filename', 'filepath', 'newFilename', 'tempFilePath', 'size', 'buffer', 'stream', 'file', 'length', 'data', 'md5']);

/**
 * The value of `<object with marker>.<field>`: a source, a nested marker, or clean.
 * `label` is the source text to show ('req.query.file').
 */
export function markerField(marker: Marker, field: string, start: number, end: number, label: string, options: SourceOptions): Taint {
  switch (marker) {
    case 'request':
      if (REQUEST_FIELDS.has(field)) return sourceTaint(start, end, label);
      if (REQUEST_OBJECTS.has(field)) return markerOnly('request');
      if (UPLOAD_FIELDS.has(field)) return markerOnly('upload');
      return CLEAN;
    case 'lambda-event':
      return LAMBDA_FIELDS.has(field) ? sourceTaint(start, end, label) : CLEAN;
    case 'queue-job':
      return field === 'data' ? sourceTaint(start, end, label) : CLEAN;
    case 'webhook':
      // Probot's context.payload, @octokit/webhooks' event.payload: branch names, titles, comments.
      return field === 'payload' ? sourceTaint(start, end, label) : CLEAN;
    case 'socket':
      // socket.data and socket.id are set by the server (auth middleware); the handshake is the client's.
      return SOCKET_REQUEST_FIELDS.has(field) ? markerOnly('request') : CLEAN;
    case 'rpc':
      return RPC_FIELDS.has(field) ? sourceTaint(start, end, label) : field === 'rawRequest' ? markerOnly('request') : CLEAN;
    case 'upload':
    case 'multipart': {
      const names = marker === 'upload' ? UPLOAD_NAME_FIELDS : MULTIPART_NAME_FIELDS;
      if (names.has(field)) return sourceTaint(start, end, label, options.preservePath ? ALL_KINDS : COMMAND);
      if (UPLOAD_DATA_FIELDS.has(field)) return sourceTaint(start, end, label);
      if (UPLOAD_SERVER_FIELDS.has(field)) return CLEAN;
      // req.files[0], req.files.avatar: still (a collection of) uploads.
      return markerOnly(marker);
    }
  }
}

/** The value of `<object with marker>.<method>(...)`, when it is client data. */
export function markerMethod(marker: Marker, method: string, start: number, end: number, label: string): Taint | undefined {
  if (marker !== 'request') return undefined;
  if (REQUEST_METHODS.has(method)) return sourceTaint(start, end, label);
  if (MULTIPART_METHODS.has(method)) return markerOnly('multipart');
  return undefined;
}

/** Markers implied by a parameter's name or declared type. */
export function markerForParameter(name: string | undefined, typeText: string | undefined): Marker | undefined {
  if (typeText) {
    if (/\b(APIGateway\w*Event\w*|SQSEvent|SNSEvent|S3Event|EventBridgeEvent|ALBEvent|LambdaFunctionURLEvent)\b/.test(typeText)) return 'lambda-event';
    if (/\b(Request|NextApiRequest|NextRequest|FastifyRequest|IncomingMessage|ParameterizedContext|RouterContext|Koa\.Context|HonoRequest)\b/.test(typeText)) return 'request';
    // socket.io's Socket, ws's WebSocket, net.Socket: every event they emit carries client data.
    if (/\b(Socket|WebSocket)\b/.test(typeText)) return 'socket';
    // BullMQ / Bull / Bee-Queue jobs: job.data is the enqueued payload.
    if (/\b(Job|BullJob)\b/.test(typeText)) return 'queue-job';
  }
  if (name === 'req' || name === 'request' || name === 'ctx') return 'request';
  if (name === 'event') return 'lambda-event';
  // Queue processors name their parameter `job` (BullMQ, Bull, Bee-Queue, Agenda's job.attrs aside).
  if (name === 'job') return 'queue-job';
  if (name === 'socket') return 'socket';
  return undefined;
}

/**
 * NestJS pipes that turn a parameter into a number, boolean, UUID or enum member before the
 * handler runs (`@Param('id', ParseIntPipe)`, `@Query('id', new ParseUUIDPipe())`).
 */
export const VALIDATING_PIPES = new Set(['ParseIntPipe', 'ParseFloatPipe', 'ParseBoolPipe', 'ParseUUIDPipe', 'ParseEnumPipe']);

/** NestJS parameter decorators that bind request data. */
export function markerOrTaintForDecorator(decorator: string): 'taint' | Marker | undefined {
  switch (decorator) {
    case 'Param':
    case 'Query':
    case 'Body':
    case 'Headers':
    case 'Cookies':
    case 'HostParam':
    case 'MessageBody':
    case 'Payload':
    // GraphQL arguments (NestJS @Args, TypeGraphQL @Arg / @Args)
    case 'Args':
    case 'Arg':
      return 'taint';
    case 'ConnectedSocket':
      return 'socket';
    case 'Req':
    case 'Request':
      return 'request';
    case 'UploadedFile':
    case 'UploadedFiles':
      return 'upload';
    default:
      return undefined;
  }
}

/** `x.<method>()` results that come straight from the command line (yargs/commander). */
export const ARGV_MODULES = new Set(['yargs', 'yargs.argv', 'minimist', 'meow', 'arg', 'mri', 'commander.program.opts', 'commander.program.args']);

