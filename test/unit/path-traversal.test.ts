import { describe } from 'node:test';
import { table } from './taint-support';

describe('path-traversal: sources and sinks', () => {
  table('path-traversal', [
    {
      name: 'Express query into fs.readFile (callback, sync and promises APIs)',
      code: `import fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
const ROOT = '/srv/data';
app.get('/a', (req, res) => {
  fs.readFile(path.join(ROOT, req.query.name), (err, buf) => res.send(buf)); // <-
  res.send(fs.readFileSync(ROOT + '/' + req.query.other)); // <-
});
app.get('/b', async (req, res) => {
  res.send(await readFile(\`\${ROOT}/\${req.params.id}.json\`)); // <-
});
`,
    },
    {
      name: 'body, headers, cookies and req.get()',
      code: `const fsp = require('fs/promises');
router.post('/w', async (req, res) => {
  const { target, data } = req.body;
  await fsp.writeFile('/tmp/' + target, data); // <-
  await fsp.unlink(req.headers['x-file']); // <-
  await fsp.rm(req.cookies.dir, { recursive: true }); // <-
  await fsp.readdir(req.get('x-folder')); // <-
});
`,
    },
    {
      name: 'fs-extra, streams, rename/copy with either path tainted',
      code: `const fse = require('fs-extra');
const fs = require('fs');
function handler(req, res) {
  fse.outputFile(req.body.path, 'x'); // <-
  fs.createReadStream(req.query.f).pipe(res); // <-
  fs.renameSync('/tmp/upload', req.body.dest); // <-
  fse.copy(req.body.from, '/srv/backup'); // <-
}
`,
    },
    {
      name: 'Koa ctx.params, ctx.query, ctx.request.body, ctx.cookies.get()',
      code: `import { readFile, writeFile } from 'fs/promises';
import path from 'path';
router.get('/k/:f', async (ctx) => {
  ctx.body = await readFile(path.join('/media', ctx.params.f)); // <-
  ctx.body = await readFile(\`/media/\${ctx.query.v}.vtt\`); // <-
  await writeFile(path.join('/drafts', ctx.request.body.name), 'x'); // <-
  ctx.body = await readFile(path.join('/drafts', ctx.cookies.get('draft'))); // <-
});
`,
    },
    {
      name: 'Fastify request.params / request.query with typed request',
      code: `import { promises as fs } from 'node:fs';
import path from 'node:path';
app.get('/x/:file', async (request: FastifyRequest<{ Params: { file: string } }>, reply) => {
  const { file } = request.params;
  return fs.readFile(path.join('/srv', file)); // <-
});
app.get('/q', async (r: FastifyRequest) => fs.readdir(path.join('/srv', (r.query as any).dir))); // <-
`,
    },
    {
      name: 'Lambda event fields',
      code: `import { readFileSync } from 'fs';
export const handler = async (event: APIGatewayProxyEvent) => {
  const name = event.queryStringParameters?.name ?? 'x';
  const a = readFileSync(\`/opt/t/\${name}.hbs\`); // <-
  const b = readFileSync('/tmp/' + event.pathParameters!.id); // <-
  const body = JSON.parse(event.body ?? '{}');
  return readFileSync('/tmp/' + body.file); // <-
};
`,
    },
    {
      name: 'Next.js pages API and App Router (nextUrl.searchParams, params, request.json())',
      code: `import fs from 'fs';
import path from 'path';
export default function handler(req: NextApiRequest, res: NextApiResponse) {
  res.send(fs.readFileSync(path.join('/data', String(req.query.file)))); // <-
}
export async function GET(request: NextRequest, { params }: { params: { slug: string } }) {
  fs.readFileSync(path.join('/docs', request.nextUrl.searchParams.get('v') ?? '')); // <-
  return fs.readFileSync(path.join('/docs', params.slug)); // <-
}
export async function POST(request: Request) {
  const { name } = await request.json();
  return fs.promises.readFile(path.join('/snippets', name)); // <-
}
`,
    },
    {
      name: 'node:http server with URL searchParams',
      code: `import http from 'http';
import fs from 'fs';
http.createServer((req, res) => {
  const url = new URL(req.url!, 'http://localhost');
  fs.createReadStream('/site/' + url.searchParams.get('file')).pipe(res); // <-
  fs.readFile(decodeURIComponent(url.pathname), () => {}); // <-
});
`,
    },
    {
      name: 'NestJS decorated parameters, also through a service method',
      code: `import { readFile } from 'fs/promises';
import { join } from 'path';
@Injectable()
export class FilesService {
  read(name: string) {
    return readFile(join('/files', name)); // <-
  }
  list() {
    return readFile(join('/files', 'index.json'));
  }
}
@Controller('files')
export class FilesController {
  constructor(private readonly files: FilesService) {}
  @Get(':name')
  get(@Param('name') name: string) {
    return this.files.read(name);
  }
  @Get('q')
  query(@Query('p') p: string, @Res() res: Response) {
    res.sendFile(join('/files', p)); // <-
  }
}
`,
    },
    {
      name: 'Electron IPC arguments',
      code: `import { ipcMain } from 'electron';
import fs from 'fs';
ipcMain.handle('read', async (_event, file: string) => fs.promises.readFile(file, 'utf8')); // <-
ipcMain.on('save', (event, name, data) => {
  fs.writeFileSync(name, data); // <-
});
`,
    },
    {
      name: 'CLI argv, yargs-like parsers and util.parseArgs',
      code: `import fs from 'fs';
import { parseArgs } from 'node:util';
const [, , input] = process.argv;
fs.readFileSync(input); // <-
const { values } = parseArgs({ args: process.argv.slice(2), options: { out: { type: 'string' } } });
fs.writeFileSync(values.out!, 'report'); // <-
`,
    },
    {
      name: 'queue payloads: BullMQ job.data, SQS messages, kafka eachMessage',
      code: `import { Worker } from 'bullmq';
import { SQSClient, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import fs from 'fs';
new Worker('exports', async (job) => {
  fs.writeFileSync('/exports/' + job.data.name, 'x'); // <-
  fs.mkdirSync('/exports/' + job.id);
});
async function poll(sqs: SQSClient) {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: 'q' }));
  for (const m of Messages) fs.writeFileSync('/in/' + JSON.parse(m.Body!).file, 'x'); // <-
}
consumer.run({
  eachMessage: async ({ message }) => {
    fs.unlinkSync('/cache/' + message.key!.toString()); // <-
  },
});
`,
    },
    {
      name: 'res.sendFile / res.download without root, express.static and koa-send roots',
      code: `import express from 'express';
import send from 'koa-send';
import path from 'path';
const app = express();
app.get('/f/:n', (req, res) => res.sendFile(path.join(__dirname, 'files', req.params.n))); // <-
app.get('/d', (req, res) => res.download(\`/exports/\${req.query.f}\`)); // <-
app.use('/c/:c', (req, res, next) => express.static(path.join(__dirname, req.params.c))(req, res, next)); // <-
router.get('/s', async (ctx) => send(ctx, ctx.query.file)); // <-
`,
    },
    {
      name: 'archiver reads tainted paths from disk',
      code: `const archiver = require('archiver');
app.get('/zip', (req, res) => {
  const zip = archiver('zip');
  for (const f of String(req.query.files).split(',')) zip.file('/srv/' + f, { name: f }); // <-
});
`,
    },
    {
      name: 'multer diskStorage filename with preservePath, reported on the filename property',
      code: `const multer = require('multer');
const upload = multer({
  preservePath: true,
  storage: multer.diskStorage({
    destination: '/uploads',
    filename: (req, file, cb) => cb(null, file.originalname), // <-
  }),
});
`,
    },
  ]);
});

