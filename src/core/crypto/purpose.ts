// Is this hash or this random number protecting something? MD5 over an ETag body or Math.random
// for confetti is fine; MD5 over a password and Math.random for a reset token are not. The
// verdict comes from what goes in (the hashed data's names, values made by a random generator),
// where the result goes (the variable, property or function it ends in, one hop further), and how
// it is used (compared against an expected value, i.e. a verification).
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import { walk } from '../ast/walk';
import type { CryptoFacts } from './facts';
import {
  callsOfFunction, declarationOf, destinationOf, enclosingNamedFunction, isEquality, isFunctionLike, referencesOf,
  targetText, type Destination,
} from './value-flow';
import { isBenignName, isChangeDetectionName, isSigningName, secretKindOf, splitWords, type SecretKind } from './words';

export interface Purpose {
  kind: SecretKind | 'signature' | 'integrity';
  /** Says why, for the message: "the value is named `resetToken`". */
  because: string;
}

const SECURE_RANDOM = new Set([
  'crypto.randomBytes', 'crypto.randomUUID', 'crypto.randomInt', 'crypto.getRandomValues', 'crypto.webcrypto.getRandomValues',
  'crypto.randomFillSync', 'window.crypto.getRandomValues', 'globalThis.crypto.getRandomValues', 'nanoid', 'nanoid.nanoid',
  'uuid.v4', 'crypto.pseudoRandomBytes', 'Math.random',
]);

/** Names a destination carries: the variable or property, or the returning function's name. */
function destinationName(d: Destination): string | undefined {
  if (d.kind === 'name') return d.name;
  if (d.kind === 'return') return d.name;
  return undefined;
}

interface NamedPlace {
  name: string;
  what: string;
}

/**
 * The names a value ends up under: its destination, one hop further for a neutral variable
 * (its references' destinations) and for a returning function (its call sites' destinations).
 */
function placesOf(facts: CryptoFacts, start: TS.Node): { places: NamedPlace[]; dests: Destination[] } {
  const ts = facts.ts;
  const places: NamedPlace[] = [];
  const dests: Destination[] = [];
  const first = destinationOf(facts, start);
  dests.push(first);
  const push = (d: Destination): void => {
    const name = destinationName(d);
    if (name) places.push({ name, what: d.kind === 'return' ? `returned by \`${name}()\`` : `stored as \`${name}\`` });
    if (d.kind === 'argument') {
      if (d.callee) places.push({ name: d.callee, what: `passed to \`${d.callee}()\`` });
      // `res.cookie('csrf', value)`, `localStorage.setItem('token', value)`: the key names the value.
      for (const arg of d.call.arguments ?? []) {
        if (ts.isStringLiteralLike(arg) && arg.text.length <= 64) places.push({ name: arg.text, what: `stored under '${arg.text}'` });
      }
    }
  };
  push(first);
  if (first.kind === 'name' && first.declaration && ts.isIdentifier(first.declaration.name)) {
    for (const ref of referencesOf(facts, first.declaration).slice(0, 20)) {
      const d = destinationOf(facts, ref);
      dests.push(d);
      push(d);
      if (d.kind === 'return' && d.name) followCallSites(facts, d.name, dests, push);
    }
  } else if (first.kind === 'return' && first.name) {
    followCallSites(facts, first.name, dests, push);
  }
  return { places, dests };
}

function followCallSites(facts: CryptoFacts, fnName: string, dests: Destination[], push: (d: Destination) => void): void {
  for (const call of callsOfFunction(facts, fnName).slice(0, 20)) {
    const d = destinationOf(facts, call);
    dests.push(d);
    push(d);
  }
}

// ---------------------------------------------------------------------------------------------
// randomness

