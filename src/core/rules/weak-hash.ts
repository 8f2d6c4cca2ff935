// MD5 / SHA-1 where the digest protects something: a password, a token, a signature, an
// integrity check. The same hash for an ETag, a cache key, a Gravatar URL or a content
// fingerprint is fine and is not reported; see crypto/purpose.ts for how purpose is judged.
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import { weakHashName } from '../crypto/algorithms';
import { callRange, replaceNode, replaceStringLiteral } from '../crypto/edits';
import { callsTo, callsWithSuffix, cryptoFacts, type CryptoFacts } from '../crypto/facts';
import { hashPurpose, type Purpose } from '../crypto/purpose';
import { referencesOf } from '../crypto/value-flow';
import { stringValue } from '../crypto/values';
import type { Fix, Rule } from '../types';

const HASH_OBJECT_CALLS = new Set(['crypto.createHash']);
const ONE_SHOT_CALLS = new Set(['crypto.hash']);
const SIGNATURE_CALLS = new Set(['crypto.createSign', 'crypto.createVerify', 'crypto.sign', 'crypto.verify']);
const HASH_PACKAGES: Record<string, string> = { md5: 'MD5', 'blueimp-md5': 'MD5', 'js-md5': 'MD5', sha1: 'SHA-1', 'js-sha1': 'SHA-1', 'crypto-js.md5': 'MD5', 'crypto-js.sha1': 'SHA-1' };

const FORGE_DIGESTS = ['node-forge.md.md5.create', 'node-forge.md.sha1.create'];
const CALLEES = [
  ...HASH_OBJECT_CALLS, ...ONE_SHOT_CALLS, ...SIGNATURE_CALLS, 'crypto-js.MD5', 'crypto-js.SHA1', ...FORGE_DIGESTS,
  ...Object.keys(HASH_PACKAGES).flatMap((p) => [p, `${p}.hex`, `${p}.base64`]),
];

interface HashUse {
  call: TS.CallExpression | TS.NewExpression;
  algorithm: string;
  /** The literal naming the algorithm, when a fix can replace it. */
  fixTarget?: { node: TS.Node; kind: 'literal' | 'identifier'; replacement: string };
  data: TS.Expression[];
  result: TS.Node;
}

export const weakHash: Rule = {
  meta: {
    id: 'weak-hash',
    category: 'weak-crypto',
    cwe: [328, 327, 916],
    owasp: 'A02:2021 Cryptographic Failures',
    severity: 'error',
    name: 'MD5/SHA-1 protecting passwords, tokens, signatures or integrity',
    description:
      'MD5 and SHA-1 have practical collision attacks, and like every fast hash they let an attacker test billions of password guesses ' +
      'per second. This rule reports them where the digest protects something: password hashes, stored token digests, request ' +
      'signatures, integrity checks, and signatures made with createSign/createVerify. Non-security uses (ETags, cache keys, ' +
      'Gravatar URLs, de-duplication fingerprints) are not reported. Use bcrypt, scrypt or Argon2id for passwords; SHA-256 for ' +
      'random tokens and integrity; HMAC-SHA-256 for request signatures.',
    scope: 'code',
  },
  check(ctx) {
    const facts = cryptoFacts(ctx);
    if (!facts) return;
    for (const { node, callee } of [...callsTo(facts, CALLEES), ...callsWithSuffix(facts, 'subtle.digest')]) {
      if (SIGNATURE_CALLS.has(callee)) {
        reportSignature(facts, node, callee, ctx.text, ctx.report.bind(ctx));
        continue;
      }
      const use = hashUse(facts, node, callee);
      if (!use) continue;
      const purpose = hashPurpose(facts, use.data, use.result, node);
      if (!purpose) continue;
      ctx.report({ ...callRange(node, ctx.text), message: message(use.algorithm, purpose), fix: fixFor(use, purpose, ctx.text) });
    }
  },
};

function hashUse(facts: CryptoFacts, call: TS.CallExpression | TS.NewExpression, callee: string): HashUse | undefined {
  const ts = facts.ts;
  const args = call.arguments ?? [];
  if (HASH_OBJECT_CALLS.has(callee)) {
    const alg = stringValue(facts, args[0]);
    const name = alg ? weakHashName(String(alg.value)) : undefined;
    if (!name) return undefined;
    const literal = skipWrappers(args[0]);
    const { data, result } = followHashObject(facts, call);
    return { call, algorithm: name, data, result, fixTarget: ts.isStringLiteralLike(literal) ? { node: literal, kind: 'literal', replacement: 'sha256' } : undefined };
  }
  if (ONE_SHOT_CALLS.has(callee) || callee.endsWith('subtle.digest')) {
    const alg = stringValue(facts, args[0]);
    const name = alg ? weakHashName(String(alg.value)) : undefined;
    if (!name) return undefined;
    const literal = skipWrappers(args[0]);
    const replacement = callee.endsWith('subtle.digest') ? 'SHA-256' : 'sha256';
    return { call, algorithm: name, data: args[1] ? [args[1]] : [], result: call, fixTarget: ts.isStringLiteralLike(literal) ? { node: literal, kind: 'literal', replacement } : undefined };
  }
  if (callee === 'crypto-js.MD5' || callee === 'crypto-js.SHA1') {
    const nameNode = ts.isPropertyAccessExpression(call.expression) ? call.expression.name : undefined;
    return { call, algorithm: callee.endsWith('MD5') ? 'MD5' : 'SHA-1', data: args.slice(0, 1), result: call, fixTarget: nameNode ? { node: nameNode, kind: 'identifier', replacement: 'SHA256' } : undefined };
  }
  if (FORGE_DIGESTS.includes(callee)) {
    const { data, result } = followHashObject(facts, call);
    return { call, algorithm: callee.includes('md5') ? 'MD5' : 'SHA-1', data, result };
  }
  // Packages: md5(x), require('crypto-js/md5')(x), md5.hex(x). Only when the name is really imported.
  const root = rootIdentifier(ts, call.expression);
  const bound = root ? facts.bindings.moduleOf(root) : undefined;
  if (bound) {
    const pkg = callee.endsWith('.hex') || callee.endsWith('.base64') ? callee.slice(0, callee.lastIndexOf('.')) : callee;
    const algorithm = HASH_PACKAGES[pkg];
    if (algorithm) return { call, algorithm, data: args.slice(0, 1), result: call };
  }
  return undefined;
}