describe('path-traversal: propagation', () => {
  table('path-traversal', [
    {
      name: 'assignments, destructuring, template literals, concatenation, path.join/resolve/normalize',
      code: `const fs = require('fs');
const path = require('path');
app.post('/p', (req, res) => {
  const { dir, file: name = 'index' } = req.body;
  let target = dir;
  target = path.normalize(path.resolve('/srv', target, \`\${name}.txt\`));
  fs.readFileSync(target); // <-
  const again = '/srv/' + String(name).trim().toLowerCase();
  fs.readFileSync(again); // <-
  const parts = [dir, 'x'].join('/');
  fs.readFileSync(parts); // <-
});
`,
    },
    {
      name: 'a same-file helper is reported at the sink inside it',
      code: `const fs = require('fs');
const path = require('path');
function load(file) {
  return fs.readFileSync(file, 'utf8'); // <-
}
function docPath(...parts) {
  return path.join('/docs', ...parts);
}
app.get('/a', (req, res) => res.send(load(docPath(req.query.page))));
app.get('/b', (req, res) => res.send(load(docPath('index.md'))));
`,
    },
    {
      name: 'helper chains and helpers passed as route handlers',
      code: `const fs = require('fs');
function remove(p) {
  fs.unlinkSync(p); // <-
}
function removeAll(list) {
  for (const p of list) remove('/tmp/' + p);
}
function onDelete(request, reply) {
  removeAll(request.body.files);
}
fastify.delete('/files', onDelete);
`,
    },
    {
      name: 'callbacks see the variables around them',
      code: `const fs = require('fs');
app.get('/s', (req, res) => {
  const file = '/site/' + req.query.f;
  fs.stat(file, (err, st) => { // <-
    if (err) return res.end();
    fs.createReadStream(file).pipe(res); // <-
  });
  [req.query.a, req.query.b].forEach((x) => fs.unlinkSync(x)); // <-
});
`,
    },
    {
      name: 'object fields keep their own taint',
      code: `const fs = require('fs');
app.post('/o', (req, res) => {
  const job = { name: req.body.name, dir: '/srv/jobs' };
  fs.mkdirSync(job.dir);
  fs.writeFileSync(job.dir + '/' + job.name, 'x'); // <-
});
`,
    },
  ]);
});

