// The extension manifest and the files derived from the rule registry stay in step.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../src/core/registry';

const root = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('package.json and derived files', () => {
  it('rule settings, the config schema and the README table match the registry', () => {
    const r = spawnSync(process.execPath, ['scripts/sync-rules.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });

  it('every rule has a docs page, CWE ids and an OWASP category', () => {
    for (const rule of RULES) {
      assert.ok(existsSync(path.join(root, 'docs/rules', `${rule.meta.id}.md`)), rule.meta.id);
      assert.ok(rule.meta.cwe.length > 0, `${rule.meta.id} has CWE ids`);
      assert.match(rule.meta.owasp, /^A\d\d:2021/, `${rule.meta.id} has an OWASP Top 10 category`);
      assert.match(rule.meta.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
    assert.equal(new Set(RULES.map((r) => r.meta.id)).size, RULES.length, 'rule ids are unique');
  });

  it('targets VS Code 1.100 with matching API types and activates cheaply', () => {
    assert.equal(pkg.engines.vscode, '^1.100.0');
    assert.match(pkg.devDependencies['@types/vscode'], /^1\.100\./);
    assert.ok(!pkg.activationEvents.includes('*'));
    assert.ok(pkg.activationEvents.includes('onLanguage:javascript'));
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  });

  it('every command has the Secure Dev category and a view hosts the findings', () => {
    for (const c of pkg.contributes.commands) assert.equal(c.category, 'Secure Dev', c.command);
    assert.ok(pkg.contributes.views.secureDev.some((v: { id: string }) => v.id === 'secureDev.findings'));
    assert.ok(pkg.contributes.viewsWelcome.some((w: { view: string }) => w.view === 'secureDev.findings'));
  });
});
