// Tree traversal without recursion: hostile input (100,000 nested brackets) must not overflow
// the stack of the extension host.
import type * as TS from 'typescript';
import { typescript } from '../parser';

/** Visits every node in source order (pre-order). Return `false` from `visit` to skip a subtree. */
export function walk(root: TS.Node, visit: (node: TS.Node) => boolean | void): void {
  const ts = typescript();
  const stack: TS.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
    const children: TS.Node[] = [];
    ts.forEachChild(node, (child) => {
      children.push(child);
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

/** Every node of one syntax kind, in source order. */
export function nodesOfKind<T extends TS.Node>(root: TS.Node, is: (node: TS.Node) => node is T): T[] {
  const found: T[] = [];
  walk(root, (node) => {
    if (is(node)) found.push(node);
  });
  return found;
}
