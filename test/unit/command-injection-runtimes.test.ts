// Command sinks reached from message consumers, webhooks, serverless triggers, editor webviews
// and the Bun/Deno runtimes, and the sinks of those runtimes (Bun.spawn, Deno.Command, `$`).
import { describe } from 'node:test';
import { table } from './taint-support';

describe('command-injection: message and webhook sources', () => {
  table('command-injection', [
    {
      name: 'kafkajs eachMessage payload parsed from message.value',
      code: `import { Kafka } from 'kafkajs';
import { exec } from 'child_process';
const consumer = new Kafka({ brokers: ['b:9092'] }).consumer({ groupId: 'g' });
export async function start() {
  await consumer.run({
    eachMessage: async ({ message }) => {
      const task = JSON.parse(message.value!.toString());
      exec(\`convert \${task.src} out.png\`); // <-
      exec('echo ' + message.key); // <-
    },
  });
}
`,
    },
    {
      name: 'kafkajs eachBatch messages',
      code: `import { exec } from 'child_process';
export async function start(consumer: any) {
  await consumer.run({
    eachBatch: async ({ batch }) => {
      for (const m of batch.messages) {
        exec('process ' + m.value.toString()); // <-
      }
    },
  });
}
`,
    },
    {
      name: 'amqplib channel.consume content',
      code: `import amqp from 'amqplib';
import { exec } from 'child_process';
export async function worker() {
  const conn = await amqp.connect('amqp://localhost');
  const channel = await conn.createChannel();
  await channel.consume('jobs', (msg) => {
    if (!msg) return;
    const job = JSON.parse(msg.content.toString());
    exec(\`ffmpeg -i \${job.input} out.mp4\`); // <-
    exec('ffmpeg -version');
  });
}
`,
    },
    {
      name: 'Probot context.payload',
      code: `import { Probot } from 'probot';
import { execSync } from 'child_process';
export default (app: Probot) => {
  app.on('pull_request.opened', async (context) => {
    const branch = context.payload.pull_request.head.ref;
    execSync(\`git checkout \${branch}\`); // <-
  });
};
`,
    },
    {
      name: 'Octokit webhooks payload and class fields',
      code: `import { Webhooks } from '@octokit/webhooks';
import { exec } from 'child_process';
class Reviewer {
  private pr: any;
  constructor(payload: any) {
    this.pr = payload.pull_request;
  }
  run() {
    exec('echo ' + this.pr.title); // <-
  }
}
const webhooks = new Webhooks({ secret: 's' });
webhooks.on('pull_request', ({ payload }) => {
  exec(\`git fetch origin \${payload.pull_request.head.ref}\`); // <-
  new Reviewer(payload).run();
});
`,
    },
    {
      name: 'Probot event lists, Octokit event objects; fixed commands and constant constructor arguments are not flows',
      code: `import { exec, execSync } from 'child_process';
class Checkout {
  constructor(private readonly ref: string) {}
  run() {
    execSync('git checkout ' + this.ref);
  }
}
export default (app: any, webhooks: any) => {
  app.on(['issue_comment.created', 'issues.opened'], async (context: any) => {
    execSync(\`echo \${context.payload.comment.body}\`); // <-
    execSync('git fetch --all');
    new Checkout('main').run();
  });
  webhooks.on('push', async (event: any) => {
    exec('git log ' + event.payload.ref); // <-
    exec('git log ' + event.id);
  });
};
`,
    },
    {
      name: 'Express webhook body',
      code: `import express from 'express';
import { exec } from 'child_process';
const app = express();
app.post('/hook', (req, res) => {
  const ref = req.body.pull_request.head.ref;
  exec('git checkout ' + ref); // <-
  res.sendStatus(204);
});
`,
    },
  ]);
});

