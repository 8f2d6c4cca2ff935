// Path sinks of the Bun and Deno runtimes, Electron protocol handlers that fetch file: URLs, and
// @fastify/static's root argument; sources from message consumers and webviews.
import { describe } from 'node:test';
import { table } from './taint-support';

describe('path-traversal: runtimes and protocol handlers', () => {
  table('path-traversal', [
    {
      name: 'Bun.serve: pathname to Bun.file and Bun.write',
      code: `Bun.serve({
  async fetch(req) {
    const { pathname } = new URL(req.url);
    const file = Bun.file('./public' + pathname); // <-
    const form = await req.formData();
    await Bun.write(\`uploads/\${form.get('name')}\`, 'x'); // <-
    await Bun.write('uploads/fixed.txt', 'x');
    return new Response(file);
  },
});
`,
    },
    {
      name: 'Deno.serve: search params to Deno file APIs',
      code: `Deno.serve(async (request) => {
  const name = new URL(request.url).searchParams.get('name') ?? '';
  const text = await Deno.readTextFile(\`./docs/\${name}\`); // <-
  await Deno.writeFile('./out/' + name, new Uint8Array()); // <-
  await Deno.readTextFile('./docs/index.md');
  return new Response(text);
});
`,
    },
    {
      name: 'Electron protocol.handle fetches a file: URL built from the request',
      code: `import { app, net, protocol } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
const ROOT = path.join(__dirname, 'renderer');
app.whenReady().then(() => {
  protocol.handle('app', (request) => {
    const { pathname } = new URL(request.url);
    return net.fetch(pathToFileURL(path.join(ROOT, decodeURIComponent(pathname))).toString()); // <-
  });
  protocol.handle('static', () => net.fetch(pathToFileURL(path.join(ROOT, 'index.html')).toString()));
});
`,
    },
    {
      name: '@fastify/static: a request-chosen root folder',
      code: `import Fastify from 'fastify';
const app = Fastify();
app.get('/files/:tenant/:name', (req: any, reply: any) => {
  reply.sendFile(req.params.name, \`/srv/data/\${req.params.tenant}\`); // <-
  return reply.sendFile(req.params.name, '/srv/data/public');
});
`,
    },
    {
      name: 'amqplib message and webview message to fs',
      code: `import fs from 'node:fs';
import * as vscode from 'vscode';
export function consume(channel: any, panel: vscode.WebviewPanel) {
  channel.consume('files', (msg: any) => {
    const { path: target } = JSON.parse(msg.content.toString());
    fs.unlinkSync(target); // <-
  });
  panel.webview.onDidReceiveMessage((message) => {
    fs.readFileSync(message.file, 'utf8'); // <-
  });
}
`,
    },
  ]);
});