describe('path-traversal: sanitizers and safe code', () => {
  table('path-traversal', [
    {
      name: 'path.basename, parseInt/Number, allow-list lookups',
      code: `const fs = require('fs');
const path = require('path');
const FILES = new Map([['a', 'a.pdf']]);
const FORMATS = { csv: 'x.csv' };
const ALLOWED = ['a.txt', 'b.txt'];
app.get('/s', (req, res) => {
  fs.readFileSync(path.join('/srv', path.basename(req.query.f)));
  fs.readFileSync(\`/srv/\${parseInt(req.query.id, 10)}.json\`);
  fs.readFileSync(\`/srv/\${Number(req.query.n)}.json\`);
  fs.readFileSync('/srv/' + FILES.get(req.query.k));
  fs.readFileSync('/srv/' + FORMATS[req.query.fmt]);
  if (ALLOWED.includes(req.query.a)) fs.readFileSync('/srv/' + req.query.a);
  const name = req.query.b;
  if (!new Set(ALLOWED).has(name)) return res.status(400).end();
  fs.readFileSync('/srv/' + name);
});
`,
    },
    {
      name: 'resolve + startsWith(root) containment, guard-then-return and helper forms',
      code: `const fs = require('fs');
const path = require('path');
const ROOT = path.resolve('/srv/files');
function inside(base, candidate) {
  const full = path.resolve(base, candidate);
  return full.startsWith(base + path.sep) ? full : null;
}
app.get('/a', (req, res) => {
  const target = path.resolve(ROOT, req.query.f);
  if (!target.startsWith(ROOT + path.sep)) return res.status(400).end();
  fs.readFileSync(target);
});
app.get('/b', (req, res) => {
  const t = inside(ROOT, req.query.f);
  if (!t) throw new Error('bad');
  fs.readFileSync(t);
});
app.get('/c', (req, res) => {
  const t = path.join(ROOT, req.query.f);
  const rel = path.relative(ROOT, t);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return res.status(400).end();
  fs.unlinkSync(t);
});
`,
    },
    {
      name: 'strict anchored regex tests guarding the use',
      code: `const fs = require('fs');
app.get('/r/:id', (req, res) => {
  if (!/^[a-z0-9-]{1,40}$/.test(req.params.id)) return res.status(400).end();
  fs.readFileSync('/srv/' + req.params.id);
  const h = req.query.h;
  if (/^[a-f0-9]{64}$/.test(h)) fs.readFileSync('/thumbs/' + h);
});
`,
    },
    {
      name: 'not sanitizers: normalize alone, encodeURIComponent, one replace of ../, unanchored or multiline regexes, startsWith on a raw string',
      code: `const fs = require('fs');
const path = require('path');
app.get('/u', (req, res) => {
  fs.readFileSync(path.normalize('/srv/' + req.query.a)); // <-
  fs.readFileSync('/srv/' + encodeURIComponent(req.query.b)); // <-
  fs.readFileSync('/srv/' + req.query.c.replace('../', '')); // <-
  if (/[a-z]+/.test(req.query.d)) fs.readFileSync('/srv/' + req.query.d); // <-
  if (/^[a-z]+$/m.test(req.query.e)) fs.readFileSync('/srv/' + req.query.e); // <-
  if (req.query.f.startsWith('/srv/')) fs.readFileSync(req.query.f); // <-
  if (/^[\\w./-]+$/.test(req.query.g)) fs.readFileSync('/srv/' + req.query.g); // <-
});
`,
    },
    {
      name: 'trusted values: constants, __dirname joins, env vars, repository files',
      code: `const fs = require('fs');
const path = require('path');
const DIR = process.env.DATA_DIR || '/srv';
const cfg = JSON.parse(fs.readFileSync(path.join(__dirname, 'config.json'), 'utf8'));
fs.readFileSync(path.join(DIR, cfg.file));
app.get('/', (req, res) => {
  res.sendFile(path.join(__dirname, 'public', 'index.html'));
  fs.readFileSync(path.join(process.cwd(), 'CHANGELOG.md'));
});
app.use(express.static(path.join(__dirname, 'public')));
`,
    },
    {
      name: 'sendFile/download with a root option and koa-send with root refuse ..',
      code: `const send = require('koa-send');
const opts = { root: '/srv/public' };
app.get('/a/:n', (req, res) => res.sendFile(req.params.n, { root: '/srv/public' }));
app.get('/b/:n', (req, res) => res.download(req.params.n, req.params.n, { root: '/srv/exports' }));
app.get('/c/:n', (req, res) => res.sendFile(req.params.n, opts));
router.get('/d', async (ctx) => send(ctx, ctx.path, { root: '/srv/public' }));
`,
    },
    {
      name: 'multer without preservePath strips directories; generated names; stored paths',
      code: `const multer = require('multer');
const fs = require('fs');
const crypto = require('crypto');
const path = require('path');
const a = multer({ storage: multer.diskStorage({ filename: (req, file, cb) => cb(null, file.originalname) }) });
const b = multer({ storage: multer.diskStorage({ filename: (req, file, cb) => cb(null, crypto.randomUUID() + path.extname(file.originalname)) }) });
app.post('/u', a.single('f'), (req, res) => {
  fs.readFileSync(req.file.path);
  fs.unlinkSync(req.file.path);
});
`,
    },
    {
      name: 'exported library functions taking a path are not flagged',
      code: `import fs from 'fs';
export function readConfig(file: string) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}
export const writeReport = (out: string, data: string) => fs.writeFileSync(out, data);
`,
    },
    {
      name: 'database rows, sessions and server-side ids are not request input',
      code: `const fs = require('fs');
app.get('/s', async (req, res) => {
  const session = await getSession(req);
  const row = await db.query('select file from t where id = $1', [req.query.id]);
  fs.readFileSync('/srv/' + session.user.id);
  fs.readFileSync('/srv/' + row.file);
  fs.readFileSync('/srv/' + req.user.id);
});
`,
    },
  ]);
});

