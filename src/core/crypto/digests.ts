// Every place a file computes a digest, in the APIs people use: Node's createHash/crypto.hash,
// Web Crypto's subtle.digest, crypto-js, node-forge and the small hash packages (md5, js-sha256,
// @noble/hashes). For each: the algorithm, the data hashed and the node where the digest appears,
// so that the hash rules can judge what the digest protects. Computed once per file.
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import { weakHashName } from './algorithms';
import { callsTo, callsWithSuffix, type CryptoFacts } from './facts';
import { referencesOf } from './value-flow';
import { stringValue } from './values';

export interface DigestUse {
  call: TS.CallExpression | TS.NewExpression;
  /** Display name: 'MD5', 'SHA-1', 'SHA-256'. */
  algorithm: string;
  /** MD5, SHA-1 and the like (collision-prone); false for the SHA-2/SHA-3 family. */
  weak: boolean;
  /** The node naming the algorithm, when a fix can replace it. */
  fixTarget?: { node: TS.Node; kind: 'literal' | 'identifier'; replacement: string };
  data: TS.Expression[];
  result: TS.Node;
}

const HASH_OBJECT_CALLS = new Set(['crypto.createHash']);
const ONE_SHOT_CALLS = new Set(['crypto.hash']);
/** Hash packages called as functions (`md5(x)`, `sha256.hex(x)`), by module-qualified name. */
const HASH_PACKAGES: Record<string, string> = {
  md5: 'MD5', 'blueimp-md5': 'MD5', 'js-md5': 'MD5', sha1: 'SHA-1', 'js-sha1': 'SHA-1', 'crypto-js.md5': 'MD5', 'crypto-js.sha1': 'SHA-1',
  'js-sha256': 'SHA-256', 'js-sha256.sha256': 'SHA-256', 'js-sha256.sha224': 'SHA-224', 'js-sha512': 'SHA-512', 'js-sha512.sha512': 'SHA-512',
  'js-sha3.sha3_256': 'SHA3-256', 'js-sha3.sha3_512': 'SHA3-512', 'js-sha3.keccak256': 'Keccak-256',
  'crypto-js.sha256': 'SHA-256', 'crypto-js.sha512': 'SHA-512', 'crypto-js.sha3': 'SHA-3',
  '@noble.hashes.sha256.sha256': 'SHA-256', '@noble.hashes.sha2.sha256': 'SHA-256', '@noble.hashes.sha2.sha512': 'SHA-512',
  '@noble.hashes.sha512.sha512': 'SHA-512', '@noble.hashes.sha3.sha3_256': 'SHA3-256',
};
/** crypto-js's one-shot hashers: CryptoJS.SHA256(x). */
const CRYPTO_JS: Record<string, string> = {
  'crypto-js.MD5': 'MD5', 'crypto-js.SHA1': 'SHA-1', 'crypto-js.SHA224': 'SHA-224', 'crypto-js.SHA256': 'SHA-256', 'crypto-js.SHA384': 'SHA-384',
  'crypto-js.SHA512': 'SHA-512', 'crypto-js.SHA3': 'SHA-3', 'crypto-js.RIPEMD160': 'RIPEMD-160',
};
const FORGE_DIGESTS: Record<string, string> = {
  'node-forge.md.md5.create': 'MD5', 'node-forge.md.sha1.create': 'SHA-1', 'node-forge.md.sha256.create': 'SHA-256', 'node-forge.md.sha512.create': 'SHA-512',
};
const WEAK_NAMES = new Set(['MD5', 'MD4', 'MD2', 'SHA-1', 'MDC2']);
/** Fast general-purpose digests in Node's (OpenSSL's) and Web Crypto's spellings. */
const STRONG_HASHES: ReadonlyMap<string, string> = new Map([
  ['sha224', 'SHA-224'], ['sha256', 'SHA-256'], ['sha384', 'SHA-384'], ['sha512', 'SHA-512'], ['sha512-256', 'SHA-512/256'],
  ['sha-224', 'SHA-224'], ['sha-256', 'SHA-256'], ['sha-384', 'SHA-384'], ['sha-512', 'SHA-512'], ['sha3-256', 'SHA3-256'],
  ['sha3-384', 'SHA3-384'], ['sha3-512', 'SHA3-512'], ['blake2b512', 'BLAKE2b'], ['blake2s256', 'BLAKE2s'], ['ripemd160', 'RIPEMD-160'],
  ['rsa-sha256', 'SHA-256'], ['rsa-sha512', 'SHA-512'],
]);

