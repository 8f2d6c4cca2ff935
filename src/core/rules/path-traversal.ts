// Untrusted input used as a file path: fs APIs, res.sendFile/download without `root`,
// express.static roots, koa-send without `root`, archiver sources, multer upload names.
import { reportTaintFindings } from '../taint/rule-support';
import type { Rule } from '../types';

export const pathTraversal: Rule = {
  meta: {
    id: 'path-traversal',
    category: 'path-traversal',
    cwe: [22, 73],
    owasp: 'A01:2021 Broken Access Control',
    severity: 'error',
    name: 'Untrusted input used as a file path',
    description:
      'Request data, GraphQL arguments, socket payloads, CLI arguments, IPC messages or queue payloads reach a file-system call (fs, fs-extra, res.sendFile, ' +
      'res.download, express.static, koa-send, archiver, multer storage) without a containment check, so "../" segments ' +
      'or absolute paths read, write or delete files outside the intended folder. path.basename, an allow-list, a strict ' +
      'anchored pattern or a path.resolve + startsWith(root) check before the call make the path safe.',
    scope: 'code',
  },
  check(ctx) {
    reportTaintFindings(ctx, 'path-traversal');
  },
};
