// How a fix refers to a member of Node's crypto module (`randomInt`, `randomUUID`, ...): through a
// binding the file already has, or by adding an import in the file's own module style. A fix
// that would need an import it cannot add cleanly is not offered.
import type * as TS from 'typescript';
import { isRequireCall } from '../ast/bindings';
import type { TextEdit } from '../types';
import { hasIdentifier, type CryptoFacts } from './facts';

export interface CryptoReference {
  /** The expression to call: 'crypto.randomInt', 'randomInt', 'nodeCrypto.randomInt'. */
  expression: string;
  /** An import to add, when the file has none that fits. */
  edits: TextEdit[];
}

/** Does the file look like browser code (React/Vue components, DOM globals)? Node's crypto is absent there. */
export function isBrowserCode(facts: CryptoFacts, fileName: string): boolean {
  return (facts.browser ??= looksLikeBrowserCode(facts, fileName));
}

function looksLikeBrowserCode(facts: CryptoFacts, fileName: string): boolean {
  if (/\.(jsx|tsx|vue|svelte)$/i.test(fileName)) return true;
  const ts = facts.ts;
  for (const st of facts.sourceFile.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const m = st.moduleSpecifier.text;
      if (/^(react|react-dom|preact|vue|svelte|solid-js|@angular\/)/.test(m)) return true;
    }
  }
  // DOM globals used as identifiers (not in strings or comments).
  return hasIdentifier(facts, 'window') || hasIdentifier(facts, 'document');
}

export function nodeCryptoReference(facts: CryptoFacts, member: string): CryptoReference | undefined {
  const ts = facts.ts;
  const sf = facts.sourceFile;
  // An existing binding: `import { randomInt } from 'crypto'`, `import crypto from 'node:crypto'`, `const c = require('crypto')`.
  let namespace: string | undefined;
  for (const [name, bound] of facts.bindings.boundNames()) {
    if (bound === `crypto.${member}`) return { expression: name, edits: [] };
    if (bound === 'crypto' && namespace === undefined) namespace = name;
  }
  if (namespace) return { expression: `${namespace}.${member}`, edits: [] };
  if (hasIdentifier(facts, member)) return undefined; // the name is taken by something else

  const text = sf.text;
  const statements = sf.statements;
  const isEsm =
    /\.(mjs|mts|ts|tsx)$/i.test(sf.fileName) ||
    statements.some((s) => ts.isImportDeclaration(s) || ts.isExportDeclaration(s) || ts.isExportAssignment(s) || hasExportModifier(ts, s));
  if (isEsm) {
    const imports = statements.filter((s) => ts.isImportDeclaration(s));
    const anchor = imports.length > 0 ? imports[imports.length - 1].end : insertionPointAtTop(ts, sf);
    const line = `import { ${member} } from 'node:crypto';`;
    return { expression: member, edits: [insertLine(text, anchor, line, imports.length > 0)] };
  }
  const requires = statements.filter((s) => ts.isVariableStatement(s) && s.declarationList.declarations.some((d) => d.initializer && isRequireCall(d.initializer)));
  const anchor = requires.length > 0 ? requires[requires.length - 1].end : insertionPointAtTop(ts, sf);
  const line = `const { ${member} } = require('node:crypto');`;
  return { expression: member, edits: [insertLine(text, anchor, line, requires.length > 0)] };
}

function hasExportModifier(ts: typeof TS, s: TS.Statement): boolean {
  const mods = ts.canHaveModifiers(s) ? ts.getModifiers(s) : undefined;
  return mods?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false;
}

/** After a shebang, 'use strict' and leading comments: before the first statement. */
function insertionPointAtTop(ts: typeof TS, sf: TS.SourceFile): number {
  for (const s of sf.statements) {
    if (ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression)) continue; // directive prologue
    return s.getStart();
  }
  return sf.statements.length > 0 ? sf.statements[sf.statements.length - 1].end : 0;
}

function insertLine(text: string, at: number, line: string, afterStatement: boolean): TextEdit {
  if (afterStatement) return { start: at, end: at, newText: `\n${line}` };
  // Before the first statement: the line goes above it.
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return { start: lineStart, end: lineStart, newText: `${line}\n` };
}
