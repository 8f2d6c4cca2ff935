// An IV or nonce that does not change between messages: a literal, a zero buffer, bytes of the
// key, a value fixed in configuration, or one random value made once at module load and reused.
// CBC then leaks equal message prefixes; CTR and GCM reuse the keystream (GCM also loses
// authenticity). Only the encrypting side is flagged: a decipher must use the IV it is given.
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import { propertyOf } from '../ast/constants';
import { cipherTakesNoIv } from '../crypto/algorithms';
import { callRange } from '../crypto/edits';
import { cryptoFacts, type CryptoFacts } from '../crypto/facts';
import { containsRandomCall } from '../crypto/purpose';
import { declarationOf, enclosingFunction, referencesOf } from '../crypto/value-flow';
import { envName, objectLiteralOf, stringValue } from '../crypto/values';
import { splitWords } from '../crypto/words';
import type { Rule } from '../types';

const RANDOM_FILLERS = new Set(['crypto.randomFillSync', 'crypto.randomFill', 'crypto.getRandomValues', 'crypto.webcrypto.getRandomValues']);
const KEY_WORDS = new Set(['key', 'secret', 'passphrase', 'password']);

export const staticIv: Rule = {
  meta: {
    id: 'static-iv',
    category: 'weak-crypto',
    cwe: [329, 1204],
    owasp: 'A02:2021 Cryptographic Failures',
    severity: 'error',
    name: 'Static, predictable or key-derived IV/nonce',
    description:
      'An initialisation vector (IV) or nonce must be unique for every message encrypted under a key, and unpredictable for CBC. A ' +
      'constant IV, a zero buffer, bytes of the key, an IV fixed in configuration, or one random IV created at module load and reused ' +
      'makes CBC leak which messages share a prefix and makes CTR and GCM reuse their keystream (two ciphertexts XOR to the two ' +
      'plaintexts; GCM also loses its authenticity guarantee). Generate a fresh IV per message with crypto.randomBytes() and store it ' +
      'next to the ciphertext.',
    scope: 'code',
  },
  check(ctx) {
    const facts = cryptoFacts(ctx);
    if (!facts) return;
    const ts = facts.ts;
    for (const { node, callee } of facts.calls) {
      let iv: TS.Expression | undefined;
      let key: TS.Expression | undefined;
      if (callee === 'crypto.createCipheriv') {
        const algorithm = stringValue(facts, node.arguments?.[0]);
        if (algorithm && cipherTakesNoIv(String(algorithm.value))) continue;
        key = node.arguments?.[1];
        iv = node.arguments?.[2];
      } else if (/^crypto-js\.[A-Za-z]+\.encrypt$/.test(callee)) {
        const ivProp = propertyOf(objectLiteralOf(facts, node.arguments?.[2]), 'iv');
        if (!ivProp || !ts.isPropertyAssignment(ivProp)) continue;
        key = node.arguments?.[1];
        iv = ivProp.initializer;
      } else if (ts.isCallExpression(node) && isForgeCipherStart(facts, node)) {
        const ivProp = propertyOf(objectLiteralOf(facts, node.arguments[0]), 'iv');
        if (!ivProp || !ts.isPropertyAssignment(ivProp)) continue;
        iv = ivProp.initializer;
      } else continue;
      if (!iv) continue;
      const why = staticReason(facts, iv, key, node, 0);
      if (!why) continue;
      ctx.report({
        ...callRange(node, ctx.text),
        message: `The IV ${why}, so it repeats across messages: CBC leaks equal prefixes and CTR/GCM reuse the keystream. Generate a fresh IV per message (crypto.randomBytes(${ivLength(facts, node)})) and store it with the ciphertext.`,
      });
    }
  },
};

function ivLength(facts: CryptoFacts, node: TS.CallExpression | TS.NewExpression): number {
  const algorithm = stringValue(facts, node.arguments?.[0]);
  const a = algorithm ? String(algorithm.value).toLowerCase() : '';
  return a.includes('gcm') || a.includes('chacha20') || a.includes('ccm') || a.includes('ocb') ? 12 : 16;
}

/** `cipher.start({ iv })` on a node-forge cipher. */
function isForgeCipherStart(facts: CryptoFacts, call: TS.CallExpression): boolean {
  const ts = facts.ts;
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'start' || !ts.isIdentifier(callee.expression)) return false;
  const decl = declarationOf(facts, callee.expression);
  if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return false;
  const init = skipWrappers(decl.initializer);
  return ts.isCallExpression(init) && facts.bindings.resolve(init.expression) === 'node-forge.cipher.createCipher';
}

