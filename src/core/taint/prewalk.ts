// The pass's single walk over the file, before any flow analysis: the file's functions, instance
// and option facts, whether any call is a sink at all, named functions registered where a
// framework fills their parameters, and which functions can matter. A function matters when it
// holds a sink, calls (or hands over) a function that matters, or writes to a variable it does
// not declare; the others are never walked for findings (named ones are summarised only when a
// call needs their result). Most route handlers of a big file query a database and render JSON,
// and are skipped.
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import { flatNodes, indexOfNode } from '../ast/walk';
import { typescript } from '../parser';
import { staticCallbackContext } from './callbacks';
import type { FunctionInfo } from './functions';
import { MUTATORS } from './propagation';
import type { Shared } from './shared';
import { SINK_METHODS, archiveOptionSite, shellTemplateSinks, sinksOfCall, type CallShape } from './sinks';
import { union } from './taint-value';

interface Kinds {
  call: number;
  identifier: number;
  propertyAccess: number;
  parameter: number;
  newExpression: number;
  taggedTemplate: number;
  /** kind -> what the pre-walk does with such a node (see the CLASS_* values). */
  classOf: Uint8Array;
  functionLike: ReadonlySet<number>;
}

const CLASS_NONE = 0;
const CLASS_CALL = 1;
const CLASS_VARIABLE = 2;
const CLASS_BINARY = 4;
/** Declarations the function index reads (functions, classes, exports). */
const CLASS_INDEXED = 6;
/** Function-like nodes that are also indexed (function declarations). */
const CLASS_FUNCTION_INDEXED = 7;
/** Function-like nodes the index does not read itself (arrows, methods: classes add theirs). */
const CLASS_FUNCTION = 8;

let kinds: Kinds | undefined;

function kindsOf(): Kinds {
  if (kinds) return kinds;
  const k = typescript().SyntaxKind;
  const classOf = new Uint8Array(k.Count + 1);
  classOf[k.CallExpression] = CLASS_CALL;
  classOf[k.NewExpression] = CLASS_CALL;
  // Shell templates (Bun's `$.raw`) are sinks too.
  classOf[k.TaggedTemplateExpression] = CLASS_CALL;
  classOf[k.VariableDeclaration] = CLASS_VARIABLE;
  classOf[k.BinaryExpression] = CLASS_BINARY;
  for (const kind of [k.ClassDeclaration, k.ClassExpression, k.ExportAssignment, k.ExportDeclaration]) classOf[kind] = CLASS_INDEXED;
  classOf[k.FunctionDeclaration] = CLASS_FUNCTION_INDEXED;
  for (const kind of [k.FunctionExpression, k.ArrowFunction, k.MethodDeclaration, k.Constructor, k.GetAccessor, k.SetAccessor]) classOf[kind] = CLASS_FUNCTION;
  kinds = {
    call: k.CallExpression,
    identifier: k.Identifier,
    propertyAccess: k.PropertyAccessExpression,
    parameter: k.Parameter,
    newExpression: k.NewExpression,
    taggedTemplate: k.TaggedTemplateExpression,
    classOf,
    functionLike: new Set([k.FunctionDeclaration, k.FunctionExpression, k.ArrowFunction, k.MethodDeclaration, k.Constructor, k.GetAccessor, k.SetAccessor]),
  };
  return kinds;
}

