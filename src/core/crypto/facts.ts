// One pass over a file for all weak-crypto rules: the calls with their module-qualified callees,
// the option properties the TLS and JWT rules read, and assignments to interesting targets.
// Shared through ctx.memo so that sixteen rules cost one walk.
import type * as TS from 'typescript';
import type { ModuleBindings } from '../ast/bindings';
import { propertyNameText, type Constants } from '../ast/constants';
import { bindingsOf, constantsOf } from '../ast/per-file';
import { flatNodes } from '../ast/walk';
import { typescript } from '../parser';
import type { RuleContext } from '../types';
import type { DigestUse } from './digests';
import { mayHoldUriTlsOption } from './uri-options';

export interface CallFact {
  node: TS.CallExpression | TS.NewExpression;
  /** Module-qualified callee ('crypto.createHash', 'jsonwebtoken.verify'), the name as written, or '' when unknown. */
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
  /** The same calls by callee, for the rules' lookups. */
  byCallee: Map<string, CallFact[]>;
  /** Object-literal properties whose names the rules read (see PROPERTY_NAMES). */
  properties: PropertyFact[];
  /** Object-literal methods whose names the rules read: `{ checkServerIdentity() {} }`. */
  methods: TS.MethodDeclaration[];
  /** `a.b.c = value` assignments, with the target's qualified name. */
  assignments: { node: TS.BinaryExpression; target: string }[];
  /** String literals and no-substitution templates that mention NODE_TLS_REJECT_UNAUTHORIZED. */
  tlsEnvStrings: TS.StringLiteralLike[];
  /** String literals and template parts that may hold connection-string TLS options (`?tlsInsecure=true`). */
  uriStrings: TS.Node[];
  /** Whether the file is browser code (computed on first use by isBrowserCode()). */
  browser?: boolean;
  /** The file's digest computations (computed on first use by digestUses()). */
  digests?: DigestUse[];
}

const PROPERTY_NAMES = new Set([
  'rejectUnauthorized', 'minVersion', 'maxVersion', 'secureProtocol', 'ciphers', 'checkServerIdentity',
  'algorithm', 'algorithms', 'alg', 'NODE_TLS_REJECT_UNAUTHORIZED', 'strictSSL', 'iterations', 'name',
  // MongoDB driver TLS options, ssh2's host key callback, RSA encryption padding.
  'tlsAllowInvalidCertificates', 'tlsAllowInvalidHostnames', 'tlsInsecure', 'sslValidate', 'hostVerifier', 'padding',
]);

export function cryptoFacts(ctx: RuleContext): CryptoFacts | undefined {
  const sourceFile = ctx.sourceFile;
  if (!sourceFile) return undefined;
  const bindings = bindingsOf(ctx)!;
  const constants = constantsOf(ctx)!;
  return ctx.memo('weak-crypto:facts', () => collect(sourceFile, bindings, constants));
}

