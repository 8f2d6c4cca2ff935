import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingsOf, table } from './taint-support';

describe('command-injection: exec-style shells', () => {
  table('command-injection', [
    {
      name: 'exec/execSync with request data, concatenated or in a template',
      code: `const { exec, execSync } = require('child_process');
app.get('/log', (req, res) => {
  exec('git log ' + req.query.branch, (err, out) => res.send(out)); // <- command-injection
  execSync(\`ping -c 1 \${req.body.host}\`); // <- command-injection
  const cmd = \`dig \${req.params.name}\`;
  exec(cmd); // <- command-injection
});
`,
    },
    {
      name: 'promisified and aliased exec, namespace imports',
      code: `import { exec } from 'node:child_process';
import * as cp from 'child_process';
import util from 'util';
const run = util.promisify(exec);
const sh = exec;
router.post('/x', async (req, res) => {
  await run(\`convert \${req.body.file} out.png\`); // <- command-injection
  sh('ls ' + req.body.dir); // <- command-injection
  cp.execSync('rm -rf /tmp/' + req.body.id); // <- command-injection
  require('child_process').exec('echo ' + req.body.msg); // <- command-injection
});
`,
    },
    {
      name: 'shelljs exec, execa execaCommand, SSH execCommand',
      code: `import shell from 'shelljs';
import { execaCommand } from 'execa';
import { NodeSSH } from 'node-ssh';
const ssh = new NodeSSH();
app.post('/r', async (req, res) => {
  shell.exec(\`npm version \${req.body.version}\`); // <- command-injection
  await execaCommand(req.body.commandLine); // <- command-injection
  await ssh.execCommand(\`echo \${req.body.notes} > /srv/NOTES\`); // <- command-injection
});
`,
    },
    {
      name: 'Koa, Lambda, Electron IPC and deep links, CLI argv, server actions',
      code: `import { exec, execSync } from 'child_process';
import { ipcMain, app } from 'electron';
router.get('/k', async (ctx) => { execSync('whois ' + ctx.query.domain); }); // <-
export const handler = async (event: APIGatewayProxyEvent) => execSync('echo ' + event.body); // <-
ipcMain.handle('clone', async (_e, url: string) => execSync(\`git clone \${url}\`)); // <-
app.on('open-url', (_e, url) => exec('helper --open ' + new URL(url).searchParams.get('doc'))); // <-
execSync(\`git checkout \${process.argv[2]}\`); // <-
async function restart(formData: FormData) {
  'use server';
  execSync('systemctl restart ' + formData.get('service')); // <-
}
`,
    },
    {
      name: 'helpers: reported inside the helper when called with tainted input',
      code: `const { execSync } = require('child_process');
function sh(command) {
  return execSync(command, { stdio: 'inherit' }); // <-
}
function fetchRef(ref) {
  sh('git fetch origin ' + ref);
}
sh('git status');
app.post('/deploy', (req, res) => fetchRef(req.body.ref));
`,
    },
    {
      name: "parameters of exported functions are callers' input",
      code: `import { exec } from 'child_process';
import { execa } from 'execa';
export function audit(level: string) {
  return exec(\`npm audit --audit-level=\${level}\`); // <-
}
export async function lint(dir: string) {
  await execa(\`eslint \${dir}\`, { shell: true }); // <-
}
export async function lintSafe(dir: string) {
  await execa('eslint', [dir]);
}
`,
    },
  ]);
});

