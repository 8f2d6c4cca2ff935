import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../../src/core/config';

const known = ['weak-hash'];

describe('.secure-dev.json', () => {
  it('reads rules, ignore globs and the secrets allow-list', () => {
    const r = parseConfig('{"rules":{"weak-hash":"off","secret":"error"},"ignore":["**/fixtures/**"],"secrets":{"allow":["abc"]},"maxFileSize":5000}', known);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.config, { rules: { 'weak-hash': 'off', secret: 'error' }, ignore: ['**/fixtures/**'], allowedSecrets: ['abc'], maxFileSize: 5000 });
  });

  it('says what is wrong with invalid JSON and falls back to defaults', () => {
    const r = parseConfig('{"rules": {', known);
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0], /not valid JSON/);
    assert.deepEqual(r.config.rules, {});
  });

  it('keeps the valid parts and reports each invalid one', () => {
    const r = parseConfig('{"rules":{"weak-hash":"loud","nope":"off","secret":"note"},"ignore":"x","colour":1,"maxFileSize":-1}', known);
    assert.deepEqual(r.config.rules, { secret: 'note' });
    assert.equal(r.errors.length, 5);
    assert.ok(r.errors.some((e) => e.includes('unknown rule or category "nope"')));
    assert.ok(r.errors.some((e) => e.includes('Unknown key "colour"')));
  });

  it('rejects a non-object document', () => {
    assert.match(parseConfig('[1,2]', known).errors[0], /must hold a JSON object/);
  });
});