function collect(sourceFile: TS.SourceFile, bindings: ModuleBindings, constants: Constants): CryptoFacts {
  const ts = typescript();
  const facts: CryptoFacts = { ts, sourceFile, bindings, constants, calls: [], byCallee: new Map(), properties: [], methods: [], assignments: [], tlsEnvStrings: [], uriStrings: [] };
  const k = ts.SyntaxKind;
  // One loop over the flattened tree, dispatching on the compact kinds array: most nodes are
  // rejected by one integer comparison instead of a chain of ts.isX() calls.
  const { nodes, kinds } = flatNodes(sourceFile);
  for (let i = 0; i < kinds.length; i++) {
    const kind = kinds[i];
    if (kind === k.CallExpression || kind === k.NewExpression) {
      const node = nodes[i] as TS.CallExpression | TS.NewExpression;
      // Unresolvable callees (`new SignJWT(c).sign(k)`) are kept with '' for the rules that match on shape.
      const fact = { node, callee: bindings.callee(node) ?? '' };
      facts.calls.push(fact);
      const same = facts.byCallee.get(fact.callee);
      if (same) same.push(fact);
      else facts.byCallee.set(fact.callee, [fact]);
    } else if (kind === k.PropertyAssignment) {
      const node = nodes[i] as TS.PropertyAssignment;
      const name = propertyNameText(node.name);
      if (name && PROPERTY_NAMES.has(name)) facts.properties.push({ node, name });
    } else if (kind === k.MethodDeclaration) {
      const node = nodes[i] as TS.MethodDeclaration;
      if (!ts.isObjectLiteralExpression(node.parent)) continue;
      const name = propertyNameText(node.name);
      if (name && PROPERTY_NAMES.has(name)) facts.methods.push(node);
    } else if (kind === k.BinaryExpression) {
      const node = nodes[i] as TS.BinaryExpression;
      if (node.operatorToken.kind !== k.EqualsToken) continue;
      const target = bindings.resolve(node.left);
      if (target) facts.assignments.push({ node, target });
    } else if (kind === k.StringLiteral || kind === k.NoSubstitutionTemplateLiteral || (kind >= k.TemplateHead && kind <= k.TemplateTail)) {
      const node = nodes[i] as TS.StringLiteralLike | TS.TemplateLiteralLikeNode;
      const text = node.text;
      if (kind !== k.TemplateHead && kind !== k.TemplateMiddle && kind !== k.TemplateTail && text.includes('NODE_TLS_REJECT_UNAUTHORIZED')) facts.tlsEnvStrings.push(node as TS.StringLiteralLike);
      if (text.includes('=') && mayHoldUriTlsOption(text)) facts.uriStrings.push(node);
    }
  }
  return facts;
}

/** Calls whose callee is one of `names` (module-qualified), in source order. */
export function callsTo(facts: CryptoFacts, names: Iterable<string>): CallFact[] {
  const found: CallFact[] = [];
  for (const name of names) {
    const calls = facts.byCallee.get(name);
    if (calls) for (const call of calls) found.push(call);
  }
  return found.sort((a, b) => a.node.pos - b.node.pos);
}

/** Calls whose callee starts with `prefix` ('crypto-js.', 'node-forge.des.'). */
export function callsWithPrefix(facts: CryptoFacts, prefix: string): CallFact[] {
  const found: CallFact[] = [];
  // Keys, not entries: iterating entries allocates a pair per callee, and this runs per rule.
  for (const callee of facts.byCallee.keys()) if (callee.startsWith(prefix)) for (const call of facts.byCallee.get(callee)!) found.push(call);
  return found.sort((a, b) => a.node.pos - b.node.pos);
}

/** Calls whose callee ends with `suffix` ('subtle.digest' for crypto.subtle.digest, window.crypto.subtle.digest, ...). */
export function callsWithSuffix(facts: CryptoFacts, suffix: string): CallFact[] {
  const found: CallFact[] = [];
  for (const callee of facts.byCallee.keys()) if (callee.endsWith(suffix)) for (const call of facts.byCallee.get(callee)!) found.push(call);
  return found.sort((a, b) => a.node.pos - b.node.pos);
}

/**
 * True when an identifier with this text occurs in the file (a fix that adds an import must not
 * clash with it). Builds nothing: a substring test first, then a scan of the compact kinds array.
 */
export function hasIdentifier(facts: CryptoFacts, name: string): boolean {
  if (!facts.sourceFile.text.includes(name)) return false;
  const identifier = facts.ts.SyntaxKind.Identifier;
  // escapedText is the stored field (text is a getter that unescapes); they differ only for names starting with '__'.
  const escaped = facts.ts.escapeLeadingUnderscores(name);
  const { nodes, kinds } = flatNodes(facts.sourceFile);
  for (let i = 0; i < kinds.length; i++) if (kinds[i] === identifier && (nodes[i] as TS.Identifier).escapedText === escaped) return true;
  return false;
}

/** The last segment of a qualified name: 'crypto.createHash' -> 'createHash'. */
export function lastSegment(qualified: string): string {
  const dot = qualified.lastIndexOf('.');
  return dot < 0 ? qualified : qualified.slice(dot + 1);
}
