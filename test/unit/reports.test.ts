import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { locate, type FileReport } from '../../src/core/report/located';
import { toJson } from '../../src/core/report/json';
import { toSarif } from '../../src/core/report/sarif';
import { RULES } from '../../src/core/registry';
import type { Finding } from '../../src/core/types';

const text = 'line one\nconst x = run(input);\nconst y = run(input);\n';
const finding = (start: number, end: number): Finding => ({
  ruleId: 'invalid-suppression', category: 'suppression', severity: 'warning', message: 'm', start, end,
  related: [{ start: 0, end: 4, message: 'source' }],
});

describe('locate', () => {
  it('converts offsets to 1-based lines and columns', () => {
    const [f] = locate([finding(19, 24)], text);
    assert.deepEqual(f.range, { start: { line: 2, column: 11 }, end: { line: 2, column: 16 } });
    assert.deepEqual(f.related[0], { start: { line: 1, column: 1 }, end: { line: 1, column: 5 }, message: 'source' });
  });

  it('gives identical lines distinct, stable fingerprints', () => {
    const a = locate([finding(19, 24), finding(41, 46)], text);
    assert.notEqual(a[0].fingerprint, a[1].fingerprint);
    const shifted = locate([finding(20, 25)], `\n${text}`);
    assert.equal(shifted[0].fingerprint, a[0].fingerprint, 'moving code down a line keeps the fingerprint');
  });
});

describe('SARIF', () => {
  const reports: FileReport[] = [
    { path: 'src/my app/a.js', findings: locate([finding(19, 24)], text) },
    { path: 'big.js', findings: [], skipped: 'larger than 1000 kB' },
  ];
  const log = toSarif(reports, { toolVersion: '1.2.3', baseUri: 'file:///repo/' }) as any;
  const run = log.runs[0];

  it('is a SARIF 2.1.0 log with every rule described', () => {
    assert.equal(log.version, '2.1.0');
    assert.equal(run.tool.driver.name, 'Secure Dev');
    const ids = run.tool.driver.rules.map((r: any) => r.id);
    for (const r of RULES) assert.ok(ids.includes(r.meta.id));
    for (const r of run.tool.driver.rules) {
      assert.ok(r.shortDescription.text && r.fullDescription.text && r.helpUri, r.id);
      assert.ok(['error', 'warning', 'note'].includes(r.defaultConfiguration.level));
      assert.ok(r.properties.tags.includes('security'));
    }
  });

  it('tags rules with CWE ids the way GitHub code scanning reads them', () => {
    for (const r of RULES) {
      const sarifRule = run.tool.driver.rules.find((x: any) => x.id === r.meta.id);
      for (const cwe of r.meta.cwe) assert.ok(sarifRule.properties.tags.includes(`external/cwe/cwe-${cwe}`));
    }
  });

  it('writes results relative to SRCROOT with fingerprints, related locations and code flows', () => {
    assert.deepEqual(run.originalUriBaseIds, { SRCROOT: { uri: 'file:///repo/' } });
    const [res] = run.results;
    assert.equal(res.ruleId, 'invalid-suppression');
    assert.equal(run.tool.driver.rules[res.ruleIndex].id, 'invalid-suppression');
    assert.deepEqual(res.locations[0].physicalLocation.artifactLocation, { uri: 'src/my%20app/a.js', uriBaseId: 'SRCROOT' });
    assert.deepEqual(res.locations[0].physicalLocation.region, { startLine: 2, startColumn: 11, endLine: 2, endColumn: 16 });
    assert.match(res.partialFingerprints['secureDev/v1'], /^[0-9a-f]{16}:1$/);
    assert.equal(res.relatedLocations[0].message.text, 'source');
    assert.equal(res.codeFlows[0].threadFlows[0].locations.length, 2);
  });

  it('notes skipped files as tool notifications', () => {
    const n = run.invocations[0].toolExecutionNotifications;
    assert.equal(n.length, 1);
    assert.match(n[0].message.text, /Skipped: larger than/);
  });
});

describe('JSON report', () => {
  it('summarises by severity and lists only files with something to say', () => {
    const j = toJson([{ path: 'a.js', findings: locate([finding(19, 24)], text) }, { path: 'b.js', findings: [] }], '1.0.0');
    assert.deepEqual(j.summary, { filesScanned: 2, filesSkipped: 0, findings: 1, bySeverity: { error: 0, warning: 1, note: 0 } });
    assert.deepEqual(j.files.map((f) => f.path), ['a.js']);
  });
});