const CALLEES = [
  ...HASH_OBJECT_CALLS, ...ONE_SHOT_CALLS, ...Object.keys(CRYPTO_JS), ...Object.keys(FORGE_DIGESTS),
  ...Object.keys(HASH_PACKAGES).flatMap((p) => [p, `${p}.hex`, `${p}.base64`, `${p}.create`]),
];

/** 'SHA-256' for 'sha256', 'MD5' for 'md5'; undefined for names that are not digests. */
export function digestDisplayName(name: string): string | undefined {
  return weakHashName(name) ?? STRONG_HASHES.get(name.trim().toLowerCase());
}

export function digestUses(facts: CryptoFacts): DigestUse[] {
  if (facts.digests) return facts.digests;
  const uses: DigestUse[] = [];
  for (const { node, callee } of [...callsTo(facts, CALLEES), ...callsWithSuffix(facts, 'subtle.digest')]) {
    const use = digestUse(facts, node, callee);
    if (use) uses.push(use);
  }
  facts.digests = uses;
  return uses;
}

function digestUse(facts: CryptoFacts, call: TS.CallExpression | TS.NewExpression, callee: string): DigestUse | undefined {
  const ts = facts.ts;
  const args = call.arguments ?? [];
  const make = (algorithm: string, data: TS.Expression[], result: TS.Node, fixTarget?: DigestUse['fixTarget']): DigestUse => ({
    call, algorithm, weak: WEAK_NAMES.has(algorithm), data, result, fixTarget,
  });
  if (HASH_OBJECT_CALLS.has(callee) || ONE_SHOT_CALLS.has(callee) || callee.endsWith('subtle.digest')) {
    const alg = stringValue(facts, args[0]);
    const name = alg ? digestDisplayName(String(alg.value)) : undefined;
    if (!name) return undefined;
    const literal = skipWrappers(args[0]);
    const replacement = callee.endsWith('subtle.digest') ? 'SHA-256' : 'sha256';
    const fixTarget = ts.isStringLiteralLike(literal) ? { node: literal, kind: 'literal' as const, replacement } : undefined;
    if (HASH_OBJECT_CALLS.has(callee)) {
      const { data, result } = followHashObject(facts, call);
      return make(name, data, result, fixTarget);
    }
    return make(name, args[1] ? [args[1]] : [], call, fixTarget);
  }
  if (CRYPTO_JS[callee]) {
    const nameNode = ts.isPropertyAccessExpression(call.expression) ? call.expression.name : undefined;
    return make(CRYPTO_JS[callee], args.slice(0, 1), call, nameNode ? { node: nameNode, kind: 'identifier', replacement: 'SHA256' } : undefined);
  }
  if (FORGE_DIGESTS[callee]) {
    const { data, result } = followHashObject(facts, call);
    return make(FORGE_DIGESTS[callee], data, result);
  }
  // Packages: md5(x), require('crypto-js/md5')(x), sha256.hex(x), sha256.create().update(x). Only when the name is really imported.
  const root = rootIdentifier(ts, call.expression);
  if (!root || !facts.bindings.moduleOf(root)) return undefined;
  const method = callee.slice(callee.lastIndexOf('.') + 1);
  const pkg = method === 'hex' || method === 'base64' || method === 'create' ? callee.slice(0, callee.lastIndexOf('.')) : callee;
  const algorithm = HASH_PACKAGES[pkg];
  if (!algorithm) return undefined;
  if (method === 'create') {
    const { data, result } = followHashObject(facts, call);
    return make(algorithm, data, result);
  }
  return make(algorithm, args.slice(0, 1), call);
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
