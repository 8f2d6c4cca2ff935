// Archive entry names (adm-zip, yauzl with decodeStrings off, unzipper, tar-stream, JSZip)
// joined into a destination path and written without a containment check.
import { reportTaintFindings } from '../taint/rule-support';
import type { Rule } from '../types';

export const zipSlip: Rule = {
  meta: {
    id: 'zip-slip',
    category: 'path-traversal',
    cwe: [22, 23],
    owasp: 'A01:2021 Broken Access Control',
    severity: 'error',
    name: 'Archive entry name used as an extraction path (zip slip)',
    description:
      'Entry names inside a zip or tar archive are chosen by whoever made the archive. Joined onto the extraction ' +
      'folder and written without a check, an entry named "../../.ssh/authorized_keys" lands outside it. Resolve each ' +
      'target and skip entries that do not stay inside the destination (yauzl does this for you while decodeStrings is on, ' +
      'node-tar unless preservePaths is set).',
    scope: 'code',
  },
  check(ctx) {
    reportTaintFindings(ctx, 'zip-slip');
  },
};