function rootIdentifier(ts: typeof TS, e: TS.Expression): string | undefined {
  let cur = skipWrappers(e);
  while (ts.isPropertyAccessExpression(cur)) cur = skipWrappers(cur.expression);
  return ts.isIdentifier(cur) ? cur.text : undefined;
}

/**
 * The data fed to a hash object and the node where its digest appears: the `.update(x)` chain
 * after the call, or `.update`/`.digest` calls on the variable that holds it.
 */
function followHashObject(facts: CryptoFacts, call: TS.Node): { data: TS.Expression[]; result: TS.Node } {
  const ts = facts.ts;
  const data: TS.Expression[] = [];
  let cur: TS.Node = call;
  for (;;) {
    const access = cur.parent;
    if (!access || !ts.isPropertyAccessExpression(access) || access.expression !== cur) break;
    const next = access.parent;
    if (!next || !ts.isCallExpression(next) || next.expression !== access) break;
    if (access.name.text === 'update' && next.arguments[0]) data.push(next.arguments[0]);
    cur = next;
  }
  let result: TS.Node = cur;
  const holder = cur.parent;
  if (holder && ts.isVariableDeclaration(holder) && holder.initializer === cur && ts.isIdentifier(holder.name)) {
    for (const ref of referencesOf(facts, holder)) {
      const access = ref.parent;
      if (!ts.isPropertyAccessExpression(access) || access.expression !== ref || !ts.isCallExpression(access.parent)) continue;
      const method = access.name.text;
      if (method === 'update' && access.parent.arguments[0]) data.push(access.parent.arguments[0]);
      if (method === 'digest' && result === cur) result = access.parent;
    }
  }
  return { data, result };
}

function message(algorithm: string, purpose: Purpose): string {
  switch (purpose.kind) {
    case 'password':
      return (
        `${algorithm} is far too fast for password hashing (${purpose.because}): a leaked hash database can be guessed at billions of ` +
        'passwords per second. Use a slow, salted password hash: bcrypt with cost >= 12, scrypt, or Argon2id.'
      );
    case 'secret':
      return (
        `${algorithm} is broken and should not protect secrets (${purpose.because}). Use SHA-256 for digests of random tokens, ` +
        "or HMAC-SHA-256 with a server-side key (crypto.createHmac('sha256', key)) for values an attacker could guess."
      );
    case 'signature':
      return (
        `${algorithm} is collision-prone, so a signature built on it can be forged (${purpose.because}). Sign with HMAC-SHA-256: ` +
        "crypto.createHmac('sha256', secret).update(data).digest('hex')."
      );
    case 'integrity':
      return `${algorithm} does not protect integrity (${purpose.because}): colliding files can be crafted, so a tampered file can pass. Use SHA-256, or better a signature.`;
  }
}

function fixFor(use: HashUse, purpose: Purpose, text: string): Fix | undefined {
  // A password needs a different API (bcrypt/argon2), not another digest: no mechanical fix.
  if (purpose.kind === 'password' || !use.fixTarget) return undefined;
  const t = use.fixTarget;
  const edit = t.kind === 'literal' ? replaceStringLiteral(t.node, text, t.replacement) : replaceNode(t.node, t.replacement);
  return { title: `Use ${t.replacement.toUpperCase().replace('SHA256', 'SHA-256')} (stored digests must be recomputed)`, edits: [edit] };
}

function reportSignature(facts: CryptoFacts, call: TS.CallExpression | TS.NewExpression, callee: string, text: string, report: (r: { start: number; end: number; message: string }) => void): void {
  const alg = stringValue(facts, call.arguments?.[0]);
  const name = alg ? weakHashName(String(alg.value)) : undefined;
  if (!name) return;
  const fn = callee.slice('crypto.'.length);
  report({
    ...callRange(call, text),
    message: `crypto.${fn}() with ${name}: signatures over ${name} digests can be forged with chosen-prefix collisions. Use 'sha256' (both signer and verifier must change).`,
  });
}