/** Returns false when the file has no sink: nothing to analyse. */
export function preWalk(shared: Shared): boolean {
  const ts = typescript();
  const K = kindsOf();
  const { classOf } = K;
  const k = ts.SyntaxKind;
  const firstAssignment = k.FirstAssignment;
  const lastAssignment = k.LastAssignment;
  const calls: (TS.CallExpression | TS.NewExpression | TS.TaggedTemplateExpression)[] = [];
  const writes: TS.Node[] = [];
  /** The innermost function around each write (undefined at the top level). */
  const writeOwners: (TS.Node | undefined)[] = [];
  const sf = shared.sf;
  const functions = shared.functions;
  // Open function-like nodes around the current one: pre-order, so a node past a function's end is outside it.
  const open: TS.Node[] = [];
  // Most nodes are of no interest: read their kinds from the compact array, not the node objects.
  const flat = flatNodes(sf);
  const nodeList = flat.nodes;
  const kindList = flat.kinds;
  for (let i = 0, count = nodeList.length; i < count; i++) {
    const cls = classOf[kindList[i]];
    if (cls === CLASS_NONE) continue;
    const node = nodeList[i];
    while (open.length > 0 && node.pos >= open[open.length - 1].end) open.pop();
    switch (cls) {
      case CLASS_CALL:
        calls.push(node as TS.CallExpression);
        break;
      case CLASS_VARIABLE:
        functions.visit(node);
        break;
      case CLASS_BINARY: {
        const op = (node as TS.BinaryExpression).operatorToken.kind;
        if (op < firstAssignment || op > lastAssignment) break;
        functions.visit(node);
        writes.push(node);
        writeOwners.push(open[open.length - 1]);
        break;
      }
      case CLASS_INDEXED:
        functions.visit(node);
        break;
      case CLASS_FUNCTION_INDEXED:
        functions.visit(node);
        open.push(node);
        break;
      case CLASS_FUNCTION:
        open.push(node);
        break;
    }
  }
  functions.finish();

  let anySink = false;
  const effects: TS.Node[] = [];
  /** Calls and references to functions of the file, by name: they matter once the callee does. */
  const references: { node: TS.Node; name: string }[] = [];
  const registrations: { call: TS.CallExpression | TS.NewExpression; index: number; fn: FunctionInfo }[] = [];
  for (const any of calls) {
    if (any.kind === K.taggedTemplate) {
      const tagged = any as TS.TaggedTemplateExpression;
      if (shellTemplateSinks(tagged, shared.resolveModule(tagged.tag), sf).length > 0) {
        anySink = true;
        effects.push(tagged);
      }
      continue;
    }
    const node = any as TS.CallExpression | TS.NewExpression;
    const args = node.arguments;
    if (args) {
      for (let index = 0; index < args.length; index++) {
        const a = skipWrappers(args[index]);
        if (a.kind !== K.identifier) continue;
        const name = (a as TS.Identifier).text;
        if (!shared.functions.hasName(name)) continue;
        references.push({ node, name });
        const fn = shared.functions.byFunctionName(name);
        if (fn) registrations.push({ call: node, index, fn });
      }
    }
    if (node.kind !== K.call) {
      // `new Service(input)`: the constructor may store the input for a method that reaches a sink.
      const created = skipWrappers(node.expression);
      if (created.kind === K.identifier) for (const m of shared.functions.methodsOf((created as TS.Identifier).text)) references.push({ node, name: m.name });
      // Constructors that run a command (`new Deno.Command(program, { args })`).
      const qualified = shared.resolveModule((node as TS.NewExpression).expression);
      if (qualified && sinksOfCall({ call: node as TS.NewExpression, qualified }, shared.constants, sf).length > 0) {
        anySink = true;
        effects.push(node);
      }
      continue;
    }
    const call = node as TS.CallExpression;
    const callee = skipWrappers(call.expression);
    const isMember = callee.kind === K.propertyAccess;
    const calleeName = callee.kind === K.identifier ? (callee as TS.Identifier).text : isMember ? (callee as TS.PropertyAccessExpression).name.text : undefined;
    // Calls the analysis can resolve to a function of the file: by name, or `this.m()` / `this.field.m()` in a class.
    if (calleeName && shared.functions.hasName(calleeName) && (!isMember || isThisMember(callee as TS.PropertyAccessExpression))) references.push({ node, name: calleeName });
    if (calleeName && MUTATORS.has(calleeName) && isMember) {
      writes.push(call);
      writeOwners.push(enclosingFunction(call));
    }
    const qualified = shared.resolveModule(callee);
    if (qualified === 'electron.contextBridge.exposeInMainWorld' || qualified === 'electron.contextBridge.exposeInIsolatedWorld') {
      const api = call.arguments[1] && skipWrappers(call.arguments[1]);
      if (api && ts.isIdentifier(api)) shared.exposedApis.add(api.text);
    }
    const sinkMethod = !!calleeName && isMember && SINK_METHODS.has(calleeName);
    // Which instance a receiver holds is only known during the analysis (two `zip` variables): keep the call's function.
    if (sinkMethod) effects.push(call);
    if (!qualified && !sinkMethod) continue;
    const receiver = isMember ? skipWrappers((callee as TS.PropertyAccessExpression).expression) : undefined;
    const receiverName = receiver && receiver.kind === K.identifier ? (receiver as TS.Identifier).text : undefined;
    const shape: CallShape = {
      call,
      qualified,
      method: isMember ? calleeName : undefined,
      receiverText: receiverName,
      // Only method sinks (archive.file, client.exec) depend on what the receiver holds.
      receiverInstance: receiverName && sinkMethod ? shared.instanceOf(receiverName) : undefined,
    };
    if (qualified === 'multer.diskStorage' || calleeName === 'mv' || sinksOfCall(shape, shared.constants, shared.sf).length > 0 || archiveOptionSite(shape, shared.constants, shared.sf)) {
      anySink = true;
      if (!sinkMethod) effects.push(call);
    }
  }
  if (!anySink) return false;
  const topLevelWrites: TS.Node[] = [];
  const declared = new DeclaredNames(sf);
  for (let i = 0; i < writes.length; i++) {
    if (!writeOwners[i]) topLevelWrites.push(writes[i]);
    else if (escapes(writes[i], writeOwners[i], declared)) effects.push(writes[i]);
  }
  const relevantNames = markRelevant(shared, effects, references);
  markTopLevel(shared, [effects, topLevelWrites, references.filter((r) => relevantNames.has(r.name)).map((r) => r.node)]);
  for (const { call, index, fn } of registrations) {
    const context = staticCallbackContext(shared, call, index);
    if (!context) continue;
    fn.node.parameters.forEach((p, i) => {
      const t = context(i, p);
      if (t) fn.entry.set(i, union(fn.entry.get(i) ?? { flows: [] }, t));
    });
  }
  return true;
}

