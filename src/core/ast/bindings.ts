// Names of imported modules and their members, so that rules can ask "is this call
// child_process.exec?" however the code imported, aliased, destructured or promisified it.
import type * as TS from 'typescript';
import { typescript } from '../parser';
import { flatNodes } from './walk';

/** 'node:fs' -> 'fs', 'fs/promises' -> 'fs.promises', 'node:child_process' -> 'child_process'. */
export function normalizeModule(specifier: string): string {
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  return bare.replace(/\//g, '.');
}

/** Maps local identifiers to qualified module names ('child_process.exec', 'fs', 'crypto.createHash'). */
export class ModuleBindings {
  private readonly names = new Map<string, string>();

  constructor(sourceFile: TS.SourceFile) {
    const ts = typescript();
    const k = ts.SyntaxKind;
    // Only three kinds matter: test the compact kinds array and touch just those nodes.
    const { nodes, kinds } = flatNodes(sourceFile);
    for (let i = 0; i < kinds.length; i++) {
      const kind = kinds[i];
      if (kind !== k.ImportDeclaration && kind !== k.ImportEqualsDeclaration && kind !== k.VariableDeclaration) continue;
      const node = nodes[i];
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && node.importClause) {
        const module = normalizeModule(node.moduleSpecifier.text);
        const clause = node.importClause;
        if (clause.name) this.names.set(clause.name.text, module);
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) this.names.set(bindings.name.text, module);
        if (bindings && ts.isNamedImports(bindings)) {
          for (const el of bindings.elements) {
            const imported = (el.propertyName ?? el.name).text;
            this.names.set(el.name.text, imported === 'default' ? module : `${module}.${imported}`);
          }
        }
      } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
        const ref = node.moduleReference.expression;
        if (ts.isStringLiteral(ref)) this.names.set(node.name.text, normalizeModule(ref.text));
      } else if (ts.isVariableDeclaration(node) && node.initializer) {
        this.bindDeclaration(node.name, node.initializer);
      }
    }
  }

  private bindDeclaration(name: TS.BindingName, initializer: TS.Expression): void {
    const ts = typescript();
    // The cheap rootedness test first: most initializers are not module references.
    if (!this.isModuleRooted(initializer)) return;
    const source = this.resolve(initializer);
    if (!source) return;
    if (ts.isIdentifier(name)) {
      if (!this.names.has(name.text)) this.names.set(name.text, source);
    } else if (ts.isObjectBindingPattern(name)) {
      for (const el of name.elements) {
        const key = el.propertyName ?? el.name;
        if (ts.isIdentifier(el.name) && (ts.isIdentifier(key) || ts.isStringLiteral(key))) {
          this.names.set(el.name.text, `${source}.${key.text}`);
        }
      }
    }
  }

  /** True when the expression's qualified name starts at a module (not at a local object). */
  private isModuleRooted(expr: TS.Expression): boolean {
    const ts = typescript();
    let e: TS.Expression = expr;
    for (;;) {
      e = skipWrappers(e);
      if (ts.isPropertyAccessExpression(e)) e = e.expression;
      else if (isRequireCall(e)) return true;
      else if (ts.isCallExpression(e) && e.arguments.length > 0 && isPromisify(e.expression)) e = e.arguments[0];
      else if (ts.isIdentifier(e)) return this.names.has(e.text);
      else return false;
    }
  }

  /**
   * The qualified name of an expression: `cp.exec` -> 'child_process.exec' when `cp` is
   * child_process, `require('fs').promises.readFile` -> 'fs.promises.readFile'; a name not
   * bound to a module is returned as written ('res.sendFile').
   */
  resolve(expr: TS.Expression): string | undefined {
    // Iterative: a 20,000-deep member chain (`a.b.b.b...`) must not overflow the stack.
    const ts = typescript();
    // A reused scratch list: this runs for every call in every file, and allocation is what
    // drives the garbage collector during analysis. Nothing below re-enters resolve().
    const members = scratchMembers;
    members.length = 0;
    let e = skipWrappers(expr);
    for (;;) {
      if (ts.isPropertyAccessExpression(e)) {
        members.push(e.name.text);
        e = skipWrappers(e.expression);
      } else if (ts.isElementAccessExpression(e) && ts.isStringLiteralLike(e.argumentExpression)) {
        members.push(e.argumentExpression.text);
        e = skipWrappers(e.expression);
      } else if (ts.isCallExpression(e) && !isRequireCall(e) && e.arguments.length > 0 && isPromisify(e.expression)) {
        // util.promisify(exec) behaves like exec for our purposes.
        e = skipWrappers(e.arguments[0]);
      } else break;
    }
    let base: string | undefined;
    if (ts.isIdentifier(e)) base = this.names.get(e.text) ?? e.text;
    else if (e.kind === ts.SyntaxKind.ThisKeyword) base = 'this';
    else if (ts.isCallExpression(e) && isRequireCall(e)) base = normalizeModule((e.arguments[0] as TS.StringLiteral).text);
    if (base === undefined) return undefined;
    let qualified = base;
    for (let i = members.length - 1; i >= 0; i--) qualified += '.' + members[i];
    return qualified;
  }

  /** Every local name bound to a module, with its qualified name, in declaration order. */
  boundNames(): IterableIterator<[string, string]> {
    return this.names.entries();
  }

  /** The qualified module name a local identifier is bound to, or undefined for a local name. */
  moduleOf(localName: string): string | undefined {
    return this.names.get(localName);
  }

  /** The module-qualified callee of a call or `new` expression. */
  callee(call: TS.CallExpression | TS.NewExpression): string | undefined {
    return this.resolve(call.expression);
  }

  /**
   * Like `resolve`, but only for names that start at an imported module ('fs.readFile' for
   * `fsp.readFile` when `fsp` is fs); undefined for local objects, so callers can tell a module
   * API from a same-named method of some local value.
   */
  resolveModule(expr: TS.Expression): string | undefined {
    return this.isModuleRooted(expr) ? this.resolve(expr) : undefined;
  }
}

const scratchMembers: string[] = [];

/** `require('module')` with a literal specifier. (Not a type guard: a false says nothing about the node's kind.) */
export function isRequireCall(node: TS.Node): boolean {
  const ts = typescript();
  return (
    ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'require' &&
    node.arguments.length === 1 &&
    ts.isStringLiteralLike(node.arguments[0])
  );
}

function isPromisify(expr: TS.Expression): boolean {
  const ts = typescript();
  const e = skipWrappers(expr);
  if (ts.isIdentifier(e)) return e.text === 'promisify';
  return ts.isPropertyAccessExpression(e) && e.name.text === 'promisify';
}

/** Strips parentheses, `await`, type assertions and non-null assertions. */
export function skipWrappers(expr: TS.Expression): TS.Expression {
  // A kind lookup instead of six type-guard calls: this runs for nearly every expression visited.
  const kinds = (wrapperKinds ??= wrapperKindSet());
  let e = expr;
  while (kinds.has(e.kind)) e = (e as TS.ParenthesizedExpression).expression;
  return e;
}

let wrapperKinds: ReadonlySet<TS.SyntaxKind> | undefined;

function wrapperKindSet(): ReadonlySet<TS.SyntaxKind> {
  const k = typescript().SyntaxKind;
  return new Set([k.ParenthesizedExpression, k.AsExpression, k.NonNullExpression, k.AwaitExpression, k.TypeAssertionExpression, k.SatisfiesExpression]);
}
