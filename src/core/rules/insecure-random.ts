// Math.random() where the value must be unguessable (tokens, ids that grant access, one-time
// codes, passwords, nonces, salts), likewise time-based UUIDs (v1) and lodash's random helpers,
// and crypto.pseudoRandomBytes() anywhere. Math.random for
// jitter, animation, sampling or shuffling a display list is fine and is not reported.
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import { walk } from '../ast/walk';
import { callRange } from '../crypto/edits';
import { isBrowserCode, nodeCryptoReference } from '../crypto/crypto-ref';
import { callsTo, cryptoFacts, hasIdentifier, type CryptoFacts } from '../crypto/facts';
import { isTestSource } from '../crypto/test-code';
import { randomnessPurpose } from '../crypto/purpose';
import type { Fix, Rule } from '../types';

/** Other generators whose output can be predicted, with why: judged by purpose like Math.random(). */
const PREDICTABLE: Record<string, string> = {
  'uuid.v1': 'A version-1 UUID is a timestamp plus the host\'s MAC address, so it can be guessed from another one',
  'uuid.v6': 'A version-6 UUID is a timestamp plus a node id, so it can be guessed from another one',
  'lodash.random': "lodash's random() uses Math.random(), which is predictable",
  'lodash.sample': "lodash's sample() uses Math.random(), which is predictable",
  'lodash.sampleSize': "lodash's sampleSize() uses Math.random(), which is predictable",
  'lodash.shuffle': "lodash's shuffle() uses Math.random(), which is predictable",
  'underscore.random': "underscore's random() uses Math.random(), which is predictable",
};

export const insecureRandom: Rule = {
  meta: {
    id: 'insecure-random',
    category: 'weak-crypto',
    cwe: [338, 330],
    owasp: 'A02:2021 Cryptographic Failures',
    severity: 'error',
    name: 'Math.random() or pseudoRandomBytes() for tokens, codes, passwords or nonces',
    description:
      'Math.random() is not a cryptographic generator: V8 uses xorshift128+, whose internal state can be recovered from a few outputs, ' +
      'after which every past and future value is known. Tokens, one-time codes, temporary passwords, invite codes, OAuth state and ' +
      'PKCE verifiers made with it can be predicted. crypto.pseudoRandomBytes() is a deprecated alias that promised no unpredictability. ' +
      'Use crypto.randomBytes(), crypto.randomInt(), crypto.randomUUID() (Node.js), or crypto.getRandomValues() / crypto.randomUUID() ' +
      '(browsers). Math.random() for animation, jitter, sampling or shuffling a display list is fine and is not reported.',
    scope: 'code',
  },
  check(ctx) {
    const facts = cryptoFacts(ctx);
    if (!facts || isTestSource(ctx.fileName)) return;
    let browserCode: boolean | undefined;
    for (const { node, callee } of callsTo(facts, ['crypto.pseudoRandomBytes', 'Math.random', ...Object.keys(PREDICTABLE)])) {
      if (callee === 'crypto.pseudoRandomBytes') {
        ctx.report({
          ...callRange(node, ctx.text),
          message: 'crypto.pseudoRandomBytes() is deprecated and makes no unpredictability promise. Use crypto.randomBytes() for anything secret.',
          fix: renameFix(facts, node),
        });
        continue;
      }
      // Math.random() and the generators built on it (or on timestamps): judged by what the value is for.
      const isMathRandom = callee === 'Math.random' && !facts.bindings.moduleOf('Math');
      if ((!isMathRandom && !PREDICTABLE[callee]) || !facts.ts.isCallExpression(node)) continue;
      const purpose = randomnessPurpose(facts, node);
      if (!purpose) continue;
      const what = purpose.kind === 'password' ? 'a password' : 'a secret value';
      const browser = (browserCode ??= isBrowserCode(facts, ctx.fileName));
      if (isMathRandom) {
        ctx.report({
          ...callRange(node, ctx.text),
          message:
            `Math.random() is predictable and makes ${what} here (${purpose.because}); its state can be recovered from a few outputs. ` +
            (browser
              ? 'Use crypto.getRandomValues() or crypto.randomUUID() (Web Crypto).'
              : 'Use crypto.randomInt(max) for a number or a character index, crypto.randomBytes(n).toString("hex") or crypto.randomUUID() for a string.'),
          fix: randomFix(facts, node, browser),
        });
      } else {
        ctx.report({
          ...callRange(node, ctx.text),
          message:
            `${PREDICTABLE[callee]} and makes ${what} here (${purpose.because}). ` +
            (browser ? 'Use crypto.randomUUID() or crypto.getRandomValues() (Web Crypto).' : 'Use crypto.randomUUID(), crypto.randomBytes(32).toString("base64url") or crypto.randomInt(max).'),
        });
      }
    }
  },
};