/** Why a Math.random() value must be unpredictable, or undefined when it need not be. */
export function randomnessPurpose(facts: CryptoFacts, call: TS.Node): Purpose | undefined {
  const ts = facts.ts;
  const { places, dests } = placesOf(facts, call);
  if (dests[0].kind === 'control') return undefined;
  const first = places[0];
  if (first && isBenignName(first.name)) return undefined;
  for (const p of places) {
    if (isBenignName(p.name)) continue;
    const kind = secretKindOf(p.name, true);
    if (kind) return { kind, because: `the value is ${p.what}` };
  }
  // A value stored under a neutral name (`ttl`, `offset`) was judged by that name and its uses;
  // only a value passed into an unknown helper, or lost, falls back to the enclosing function's name.
  if (dests[0].kind === 'name' || (dests[0].kind === 'return' && dests[0].name)) return undefined;
  return fromEnclosingFunction(ts, call, true);
}

function fromEnclosingFunction(ts: typeof TS, node: TS.Node, forRandomness: boolean): Purpose | undefined {
  const fn = enclosingNamedFunction(ts, node);
  if (!fn || isBenignName(fn.name)) return undefined;
  const kind = secretKindOf(fn.name, forRandomness);
  return kind ? { kind, because: `it is made inside \`${fn.name}()\`` } : undefined;
}

// ---------------------------------------------------------------------------------------------
// hashing

/** Why a digest must be collision- and preimage-resistant, or undefined for non-security uses. */
export function hashPurpose(facts: CryptoFacts, data: readonly TS.Expression[], result: TS.Node, createdAt: TS.Node): Purpose | undefined {
  const ts = facts.ts;
  // 0. Protocols that mandate the hash: the WebSocket handshake's SHA-1 of key + RFC 6455 GUID.
  if (data.some((expr) => mentionsWebSocketGuid(facts, expr))) return undefined;
  // 1. What is hashed.
  const fromData = dataPurpose(facts, data, createdAt);
  if (fromData) return fromData;

  // 2. Where the digest goes, and the function that makes it.
  const { places, dests } = placesOf(facts, result);
  const fn = enclosingNamedFunction(ts, createdAt);
  const names = [...places.map((p) => p.name), ...(fn ? [fn.name] : [])];
  if (names.some((n) => isBenignName(n))) return undefined;
  for (const p of places) {
    const kind = secretKindOf(p.name);
    if (kind) return { kind, because: `the digest is ${p.what}` };
    if (isSigningName(p.name)) return { kind: 'signature', because: `the digest is ${p.what}` };
  }
  if (fn) {
    const kind = secretKindOf(fn.name);
    if (kind) return { kind, because: `it is computed in \`${fn.name}()\`` };
    if (isSigningName(fn.name)) return { kind: 'signature', because: `it is computed in \`${fn.name}()\`` };
  }

  // 3. How it is used: a digest of data (a file, a buffer, a body) compared against an expected value verifies its integrity.
  if (!hashesContent(facts, data)) return undefined;
  for (const d of dests) {
    if (d.kind === 'control' && isEquality(ts, d.node)) {
      const bin = d.node as TS.BinaryExpression;
      // `if (hash === cached.hash)` is change detection, not verification.
      if ([bin.left, bin.right].some((side) => isChangeDetectionName(targetText(ts, skipWrappers(side))))) continue;
      return { kind: 'integrity', because: 'the digest is compared against an expected value to verify data' };
    }
  }
  return undefined;
}

function dataPurpose(facts: CryptoFacts, data: readonly TS.Expression[], createdAt: TS.Node): Purpose | undefined {
  const ts = facts.ts;
  let secret: Purpose | undefined;
  const enclosing = enclosingNamedFunction(ts, createdAt);
  for (const expr of data) {
    const found = namesIn(ts, expr);
    for (const { name, id } of found) {
      const kind = secretKindOf(name);
      if (kind === 'password') return { kind, because: `it hashes \`${name}\`` };
      if (kind && !secret) secret = { kind, because: `it hashes \`${name}\`` };
      if (!secret && id) {
        const decl = declarationOf(facts, id);
        if (decl && ts.isVariableDeclaration(decl) && decl.initializer && containsRandomCall(facts, decl.initializer)) {
          secret = { kind: 'secret', because: `\`${name}\` is a random token` };
        }
        // A small helper hashing its parameter: judge by what its callers pass.
        if (!secret && decl && ts.isParameter(decl) && enclosing && decl.parent === enclosing.fn) {
          const index = enclosing.fn.parameters.indexOf(decl);
          for (const call of callsOfFunction(facts, enclosing.name).slice(0, 20)) {
            const arg = call.arguments[index];
            if (!arg) continue;
            for (const a of namesIn(ts, arg)) {
              const k = secretKindOf(a.name);
              if (k) return { kind: k, because: `\`${enclosing.name}()\` is called with \`${a.name}\`` };
            }
          }
        }
      }
    }
  }
  return secret;
}

