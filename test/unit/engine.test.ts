import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../src/core/engine';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Rule } from '../../src/core/types';

/** A test rule: flags every occurrence of the word FLAG in any text file. */
const flagRule: Rule = {
  meta: { id: 'test-flag', category: 'secret', cwe: [798], owasp: '', severity: 'warning', name: 'flag', description: 'flag', scope: 'text' },
  check(ctx) {
    for (let i = ctx.text.indexOf('FLAG'); i >= 0; i = ctx.text.indexOf('FLAG', i + 1)) ctx.report({ start: i, end: i + 4, message: 'flagged' });
  },
};
const throwingRule: Rule = {
  meta: { ...flagRule.meta, id: 'test-throws', scope: 'code' },
  check() {
    throw new Error('boom');
  },
};

describe('engine', () => {
  it('reports findings with the rule metadata and exact offsets', () => {
    const r = analyze('const a = 1; // FLAG\n', 'a.js', DEFAULT_SETTINGS, [flagRule]);
    assert.deepEqual(r.findings, [{ ruleId: 'test-flag', category: 'secret', severity: 'warning', message: 'flagged', start: 16, end: 20 }]);
  });

  it('applies rule levels: per id, per category, off', () => {
    const text = 'FLAG';
    assert.equal(analyze(text, 'a.txt', { ...DEFAULT_SETTINGS, rules: { 'test-flag': 'off' } }, [flagRule]).findings.length, 0);
    assert.equal(analyze(text, 'a.txt', { ...DEFAULT_SETTINGS, rules: { secret: 'error' } }, [flagRule]).findings[0].severity, 'error');
    assert.equal(analyze(text, 'a.txt', { ...DEFAULT_SETTINGS, rules: { secret: 'off', 'test-flag': 'note' } }, [flagRule]).findings[0].severity, 'note');
  });

  it('reports a throwing rule as an error instead of throwing', () => {
    const r = analyze('let x = FLAG;', 'a.ts', DEFAULT_SETTINGS, [throwingRule, flagRule]);
    assert.deepEqual(r.errors, ['test-throws: boom']);
    assert.equal(r.findings.length, 1);
  });

  it('skips binary, oversized and minified input with a reason', () => {
    assert.match(analyze('abc\u0000def', 'a.js', DEFAULT_SETTINGS, [flagRule]).skipped ?? '', /binary/);
    assert.match(analyze('x'.repeat(200), 'a.txt', { ...DEFAULT_SETTINGS, maxFileBytes: 100 }, [flagRule]).skipped ?? '', /larger than/);
    assert.match(analyze(`var a=1;${'a+'.repeat(5000)}1;`, 'bundle.js', DEFAULT_SETTINGS, [flagRule]).skipped ?? '', /minified/);
    assert.match(analyze('FLAG', 'vendor/jquery.min.js', DEFAULT_SETTINGS, [flagRule]).skipped ?? '', /minified/);
  });

  it('drops secret findings whose value is on the allow-list', () => {
    const r = analyze('FLAG', 'a.txt', { ...DEFAULT_SETTINGS, allowedSecrets: ['FLAG'] }, [flagRule]);
    assert.equal(r.findings.length, 0);
  });

  it('parses half-typed code without throwing', () => {
    for (const text of ['function f( {', 'exec(`ls ${', 'const x = {a: FLAG', 'if (a) { b(']) {
      assert.doesNotThrow(() => analyze(text, 'a.ts', DEFAULT_SETTINGS, [flagRule]));
    }
  });
});