describe('command-injection: spawn family', () => {
  table('command-injection', [
    {
      name: 'shell: true joins the command line, reported on the callee line',
      code: `import { spawn, spawnSync, execFile } from 'child_process';
app.post('/s', (req, res) => {
  spawn('npm install ' + req.body.pkg, { shell: true }); // <- shell-command-injection
  spawnSync('ping', ['-c', '1', req.body.host], { shell: true }); // <- shell-command-injection
  spawn('ffmpeg', ['-i', req.body.input, 'out.mp4'], { // <- shell-command-injection
    shell: true,
  });
  execFile('grep', [req.body.q], { shell: '/bin/bash' }, () => {}); // <- shell-command-injection
});
`,
    },
    {
      name: 'sh -c / bash -c / cmd /c scripts and tainted executables',
      code: `const { spawn, spawnSync, execFileSync, fork } = require('child_process');
const execa = require('execa');
router.post('/x', async (ctx) => {
  const { title, tool } = ctx.request.body;
  spawnSync('bash', ['-c', \`wkhtmltopdf --title "\${title}" in.html out.pdf\`]); // <- shell-command-injection
  spawn('sh', ['-lc', 'tar czf x.tgz ' + title]); // <- shell-command-injection
  execFileSync('cmd.exe', ['/c', 'dir ' + title]); // <- shell-command-injection
  await execa('sh', ['-c', \`npm i \${title}\`]); // <- shell-command-injection
  spawn(tool.command, tool.args); // <- shell-command-injection
  fork(tool.script); // <- shell-command-injection
});
`,
    },
    {
      name: 'argument arrays without a shell are safe; so is a program picked from a table',
      code: `const { spawn, execFile, execFileSync, spawnSync } = require('child_process');
const EDITORS = { code: 'code', vim: 'vim' };
app.post('/ok', (req, res) => {
  execFile('git', ['log', '--end-of-options', req.body.ref], () => {});
  execFileSync('whois', [String(req.query.domain)]);
  spawn('ffmpeg', ['-i', req.body.input, 'out.mp4']);
  const editor = Object.hasOwn(EDITORS, req.body.editor) ? EDITORS[req.body.editor] : 'code';
  spawn(editor, [req.body.file], { detached: true });
});
`,
    },
    {
      name: 'a shell option that is on only on some platforms still joins the command line there',
      code: `const { spawn, spawnSync } = require('child_process');
app.post('/fmt', (req, res) => {
  spawnSync('npx', ['prettier', '--write', ...req.body.files], { shell: process.platform === 'win32' }); // <- shell-command-injection
  spawn('git', ['grep', '-e', req.body.pattern], { shell: useShell }); // <- shell-command-injection
  spawn('git', ['grep', '-e', req.body.pattern], { shell: false });
  spawn('git', ['grep', '-e', req.body.pattern], { shell: undefined });
});
`,
    },
  ]);
});

describe('command-injection: sanitizers and safe code', () => {
  table('command-injection', [
    {
      name: 'constant commands and commands built from constants or the environment',
      code: `const { exec, execSync } = require('child_process');
const path = require('path');
const OUT = path.join(__dirname, 'dist');
const pkg = require('./package.json');
execSync('git --version');
execSync(\`cd \${OUT} && zip -qr ../web-\${pkg.version}.zip .\`);
execSync(\`docker build -t \${process.env.IMAGE_TAG} .\`);
app.get('/v', (req, res) => exec('uptime -p', (e, out) => res.send(out)));
`,
    },
    {
      name: 'allow-lists, strict regexes, numbers, net.isIP, shell-quote, semver.valid',
      code: `const { exec, execSync } = require('child_process');
const net = require('net');
const { quote } = require('shell-quote');
const semver = require('semver');
const SCRIPTS = new Set(['lint', 'test']);
const HOST_RE = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9-]+)*$/i;
app.post('/ok', (req, res) => {
  const script = String(req.body.script);
  if (!SCRIPTS.has(script)) return res.status(400).end();
  execSync('npm run ' + script);
  const host = String(req.query.host);
  if (!HOST_RE.test(host)) return res.status(400).end();
  exec('dig +short ' + host);
  const port = Number.parseInt(req.query.port, 10);
  execSync(\`lsof -ti tcp:\${port}\`);
  if (net.isIP(req.query.ip) === 0) return res.status(400).end();
  exec('traceroute ' + req.query.ip);
  exec(quote(['grep', req.query.q, 'log.txt']));
  const v = semver.valid(req.body.version);
  if (!v) throw new Error('bad version');
  execSync(\`npm dist-tag add pkg@\${v} stable\`);
  switch (req.query.mode) {
    case 'fast':
    case 'slow':
      execSync('run --mode ' + req.query.mode);
  }
});
`,
    },
    {
      name: 'not sanitizers: double quotes, path.basename (still has $()), a regex allowing metacharacters',
      code: `const { exec } = require('child_process');
const path = require('path');
app.post('/bad', (req, res) => {
  exec('curl "' + req.body.url + '"'); // <-
  exec('cat /srv/' + path.basename(req.body.f)); // <-
  if (/^[\\w ;&|]+$/.test(req.body.q)) exec('grep ' + req.body.q); // <-
});
`,
    },
    {
      name: "execa's $ tagged template and zx escape interpolations",
      code: `import { $ } from 'execa';
export async function format(glob: string) {
  await $\`npx prettier --write -- \${glob}\`;
  await $({ cwd: '/srv' })\`npm run \${glob}\`;
}
`,
    },
    {
      name: 'a validator that throws guards what follows it',
      code: `const { execSync } = require('child_process');
function assertName(name) {
  if (!/^[a-z][a-z0-9-]{1,49}$/.test(name)) throw new Error('invalid name');
}
function isSafeRef(ref) {
  return /^[\\w.-]+$/.test(ref);
}
app.post('/n', (req, res) => {
  assertName(req.body.name);
  execSync('git init ' + req.body.name);
  if (!isSafeRef(req.body.ref)) return res.status(400).end();
  execSync('git checkout ' + req.body.ref);
});
`,
    },
    {
      name: 'field-level guards: one checked field does not clean its siblings',
      code: `const { execSync } = require('child_process');
function parse(argv) {
  const opts = { name: undefined, template: 'default' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--template') opts.template = argv[++i];
    else opts.name = argv[i];
  }
  return opts;
}
const opts = parse(process.argv.slice(2));
if (!/^[a-z-]+$/.test(opts.name)) process.exit(64);
execSync(\`git clone \${opts.template} \${opts.name}\`); // <-
execSync(\`mkdir \${opts.name}\`);
`,
    },
  ]);
});