describe('zip-slip', () => {
  table('path-traversal', [
    {
      name: 'adm-zip entries joined and written',
      code: `const AdmZip = require('adm-zip');
const fs = require('fs');
const path = require('path');
function extract(buf, dest) {
  for (const entry of new AdmZip(buf).getEntries()) {
    const out = path.join(dest, entry.entryName);
    fs.mkdirSync(path.dirname(out), { recursive: true }); // <- zip-slip
    fs.writeFileSync(out, entry.getData()); // <- zip-slip
  }
}
`,
    },
    {
      name: 'yauzl: names validated while decodeStrings is on, raw with decodeStrings: false',
      code: `const yauzl = require('yauzl');
const fs = require('fs');
const path = require('path');
yauzl.open('a.zip', { lazyEntries: true }, (err, zip) => {
  zip.on('entry', (entry) => {
    zip.openReadStream(entry, (e, s) => s.pipe(fs.createWriteStream(path.join('/out', entry.fileName))));
  });
});
yauzl.open('b.zip', { decodeStrings: false }, (err, zip) => {
  zip.on('entry', (entry) => {
    const name = entry.fileName.toString('utf8');
    zip.openReadStream(entry, (e, s) => s.pipe(fs.createWriteStream('/out/' + name))); // <- zip-slip
  });
});
`,
    },
    {
      name: 'unzipper and tar-stream entries; a containment check makes them safe',
      code: `const unzipper = require('unzipper');
const tar = require('tar-stream');
const fs = require('fs');
const path = require('path');
async function a(file, dest) {
  const dir = await unzipper.Open.file(file);
  for (const f of dir.files) fs.writeFileSync(path.join(dest, f.path), 'x'); // <- zip-slip
  for (const f of dir.files) {
    const target = path.resolve(dest, f.path);
    if (!target.startsWith(dest + path.sep)) continue;
    fs.writeFileSync(target, 'x');
  }
}
const extract = tar.extract();
extract.on('entry', (header, stream, next) => {
  stream.pipe(fs.createWriteStream(path.join('/out', header.name))); // <- zip-slip
});
`,
    },
  ]);
});

