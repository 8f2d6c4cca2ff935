// Quick fixes as the user applies them from the lightbulb: the edit lands in the document and
// the diagnostic goes away.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAllEditors, open, ruleOf, waitForDiagnostics, writeFile } from '../helpers';

async function applyPreferredFix(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
  const fix = actions.find((a) => a.isPreferred && a.edit);
  assert.ok(fix?.edit, `a preferred quick fix is offered: ${actions.map((a) => a.title).join(' | ')}`);
  assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
  return fix;
}

describe('Quick fixes', () => {
  before(async () => {
    await api();
  });
  afterEach(closeAllEditors);

  it('removes rejectUnauthorized: false', async () => {
    const uri = await writeFile('src/agent.js', "const https = require('https');\nconst agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });\nmodule.exports = agent;\n");
    const editor = await open(uri);
    const [d] = await waitForDiagnostics(uri, (ds) => ds.some((x) => ruleOf(x) === 'tls-reject-unauthorized'));
    const fix = await applyPreferredFix(uri, d);
    assert.match(fix.title, /rejectUnauthorized/);
    assert.equal(editor.document.lineAt(1).text, 'const agent = new https.Agent({ keepAlive: true });');
    await waitForDiagnostics(uri, (ds) => !ds.some((x) => ruleOf(x) === 'tls-reject-unauthorized'));
  });

  it('rewrites exec with a concatenated command into execFile with an argument array', async () => {
    const uri = await writeFile('src/git-log.js', [
      "const cp = require('child_process');",
      "module.exports = (app) => app.get('/log', (req, res) => {",
      "  cp.exec('git log ' + req.query.branch, (err, out) => res.send(out));",
      '});',
      '',
    ].join('\n'));
    const editor = await open(uri);
    const [d] = await waitForDiagnostics(uri, (ds) => ds.some((x) => ruleOf(x) === 'command-injection'));
    await applyPreferredFix(uri, d);
    assert.match(editor.document.getText(), /cp\.execFile\('git', \['log', req\.query\.branch\]/);
    await waitForDiagnostics(uri, (ds) => !ds.some((x) => ruleOf(x) === 'command-injection'));
  });
});