describe('command-injection: quick fix and messages', () => {
  it('offers execFile with an argument array when the command splits cleanly', () => {
    const code = "const { exec, execFile } = require('child_process');\napp.get('/l', (req, res) => exec('git log --oneline ' + req.query.branch, () => {}));\n";
    const [f] = findingsOf(code, 'a.js').filter((x) => x.ruleId === 'command-injection');
    assert.ok(f.fix, 'has a fix');
    const fixed = code.slice(0, f.fix.edits[0].start) + f.fix.edits[0].newText + code.slice(f.fix.edits[0].end);
    assert.match(fixed, /execFile\('git', \['log', '--oneline', req\.query\.branch\], \(\) => \{\}\)/);
    assert.match(f.message, /req\.query\.branch \(line 2\) flows into child_process\.exec/);
    assert.match(f.message, /Use execFile\('git', \['log', '--oneline', req\.query\.branch\]\) instead/);
  });

  it('no fix when the command uses shell syntax or execFile is not imported', () => {
    const piped = "const { exec, execFile } = require('child_process');\napp.get('/l', (req, res) => exec(`journalctl -u ${req.query.s} | grep x`));\n";
    assert.equal(findingsOf(piped, 'a.js')[0].fix, undefined);
    const noBinding = "const { exec } = require('child_process');\napp.get('/l', (req, res) => exec(`ping ${req.query.h}`));\n";
    assert.equal(findingsOf(noBinding, 'a.js')[0].fix, undefined);
  });

  it('namespace calls get cp.execFileSync and template tokens stay templates', () => {
    const code = "const cp = require('child_process');\napp.get('/l', (req, res) => cp.execSync(`git --git-dir=${req.query.d} log`));\n";
    const [f] = findingsOf(code, 'a.js');
    assert.equal(f.fix?.edits[0].newText, "cp.execFileSync('git', [`--git-dir=${req.query.d}`, 'log']");
  });
});

describe('command-injection: callbacks and helpers from other files', () => {
  table('command-injection', [
    {
      name: 'map/reduce callbacks decide what the list becomes',
      code: `const { exec } = require('child_process');
const { quote } = require('shell-quote');
app.post('/m', (req, res) => {
  exec('convert ' + req.body.files.map((f) => quote([f])).join(' ') + ' out.pdf');
  exec('convert ' + req.body.files.map((f) => '"' + f + '"').join(' ') + ' out.pdf'); // <-
  exec('wc ' + req.body.files.reduce((acc, f) => acc + ' ' + f, '')); // <-
});
`,
    },
    {
      name: 'imported helpers are judged by their names: escapeShellArg cleans, normalizeIt does not',
      code: `import { exec } from 'child_process';
import { escapeShellArg, normalizeIt } from './shell-utils';
app.get('/n', (req, res) => {
  exec('ls ' + escapeShellArg(req.query.dir));
  exec('ls ' + normalizeIt(req.query.dir)); // <-
});
`,
    },
  ]);
});
