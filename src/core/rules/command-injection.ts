// Untrusted input in a command line a shell parses: child_process.exec/execSync (also
// promisified or aliased), shelljs exec, execa's execaCommand, SSH execCommand.
import { reportTaintFindings } from '../taint/rule-support';
import type { Rule } from '../types';

export const commandInjection: Rule = {
  meta: {
    id: 'command-injection',
    category: 'command-injection',
    cwe: [78],
    owasp: 'A03:2021 Injection',
    severity: 'error',
    name: 'Untrusted input in a shell command line',
    description:
      'Request data, GraphQL arguments, socket payloads, CLI arguments, IPC messages, queue payloads or the parameters ' +
      'of exported functions are built into a ' +
      'command string that a shell parses (exec, execSync, shelljs exec, execaCommand, SSH execCommand). Characters such ' +
      'as ; | && $() and backticks in the input run extra commands. Run the program with execFile/spawn and an argument ' +
      'array, or check the value against an allow-list or a strict anchored pattern first.',
    scope: 'code',
  },
  check(ctx) {
    reportTaintFindings(ctx, 'command-injection');
  },
};
