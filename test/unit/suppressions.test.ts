import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../src/core/engine';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Rule } from '../../src/core/types';

const flagRule: Rule = {
  meta: { id: 'test-flag', category: 'secret', cwe: [798], owasp: '', severity: 'warning', name: 'flag', description: 'flag', scope: 'text' },
  check(ctx) {
    for (let i = ctx.text.indexOf('FLAG'); i >= 0; i = ctx.text.indexOf('FLAG', i + 1)) ctx.report({ start: i, end: i + 4, message: 'flagged' });
  },
};
const run = (text: string, file = 'a.js') => analyze(text, file, DEFAULT_SETTINGS, [flagRule]).findings.map((f) => f.ruleId);

describe('suppressions', () => {
  it('same-line suppression with a reason silences the rule', () => {
    assert.deepEqual(run('x(FLAG); // secure-dev-ignore test-flag -- fixture value\n'), []);
  });

  it('next-line suppression skips blank lines and accepts categories', () => {
    assert.deepEqual(run('// secure-dev-ignore-next-line secret -- public test key\n\nx(FLAG);\n'), []);
  });

  it('works in hash-comment files', () => {
    assert.deepEqual(run('# secure-dev-ignore-next-line test-flag -- sample\nKEY=FLAG\n', '.env'), []);
    assert.deepEqual(run('KEY: FLAG # secure-dev-ignore test-flag -- sample\n', 'a.yaml'), []);
  });

  it('a suppression without a reason suppresses nothing and is reported', () => {
    assert.deepEqual(run('x(FLAG); // secure-dev-ignore test-flag\n'), ['test-flag', 'invalid-suppression']);
    assert.deepEqual(run('x(FLAG); // secure-dev-ignore test-flag --   \n'), ['test-flag', 'invalid-suppression']);
  });

  it('an unused suppression is reported', () => {
    assert.deepEqual(run('x(1); // secure-dev-ignore test-flag -- was needed once\n'), ['unused-suppression']);
  });

  it('another rule id does not suppress', () => {
    assert.deepEqual(run('x(FLAG); // secure-dev-ignore weak-hash -- other rule\n'), ['test-flag', 'unused-suppression']);
  });

  it('prose and strings mentioning the marker are not directives', () => {
    assert.deepEqual(run("const help = 'use secure-dev-ignore test-flag -- why';\n"), []);
    assert.deepEqual(run('/** Write `secure-dev-ignore <rule-id> -- <reason>` to silence. */\n'), []);
  });
});