describe('path-traversal: more frameworks and idioms', () => {
  table('path-traversal', [
    {
      name: 'hapi payload, express-fileupload mv, formidable names, shelljs file commands, yargs.argv',
      code: `const fs = require('fs');
const path = require('path');
const shell = require('shelljs');
const argv = require('yargs').argv;
server.route({ method: 'POST', path: '/x', handler: (request, h) => fs.writeFileSync('/data/' + request.payload.name, 'x') }); // <-
app.post('/up', (req, res) => {
  const f = req.files.doc;
  f.mv(path.join('/uploads', req.body.folder, 'doc.pdf')); // <-
  f.mv(path.join('/uploads', f.name));
  shell.rm('-rf', '/tmp/' + req.query.dir); // <-
});
router.post('/k', async (ctx) => {
  const file = ctx.request.files.upload;
  fs.renameSync(file.filepath, '/srv/' + file.newFilename);
});
fs.readFileSync(argv.config); // <-
`,
    },
    {
      name: 'containment idioms: indexOf(root) === 0, is-path-inside, normalize + strip leading ../',
      code: `const fs = require('fs');
const path = require('path');
const isPathInside = require('is-path-inside');
const ROOT = '/srv/files';
app.get('/a', (req, res) => {
  const p = path.join(ROOT, req.query.a);
  if (p.indexOf(ROOT) !== 0) return res.status(403).end();
  fs.readFileSync(p);
});
app.get('/b', (req, res) => {
  const p = path.resolve(ROOT, req.query.b);
  if (!isPathInside(p, ROOT)) return res.status(403).end();
  fs.readFileSync(p);
});
app.get('/c', (req, res) => {
  const safe = path.normalize(req.query.c).replace(/^(\\.\\.(\\/|\\\\|$))+/, '');
  fs.readFileSync(path.join(ROOT, safe));
  const p = path.join(ROOT, req.query.d);
  if (p.indexOf(ROOT) === -1) return res.status(403).end();
  fs.readFileSync(p); // <-
});
`,
    },
  ]);
});

describe('path-traversal: helpers from other files', () => {
  table('path-traversal', [
    {
      name: 'safeJoin / resolveInside / sanitizePath imported from the project clean paths',
      code: `import fsp from 'fs/promises';
import { safeJoinRoot, resolveInside } from '../paths';
import { sanitizePath, toApiPath } from './util';
app.get('/a', async (req, res) => {
  await fsp.stat(safeJoinRoot(String(req.query.path)));
  await fsp.stat(resolveInside('/srv', req.query.p));
  await fsp.stat(sanitizePath(req.query.s));
  await fsp.stat(toApiPath(req.query.t)); // <-
});
`,
    },
  ]);
});
