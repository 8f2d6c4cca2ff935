// Restricted Mode (an untrusted workspace): Secure Dev only reads files, so analysis and scans
// keep working; nothing is executed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, fakeKey, open, waitForDiagnostics, writeFile } from '../helpers';

describe('Restricted Mode', () => {
  it('the workspace is untrusted and the extension still activates', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    await api();
  });

  it('open files are still analysed', async () => {
    const token = fakeKey('ghp_', 36);
    const uri = await writeFile('src/restricted.js', `const token = '${token}';\nmodule.exports = token;\n`);
    await open(uri);
    const [d] = await waitForDiagnostics(uri, (ds) => ds.length > 0);
    assert.equal(d.source, 'Secure Dev');
    assert.ok(!d.message.includes(token));
  });

  it('Scan Workspace still works (it only reads files)', async () => {
    await writeFile('src/restricted-scan.js', "const { exec } = require('child_process');\nmodule.exports = (req) => exec('ls ' + req.query.dir);\n");
    const summary = await vscode.commands.executeCommand<{ findings: number }>('secureDev.scanWorkspace');
    assert.ok(summary.findings >= 2);
  });
});
