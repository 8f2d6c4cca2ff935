// The functions of one file that calls can be resolved to: declarations, `const f = () => ...`,
// class methods (with the classes' injected fields, for `this.service.method()`), which of them
// are exported, and their summaries (what flows from each parameter to a sink or the result).
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import { typescript } from '../parser';
import { CLEAN } from './taint-value';
import type { KindMask, SinkSite, Step, Taint } from './types';

export type FunctionNode = TS.FunctionDeclaration | TS.MethodDeclaration | TS.ConstructorDeclaration | TS.FunctionExpression | TS.ArrowFunction;

export interface SummarySink {
  param: number;
  kinds: KindMask;
  steps: readonly Step[];
  site: SinkSite;
}

export interface Summary {
  /** Flows from parameters (origin 'param') and from sources inside to the returned value. */
  returns: Taint;
  sinks: SummarySink[];
  /** Parameters a call statement leaves sanitized (the function throws unless they pass a check). */
  clearsAtExit: Map<number, KindMask>;
  /** Parameters the function's boolean result vouches for when true (`return RE.test(x)`). */
  truthClears: Map<number, KindMask>;
}

export interface FunctionInfo {
  id: number;
  node: FunctionNode;
  name: string;
  /** Set for methods: the class they belong to. */
  className?: string;
  exported: boolean;
  /** A Next.js server action: every argument comes from the client. */
  useServer: boolean;
  /** Taints that how the function is registered gives its parameters (route handler, IPC...). */
  entry: Map<number, Taint>;
  summary: Summary;
}

export function emptySummary(): Summary {
  return { returns: CLEAN, sinks: [], clearsAtExit: new Map(), truthClears: new Map() };
}

export class FunctionIndex {
  readonly all: FunctionInfo[] = [];
  private readonly byNode = new Map<TS.Node, FunctionInfo>();
  private readonly byName = new Map<string, FunctionInfo[]>();
  private readonly methods = new Map<string, Map<string, FunctionInfo>>();
  /** class name -> field name -> declared type name (constructor parameter properties, fields). */
  private readonly fieldTypes = new Map<string, Map<string, string>>();

  private readonly exportedNames = new Set<string>();
  /** Names of every function and method of the file. */
  private readonly names = new Set<string>();
  private readonly fileUseServer: boolean;

  /** Fill it by calling `visit` on every node of the file (the pass's single pre-walk), then `finish`. */
  constructor(sourceFile: TS.SourceFile) {
    this.fileUseServer = hasUseServer(sourceFile.statements);
  }