const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

function mentionsWebSocketGuid(facts: CryptoFacts, expr: TS.Expression): boolean {
  const ts = facts.ts;
  let found = false;
  walk(expr, (n) => {
    if (found) return false;
    if (ts.isStringLiteralLike(n) && n.text.toUpperCase().includes(WEBSOCKET_GUID)) found = true;
    else if (ts.isIdentifier(n)) {
      const v = facts.constants.value(n);
      if (typeof v === 'string' && v.toUpperCase().includes(WEBSOCKET_GUID)) found = true;
    }
    return undefined;
  });
  return found;
}

const CONTENT_WORDS = new Set([
  'file', 'files', 'buffer', 'buf', 'data', 'body', 'content', 'contents', 'payload', 'chunk', 'chunks', 'stream', 'blob', 'bytes',
  'archive', 'artifact', 'artifacts', 'tarball', 'download', 'downloaded', 'image', 'package', 'binary', 'zip', 'bundle', 'asset', 'upload',
]);

/** Is the hashed data a file or a payload (as opposed to a handshake nonce or an id)? Streams fed elsewhere count. */
function hashesContent(facts: CryptoFacts, data: readonly TS.Expression[]): boolean {
  if (data.length === 0) return true;
  const ts = facts.ts;
  return data.some((expr) => {
    if (namesIn(ts, expr).some(({ name }) => splitWords(name).some((w) => CONTENT_WORDS.has(w)))) return true;
    let readsFile = false;
    walk(expr, (n) => {
      if (readsFile) return false;
      if (ts.isCallExpression(n) && (facts.bindings.resolve(n.expression) ?? '').startsWith('fs.')) readsFile = true;
      return undefined;
    });
    return readsFile;
  });
}

/** Identifier and property names in a data expression, without called function and method names (`trim`, `String`). */
function namesIn(ts: typeof TS, expr: TS.Expression): { name: string; id?: TS.Identifier }[] {
  const out: { name: string; id?: TS.Identifier }[] = [];
  walk(expr, (n) => {
    if (isFunctionLike(ts, n)) return false;
    if (!ts.isIdentifier(n)) return undefined;
    const p = n.parent;
    if (ts.isCallExpression(p) && p.expression === n) return undefined; // String(x), md5(x)
    if (ts.isPropertyAccessExpression(p) && p.name === n) {
      const isMethod = ts.isCallExpression(p.parent) && p.parent.expression === p;
      if (!isMethod) out.push({ name: n.text });
      return undefined;
    }
    out.push({ name: n.text, id: n });
    return undefined;
  });
  return out;
}

export function containsRandomCall(facts: CryptoFacts, expr: TS.Node): boolean {
  const ts = facts.ts;
  let found = false;
  walk(expr, (n) => {
    if (found) return false;
    if (ts.isCallExpression(n)) {
      const callee = facts.bindings.resolve(n.expression);
      if (callee && SECURE_RANDOM.has(callee)) found = true;
    }
    return undefined;
  });
  return found;
}

// ---------------------------------------------------------------------------------------------
// fast digests of passwords

/** Words that make a password-ish name a random value: `passwordResetToken`, `pinCode`. */
const RANDOM_VALUE_WORDS = new Set(['token', 'code', 'codes', 'link', 'url', 'nonce', 'otp', 'key', 'id', 'salt', 'iv', 'uuid']);
/** Slow password hashes and KDFs: a digest fed to them is a pre-hash (e.g. around bcrypt's 72-byte limit), not the stored form. */
const PASSWORD_HASH_CALLEE = /^(bcrypt|bcryptjs|bcrypt-nodejs|argon2|@node-rs\.argon2|@node-rs\.bcrypt|scrypt-js|@noble\.hashes\.(scrypt|argon2|pbkdf2))\.|^crypto\.(scrypt|scryptSync|pbkdf2|pbkdf2Sync)$/;
const CERTIFICATE_WORDS = new Set(['cert', 'certificate', 'spki', 'pubkey', 'public', 'der', 'pem', 'fingerprint256', 'raw']);

