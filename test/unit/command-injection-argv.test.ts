// Argument arrays without a shell that still run code: option injection into git and ssh
// (`--upload-pack=`, `-oProxyCommand=`), ssh's remote command line, and `-c` handed to a
// program chosen at run time.
import { describe } from 'node:test';
import { table } from './taint-support';

describe('command-injection: argument injection without a shell', () => {
  table('command-injection', [
    {
      name: 'git clone / fetch with an untrusted operand and no "--"',
      code: `const { execFile, execFileSync } = require('child_process');
app.post('/mirror', (req, res) => {
  const { url, ref } = req.body;
  execFileSync('git', ['clone', '--depth', '1', url, '/srv/mirror']); // <- shell-command-injection
  execFile('git', ['-C', '/srv/mirror', 'fetch', url], () => {}); // <- shell-command-injection
  execFileSync('git', ['clone', '--depth', '1', '--', url, '/srv/mirror']);
  execFileSync('git', ['clone', '--branch', ref, \`https://git.example.com/\${url}.git\`, '/srv/mirror']);
  execFileSync('git', ['log', '--oneline', ref]);
  execFileSync('git', ['-C', '/srv/mirror', 'switch', '-c', ref]);
});
`,
    },
    {
      name: 'ssh: an untrusted destination, and operands after it that the remote shell runs',
      code: `import { spawn, execFileSync } from 'node:child_process';
app.post('/logs', (req, res) => {
  const { host, filter } = req.body;
  spawn('ssh', [host, 'tail -n 100 /var/log/app.log']); // <- shell-command-injection
  spawn('ssh', ['-p', '2222', '--', 'ops@bastion', \`grep \${filter} /var/log/app.log\`]); // <- shell-command-injection
  execFileSync('ssh', ['-o', 'BatchMode=yes', \`deploy@\${host}\`, 'uptime']);
  spawn('ssh', ['--', host, 'uptime']);
});
`,
    },
    {
      name: 'a program picked at run time: only a leading -c is a shell script',
      code: `import { spawnSync } from 'node:child_process';
const SHELL = process.platform === 'win32' ? 'cmd.exe' : process.env.SHELL;
const GIT = process.env.GIT_BIN || 'git';
app.post('/run', (req, res) => {
  spawnSync(SHELL, ['-c', 'echo ' + req.body.msg]); // <- shell-command-injection
  spawnSync(GIT, ['-C', '/srv/repo', 'switch', '-c', req.body.branch]);
});
`,
    },
  ]);
});