function renameFix(facts: CryptoFacts, call: TS.CallExpression | TS.NewExpression): Fix | undefined {
  const e = call.expression;
  if (!facts.ts.isPropertyAccessExpression(e)) return undefined;
  return { title: 'Use crypto.randomBytes()', edits: [{ start: e.name.getStart(), end: e.name.end, newText: 'randomBytes' }] };
}

/**
 * A replacement of the same type: `Math.floor(Math.random() * n)` -> `randomInt(n)` (an integer in
 * [0, n)); `Math.random().toString(36).slice(2, 10)` -> `randomBytes(4).toString('hex')` (a string
 * of the same length). Anything else keeps the message only.
 */
function randomFix(facts: CryptoFacts, random: TS.CallExpression, browser: boolean): Fix | undefined {
  // Pattern 1: Math.floor(Math.random() * N) or Math.floor(A + Math.random() * N).
  const scaled = scaledRandom(facts, random);
  if (scaled && !browser) {
    const ref = nodeCryptoReference(facts, 'randomInt');
    if (!ref) return undefined;
    const newText = scaled.min === undefined ? `${ref.expression}(${scaled.maxText})` : `${ref.expression}(${scaled.min}, ${scaled.min + (scaled.range ?? 0)})`;
    return { title: `Use crypto.randomInt()`, edits: [{ start: scaled.node.getStart(), end: scaled.node.end, newText }, ...ref.edits] };
  }
  // Pattern 2: Math.random().toString(R).slice(2[, E]) / substring / substr.
  const str = randomString(facts, random);
  if (!str) return undefined;
  if (browser) {
    if (hasIdentifier(facts, 'crypto') && facts.bindings.moduleOf('crypto') === undefined && declaresCrypto(facts)) return undefined;
    const newText = str.length === undefined ? 'crypto.randomUUID()' : str.length <= 32 ? `crypto.randomUUID().replace(/-/g, '').slice(0, ${str.length})` : undefined;
    return newText ? { title: 'Use crypto.randomUUID() (Web Crypto)', edits: [{ start: str.node.getStart(), end: str.node.end, newText }] } : undefined;
  }
  if (str.length === undefined) {
    const ref = nodeCryptoReference(facts, 'randomUUID');
    return ref ? { title: 'Use crypto.randomUUID()', edits: [{ start: str.node.getStart(), end: str.node.end, newText: `${ref.expression}()` }, ...ref.edits] } : undefined;
  }
  const ref = nodeCryptoReference(facts, 'randomBytes');
  if (!ref) return undefined;
  const bytes = Math.ceil(str.length / 2);
  const newText = `${ref.expression}(${bytes}).toString('hex')${str.length % 2 === 1 ? `.slice(0, ${str.length})` : ''}`;
  return { title: 'Use crypto.randomBytes()', edits: [{ start: str.node.getStart(), end: str.node.end, newText }, ...ref.edits] };
}

