// An IV or nonce that does not change between messages: a literal, a zero buffer, bytes of the
// key, a value fixed in configuration, or one random value made once at module load and reused.
// CBC then leaks equal message prefixes; CTR and GCM reuse the keystream (GCM also loses
// authenticity). Only the encrypting side is flagged: a decipher must use the IV it is given.
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import { propertyOf } from '../ast/constants';
import { walk } from '../ast/walk';
import { cipherTakesNoIv } from '../crypto/algorithms';
import { argumentRange } from '../crypto/edits';
import { callsTo, callsWithPrefix, callsWithSuffix, cryptoFacts, type CryptoFacts } from '../crypto/facts';
import { containsRandomCall } from '../crypto/purpose';
import { declarationOf, enclosingFunction, referencesOf } from '../crypto/value-flow';
import { envName, objectLiteralOf, stringValue } from '../crypto/values';
import { splitWords } from '../crypto/words';
import type { Rule } from '../types';

const RANDOM_FILLERS = new Set(['crypto.randomFillSync', 'crypto.randomFill', 'crypto.getRandomValues', 'crypto.webcrypto.getRandomValues']);
/** A pseudo-callee for node-forge's `cipher.start({ iv })`. */
const FORGE_START = 'node-forge#start';
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
    const candidates = [
      ...callsTo(facts, ['crypto.createCipheriv']), ...callsWithPrefix(facts, 'crypto-js.'), ...forgeStartCalls(facts), ...callsWithSuffix(facts, 'subtle.encrypt'),
    ];
    for (const { node, callee } of candidates) {
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
      } else if (callee.endsWith('subtle.encrypt')) {
        // Web Crypto: encrypt({ name: 'AES-GCM', iv }, key, data); AES-CTR calls its nonce `counter`.
        const algorithm = objectLiteralOf(facts, node.arguments?.[0]);
        const ivProp = propertyOf(algorithm, 'iv') ?? propertyOf(algorithm, 'counter');
        if (!ivProp || !ts.isPropertyAssignment(ivProp)) continue;
        key = node.arguments?.[1];
        iv = ivProp.initializer;
      } else if (callee === FORGE_START) {
        const ivProp = propertyOf(objectLiteralOf(facts, node.arguments?.[0]), 'iv');
        if (!ivProp || !ts.isPropertyAssignment(ivProp)) continue;
        iv = ivProp.initializer;
      } else continue;
      if (!iv) continue;
      const why = staticReason(facts, iv, key, node, 0);
      if (!why) continue;
      ctx.report({
        // The cipher call (where the IV is used), down to the IV's own line when it is written further down in the call.
        ...argumentRange(node, iv, ctx.text),
        message: `The IV ${why}, so it repeats across messages: CBC leaks equal prefixes and CTR/GCM reuse the keystream. Generate a fresh IV per message (crypto.randomBytes(${ivLength(facts, node)})) and store it with the ciphertext.`,
      });
    }
  },
};

function ivLength(facts: CryptoFacts, node: TS.CallExpression | TS.NewExpression): number {
  const first = node.arguments?.[0];
  const nameProp = propertyOf(objectLiteralOf(facts, first), 'name');
  const algorithm = stringValue(facts, nameProp && facts.ts.isPropertyAssignment(nameProp) ? nameProp.initializer : first);
  const a = algorithm ? String(algorithm.value).toLowerCase() : '';
  return a.includes('gcm') || a.includes('chacha20') || a.includes('ccm') || a.includes('ocb') ? 12 : 16;
}

