// Tree traversal without recursion: hostile input (100,000 nested brackets) must not overflow
// the stack of the extension host.
//
// Many rules walk the same file, and analysis must stay within 2x the cost of parsing. So the
// first walk of a tree flattens it into a pre-order array (with each node's subtree end) that
// later walks of that tree, or of any node in it, replay as a plain loop.
import type * as TS from 'typescript';
import { typescript } from '../parser';

interface Flat {
  /** Every node in pre-order, so positions (node.pos) never decrease along the array. */
  nodes: TS.Node[];
  /** subtreeEnd[i]: index just past the last descendant of nodes[i]. */
  subtreeEnd: Int32Array;
  /** kinds[i] = nodes[i].kind: a scan for a few kinds reads this compact array, not every node object. */
  kinds: Uint16Array;
}

const flattened = new WeakMap<TS.SourceFile, Flat>();

/** Recursion is twice as fast as an explicit stack; below this depth it is also safe. */
const MAX_RECURSION_DEPTH = 500;

// Scratch buffers reused from file to file: the flattening writes here and copies out exactly
// the used length, so a file costs one right-sized allocation per array instead of a chain of
// growing arrays (allocation is what drives the garbage collector during analysis).
const SCRATCH_INITIAL = 1 << 14;
const SCRATCH_KEPT = 1 << 18;
let scratchNodes: TS.Node[] = [];
let scratchEnds = new Int32Array(SCRATCH_INITIAL);
let scratchKinds = new Uint16Array(SCRATCH_INITIAL);

function flatten(root: TS.SourceFile): Flat {
  const ts = typescript();
  const nodes = scratchNodes;
  let count = 0;
  let depth = 0;
  let parent: TS.Node | undefined;
  const append = (node: TS.Node): number => {
    if (count === scratchEnds.length) {
      const ends = new Int32Array(count * 2);
      ends.set(scratchEnds);
      scratchEnds = ends;
      const kinds = new Uint16Array(count * 2);
      kinds.set(scratchKinds);
      scratchKinds = kinds;
    }
    nodes[count] = node;
    scratchKinds[count] = node.kind;
    return count++;
  };
  const visit = (node: TS.Node): undefined => {
    // Parent pointers are set here, in the same traversal, instead of by the parser
    // (createSourceFile's setParentNodes walks the whole tree once more).
    if (parent) (node as { parent: TS.Node }).parent = parent;
    const index = append(node);
    if (depth < MAX_RECURSION_DEPTH) {
      depth++;
      const saved = parent;
      parent = node;
      ts.forEachChild(node, visit);
      parent = saved;
      depth--;
    } else {
      ts.forEachChild(node, (child) => {
        (child as { parent: TS.Node }).parent = node;
        flattenIteratively(child, append, (i) => (scratchEnds[i] = count));
      });
    }
    scratchEnds[index] = count;
    return undefined;
  };
  try {
    visit(root);
    return { nodes: nodes.slice(0, count), subtreeEnd: scratchEnds.slice(0, count), kinds: scratchKinds.slice(0, count) };
  } finally {
    // Drop the references to this tree; keep the capacity for the next file, unless a huge
    // file grew it past what ordinary files need.
    nodes.fill(undefined as unknown as TS.Node, 0, count);
    if (count > SCRATCH_KEPT) {
      scratchNodes = [];
      scratchEnds = new Int32Array(SCRATCH_INITIAL);
      scratchKinds = new Uint16Array(SCRATCH_INITIAL);
    }
  }
}

/** The same pre-order flattening with an explicit stack, for absurdly deep subtrees. */
function flattenIteratively(root: TS.Node, append: (node: TS.Node) => number, close: (index: number) => void): void {
  const ts = typescript();
  // An entry with index >= 0 is an exit marker: all of that node's descendants are emitted.
  const stackNodes: TS.Node[] = [root];
  const stackIndex: number[] = [-1];
  const children: TS.Node[] = [];
  const collect = (child: TS.Node) => {
    children.push(child);
  };
  while (stackNodes.length > 0) {
    const node = stackNodes.pop()!;
    const exitOf = stackIndex.pop()!;
    if (exitOf >= 0) {
      close(exitOf);
      continue;
    }
    const index = append(node);
    stackNodes.push(node);
    stackIndex.push(index);
    children.length = 0;
    ts.forEachChild(node, collect);
    for (let i = children.length - 1; i >= 0; i--) {
      (children[i] as { parent: TS.Node }).parent = node;
      stackNodes.push(children[i]);
      stackIndex.push(-1);
    }
  }
}

/** Flattens a fresh tree and links its parent pointers; parse() calls it on every tree it makes. */
export function indexTree(sourceFile: TS.SourceFile): void {
  if (!flattened.has(sourceFile)) flattened.set(sourceFile, flatten(sourceFile));
}

function flatOf(sourceFile: TS.SourceFile): Flat {
  let flat = flattened.get(sourceFile);
  if (!flat) {
    flat = flatten(sourceFile);
    flattened.set(sourceFile, flat);
  }
  return flat;
}

/** Index of `node` in a pre-order array: binary search on its position, then a short scan of ties. */
export function indexOfNode(nodes: readonly TS.Node[], node: TS.Node): number {
  let lo = 0;
  let hi = nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (nodes[mid].pos < node.pos) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < nodes.length && nodes[i].pos === node.pos; i++) if (nodes[i] === node) return i;
  return -1;
}

/** Visits `root` and every node under it in source order (pre-order). Return `false` from `visit` to skip a subtree. */
export function walk(root: TS.Node, visit: (node: TS.Node) => boolean | void): void {
  const sourceFile = root.getSourceFile();
  if (!sourceFile) return;
  const flat = flatOf(sourceFile);
  const start = root === sourceFile ? 0 : indexOfNode(flat.nodes, root);
  if (start < 0) return;
  const { nodes, subtreeEnd } = flat;
  const end = subtreeEnd[start];
  for (let i = start; i < end; ) {
    if (visit(nodes[i]) === false) i = subtreeEnd[i];
    else i++;
  }
}

/**
 * The whole file in pre-order (shared with every walk of it): loop over `kinds` and touch
 * `nodes[i]` only for the kinds you need; `subtreeEnd[i]` skips a subtree.
 */
export function flatNodes(sourceFile: TS.SourceFile): { readonly nodes: readonly TS.Node[]; readonly kinds: Uint16Array; readonly subtreeEnd: Int32Array } {
  return flatOf(sourceFile);
}

/** Every node of one syntax kind under `root`, in source order. */
export function nodesOfKind<T extends TS.Node>(root: TS.Node, is: (node: TS.Node) => node is T): T[] {
  const found: T[] = [];
  walk(root, (node) => {
    if (is(node)) found.push(node);
  });
  return found;
}
