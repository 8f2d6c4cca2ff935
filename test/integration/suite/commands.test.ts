// The command palette actions, the Findings view and the team config, end to end.
import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as vscode from 'vscode';
import { api, closeAllEditors, EXTENSION_ID, open, ruleOf, secureDevDiagnostics, waitForDiagnostics, workspaceRoot, writeFile } from '../helpers';

describe('Commands', () => {
  before(async () => {
    await api();
  });
  afterEach(closeAllEditors);

  it('registers every contributed command', async () => {
    const contributed: { command: string }[] = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands;
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.ok(contributed.length >= 3);
    for (const { command } of contributed) assert.ok(registered.has(command), `${command} is registered`);
  });

  it('Scan Workspace fills the Findings view with files and their findings, skipping .gitignored files', async () => {
    await writeFile('src/scan-target.js', "const { exec } = require('child_process');\nmodule.exports = (req) => exec('ping ' + req.query.host);\n");
    await writeFile('ignored/also.js', "const { exec } = require('child_process');\nmodule.exports = (req) => exec('ping ' + req.query.host);\n");
    const summary = await vscode.commands.executeCommand<{ findings: number; filesScanned: number }>('secureDev.scanWorkspace');
    assert.ok(summary.findings >= 1);
    assert.ok(summary.filesScanned >= 2);
    const view = (await api()).findingsView;
    const files = (await view.getChildren()) ?? [];
    const labels = files.map((f) => {
      const item = view.getTreeItem(f) as vscode.TreeItem;
      return (item.resourceUri ?? vscode.Uri.file(String(item.label))).path;
    });
    assert.ok(labels.some((p) => p.endsWith('/src/scan-target.js')), `the view lists src/scan-target.js: ${labels.join(', ')}`);
    assert.ok(!labels.some((p) => p.includes('/ignored/')), 'gitignored files are not scanned');
    const target = files[labels.findIndex((p) => p.endsWith('/src/scan-target.js'))];
    const children = (await view.getChildren(target)) ?? [];
    assert.ok(children.length >= 1);
    const item = (await view.getTreeItem(children[0])) as vscode.TreeItem;
    assert.match(String(item.description), /Ln 2/);
    assert.equal(item.command?.command, 'vscode.open');
    // The scan's findings are diagnostics too, even for files that are not open.
    const uri = vscode.Uri.joinPath(workspaceRoot(), 'src', 'scan-target.js');
    assert.ok(secureDevDiagnostics(uri).length >= 1);
  });

  it('Export Findings as SARIF writes a SARIF 2.1.0 log to the given file', async () => {
    await writeFile('src/export-target.js', "const { execSync } = require('child_process');\nexports.run = (req) => execSync(`tar czf out.tgz ${req.body.dir}`);\n");
    const output = vscode.Uri.joinPath(workspaceRoot(), 'reports', 'findings.sarif');
    const written = await vscode.commands.executeCommand<vscode.Uri>('secureDev.exportSarif', { output });
    assert.equal(written?.toString(), output.toString());
    const log = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(output)).toString('utf8'));
    assert.equal(log.version, '2.1.0');
    const result = log.runs[0].results.find((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri === 'src/export-target.js');
    assert.ok(result, 'the log has the finding with a path relative to the workspace folder');
    assert.ok(result.partialFingerprints['secureDev/v1']);
  });

  it('Show Findings opens the Secure Dev view', async () => {
    await vscode.commands.executeCommand('secureDev.showFindings');
  });

  it('the suppress quick fix inserts a suppression with the reason, and the finding goes away', async () => {
    const uri = await writeFile('src/suppress-me.js', "const { exec } = require('child_process');\nmodule.exports = (req) => exec('ls ' + req.query.dir);\n");
    const editor = await open(uri);
    const [d] = await waitForDiagnostics(uri, (ds) => ds.length > 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range);
    const suppress = actions.find((a) => a.title.startsWith(`Suppress ${ruleOf(d)}`));
    assert.ok(suppress?.command, `a suppress action is offered: ${actions.map((a) => a.title).join(' | ')}`);
    const args = { ...(suppress.command.arguments![0] as object), reason: 'directory names come from an allow-list upstream' };
    assert.equal(await vscode.commands.executeCommand(suppress.command.command, args), true);
    assert.match(editor.document.lineAt(1).text, /^\/\/ secure-dev-ignore-next-line \S+ -- directory names come from an allow-list upstream$/);
    await waitForDiagnostics(uri, (ds) => ds.length === 0);
  });

  it('a committed .secure-dev.json turns a rule off for the workspace', async () => {
    const uri = await writeFile('src/configured.js', "const { exec } = require('child_process');\nmodule.exports = (req) => exec('ls ' + req.query.dir);\n");
    await open(uri);
    const [d] = await waitForDiagnostics(uri, (ds) => ds.length > 0);
    const config = await writeFile('.secure-dev.json', JSON.stringify({ rules: { [ruleOf(d)]: 'off' } }));
    try {
      await waitForDiagnostics(uri, (ds) => !ds.some((x) => ruleOf(x) === ruleOf(d)));
    } finally {
      await vscode.workspace.fs.delete(config);
    }
    await waitForDiagnostics(uri, (ds) => ds.some((x) => ruleOf(x) === ruleOf(d)));
  });

  it('Scan Workspace runs a large folder on worker threads, which keep a V8 code cache of the parser', async () => {
    // Enough files for worker threads, and for the first worker to warm up and write the cache
    // (into the folder the test runner gives through SECURE_DEV_CACHE_DIR).
    const count = 500;
    const bulk = vscode.Uri.joinPath(workspaceRoot(), 'bulk');
    await Promise.all(Array.from({ length: count }, (_, i) => writeFile(`bulk/m${i}.js`, `const { exec } = require('child_process');\nexports.run${i} = (req) => exec('ls ' + req.query.dir);\n`)));
    try {
      const summary = await vscode.commands.executeCommand<{ findings: number; filesScanned: number }>('secureDev.scanWorkspace');
      assert.ok(summary.filesScanned >= count, `scanned ${summary.filesScanned} files`);
      assert.ok(summary.findings >= count, `${summary.findings} findings`);
      assert.ok(secureDevDiagnostics(vscode.Uri.joinPath(bulk, `m${count - 1}.js`)).length >= 1, 'the last file has its finding');
      const cacheDir = process.env.SECURE_DEV_CACHE_DIR;
      assert.ok(cacheDir, 'the test runner sets SECURE_DEV_CACHE_DIR');
      assert.ok(readdirSync(cacheDir).some((name) => name.startsWith('typescript-') && name.endsWith('.v8cache')), `a code cache in ${cacheDir}`);
    } finally {
      await vscode.workspace.fs.delete(bulk, { recursive: true });
    }
  });
});
