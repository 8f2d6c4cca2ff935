// Sources beyond Express: GraphQL resolvers, socket events, queue jobs, Electron preload APIs,
// hapi routes, NestJS decorators and pipes, fetch-style handlers (Workers, Hono).
import { describe } from 'node:test';
import { table } from './taint-support';

describe('path-traversal: GraphQL resolvers', () => {
  table('path-traversal', [
    {
      name: 'the args parameter of Query/Mutation field resolvers (methods and arrows)',
      code: `const fsp = require('fs/promises');
const path = require('path');
module.exports = {
  Query: {
    async page(_root, { slug }, context) {
      return fsp.readFile(path.join('/srv/pages', slug + '.md'), 'utf8'); // <-
    },
    count: async (_root, _args, context) => fsp.readdir(context.tenantDir),
  },
  Mutation: {
    removeDraft: async (_root, args) => {
      await fsp.unlink(path.join('/srv/drafts', args.id)); // <-
      return true;
    },
  },
};
`,
      file: 'resolvers.js',
    },
    {
      name: 'type resolvers of a map named resolvers, subscriptions, and uploads through args',
      code: `import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
export const resolvers = {
  Album: {
    cover: (album: { dir: string }, { size }: { size: string }) => readFile(path.join(album.dir, size)), // <-
  },
  Subscription: {
    tail: {
      subscribe: (_: unknown, { log }: { log: string }) => readFile('/var/log/' + log), // <-
    },
  },
  Mutation: {
    async upload(_: unknown, { file }: { file: Promise<{ filename: string; createReadStream(): NodeJS.ReadableStream }> }) {
      const { filename, createReadStream } = await file;
      createReadStream().pipe(createWriteStream(path.join('/srv/up', filename))); // <-
      return true;
    },
  },
};
`,
    },
    {
      name: 'an object that is not a resolver map gives its methods no untrusted arguments',
      code: `const fs = require('fs');
const handlers = {
  Reports: {
    load(_x, name) { return fs.readFileSync('/srv/reports/' + name); },
  },
};
module.exports = handlers;
`,
      file: 'handlers.js',
    },
    {
      name: 'NestJS / TypeGraphQL @Args and @Arg parameters',
      code: `import { readFile } from 'node:fs/promises';
@Resolver()
export class FilesResolver {
  @Query(() => String)
  file(@Args('name') name: string) {
    return readFile('/srv/files/' + name, 'utf8'); // <-
  }
  @Query(() => String)
  legacy(@Arg('name') name: string) {
    return readFile(\`/srv/legacy/\${name}\`, 'utf8'); // <-
  }
}
`,
    },
  ]);
});

describe('path-traversal: socket events', () => {
  table('path-traversal', [
    {
      name: "payloads of a client's socket events; lifecycle events and server-set socket.data are not",
      code: `import { Server } from 'socket.io';
import fs from 'node:fs';
import path from 'node:path';
export function attach(server: unknown) {
  const io = new Server(server);
  io.on('connection', (socket) => {
    const home = path.join('/srv/users', socket.data.userId);
    socket.on('file:read', ({ name }, ack) => {
      ack(fs.readFileSync(path.join(home, name), 'utf8')); // <-
    });
    socket.on('disconnect', (reason) => fs.appendFileSync(path.join(home, 'log'), String(reason)));
    socket.on('file:list', (_payload, ack) => ack(fs.readdirSync(home)));
  });
}
`,
    },
    {
      name: 'a socket typed Socket, a named listener, and the handshake query',
      code: `import type { Socket } from 'socket.io';
import { readFile, rm } from 'node:fs/promises';
async function removeCache(key: string) {
  await rm('/var/cache/app/' + key, { recursive: true }); // <-
}
export function register(client: Socket) {
  client.on('cache:remove', removeCache);
  client.on('theme', async (theme: string) => client.emit('css', await readFile(\`/srv/themes/\${theme}.css\`))); // <-
  void readFile('/srv/avatars/' + client.handshake.query.user); // <-
}
`,
    },
  ]);
});