/** A name for a human-chosen secret: a password, passphrase, PIN or security answer (not a random token named after one). */
function isHumanSecretName(name: string): boolean {
  if (secretKindOf(name) !== 'password') return false;
  return !splitWords(name).some((w) => RANDOM_VALUE_WORDS.has(w));
}

/**
 * Why a fast, unbroken digest (SHA-256, SHA-512, ...) is being used as a password hash or a
 * password-derived key: it hashes a password, PIN or security answer, or it is made in a function
 * or stored under a name that says so (and hashes nothing that is a random token). Undefined for
 * digests of tokens, content, certificates, and for pre-hashes fed to bcrypt/argon2/scrypt.
 */
export function passwordDigestPurpose(facts: CryptoFacts, data: readonly TS.Expression[], result: TS.Node, createdAt: TS.Node): Purpose | undefined {
  const ts = facts.ts;
  const fn = enclosingNamedFunction(ts, createdAt);
  if (fn && isBenignName(fn.name)) return undefined;
  const { places, dests } = placesOf(facts, result);
  if (places.some((p) => isBenignName(p.name))) return undefined;
  if (dests.some((d) => d.kind === 'argument' && d.callee !== undefined && PASSWORD_HASH_CALLEE.test(d.callee))) return undefined;

  const names = data.flatMap((expr) => namesIn(ts, expr));
  if (names.some(({ name }) => splitWords(name).some((w) => CERTIFICATE_WORDS.has(w)))) return undefined;
  if (names.some(({ name }) => secretKindOf(name) === 'secret' && !isHumanSecretName(name))) return undefined;

  // 1. What is hashed. A generated value (a temporary password from randomBytes) has full entropy: a fast hash is enough.
  const human = names.filter(({ name }) => isHumanSecretName(name));
  const chosen = human.find(({ id }) => id === undefined || !isRandomValue(facts, id));
  if (chosen) return { kind: 'password', because: `it hashes \`${chosen.name}\`` };
  if (human.length > 0) return undefined;
  // Hashing fresh randomness (`generatePassword()` from randomBytes) is not storing a human secret.
  if (data.some((expr) => containsRandomCall(facts, expr)) || names.some(({ id }) => id !== undefined && isRandomValue(facts, id))) return undefined;
  // A helper hashing its parameter: judge by what its callers pass.
  if (fn) {
    for (const { id } of names) {
      const decl = id ? declarationOf(facts, id) : undefined;
      if (!decl || !ts.isParameter(decl) || decl.parent !== fn.fn) continue;
      const index = fn.fn.parameters.indexOf(decl);
      for (const call of callsOfFunction(facts, fn.name).slice(0, 20)) {
        const arg = call.arguments[index];
        const passed = arg ? namesIn(ts, arg).find((a) => isHumanSecretName(a.name)) : undefined;
        if (passed) return { kind: 'password', because: `\`${fn.name}()\` is called with \`${passed.name}\`` };
      }
    }
  }
  // 2. The function that makes it and where the digest goes.
  if (fn && isHumanSecretName(fn.name)) return { kind: 'password', because: `it is computed in \`${fn.name}()\`` };
  for (const p of places) {
    if (isHumanSecretName(p.name) && !splitWords(p.name).every((w) => w === 'pin' || w === 'pins')) return { kind: 'password', because: `the digest is ${p.what}` };
  }
  return undefined;
}

function isRandomValue(facts: CryptoFacts, id: TS.Identifier): boolean {
  const ts = facts.ts;
  const decl = declarationOf(facts, id);
  return decl !== undefined && ts.isVariableDeclaration(decl) && decl.initializer !== undefined && containsRandomCall(facts, decl.initializer);
}
