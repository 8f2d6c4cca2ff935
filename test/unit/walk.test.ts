import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as TS from 'typescript';
import { flatNodes } from '../../src/core/ast/walk';
import { parse } from '../../src/core/parser';

/** Checks the flattened form against the tree itself: pre-order, parents, subtree ends. */
function assertConsistent(sf: TS.SourceFile): void {
  const { nodes, kinds, subtreeEnd } = flatNodes(sf);
  assert.equal(nodes[0], sf);
  assert.equal(kinds.length, nodes.length);
  assert.equal(subtreeEnd.length, nodes.length);
  assert.equal(subtreeEnd[0], nodes.length);
  const indexOf = new Map(nodes.map((n, i) => [n, i]));
  for (let i = 1; i < nodes.length; i++) {
    assert.equal(kinds[i], nodes[i].kind);
    const parent = indexOf.get(nodes[i].parent);
    assert.ok(parent !== undefined && parent < i, `node ${i} has its parent earlier in the array`);
    assert.ok(subtreeEnd[i] > i && subtreeEnd[i] <= subtreeEnd[parent], `node ${i}'s subtree lies inside its parent's`);
  }
}

describe('tree flattening', () => {
  it('keeps each file its own arrays when files are flattened one after another', () => {
    const first = parse('const a = require("fs");\nfunction f(x) { return a.readFileSync(x); }\n', 'a.js', 'js');
    const before = flatNodes(first);
    const snapshot = { nodes: [...before.nodes], kinds: [...before.kinds], ends: [...before.subtreeEnd] };
    const second = parse('export class Service { run(cmd: string) { return exec(`sh -c ${cmd}`); } }\n'.repeat(50), 'b.ts', 'ts');
    assertConsistent(second);
    const after = flatNodes(first);
    assert.deepEqual([...after.nodes], snapshot.nodes);
    assert.deepEqual([...after.kinds], snapshot.kinds);
    assert.deepEqual([...after.subtreeEnd], snapshot.ends);
    assertConsistent(first);
  });

  it('flattens trees deeper than the recursion limit with the same invariants', () => {
    // The parser reads a long `+` chain in a loop but builds it as a left-nested tree this deep.
    const depth = 3000;
    const sf = parse(`const x = 1${' + 1'.repeat(depth)};\n`, 'deep.js', 'js');
    assertConsistent(sf);
    assert.ok(flatNodes(sf).nodes.length > depth);
  });

  it('flattens a small file correctly after a file that outgrew the scratch buffers', () => {
    const big = parse('a.b(c, d);\n'.repeat(60_000), 'big.js', 'js');
    assert.ok(flatNodes(big).nodes.length > 1 << 18);
    const small = parse('let y = 2;\n', 'small.js', 'js');
    assertConsistent(small);
    assertConsistent(big);
  });
});