/** The innermost function-like node around `node` (undefined at the top level). */
function enclosingFunction(node: TS.Node): TS.Node | undefined {
  const fns = kindsOf().functionLike;
  for (let n = node.parent; n; n = n.parent) if (fns.has(n.kind)) return n;
  return undefined;
}

function isThisMember(callee: TS.PropertyAccessExpression): boolean {
  const k = typescript().SyntaxKind;
  const receiver = skipWrappers(callee.expression);
  if (receiver.kind === k.ThisKeyword) return true;
  return receiver.kind === k.PropertyAccessExpression && skipWrappers((receiver as TS.PropertyAccessExpression).expression).kind === k.ThisKeyword;
}

/**
 * Names each function declares (parameters, and variables outside nested functions) and the
 * names the file declares at its top level; read from the flat tree on demand, since only
 * functions that write somewhere need them.
 */
class DeclaredNames {
  private readonly byOwner = new Map<TS.Node, Set<string>>();

  constructor(private readonly sf: TS.SourceFile) {}

  has(owner: TS.Node, name: string): boolean {
    let names = this.byOwner.get(owner);
    if (!names) this.byOwner.set(owner, (names = this.collect(owner)));
    return names.has(name);
  }

  private collect(owner: TS.Node): Set<string> {
    const ts = typescript();
    const k = ts.SyntaxKind;
    const names = new Set<string>();
    if (owner !== this.sf) for (const p of (owner as TS.SignatureDeclaration).parameters) addBindingNames(p.name, names);
    const { nodes, kinds, subtreeEnd } = flatNodes(this.sf);
    const start = owner === this.sf ? 0 : indexOfNode(nodes, owner);
    if (start < 0) return names;
    const functionLike = kindsOf().functionLike;
    for (let i = start + 1, end = subtreeEnd[start]; i < end; ) {
      const kind = kinds[i];
      // Nested functions declare their own names.
      if (functionLike.has(kind)) {
        i = subtreeEnd[i];
        continue;
      }
      if (kind === k.VariableDeclaration) addBindingNames((nodes[i] as TS.VariableDeclaration).name, names);
      i++;
    }
    return names;
  }
}