/** `cipher.start({ iv })` on a node-forge cipher: found from the `forge.cipher.createCipher(...)` it was made by. */
function forgeStartCalls(facts: CryptoFacts): { node: TS.CallExpression; callee: string }[] {
  const ts = facts.ts;
  const found: { node: TS.CallExpression; callee: string }[] = [];
  for (const { node } of callsTo(facts, ['node-forge.cipher.createCipher'])) {
    const decl = node.parent;
    if (!ts.isVariableDeclaration(decl) || decl.initializer !== node) continue;
    for (const ref of referencesOf(facts, decl)) {
      const access = ref.parent;
      if (ts.isPropertyAccessExpression(access) && access.expression === ref && access.name.text === 'start' && ts.isCallExpression(access.parent)) {
        found.push({ node: access.parent, callee: FORGE_START });
      }
    }
  }
  return found;
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
    const method = ts.isPropertyAccessExpression(e.expression) ? e.expression.name.text : '';
    // `new TextEncoder().encode('fixed-iv')`, `Uint8Array.from([...])`: encodings of a constant.
    const encodes = method === 'encode' || callee === 'Uint8Array.from' || callee === 'Uint8Array.of';
    if (encodes || callee === 'Buffer.from' || callee === 'Buffer.of' || callee.endsWith('.enc.Hex.parse') || callee.endsWith('.enc.Utf8.parse') || callee.endsWith('.enc.Base64.parse')) {
      const first = args[0];
      if (!first) return undefined;
      if (isConstantExpr(facts, first)) return 'is a constant';
      return staticReason(facts, first, key, cipherCall, depth + 1);
    }
    // `createHash('sha256').update(tenantId).digest()`: a digest is a function of its input, so the
    // IV repeats whenever the input does (every record of a tenant, every message to a user).
    const hashed = hashedInputs(facts, e);
    if (hashed && !hashed.some((input) => mayVaryPerMessage(facts, input))) {
      if (key && hashed.some((input) => sameRoot(ts, input, key))) return 'is derived from the key';
      return `is a hash of ${describeInputs(hashed)}, so it is the same whenever that input is`;
    }
    // `new Uint8Array(16).fill(7)`: filling a constant buffer with a constant keeps it constant.
    if (method === 'fill' && ts.isPropertyAccessExpression(e.expression) && args.every((a) => isConstantExpr(facts, a))) {
      return staticReason(facts, e.expression.expression, key, cipherCall, depth + 1);
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

const HASH_CALLS = new Set(['crypto.createHash', 'crypto.createHmac', 'crypto.hash']);

/**
 * For a digest expression (`createHash(a).update(x).digest()`, `crypto.hash('sha256', x)`, also
 * sliced), the data it hashes; undefined when `e` is not a digest. Random input was ruled out by
 * the caller (containsRandomCall).
 */
function hashedInputs(facts: CryptoFacts, e: TS.Expression): TS.Expression[] | undefined {
  const ts = facts.ts;
  const inputs: TS.Expression[] = [];
  let cur: TS.Expression = skipWrappers(e);
  let sawDigest = false;
  for (let i = 0; i < 16; i++) {
    if (!ts.isCallExpression(cur)) return undefined;
    const callee = facts.bindings.resolve(cur.expression) ?? '';
    if (HASH_CALLS.has(callee)) {
      if (callee === 'crypto.hash' && cur.arguments[1]) inputs.push(cur.arguments[1]);
      return sawDigest || callee === 'crypto.hash' ? inputs : undefined;
    }
    if (!ts.isPropertyAccessExpression(cur.expression)) return undefined;
    const method = cur.expression.name.text;
    if (method === 'digest') sawDigest = true;
    else if (method === 'update' && cur.arguments[0]) inputs.push(cur.arguments[0]);
    else if (!/^(subarray|slice|toString|substring|substr)$/.test(method)) return undefined;
    cur = skipWrappers(cur.expression.expression);
  }
  return undefined;
}

/** Words of inputs that differ per message: a hash of a fresh salt or a counter is not a fixed IV. */
const PER_MESSAGE_WORDS = new Set(['salt', 'nonce', 'random', 'rand', 'iv', 'counter', 'seq', 'sequence', 'uuid', 'entropy', 'message', 'msg', 'record', 'chunk', 'block', 'index']);

function mayVaryPerMessage(facts: CryptoFacts, input: TS.Expression): boolean {
  const ts = facts.ts;
  let varies = false;
  walk(input, (n) => {
    if (varies) return false;
    if (!ts.isIdentifier(n)) return undefined;
    if (splitWords(n.text).some((w) => PER_MESSAGE_WORDS.has(w))) varies = true;
    else {
      const decl = declarationOf(facts, n);
      if (decl && ts.isVariableDeclaration(decl) && decl.initializer && containsRandomCall(facts, decl.initializer)) varies = true;
    }
    return undefined;
  });
  return varies;
}

function describeInputs(inputs: TS.Expression[]): string {
  const text = inputs.map((x) => x.getText()).join(', ');
  return text.length > 0 && text.length <= 40 ? `\`${text}\`` : 'fixed data';
}

function isConstantExpr(facts: CryptoFacts, e: TS.Expression): boolean {
  const ts = facts.ts;
  const x = skipWrappers(e);
  // `[0, 1, 2, ...]`: an array of constants, as given to Buffer.from / Uint8Array.from.
  if (ts.isArrayLiteralExpression(x)) return x.elements.length > 0 && x.elements.length <= 64 && x.elements.every((el) => facts.constants.value(el) !== undefined);
  return facts.constants.value(x) !== undefined;
}

/** `iv` and `key` name the same variable, or the IV is taken from the key's variable. */
function sameRoot(ts: typeof TS, a: TS.Expression, b: TS.Expression): boolean {
  const ra = rootName(ts, a);
  const rb = rootName(ts, b);
  return ra !== undefined && ra === rb;
}

/** `KEY` for `KEY`, `KEY.subarray(0, 16)`; `cfg.key` for `cfg.key.slice(0, 16)`. */
function rootName(ts: typeof TS, e: TS.Expression): string | undefined {
  let cur = skipWrappers(e);
  for (let i = 0; i < 16; i++) {
    if (ts.isCallExpression(cur) && ts.isPropertyAccessExpression(cur.expression) && /^(subarray|slice)$/.test(cur.expression.name.text)) {
      cur = skipWrappers(cur.expression.expression);
      continue;
    }
    if (ts.isIdentifier(cur) || ts.isPropertyAccessExpression(cur)) return cur.getText();
    return undefined;
  }
  return undefined;
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
