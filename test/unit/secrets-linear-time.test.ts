// Linear time on hostile input: every secret detector and the assignment readers run over
// adversarial strings — 100,000 repeats of each anchor's characters, long runs of base64, hex,
// digits, separators and quotes, anchors repeated back to back. A pattern or loop that
// backtracks or rescans would not finish; nothing here asserts a time, only completion.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../src/core/engine';
import { textAssignments } from '../../src/core/secrets/assignments';
import { DETECTORS } from '../../src/core/secrets/providers';
import { scanText } from '../../src/core/secrets/scan';
import { TOKEN_PATTERNS } from '../../src/core/secrets/token-patterns';
import type { FileKind } from '../../src/core/types';
import { SECRET_RULES } from './secrets-support';

const N = 100_000;

function adversarialInputs(): string[] {
  const runs = ['a', 'A', '0', 'f', '-', '_', '.', '/', '+', '=', ':', '@', '~', '"', "'", '`', ' ', '\\', ';', '&', '(', '$', '{'];
  const inputs: string[] = [];
  for (const c of runs) inputs.push(c.repeat(N));
  inputs.push('Aa0+/'.repeat(N / 5), 'a1-_'.repeat(N / 4), '0a'.repeat(N / 2), 'x:y@'.repeat(N / 4));
  const anchors = new Set(DETECTORS.flatMap((d) => d.anchors));
  for (const anchor of anchors) {
    inputs.push(anchor.repeat(Math.ceil(N / anchor.length)));
    inputs.push(anchor + 'A'.repeat(N) + '!');
    inputs.push(anchor + 'aZ09'.repeat(N / 4) + '!');
    inputs.push(anchor + '0'.repeat(N));
  }
  inputs.push('-----BEGIN PRIVATE KEY-----' + 'MIIE'.repeat(N / 4));
  inputs.push(('-----BEGIN RSA PRIVATE KEY-----\n' + 'A'.repeat(64) + '\n').repeat(2000));
  inputs.push('postgres://' + 'u'.repeat(N) + ':' + 'p'.repeat(N) + '@');
  inputs.push('://'.repeat(N / 3) + '@');
  inputs.push('eyJ' + 'a'.repeat(N) + '.eyJ' + 'b'.repeat(N) + '.' + 'c'.repeat(N));
  inputs.push(('eyJhbGciOiJIUzI1NiJ9.' + 'eyJ').repeat(N / 24));
  inputs.push('Basic ' + '('.repeat(N));
  inputs.push('curl -u ' + 'a'.repeat(N) + ':' + 'b'.repeat(N));
  inputs.push(('a" = "b').repeat(N / 7));
  inputs.push(('KEY=' + 'x'.repeat(30) + '\n').repeat(N / 35));
  inputs.push(('["k"]'.repeat(N / 5)) + ' = "v"');
  inputs.push('password = "' + 'a'.repeat(N));
  // Variable expansions, continuations, block scalars, header lines, form bodies, directives.
  inputs.push('${'.repeat(N / 2), '${A:-'.repeat(N / 5), ('${A:-' + 'b'.repeat(500)).repeat(N / 505));
  inputs.push('k=\\\n'.repeat(N / 4), 'k =\n' + '  v\n'.repeat(N / 4));
  inputs.push('k: |\n' + '  x: "y" z=1 ${A:-b}\n'.repeat(N / 24), ('k: >-\n' + '  v\n').repeat(N / 9));
  inputs.push(('"X-Api-Key: ' + 'a:'.repeat(1000) + '"\n').repeat(N / 2000), ('"' + 'a=b&'.repeat(1000) + '"\n').repeat(N / 4000));
  inputs.push(('w '.repeat(1900) + '\n').repeat(N / 3800), ('--a='.repeat(900) + '\n').repeat(N / 3600));
  inputs.push(('variable "x" {\n  default = "' + 'a'.repeat(30) + '"\n').repeat(N / 50));
  return inputs;
}

describe('secrets: linear time on adversarial input', () => {
  const inputs = adversarialInputs();

  it('every pattern is sticky and anchored (no unanchored scans)', () => {
    for (const p of TOKEN_PATTERNS) assert.ok(p.regex.sticky, p.id);
  });

  it('the provider scan completes on every input', () => {
    for (const text of inputs) {
      const found = scanText({ text, fileName: 'x.txt', kind: 'text', inTest: false, inFixtures: false }, DETECTORS);
      assert.ok(Array.isArray(found));
    }
  });

  it('the assignment readers complete on every input, for every file kind', () => {
    const kinds: FileKind[] = ['env', 'yaml', 'json', 'properties', 'ini', 'toml', 'shell', 'dockerfile', 'python', 'text'];
    for (const text of inputs.filter((_, i) => i % 3 === 0)) for (const kind of kinds) assert.ok(Array.isArray(textAssignments(text, kind)));
  });

  it('both rules complete through the engine on code and config', () => {
    for (const text of inputs.filter((_, i) => i % 5 === 0)) {
      for (const file of ['a.ts', 'a.env', 'a.yaml', 'a.py']) {
        const result = analyze(text, file, undefined, SECRET_RULES);
        assert.equal(result.errors, undefined);
      }
    }
  });
});