describe('path-traversal: queue jobs, preload APIs, hapi, NestJS, fetch handlers', () => {
  table('path-traversal', [
    {
      name: 'job.data in a processor whose parameter is named job (called through a handler table)',
      code: `const fs = require('fs/promises');
const path = require('path');
const tasks = {
  async render(job, dir) {
    await fs.writeFile(path.join(dir, job.data.output), 'x'); // <-
  },
};
async function processJob(job) {
  const dir = await fs.mkdtemp('/tmp/job-');
  return tasks[job.name](job, dir);
}
module.exports = { processJob };
`,
      file: 'worker.js',
    },
    {
      name: 'functions exposed to the renderer through contextBridge (literal and variable)',
      code: `import { contextBridge } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
const ROOT = '/home/me/notes';
contextBridge.exposeInMainWorld('notes', {
  read(rel: string) {
    return fs.readFileSync(path.join(ROOT, rel), 'utf8'); // <-
  },
  icon: (name: string) => fs.readFileSync(path.join(ROOT, 'icons', path.basename(name))),
});
const files = {
  list: (dir: string) => fs.readdirSync(dir), // <-
};
contextBridge.exposeInMainWorld('files', files);
`,
    },
    {
      name: 'hapi route handlers, with Joi validation of the payload',
      code: `const Joi = require('joi');
const fs = require('fs');
exports.plugin = {
  name: 'docs',
  register(server) {
    server.route({
      method: 'GET',
      path: '/docs/{page}',
      handler: (r) => fs.readFileSync('/srv/docs/' + r.params.page), // <-
    });
    server.route({
      method: 'POST',
      path: '/docs/export',
      options: {
        validate: {
          payload: Joi.object({ format: Joi.string().valid('pdf', 'html'), name: Joi.string().max(40) }),
          query: { id: Joi.string().guid() },
        },
      },
      handler: (request) => {
        fs.writeFileSync('/srv/out/doc.' + request.payload.format, 'x');
        fs.writeFileSync('/srv/out/' + request.query.id, 'x');
        fs.writeFileSync('/srv/out/' + request.payload.name, 'x'); // <-
        return null;
      },
    });
  },
};
`,
      file: 'docs-plugin.js',
    },
    {
      name: 'NestJS: validating pipes make a parameter safe; multer storage in a decorator is analysed',
      code: `import { Controller, Get, Param, ParseIntPipe, ParseUUIDPipe, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { diskStorage } from 'multer';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
@Controller('files')
export class FilesController {
  @Get(':year/:name')
  get(@Param('year', ParseIntPipe) year: number, @Param('name') name: string) {
    return readFile(join('/srv/files', String(year), name)); // <-
  }
  @Get('by-id/:id')
  byId(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string, @Query('v', ParseIntPipe) v: number) {
    return readFile(join('/srv/files', id + '.' + v));
  }
  @Post('upload')
  @UseInterceptors(FileInterceptor('file', {
    storage: diskStorage({
      destination: '/srv/uploads',
      filename: (req, file, cb) => cb(null, req.body.folder + '-' + file.originalname), // <-
    }),
  }))
  upload(@UploadedFile() file: Express.Multer.File) {
    return file.filename;
  }
}
`,
    },
    {
      name: 'NestJS: class-validator decorators of a @Body() DTO restrict its fields',
      code: `import { Body, Controller, Post } from '@nestjs/common';
import { IsIn, IsString, IsUUID, Matches } from 'class-validator';
import { writeFile } from 'node:fs/promises';
class ExportDto {
  @IsIn(['csv', 'json']) format!: string;
  @IsUUID() id!: string;
  @Matches(/^[a-z0-9-]{1,40}$/) slug!: string;
  @IsString() title!: string;
}
@Controller('exports')
export class ExportsController {
  @Post()
  create(@Body() dto: ExportDto) {
    return Promise.all([
      writeFile(\`/srv/exports/\${dto.id}.\${dto.format}\`, ''),
      writeFile('/srv/exports/' + dto.slug, ''),
      writeFile('/srv/exports/' + dto.title, ''), // <-
    ]);
  }
}
`,
    },
    {
      name: 'fetch-style handlers: new URL(request.url), Hono c.req.query() / c.req.param()',
      code: `import { Hono } from 'hono';
import { readFile } from 'node:fs/promises';
const app = new Hono();
app.get('/a', async (c) => c.body(await readFile('/srv/a/' + c.req.query('f')))); // <-
app.get('/b/:name', async (c) => {
  const { name } = c.req.param();
  return c.body(await readFile(\`/srv/b/\${name}\`)); // <-
});
export default {
  async fetch(request: Request) {
    const url = new URL(request.url);
    if (url.pathname === '/robots.txt') return new Response(await readFile('/srv/public' + url.pathname));
    return new Response(await readFile('/srv/files/' + url.searchParams.get('file'))); // <-
  },
};
`,
    },
  ]);
});