function declaresCrypto(facts: CryptoFacts): boolean {
  // A local variable or parameter named `crypto` that is not Web Crypto: do not guess.
  const ts = facts.ts;
  let found = false;
  walk(facts.sourceFile, (n) => {
    if (found) return false;
    if ((ts.isVariableDeclaration(n) || ts.isParameter(n)) && ts.isIdentifier(n.name) && n.name.text === 'crypto') found = true;
    return undefined;
  });
  return found;
}

interface Scaled {
  node: TS.CallExpression;
  maxText: string;
  min?: number;
  range?: number;
}

function scaledRandom(facts: CryptoFacts, random: TS.CallExpression): Scaled | undefined {
  const ts = facts.ts;
  let product: TS.Node = random;
  while (product.parent && ts.isParenthesizedExpression(product.parent)) product = product.parent;
  const mul = product.parent;
  if (!mul || !ts.isBinaryExpression(mul) || mul.operatorToken.kind !== ts.SyntaxKind.AsteriskToken) return undefined;
  const other = mul.left === product ? mul.right : mul.left;
  if (!isIntegerValued(facts, other)) return undefined;
  let outer: TS.Node = mul;
  let min: number | undefined;
  const parent = outer.parent;
  if (parent && ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const addend = parent.left === outer ? parent.right : parent.left;
    const a = facts.constants.value(addend);
    const r = facts.constants.value(other);
    if (typeof a !== 'number' || !Number.isSafeInteger(a) || typeof r !== 'number') return undefined;
    min = a;
    outer = parent;
    const floor = outer.parent;
    if (!floor || !isFloorCall(facts, floor) || floor.arguments[0] !== outer) return undefined;
    return { node: floor, maxText: '', min, range: r };
  }
  const floor = outer.parent;
  if (!floor || !isFloorCall(facts, floor) || floor.arguments[0] !== outer) return undefined;
  return { node: floor, maxText: other.getText() };
}

function isFloorCall(facts: CryptoFacts, n: TS.Node): n is TS.CallExpression {
  const ts = facts.ts;
  if (!ts.isCallExpression(n) || n.arguments.length !== 1) return false;
  const callee = facts.bindings.resolve(n.expression);
  return callee === 'Math.floor' || callee === 'Math.trunc';
}

/** `chars.length`, an integer literal or const: randomInt needs a safe integer. */
function isIntegerValued(facts: CryptoFacts, e: TS.Expression): boolean {
  const ts = facts.ts;
  const x = skipWrappers(e);
  if (ts.isPropertyAccessExpression(x) && x.name.text === 'length') return true;
  const v = facts.constants.value(x);
  return typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
}

function randomString(facts: CryptoFacts, random: TS.CallExpression): { node: TS.CallExpression; length?: number } | undefined {
  const ts = facts.ts;
  // Math.random().toString(R)
  const toStringAccess = random.parent;
  if (!ts.isPropertyAccessExpression(toStringAccess) || toStringAccess.name.text !== 'toString') return undefined;
  const toStringCall = toStringAccess.parent;
  if (!ts.isCallExpression(toStringCall) || toStringCall.expression !== toStringAccess) return undefined;
  const cutAccess = toStringCall.parent;
  if (!ts.isPropertyAccessExpression(cutAccess) || !/^(slice|substring|substr)$/.test(cutAccess.name.text)) return undefined;
  const cut = cutAccess.parent;
  if (!ts.isCallExpression(cut) || cut.expression !== cutAccess) return undefined;
  const [startArg, endArg] = cut.arguments.map((a) => facts.constants.value(a));
  if (startArg !== 2) return undefined;
  if (cut.arguments.length === 1) return { node: cut };
  if (typeof endArg !== 'number' || !Number.isSafeInteger(endArg)) return undefined;
  const length = cutAccess.name.text === 'substr' ? endArg : endArg - 2;
  return length > 0 ? { node: cut, length } : undefined;
}