  visit(node: TS.Node): void {
    const ts = typescript();
    const k = ts.SyntaxKind;
    switch (node.kind) {
      case k.FunctionDeclaration: {
        const f = node as TS.FunctionDeclaration;
        if (f.name && f.body) this.add(f, f.name.text, undefined, hasExportModifier(f), this.fileUseServer);
        return;
      }
      case k.VariableDeclaration: {
        const d = node as TS.VariableDeclaration;
        if (!ts.isIdentifier(d.name) || !d.initializer) return;
        const init = skipWrappers(d.initializer);
        if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) {
          const statement = d.parent?.parent;
          const exported = !!statement && ts.isVariableStatement(statement) && hasExportModifier(statement);
          this.add(init, d.name.text, undefined, exported, this.fileUseServer);
        }
        return;
      }
      case k.ClassDeclaration:
      case k.ClassExpression: {
        const c = node as TS.ClassDeclaration;
        if (c.name) this.addClass(c, c.name.text, hasExportModifier(c));
        return;
      }
      case k.ExportAssignment: {
        const e = node as TS.ExportAssignment;
        if (ts.isIdentifier(e.expression)) this.exportedNames.add(e.expression.text);
        return;
      }
      case k.ExportDeclaration: {
        const e = node as TS.ExportDeclaration;
        if (!e.moduleSpecifier && e.exportClause && ts.isNamedExports(e.exportClause)) {
          for (const el of e.exportClause.elements) this.exportedNames.add((el.propertyName ?? el.name).text);
        }
        return;
      }
      case k.BinaryExpression: {
        const b = node as TS.BinaryExpression;
        if (b.operatorToken.kind === k.EqualsToken && isCommonJsExport(b.left)) collectExportedNames(b.right, this.exportedNames);
        return;
      }
    }
  }

  finish(): void {
    for (const name of this.exportedNames) for (const f of this.byName.get(name) ?? []) f.exported = true;
  }

  private add(node: FunctionNode, name: string, className: string | undefined, exported: boolean, fileUseServer: boolean): FunctionInfo {
    const ts = typescript();
    const body = node.body && ts.isBlock(node.body) ? node.body.statements : undefined;
    const info: FunctionInfo = {
      id: this.all.length,
      node,
      name,
      className,
      exported,
      useServer: fileUseServer || (!!body && hasUseServer(body)),
      entry: new Map(),
      summary: emptySummary(),
    };
    this.all.push(info);
    this.byNode.set(node, info);
    this.names.add(name);
    if (!className) {
      const list = this.byName.get(name) ?? [];
      list.push(info);
      this.byName.set(name, list);
    }
    return info;
  }

  private addClass(node: TS.ClassDeclaration | TS.ClassExpression, className: string, exported: boolean): void {
    const ts = typescript();
    const methods = new Map<string, FunctionInfo>();
    const fields = new Map<string, string>();
    for (const member of node.members) {
      if (ts.isMethodDeclaration(member) && member.body && ts.isIdentifier(member.name)) {
        const isPrivate = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword) ?? false;
        methods.set(member.name.text, this.add(member, member.name.text, className, exported && !isPrivate, false));
      } else if (ts.isPropertyDeclaration(member) && ts.isIdentifier(member.name)) {
        const init = member.initializer && skipWrappers(member.initializer);
        if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) {
          methods.set(member.name.text, this.add(init, member.name.text, className, false, false));
        } else if (member.type && ts.isTypeReferenceNode(member.type) && ts.isIdentifier(member.type.typeName)) {
          fields.set(member.name.text, member.type.typeName.text);
        }
      } else if (ts.isConstructorDeclaration(member)) {
        // Analysed when `new Class(...)` hands it untrusted arguments (see classFields).
        if (member.body) methods.set('constructor', this.add(member, 'constructor', className, false, false));
        for (const p of member.parameters) {
          if (ts.isIdentifier(p.name) && p.type && ts.isTypeReferenceNode(p.type) && ts.isIdentifier(p.type.typeName)) {
            fields.set(p.name.text, p.type.typeName.text);
          }
        }
      }
    }
    this.methods.set(className, methods);
    this.fieldTypes.set(className, fields);
  }

  infoOf(node: TS.Node): FunctionInfo | undefined {
    return this.byNode.get(node);
  }

  /** A plain function called by name; undefined when the name is declared more than once. */
  byFunctionName(name: string): FunctionInfo | undefined {
    const list = this.byName.get(name);
    return list && list.length === 1 ? list[0] : undefined;
  }

  /** Some function or method of the file has this name. */
  hasName(name: string): boolean {
    return this.names.has(name);
  }

  /** Methods of a class of the file (constructor included). */
  methodsOf(className: string): Iterable<FunctionInfo> {
    return this.methods.get(className)?.values() ?? [];
  }

  method(className: string, name: string): FunctionInfo | undefined {
    return this.methods.get(className)?.get(name);
  }

  /** `this.<field>.<name>()` inside `className`: the method of the field's declared class. */
  fieldMethod(className: string, field: string, name: string): FunctionInfo | undefined {
    const type = this.fieldTypes.get(className)?.get(field);
    if (type) return this.method(type, name);
    // Untyped field: a method of that name in exactly one other class of the file.
    let found: FunctionInfo | undefined;
    for (const [cls, methods] of this.methods) {
      if (cls === className) continue;
      const m = methods.get(name);
      if (m) {
        if (found) return undefined;
        found = m;
      }
    }
    return found;
  }
}

function hasExportModifier(node: TS.Node): boolean {
  const ts = typescript();
  const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
  return modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false;
}

function hasUseServer(statements: readonly TS.Statement[]): boolean {
  const ts = typescript();
  for (const s of statements) {
    if (!ts.isExpressionStatement(s) || !ts.isStringLiteral(s.expression)) return false;
    if (s.expression.text === 'use server') return true;
  }
  return false;
}

/** `module.exports`, `module.exports.x`, `exports.x`. */
function isCommonJsExport(left: TS.Expression): boolean {
  const ts = typescript();
  if (!ts.isPropertyAccessExpression(left)) return false;
  const target = left.expression;
  if (ts.isIdentifier(target)) return target.text === 'exports' || (target.text === 'module' && left.name.text === 'exports');
  return ts.isPropertyAccessExpression(target) && ts.isIdentifier(target.expression) && target.expression.text === 'module' && target.name.text === 'exports';
}

function collectExportedNames(value: TS.Expression, out: Set<string>): void {
  const ts = typescript();
  const v = skipWrappers(value);
  if (ts.isIdentifier(v)) out.add(v.text);
  else if (ts.isObjectLiteralExpression(v)) {
    for (const p of v.properties) {
      if (ts.isShorthandPropertyAssignment(p)) out.add(p.name.text);
      else if (ts.isPropertyAssignment(p) && ts.isIdentifier(skipWrappers(p.initializer))) out.add((skipWrappers(p.initializer) as TS.Identifier).text);
    }
  }
}

/** The parameter names of a function, for messages. */
export function parameterName(node: FunctionNode, index: number): string {
  const ts = typescript();
  const p = node.parameters[index];
  return p && ts.isIdentifier(p.name) ? p.name.text : `#${index + 1}`;
}