/** Why `iv` is the same for every message, or undefined when it may vary. */
function staticReason(facts: CryptoFacts, expr: TS.Expression, key: TS.Expression | undefined, cipherCall: TS.Node, depth: number): string | undefined {
  if (depth > 6) return undefined;
  const ts = facts.ts;
  const e = skipWrappers(expr);
  if (ts.isStringLiteralLike(e)) return e.text === '' ? undefined : 'is a string constant';
  if (ts.isNumericLiteral(e)) return 'is a constant';
  if (key && sameRoot(ts, e, key)) return 'is derived from the key';
  const env = envName(facts, e);
  if (env) return `is fixed in configuration (process.env.${env})`;
  if (ts.isCallExpression(e) || ts.isNewExpression(e)) {
    if (containsRandomCall(facts, e)) return undefined;
    const callee = facts.bindings.resolve(e.expression) ?? '';
    const args = e.arguments ?? [];
    if (callee === 'Buffer.alloc' || (ts.isNewExpression(e) && /^(Uint8Array|Buffer|Uint32Array)$/.test(callee) && args.every((a) => !ts.isIdentifier(a) || isConstantExpr(facts, a)))) {
      return 'is a constant zero-filled buffer';
    }
    if (callee === 'Buffer.from' || callee === 'Buffer.of' || callee.endsWith('.enc.Hex.parse') || callee.endsWith('.enc.Utf8.parse') || callee.endsWith('.enc.Base64.parse')) {
      const first = args[0];
      if (!first) return undefined;
      if (isConstantExpr(facts, first)) return 'is a constant';
      return staticReason(facts, first, key, cipherCall, depth + 1);
    }
    // `KEY.subarray(0, 16)`, `secret.slice(0, 16)`: bytes of the key.
    if (ts.isPropertyAccessExpression(e.expression) && /^(subarray|slice|substring|substr)$/.test(e.expression.name.text)) {
      const base = skipWrappers(e.expression.expression);
      if (key && sameRoot(ts, base, key)) return 'is derived from the key';
      if (looksLikeKey(ts, base)) return 'is derived from key material';
      return staticReason(facts, base, key, cipherCall, depth + 1);
    }
    return undefined;
  }
  if (ts.isIdentifier(e)) {
    const decl = declarationOf(facts, e);
    if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return undefined;
    if (filledRandomly(facts, decl)) return undefined;
    const isConst = (decl.parent.flags & ts.NodeFlags.Const) !== 0;
    if (!isConst && referencesOf(facts, decl).some((r) => isAssignedTo(ts, r))) return undefined;
    const inner = staticReason(facts, decl.initializer, key, cipherCall, depth + 1);
    if (inner) return writtenPredictably(facts, decl) ? 'starts as a constant buffer and is filled with predictable values' : inner;
    // One random IV for the whole process, reused by every call of the encrypting function.
    const declaredAtTop = !enclosingFunction(ts, decl);
    if (declaredAtTop && isConst && enclosingFunction(ts, cipherCall) && containsRandomCall(facts, decl.initializer)) {
      return `\`${e.text}\` is created once when the module loads and reused for every message`;
    }
  }
  return undefined;
}

function isConstantExpr(facts: CryptoFacts, e: TS.Expression): boolean {
  return facts.constants.value(e) !== undefined;
}

/** `iv` and `key` name the same variable, or the IV is taken from the key's variable. */
function sameRoot(ts: typeof TS, a: TS.Expression, b: TS.Expression): boolean {
  const ra = rootName(ts, a);
  const rb = rootName(ts, b);
  return ra !== undefined && ra === rb;
}

function rootName(ts: typeof TS, e: TS.Expression): string | undefined {
  let cur = skipWrappers(e);
  for (;;) {
    if (ts.isIdentifier(cur)) return cur.text;
    if (ts.isPropertyAccessExpression(cur)) return `${rootName(ts, cur.expression) ?? '?'}.${cur.name.text}`;
    if (ts.isCallExpression(cur) && ts.isPropertyAccessExpression(cur.expression) && /^(subarray|slice)$/.test(cur.expression.name.text)) {
      cur = skipWrappers(cur.expression.expression);
      continue;
    }
    return undefined;
  }
}

function looksLikeKey(ts: typeof TS, e: TS.Expression): boolean {
  return ts.isIdentifier(e) && splitWords(e.text).some((w) => KEY_WORDS.has(w));
}

function filledRandomly(facts: CryptoFacts, decl: TS.VariableDeclaration): boolean {
  const ts = facts.ts;
  return referencesOf(facts, decl).some((ref) => {
    const call = ref.parent;
    return ts.isCallExpression(call) && call.arguments.includes(ref) && RANDOM_FILLERS.has(facts.bindings.resolve(call.expression) ?? '');
  });
}

/** `nonce.writeUInt32BE(userId, 8)`: a constant buffer with a counter or an id written into it. */
function writtenPredictably(facts: CryptoFacts, decl: TS.VariableDeclaration): boolean {
  const ts = facts.ts;
  return referencesOf(facts, decl).some((ref) => {
    const access = ref.parent;
    return ts.isPropertyAccessExpression(access) && access.expression === ref && /^(write|set|fill)/.test(access.name.text) && ts.isCallExpression(access.parent);
  });
}

function isAssignedTo(ts: typeof TS, ref: TS.Identifier): boolean {
  const p = ref.parent;
  return ts.isBinaryExpression(p) && p.left === ref && p.operatorToken.kind === ts.SyntaxKind.EqualsToken;
}
