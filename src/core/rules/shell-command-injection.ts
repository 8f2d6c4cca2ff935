// Untrusted input that controls what the spawn/execFile family runs: `shell: true`, a
// `sh -c` / `bash -c` script argument, or the executable itself.
import { reportTaintFindings } from '../taint/rule-support';
import type { Rule } from '../types';

export const shellCommandInjection: Rule = {
  meta: {
    id: 'shell-command-injection',
    category: 'command-injection',
    cwe: [78, 88],
    owasp: 'A03:2021 Injection',
    severity: 'error',
    name: 'Untrusted input run through a shell by spawn/execFile',
    description:
      'spawn, spawnSync, execFile, execFileSync, fork, cross-spawn and execa are safe with a fixed program and an ' +
      'argument array, but not when a `shell` option (true, a shell path, or a platform condition) joins everything ' +
      'into one shell command line, when the arguments are a `sh -c` / `bash -c` script, when the input picks the ' +
      'program itself, when it is an operand that git or ssh may read as an option that runs code (no "--" before ' +
      'it), or when it is part of the command ssh runs remotely. Drop the shell and pass arguments as an array; put ' +
      '"--" before untrusted operands; map program names through an allow-list.',
    scope: 'code',
  },
  check(ctx) {
    reportTaintFindings(ctx, 'shell-command-injection');
  },
};
