// Tree traversal without recursion: hostile input (100,000 nested brackets) must not overflow
// the stack of the extension host.
//
// Many rules walk the same file, and analysis must stay within 2x the cost of parsing. So the
// first walk of a tree flattens it into a pre-order array (with each node's subtree end) that
// later walks of that tree, or of any node in it, replay as a plain loop.
import type * as TS from 'typescript';
import { typescript } from '../parser';

interface Flat {
  nodes: TS.Node[];
  /** subtreeEnd[i]: index just past the last descendant of nodes[i]. */
  subtreeEnd: number[];
  indexOf: Map<TS.Node, number>;
}

const flattened = new WeakMap<TS.SourceFile, Flat>();

function flatten(root: TS.SourceFile): Flat {
  const ts = typescript();
  const nodes: TS.Node[] = [];
  const subtreeEnd: number[] = [];
  const indexOf = new Map<TS.Node, number>();
  // Explicit stack of [node, phase]: phase 0 = enter, 1 = exit (to record the subtree end).
  const stack: { node: TS.Node; index: number }[] = [{ node: root, index: -1 }];
  const children: TS.Node[] = [];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (top.index >= 0) {
      subtreeEnd[top.index] = nodes.length;
      continue;
    }
    const index = nodes.length;
    nodes.push(top.node);
    indexOf.set(top.node, index);
    stack.push({ node: top.node, index });
    children.length = 0;
    ts.forEachChild(top.node, (child) => {
      children.push(child);
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], index: -1 });
  }
  return { nodes, subtreeEnd, indexOf };
}

function flatOf(node: TS.Node): Flat {
  const sourceFile = node.getSourceFile();
  let flat = flattened.get(sourceFile);
  if (!flat) {
    flat = flatten(sourceFile);
    flattened.set(sourceFile, flat);
  }
  return flat;
}

/** Visits `root` and every node under it in source order (pre-order). Return `false` from `visit` to skip a subtree. */
export function walk(root: TS.Node, visit: (node: TS.Node) => boolean | void): void {
  const { nodes, subtreeEnd, indexOf } = flatOf(root);
  const start = indexOf.get(root);
  if (start === undefined) return;
  const end = subtreeEnd[start];
  for (let i = start; i < end; ) {
    if (visit(nodes[i]) === false) i = subtreeEnd[i];
    else i++;
  }
}

/** Every node of one syntax kind under `root`, in source order. */
export function nodesOfKind<T extends TS.Node>(root: TS.Node, is: (node: TS.Node) => node is T): T[] {
  const found: T[] = [];
  walk(root, (node) => {
    if (is(node)) found.push(node);
  });
  return found;
}