function addBindingNames(name: TS.BindingName, out: Set<string>): void {
  const ts = typescript();
  if (ts.isIdentifier(name)) {
    out.add(name.text);
    return;
  }
  for (const el of name.elements) if (!ts.isOmittedExpression(el)) addBindingNames(el.name, out);
}

/**
 * A write (assignment, push/set/add) to a variable of an outer function or of the file, which
 * code elsewhere may read. Writes to the function's own variables and parameters, to `this`
 * (each method is analysed on its own) and to names the file does not declare (imports,
 * globals) cannot reach another function's sink through the analysis.
 */
function escapes(write: TS.Node, fn: TS.Node | undefined, declared: DeclaredNames): boolean {
  const ts = typescript();
  if (!fn) return false;
  const target = ts.isBinaryExpression(write) ? write.left : ((write as TS.CallExpression).expression as TS.PropertyAccessExpression).expression;
  const root = rootName(target);
  // Destructuring assignments and computed targets: assume they escape.
  if (root === undefined) return true;
  if (root === 'this') return false;
  const outermost = enclosingFunction(fn);
  // A function at the top level (most handlers) can only write to the file's own variables.
  if (!outermost) return declared.has(write.getSourceFile(), root) && !declared.has(fn, root);
  if (declared.has(fn, root)) return false;
  for (let outer: TS.Node | undefined = outermost; ; outer = enclosingFunction(outer)) {
    if (declared.has(outer ?? write.getSourceFile(), root)) return true;
    if (!outer) return false;
  }
}

function rootName(expr: TS.Expression): string | undefined {
  const ts = typescript();
  let e = skipWrappers(expr);
  for (let i = 0; i < 64; i++) {
    if (ts.isIdentifier(e)) return e.text;
    if (e.kind === ts.SyntaxKind.ThisKeyword) return 'this';
    if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) e = skipWrappers(e.expression);
    else return undefined;
  }
  return undefined;
}

/**
 * Marks the functions around each effect as relevant, then those that call or hand over a
 * relevant function of the file (by name, so overloads and methods of the same name count),
 * until nothing changes.
 */
function markRelevant(shared: Shared, effects: readonly TS.Node[], references: readonly { node: TS.Node; name: string }[]): ReadonlySet<string> {
  const byName = new Map<string, TS.Node[]>();
  for (const r of references) {
    const list = byName.get(r.name);
    if (list) list.push(r.node);
    else byName.set(r.name, [r.node]);
  }
  const fns = kindsOf().functionLike;
  const newlyRelevant: string[] = [];
  const markFrom = (start: TS.Node) => {
    for (let n: TS.Node | undefined = start.parent; n; n = n.parent) {
      if (!fns.has(n.kind)) continue;
      if (shared.relevant.has(n)) break;
      shared.relevant.add(n);
      const info = shared.functions.infoOf(n);
      if (info) newlyRelevant.push(info.name);
    }
  };
  for (const e of effects) markFrom(e);
  // Each name is processed once: a chain of 300 helpers costs 300 steps, not 300 rounds.
  const done = new Set<string>();
  while (newlyRelevant.length > 0) {
    const name = newlyRelevant.pop()!;
    if (done.has(name)) continue;
    done.add(name);
    for (const node of byName.get(name) ?? []) markFrom(node);
  }
  return done;
}

/**
 * Top-level statements the module pass must evaluate besides declarations: those holding an
 * effect, a top-level write, a reference to a function of the file, or a relevant function.
 * `router.get('/x', auth, async (req, res) => res.json(await db.find()))` is skipped whole.
 */
function markTopLevel(shared: Shared, groups: readonly (readonly TS.Node[])[]): void {
  const sf = shared.sf;
  const mark = (node: TS.Node) => {
    let n = node;
    while (n.parent && n.parent !== sf) n = n.parent;
    if (n.parent === sf) shared.topLevel.add(n as TS.Statement);
  };
  for (const group of groups) for (const node of group) mark(node);
  for (const fn of shared.relevant) mark(fn);
}
