// Command sinks reached from sources beyond Express (GraphQL, sockets, queue jobs, hapi, NestJS,
// commander) and the sanitizers those frameworks provide (pipes, Joi schemas, table lookups).
import { describe } from 'node:test';
import { table } from './taint-support';

describe('command-injection: framework sources', () => {
  table('command-injection', [
    {
      name: 'GraphQL args reach exec through a same-file helper',
      code: `import { exec } from 'node:child_process';
import { promisify } from 'node:util';
const run = promisify(exec);
async function sh(cmd: string) {
  return (await run(cmd)).stdout; // <-
}
export const networkResolvers = {
  Query: {
    lookup: (_: unknown, args: { host: string }) => sh('nslookup ' + args.host),
    version: () => sh('nslookup -version'),
  },
};
`,
    },
    {
      name: "socket payloads; the server's own values on the socket are not",
      code: `import { Server } from 'socket.io';
import { exec } from 'node:child_process';
import shell from 'shelljs';
export function attach(httpServer: unknown) {
  const io = new Server(httpServer);
  io.on('connection', (socket) => {
    const dir = '/srv/work/' + socket.data.team;
    socket.on('git:log', ({ ref }, ack) => exec('git log ' + ref, { cwd: dir }, (e, out) => ack(out))); // <-
    socket.on('disk', (_p, ack) => exec('du -sh ' + dir, (e, out) => ack(out)));
    socket.on('grep', (q: string) => shell.exec(\`grep -r \${q} .\`, { cwd: dir })); // <-
  });
}
`,
    },
    {
      name: 'queue jobs: job.data in processors, and the table lookup guard',
      code: `const { Worker } = require('bullmq');
const { execSync } = require('child_process');
const FORMATS = new Map([['pdf', 'pdf'], ['word', 'docx']]);
new Worker('convert', async (job) => {
  execSync('pandoc -o out.pdf ' + job.data.input); // <-
  const to = FORMATS.get(job.data.format);
  if (!to) throw new Error('unsupported format');
  execSync(\`pandoc -t \${to} -o out.\${job.data.format} in.md\`);
});
`,
      file: 'worker.js',
    },
    {
      name: 'hapi payload validated by Joi .valid() is safe, the rest is not',
      code: `const Joi = require('joi');
const { execSync } = require('child_process');
module.exports = (server) => {
  server.route({
    method: 'POST',
    path: '/convert',
    options: { validate: { payload: Joi.object({ to: Joi.string().valid('pdf', 'png'), dpi: Joi.number() }) } },
    handler: (request) => {
      execSync('convert in.svg -density ' + request.payload.dpi + ' out.' + request.payload.to);
      return execSync('convert in.svg ' + request.payload.label); // <-
    },
  });
};
`,
      file: 'convert.js',
    },
    {
      name: 'NestJS: ParseIntPipe parameters are numbers; decorated parameters are not library inputs',
      code: `import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { execSync } from 'node:child_process';
import { quote } from 'shell-quote';
@Controller('db')
export class DbController {
  @Get(':id/size')
  size(@Param('id', ParseIntPipe) id: number) {
    return execSync(\`psql -c "select pg_database_size('t_\${id}')"\`);
  }
  @Get(':id/grep')
  grep(@Param('id', ParseIntPipe) id: number, @Query('q') q: string) {
    execSync(\`grep -F -- \${quote([q])} /var/log/t_\${id}.log\`);
    return execSync(\`grep \${q} /var/log/t_\${id}.log\`); // <-
  }
}
`,
    },
    {
      name: 'mapping a list through a validating helper keeps only validated values',
      code: `const { execSync } = require('child_process');
function assetPath(id) {
  if (!/^[a-f0-9]{24}$/.test(id)) throw new Error('bad id');
  return '/srv/assets/' + id;
}
app.post('/zip', (req, res) => {
  const files = req.body.ids.map(assetPath);
  execSync('zip out.zip ' + files.join(' '));
  const raw = req.body.ids.map((id) => '/srv/assets/' + id);
  execSync('zip out.zip ' + raw.join(' ')); // <-
});
`,
      file: 'zip.js',
    },
    {
      name: 'h3 / Nuxt helpers, Firebase callables, Meteor methods',
      code: `import { exec } from 'node:child_process';
import * as functions from 'firebase-functions';
import { Meteor } from 'meteor/meteor';
export default defineEventHandler(async (event) => {
  const { host } = getQuery(event);
  exec('ping -c 1 ' + host); // <-
  const body = await readBody(event);
  exec('dig ' + body.name); // <-
});
export const convert = functions.https.onCall((data, context) => exec('convert ' + data.file)); // <-
Meteor.methods({
  resize(path) {
    exec('mogrify -resize 50% ' + path); // <-
  },
});
`,
    },
    {
      name: 'chat bots (discord.js, Telegraf, Slack bolt): messages are typed by channel members',
      code: `const { Client } = require('discord.js');
const { Telegraf } = require('telegraf');
const { App } = require('@slack/bolt');
const { exec } = require('child_process');
const client = new Client({ intents: [] });
client.on('messageCreate', (msg) => exec('whois ' + msg.content.slice(7))); // <-
const bot = new Telegraf(process.env.BOT_TOKEN);
bot.command('dig', (ctx) => exec('dig ' + ctx.message.text.split(' ')[1])); // <-
const slack = new App({ token: process.env.SLACK_TOKEN });
slack.command('/deploy', async ({ command, ack }) => {
  await ack();
  exec('deploy ' + command.text); // <-
});
client.on('ready', () => exec('uptime'));
`,
      file: 'bot.js',
    },
    {
      name: 'request body chunks (node:http) and busboy fields; busboy strips folders from file names',
      code: `const http = require('http');
const fs = require('fs');
const path = require('path');
const { exec } = require('child_process');
const busboy = require('busboy');
http.createServer((req, res) => {
  let raw = '';
  req.on('data', (chunk) => { raw += chunk; });
  req.on('end', () => exec('lpr ' + JSON.parse(raw).file)); // <-
}).listen(8080);
http.createServer((req, res) => {
  const bb = busboy({ headers: req.headers });
  bb.on('file', (field, stream, info) => {
    stream.pipe(fs.createWriteStream(path.join('/srv/up', info.filename)));
    exec('file ' + info.filename); // <-
  });
  bb.on('field', (name, value) => exec('echo ' + value)); // <-
  req.pipe(bb);
}).listen(8081);
`,
      file: 'server.js',
    },
  ]);
});