describe('command-injection: serverless, editor and runtime sources', () => {
  table('command-injection', [
    {
      name: 'Cloud Functions CloudEvent data',
      code: `import * as functions from '@google-cloud/functions-framework';
import { exec } from 'child_process';
functions.cloudEvent('onUpload', (cloudEvent: any) => {
  const file = cloudEvent.data.name;
  exec(\`gsutil cp gs://bucket/\${file} /tmp/\`); // <-
});
`,
    },
    {
      name: 'Azure Functions v4 http handler',
      code: `import { app } from '@azure/functions';
import { execSync } from 'child_process';
app.http('ping', {
  methods: ['GET'],
  handler: async (request, context) => {
    const host = request.query.get('host');
    execSync('ping -c 1 ' + host); // <-
    const body: any = await request.json();
    execSync('nslookup ' + body.name); // <-
    return { body: 'ok' };
  },
});
`,
    },
    {
      name: 'VS Code webview message to terminal.sendText',
      code: `import * as vscode from 'vscode';
export function open(context: vscode.ExtensionContext) {
  const panel = vscode.window.createWebviewPanel('x', 'X', vscode.ViewColumn.One, {});
  const terminal = vscode.window.createTerminal('run');
  panel.webview.onDidReceiveMessage((msg) => {
    terminal.sendText(\`npm run \${msg.script}\`); // <-
    terminal.sendText('npm test');
  });
}
`,
    },
    {
      name: 'Bun.serve fetch: URL params to Bun.spawn with sh -c',
      code: `import { $ } from 'bun';
Bun.serve({
  async fetch(req) {
    const url = new URL(req.url);
    const host = url.searchParams.get('host');
    Bun.spawn(['sh', '-c', \`ping -c 1 \${host}\`]); // <-
    Bun.spawnSync([host!, '--version']); // <-
    Bun.spawn(['ping', '-c', '1', host!]);
    await $\`ping -c 1 \${host}\`;
    await $\`\${{ raw: host }}\`; // <-
    await $.raw\`ping \${host}\`; // <-
    return new Response('ok');
  },
});
`,
    },
    {
      name: 'Deno.serve: form data to Deno.Command and Deno.run',
      code: `Deno.serve(async (req) => {
  const form = await req.formData();
  const name = form.get('name') as string;
  await new Deno.Command('sh', { args: ['-c', 'echo ' + name] }).output(); // <-
  await new Deno.Command('echo', { args: [name] }).output();
  Deno.run({ cmd: ['sh', '-c', 'echo ' + name] }); // <-
  return new Response('ok');
});
`,
    },
  ]);
});

describe('command-injection: spawn and exec shapes', () => {
  table('command-injection', [
    {
      name: 'spawn options and argv held in variables',
      code: `import { spawn } from 'child_process';
import express from 'express';
const app = express();
const opts = { shell: true, stdio: 'inherit' as const };
app.get('/a', (req, res) => {
  const cmd = \`ls \${req.query.dir}\`;
  spawn(cmd, opts); // <-
  const args = ['-c', \`cat \${req.query.file}\`];
  spawn('sh', args); // <-
  const safe = ['-l', String(req.query.dir)];
  spawn('ls', safe);
  res.end();
});
`,
    },
    {
      name: 'execaCommand with shell and promisified exec aliases',
      code: `import { execaCommand } from 'execa';
import util from 'util';
import * as cp from 'child_process';
const pexec = util.promisify(cp.exec);
const { promisify } = require('util');
const exec2 = promisify(require('child_process').exec);
export async function handler(event: any) {
  await execaCommand(\`tar -xf \${event.body}\`, { shell: true }); // <-
  await pexec('dig ' + event.queryStringParameters.host); // <-
  await exec2('dig ' + event.queryStringParameters.host); // <-
}
`,
    },
    {
      name: 'exec in a class method on a constructor parameter stored on this',
      code: `import { exec } from 'child_process';
import express from 'express';
class Builder {
  constructor(private readonly repo: string, branch: string) {
    this.branch = branch;
  }
  branch: string;
  build() {
    exec(\`git clone \${this.repo} -b \${this.branch}\`); // <-
  }
}
const app = express();
app.post('/build', (req, res) => {
  new Builder(req.body.repo, req.body.branch).build();
  res.end();
});
`,
    },
  ]);
});
