// One pass over a file for all weak-crypto rules: the calls with their module-qualified callees,
// the option properties the TLS and JWT rules read, and assignments to interesting targets.
// Shared through ctx.memo so that sixteen rules cost one walk.
import type * as TS from 'typescript';
import { ModuleBindings } from '../ast/bindings';
import { Constants, propertyNameText } from '../ast/constants';
import { walk } from '../ast/walk';
import { typescript } from '../parser';
import type { RuleContext } from '../types';

export interface CallFact {
  node: TS.CallExpression | TS.NewExpression;
  /** Module-qualified callee ('crypto.createHash', 'jsonwebtoken.verify'), or the name as written. */
  callee: string;
}

export interface PropertyFact {
  node: TS.PropertyAssignment;
  name: string;
}

export interface CryptoFacts {
  ts: typeof TS;
  sourceFile: TS.SourceFile;
  bindings: ModuleBindings;
  constants: Constants;
  calls: CallFact[];
  /** Object-literal properties whose names the rules read (see PROPERTY_NAMES). */
  properties: PropertyFact[];
  /** `a.b.c = value` assignments, with the target's qualified name. */
  assignments: { node: TS.BinaryExpression; target: string }[];
  /** String literals and no-substitution templates that mention NODE_TLS_REJECT_UNAUTHORIZED. */
  tlsEnvStrings: TS.StringLiteralLike[];
  /** All identifier texts in the file, to avoid name clashes when a fix adds an import. */
  identifiers: Set<string>;
}

const PROPERTY_NAMES = new Set([
  'rejectUnauthorized', 'minVersion', 'maxVersion', 'secureProtocol', 'ciphers', 'checkServerIdentity',
  'algorithm', 'algorithms', 'alg', 'NODE_TLS_REJECT_UNAUTHORIZED', 'strictSSL', 'iterations', 'name',
]);

/** The shared per-file ModuleBindings (other rule families may use the same memo key). */
export function bindingsOf(ctx: RuleContext): ModuleBindings | undefined {
  const sf = ctx.sourceFile;
  return sf ? ctx.memo('ast:bindings', () => new ModuleBindings(sf)) : undefined;
}

export function constantsOf(ctx: RuleContext): Constants | undefined {
  const sf = ctx.sourceFile;
  return sf ? ctx.memo('ast:constants', () => new Constants(sf)) : undefined;
}

export function cryptoFacts(ctx: RuleContext): CryptoFacts | undefined {
  const sourceFile = ctx.sourceFile;
  if (!sourceFile) return undefined;
  const bindings = bindingsOf(ctx)!;
  const constants = constantsOf(ctx)!;
  return ctx.memo('weak-crypto:facts', () => collect(sourceFile, bindings, constants));
}

function collect(sourceFile: TS.SourceFile, bindings: ModuleBindings, constants: Constants): CryptoFacts {
  const ts = typescript();
  const facts: CryptoFacts = { ts, sourceFile, bindings, constants, calls: [], properties: [], assignments: [], tlsEnvStrings: [], identifiers: new Set() };
  walk(sourceFile, (node) => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = bindings.callee(node);
      if (callee) facts.calls.push({ node, callee });
    } else if (ts.isPropertyAssignment(node)) {
      const name = propertyNameText(node.name);
      if (name && PROPERTY_NAMES.has(name)) facts.properties.push({ node, name });
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const target = bindings.resolve(node.left);
      if (target) facts.assignments.push({ node, target });
    } else if (ts.isStringLiteralLike(node) && node.text.includes('NODE_TLS_REJECT_UNAUTHORIZED')) {
      facts.tlsEnvStrings.push(node);
    } else if (ts.isIdentifier(node)) {
      facts.identifiers.add(node.text);
    }
  });
  return facts;
}

/** Calls whose callee is one of `names` (module-qualified). */
export function callsTo(facts: CryptoFacts, names: ReadonlySet<string>): CallFact[] {
  return facts.calls.filter((c) => names.has(c.callee));
}

/** The last segment of a qualified name: 'crypto.createHash' -> 'createHash'. */
export function lastSegment(qualified: string): string {
  const dot = qualified.lastIndexOf('.');
  return dot < 0 ? qualified : qualified.slice(dot + 1);
}

/** The module part of a callee: 'jsonwebtoken.verify' -> 'jsonwebtoken'. */
export function moduleOfCallee(facts: CryptoFacts, node: TS.Expression): string | undefined {
  const ts = facts.ts;
  let e: TS.Expression = node;
  while (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) e = e.expression;
  if (ts.isIdentifier(e)) return facts.bindings.moduleOf(e.text);
  if (ts.isCallExpression(e)) return facts.bindings.resolve(e);
  return undefined;
}
