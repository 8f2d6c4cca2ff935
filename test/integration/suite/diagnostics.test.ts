// What a developer sees while editing: a squiggle per finding, from the real diagnostics API.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { RULES } from '../../../src/core/registry';
import type { Category } from '../../../src/core/types';
import { api, closeAllEditors, fakeKey, open, rangeOf, ruleOf, waitForDiagnostics, writeFile } from '../helpers';

const categoryOf = (d: vscode.Diagnostic): Category | undefined => RULES.find((r) => r.meta.id === ruleOf(d))?.meta.category;
const ofCategory = (c: Category) => (ds: vscode.Diagnostic[]) => ds.filter((d) => categoryOf(d) === c);

describe('Diagnostics in the editor', () => {
  before(async () => {
    await api();
  });
  afterEach(closeAllEditors);

  it('flags a hardcoded secret with source, rule code, exact range and a link to the rule page', async () => {
    const key = fakeKey('sk_live_', 24);
    const uri = await writeFile('src/payments.js', `const Stripe = require('stripe');\nconst stripe = Stripe('${key}');\nmodule.exports = stripe;\n`);
    const editor = await open(uri);
    const [d] = await waitForDiagnostics(uri, (ds) => ofCategory('secret')(ds).length > 0);
    assert.equal(d.source, 'Secure Dev');
    assert.equal(categoryOf(d), 'secret');
    assert.deepEqual(d.range, rangeOf(editor.document, key));
    assert.ok(!d.message.includes(key), 'the message never shows the whole secret');
    assert.ok(typeof d.code === 'object' && d.code.target instanceof vscode.Uri);
    const page = await vscode.workspace.fs.readFile((d.code as { target: vscode.Uri }).target);
    assert.match(Buffer.from(page).toString('utf8'), new RegExp(`^# .*`, 'm'), 'the linked rule page exists');
  });

  it('flags a secret in a .env file', async () => {
    const token = fakeKey('ghp_', 36);
    const uri = await writeFile('.env', `PORT=3000\nGITHUB_TOKEN=${token}\n`);
    const editor = await open(uri);
    const ds = await waitForDiagnostics(uri, (x) => ofCategory('secret')(x).length > 0);
    assert.deepEqual(ds[0].range, rangeOf(editor.document, token));
  });

  it('flags path traversal with the source in related information', async () => {
    const uri = await writeFile('src/download.js', [
      "const fs = require('fs');",
      "const express = require('express');",
      'const app = express();',
      "app.get('/file', (req, res) => {",
      '  const name = req.query.name;',
      "  fs.readFile('/srv/files/' + name, (err, data) => res.send(data));",
      '});',
      '',
    ].join('\n'));
    await open(uri);
    const [d] = await waitForDiagnostics(uri, (ds) => ofCategory('path-traversal')(ds).length > 0);
    assert.equal(d.range.start.line, 5);
    assert.ok(d.relatedInformation?.some((r) => r.location.range.start.line === 4), 'related information points at the source');
  });

  it('flags command injection and not the safe execFile form', async () => {
    const uri = await writeFile('src/git.js', [
      "const { exec, execFile } = require('child_process');",
      'module.exports = (app) => {',
      "  app.get('/log', (req, res) => {",
      "    exec('git log ' + req.query.branch, (e, out) => res.send(out));",
      "    execFile('git', ['log', req.query.branch], (e, out) => res.send(out));",
      '  });',
      '};',
      '',
    ].join('\n'));
    await open(uri);
    const ds = ofCategory('command-injection')(await waitForDiagnostics(uri, (x) => ofCategory('command-injection')(x).length > 0));
    assert.deepEqual(ds.map((d) => d.range.start.line), [3]);
  });

  it('flags weak crypto', async () => {
    const uri = await writeFile('src/passwords.js', [
      "const crypto = require('crypto');",
      'function hashPassword(password) {',
      "  return crypto.createHash('md5').update(password).digest('hex');",
      '}',
      'module.exports = { hashPassword };',
      '',
    ].join('\n'));
    await open(uri);
    const [d] = ofCategory('weak-crypto')(await waitForDiagnostics(uri, (x) => ofCategory('weak-crypto')(x).length > 0));
    assert.equal(d.range.start.line, 2);
  });

  it('reports nothing on clean code', async () => {
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'src', 'clean.js');
    await open(uri);
    const api_ = await api();
    // Wait until the live analysis has run for this document, then expect no diagnostics.
    const deadline = Date.now() + 10_000;
    while (!api_.findings(uri) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.ok(api_.findings(uri), 'the document was analysed');
    assert.deepEqual(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Secure Dev'), []);
  });

  it('updates as the user types: fixing the code clears the diagnostic', async () => {
    const uri = await writeFile('src/typing.js', "const { exec } = require('child_process');\nmodule.exports = (req) => exec('ls ' + req.query.dir);\n");
    const editor = await open(uri);
    await waitForDiagnostics(uri, (x) => ofCategory('command-injection')(x).length > 0);
    await editor.edit((b) => b.replace(rangeOf(editor.document, "exec('ls ' + req.query.dir)"), "require('child_process').execFile('ls', [req.query.dir])"));
    await waitForDiagnostics(uri, (x) => ofCategory('command-injection')(x).length === 0);
  });

  it('honours suppressions with a reason and reports one without', async () => {
    const uri = await writeFile('src/suppressed.js', [
      "const { exec } = require('child_process');",
      'module.exports = (req) => {',
      '  // secure-dev-ignore-next-line command-injection -- admin-only endpoint, input validated upstream',
      "  exec('ls ' + req.query.dir);",
      "  exec('ls ' + req.query.other); // secure-dev-ignore command-injection",
      '};',
      '',
    ].join('\n'));
    await open(uri);
    const ds = await waitForDiagnostics(uri, (x) => x.some((d) => ruleOf(d) === 'invalid-suppression'));
    assert.deepEqual(ds.filter((d) => categoryOf(d) === 'command-injection').map((d) => d.range.start.line), [4]);
  });
});
