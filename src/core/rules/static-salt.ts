// A password hashed or stretched with a salt that is the same every time: a string constant, a
// buffer of one, or a fixed bcrypt salt string. pbkdf2/scrypt (Node.js, @noble/hashes, node-forge,
// crypto-js), Web Crypto's PBKDF2 parameters, bcrypt and argon2. One salt for every user lets an
// attacker crack all hashes in one pass and reuse precomputed tables.
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import { propertyOf } from '../ast/constants';
import { walk } from '../ast/walk';
import { callRange, optionRange } from '../crypto/edits';
import { callsTo, cryptoFacts, type CryptoFacts } from '../crypto/facts';
import { isTestSource } from '../crypto/test-code';
import { envName, objectLiteralOf, stringValue } from '../crypto/values';
import type { Rule } from '../types';

/** Calls whose argument 0 is the password and argument 1 the salt. */
const SALT_ARGUMENT = new Set([
  'crypto.pbkdf2', 'crypto.pbkdf2Sync', 'crypto.scrypt', 'crypto.scryptSync', 'node-forge.pkcs5.pbkdf2', 'crypto-js.PBKDF2',
  '@noble.hashes.pbkdf2.pbkdf2', '@noble.hashes.pbkdf2.pbkdf2Async', '@noble.hashes.scrypt.scrypt', '@noble.hashes.scrypt.scryptAsync',
  'scrypt-js.scrypt', 'scrypt-js.syncScrypt',
]);
/** bcrypt's hash(password, saltOrRounds): a string there is a full salt. */
const BCRYPT_HASH = new Set(['bcrypt.hash', 'bcrypt.hashSync', 'bcryptjs.hash', 'bcryptjs.hashSync']);
const ARGON2_HASH = new Set(['argon2.hash', '@node-rs.argon2.hash', '@node-rs.argon2.hashSync', '@node-rs.argon2.hashRaw']);
/** Wrappers that keep a constant constant: Buffer.from('salt'), new TextEncoder().encode('salt'), CryptoJS.enc.Utf8.parse('salt'). */
const ENCODERS = new Set(['Buffer.from', 'Buffer.of']);

export const staticSalt: Rule = {
  meta: {
    id: 'static-salt',
    category: 'weak-crypto',
    cwe: [760, 916],
    owasp: 'A02:2021 Cryptographic Failures',
    severity: 'error',
    name: 'Password hashed or stretched with a constant salt',
    description:
      'A salt exists so that equal passwords get different hashes and an attacker has to attack each hash on its own. A salt written ' +
      'in the code is the same for every user and every installation: one dictionary pass cracks every hash at once, and tables ' +
      'computed for that salt work against every copy of the application. Generate a random salt per password ' +
      '(crypto.randomBytes(16)) and store it next to the hash; bcrypt and argon2 do this themselves when given a cost instead of a salt.',
    scope: 'code',
  },
  check(ctx) {
    const facts = cryptoFacts(ctx);
    if (!facts || isTestSource(ctx.fileName)) return;
    const ts = facts.ts;
    for (const { node, callee } of callsTo(facts, [...SALT_ARGUMENT, ...BCRYPT_HASH, ...ARGON2_HASH])) {
      const args = node.arguments ?? [];
      // A configured secret (a key from the environment) being stretched is not a stored password.
      if (fromEnvironment(facts, args[0])) continue;
      if (SALT_ARGUMENT.has(callee)) {
        if (isConstant(facts, args[1])) report(node, args[1]);
      } else if (BCRYPT_HASH.has(callee)) {
        const salt = stringValue(facts, args[1]);
        if (salt && String(salt.value).startsWith('$2')) report(node, args[1]);
      } else {
        const saltProp = propertyOf(objectLiteralOf(facts, args[1]), 'salt');
        if (saltProp && ts.isPropertyAssignment(saltProp) && isConstant(facts, saltProp.initializer)) report(node, saltProp, true);
      }
    }
    // Web Crypto: deriveBits({ name: 'PBKDF2', salt: enc.encode('static'), iterations, hash }, key, 256).
    for (const { node, name } of facts.properties) {
      if (name !== 'name' || String(stringValue(facts, node.initializer)?.value ?? '').toUpperCase() !== 'PBKDF2') continue;
      const saltProp = propertyOf(node.parent as TS.ObjectLiteralExpression, 'salt');
      if (saltProp && ts.isPropertyAssignment(saltProp) && isConstant(facts, saltProp.initializer)) {
        ctx.report({ ...optionRange(saltProp, ctx.text), message: MESSAGE });
      }
    }

    function report(call: TS.CallExpression | TS.NewExpression, at: TS.Node, option = false): void {
      ctx.report({ ...(option ? optionRange(at, ctx.text) : callRange(call, ctx.text)), message: MESSAGE });
    }
  },
};

const MESSAGE =
  'The salt is a constant, so it is the same for every password: one dictionary pass cracks every hash, and precomputed tables for it work ' +
  'against every installation. Use a random salt per password, crypto.randomBytes(16), stored next to the hash (bcrypt/argon2: pass a cost, not a salt).';

/** A value written in the code: a non-empty literal, a const of one, or an encoding of one. */
function isConstant(facts: CryptoFacts, e: TS.Expression | undefined, depth = 0): boolean {
  if (!e || depth > 4) return false;
  const ts = facts.ts;
  const x = skipWrappers(e);
  if (ts.isIdentifier(x)) {
    const init = facts.constants.initializerOf(x.text);
    return init !== undefined && isConstant(facts, init, depth + 1);
  }
  if (ts.isCallExpression(x) && x.arguments.length > 0) {
    const callee = facts.bindings.resolve(x.expression) ?? '';
    const method = ts.isPropertyAccessExpression(x.expression) ? x.expression.name.text : '';
    if (ENCODERS.has(callee) || method === 'encode' || callee.endsWith('.enc.Utf8.parse') || callee.endsWith('.enc.Hex.parse')) {
      return isConstant(facts, x.arguments[0], depth + 1);
    }
    return false;
  }
  const v = facts.constants.value(x);
  return typeof v === 'string' && v.length > 0;
}

function fromEnvironment(facts: CryptoFacts, e: TS.Expression | undefined): boolean {
  if (!e) return false;
  const ts = facts.ts;
  let found = false;
  const check = (x: TS.Expression): void => {
    if (envName(facts, x)) found = true;
  };
  walk(e, (n) => {
    if (found) return false;
    if (ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n)) check(n);
    else if (ts.isIdentifier(n)) {
      const init = facts.constants.initializerOf(n.text);
      if (init) walk(init, (m) => {
        if (ts.isPropertyAccessExpression(m) || ts.isElementAccessExpression(m)) check(m);
        return found ? false : undefined;
      });
    }
    return found ? false : undefined;
  });
  return found;
}
