// Keys too small to resist factoring or discrete logs: RSA/DSA modulus and DH primes under 2048
// bits, the 768/1024/1536-bit MODP groups, elliptic curves under 224 bits; through Node's crypto
// (also promisified), Web Crypto's generateKey, node-rsa, node-forge, jsencrypt and keypair. A size
// given as an option is reported on the option (and the call, when the object is written in it).
import type * as TS from 'typescript';
import { skipWrappers } from '../ast/bindings';
import { propertyOf } from '../ast/constants';
import { callRange, optionRange } from '../crypto/edits';
import { callsTo, callsWithSuffix, cryptoFacts, type CryptoFacts } from '../crypto/facts';
import { isTestSource } from '../crypto/test-code';
import { referencesOf } from '../crypto/value-flow';
import { numberValue, objectLiteralOf, stringValue, type ResolvedValue } from '../crypto/values';
import type { Fix, Rule } from '../types';

const MIN_BITS = 2048;
const MIN_CURVE_BITS = 224;
/** jsencrypt's constructor, however it is imported. */
const JSENCRYPT = ['jsencrypt', 'jsencrypt.JSEncrypt', 'jsencrypt.default'];
const CALLEES = [
  'crypto.generateKeyPair', 'crypto.generateKeyPairSync', 'crypto.createDiffieHellman', 'crypto.getDiffieHellman', 'crypto.createDiffieHellmanGroup',
  'crypto.createECDH', 'node-rsa', 'node-forge.pki.rsa.generateKeyPair', 'keypair', ...JSENCRYPT,
];
/** Web Crypto's RSA algorithm names (generateKey's first argument). */
const WEB_CRYPTO_RSA = new Set(['rsa-oaep', 'rsassa-pkcs1-v1_5', 'rsa-pss']);

interface KeyFinding {
  message: string;
  fix?: Fix;
  /** The option that carries the size, when it is one: the finding is placed on it. */
  option?: TS.Node;
}
/** A pseudo-callee for `key.generateKeyPair(bits)` on a NodeRSA instance. */
const NODE_RSA_GENERATE = 'node-rsa#generateKeyPair';
const WEAK_GROUPS: Record<string, number> = { modp1: 768, modp2: 1024, modp5: 1536 };

export const weakKeySize: Rule = {
  meta: {
    id: 'weak-key-size',
    category: 'weak-crypto',
    cwe: [326],
    owasp: 'A02:2021 Cryptographic Failures',
    severity: 'warning',
    name: 'RSA/DSA/DH key under 2048 bits or elliptic curve under 224 bits',
    description:
      'RSA and DSA keys and Diffie-Hellman groups under 2048 bits are within reach of well-funded attackers (512-bit RSA is ' +
      'factored in hours, 768-bit has been publicly factored, 1024-bit DH groups were broken by Logjam-style precomputation), and ' +
      'NIST SP 800-131A disallows them. Curves under 224 bits are likewise too small. Use RSA with modulusLength >= 3072 for keys ' +
      'that live long (2048 at least), the modp14+ groups or ECDH, or better an elliptic-curve key (ed25519, P-256).',
    scope: 'code',
  },
  check(ctx) {
    const facts = cryptoFacts(ctx);
    if (!facts || isTestSource(ctx.fileName)) return;
    const ts = facts.ts;
    for (const { node, callee } of [...callsTo(facts, CALLEES), ...nodeRsaGenerateCalls(facts), ...callsWithSuffix(facts, 'subtle.generateKey')]) {
      const args = node.arguments ?? [];
      let finding: KeyFinding | undefined;
      if (callee === 'crypto.generateKeyPair' || callee === 'crypto.generateKeyPairSync') {
        finding = keyPairFinding(facts, args[0], args[1]);
      } else if (callee === 'crypto.createDiffieHellman') {
        const bits = numberValue(facts, args[0]);
        if (bits && typeof bits.value === 'number' && bits.value < MIN_BITS) finding = bitsFinding('Diffie-Hellman prime', bits, 2048);
      } else if (callee === 'crypto.getDiffieHellman' || callee === 'crypto.createDiffieHellmanGroup') {
        const group = stringValue(facts, args[0]);
        const bits = group ? WEAK_GROUPS[String(group.value).toLowerCase()] : undefined;
        if (group && bits) {
          finding = {
            message: `The '${String(group.value)}' group has a ${bits}-bit prime, breakable with precomputation (Logjam). Use 'modp14' (2048-bit) or larger, or ECDH (crypto.createECDH('prime256v1') / X25519).`,
            fix: group.literal && group.literal === skipWrappers(args[0]) ? { title: "Use 'modp14'", edits: [{ start: group.literal.getStart() + 1, end: group.literal.end - 1, newText: 'modp14' }] } : undefined,
          };
        }
      } else if (callee === 'crypto.createECDH') {
        finding = curveFinding(facts, args[0]);
      } else if (callee === 'node-rsa' && ts.isNewExpression(node)) {
        finding = optionBitsFinding(facts, args[0], 'b', 'RSA key');
      } else if (callee === 'node-forge.pki.rsa.generateKeyPair' || callee === 'keypair') {
        finding = optionBitsFinding(facts, args[0], 'bits', 'RSA key');
        const bits = finding || objectLiteralOf(facts, args[0]) ? undefined : numberValue(facts, args[0]);
        if (bits && typeof bits.value === 'number' && bits.value < MIN_BITS) finding = bitsFinding('RSA key', bits, 3072);
      } else if (JSENCRYPT.includes(callee) && ts.isNewExpression(node)) {
        // jsencrypt generates a key of default_key_size bits (given as a number or a string) on getKey().
        finding = optionBitsFinding(facts, args[0], 'default_key_size', 'RSA key');
      } else if (callee === NODE_RSA_GENERATE) {
        const bits = numberValue(facts, args[0]);
        if (bits && typeof bits.value === 'number' && bits.value < MIN_BITS) finding = bitsFinding('RSA key', bits, 3072);
      } else if (callee.endsWith('subtle.generateKey')) {
        // Web Crypto: generateKey({ name: 'RSA-OAEP', modulusLength: 1024, ... }, extractable, usages).
        const algorithm = objectLiteralOf(facts, args[0]);
        const name = propertyOf(algorithm, 'name');
        const value = name && ts.isPropertyAssignment(name) ? stringValue(facts, name.initializer) : undefined;
        if (value && WEB_CRYPTO_RSA.has(String(value.value).toLowerCase())) finding = optionBitsFinding(facts, algorithm, 'modulusLength', 'RSA key');
      }
      if (finding) {
        const { option, ...report } = finding;
        ctx.report({ ...(option ? optionRange(option, ctx.text) : callRange(node, ctx.text)), ...report });
      }
    }
  },
};

/** A key size given as an option (`{ modulusLength: 1024 }`, `{ b: 512 }`, `{ default_key_size: '1024' }`), placed on that option. */
function optionBitsFinding(facts: CryptoFacts, options: TS.Expression | undefined, name: string, what: string): KeyFinding | undefined {
  const p = propertyOf(objectLiteralOf(facts, options), name);
  if (!p || !facts.ts.isPropertyAssignment(p)) return undefined;
  const bits = bitsValue(facts, p.initializer);
  if (!bits || typeof bits.value !== 'number' || bits.value >= MIN_BITS) return undefined;
  return { ...bitsFinding(what, bits, what.startsWith('Diffie') ? 2048 : 3072), option: p };
}

/** A bit count, also when written as a numeric string ('1024'). */
function bitsValue(facts: CryptoFacts, e: TS.Expression): ResolvedValue | undefined {
  const n = numberValue(facts, e);
  if (n) return n;
  const s = stringValue(facts, e);
  const text = s ? String(s.value).trim() : '';
  return text !== '' && /^[0-9]{1,6}$/.test(text) ? { value: Number(text) } : undefined;
}

function keyPairFinding(facts: CryptoFacts, typeArg: TS.Expression | undefined, optionsArg: TS.Expression | undefined): KeyFinding | undefined {
  const ts = facts.ts;
  const type = stringValue(facts, typeArg);
  if (!type) return undefined;
  const t = String(type.value).toLowerCase();
  const options = objectLiteralOf(facts, optionsArg);
  if (t === 'rsa' || t === 'rsa-pss' || t === 'dsa') {
    return optionBitsFinding(facts, options, 'modulusLength', t === 'dsa' ? 'DSA key' : 'RSA key');
  } else if (t === 'dh') {
    const prime = optionBitsFinding(facts, options, 'primeLength', 'Diffie-Hellman prime');
    if (prime) return prime;
    const group = propertyOf(options, 'group');
    const name = group && ts.isPropertyAssignment(group) ? stringValue(facts, group.initializer) : undefined;
    const groupBits = name ? WEAK_GROUPS[String(name.value).toLowerCase()] : undefined;
    if (name && groupBits) return { message: `The '${String(name.value)}' group has a ${groupBits}-bit prime, breakable with precomputation (Logjam). Use 'modp14' or larger, or an 'x25519' key.`, option: group };
  } else if (t === 'ec') {
    const curve = propertyOf(options, 'namedCurve');
    if (curve && ts.isPropertyAssignment(curve)) {
      const finding = curveFinding(facts, curve.initializer);
      return finding ? { ...finding, option: curve } : undefined;
    }
  }
  return undefined;
}

function bitsFinding(what: string, bits: ResolvedValue, target: number): { message: string; fix?: Fix } {
  const n = bits.value as number;
  const note = what.startsWith('Diffie') ? 'Use at least 2048 bits, or ECDH.' : `Use modulusLength ${target} (at least ${MIN_BITS}), or an elliptic-curve key ('ed25519', P-256).`;
  return {
    message: `${what} of ${n} bits is too small: under ${MIN_BITS} bits it can be factored or its discrete log computed (NIST SP 800-131A disallows it). ${note}`,
    fix: bits.literal ? { title: `Use ${target} bits`, edits: [{ start: bits.literal.getStart(), end: bits.literal.end, newText: String(target) }] } : undefined,
  };
}

/** 'secp160r1' -> 160, 'prime192v1' -> 192, 'P-192' -> 192; undefined when no size is in the name. */
function curveBits(name: string): number | undefined {
  let digits = '';
  for (const c of name) {
    if (c >= '0' && c <= '9') digits += c;
    else if (digits) break;
  }
  return digits ? Number(digits) : undefined;
}

function curveFinding(facts: CryptoFacts, arg: TS.Expression | undefined): { message: string } | undefined {
  const curve = stringValue(facts, arg);
  if (!curve) return undefined;
  const name = String(curve.value);
  const lower = name.toLowerCase();
  if (lower.includes('25519') || lower.includes('448')) return undefined;
  const bits = curveBits(name);
  if (!bits || bits >= MIN_CURVE_BITS || bits < 100) return undefined;
  return { message: `Curve '${name}' gives about ${Math.floor(bits / 2)}-bit security, too little for new keys. Use 'prime256v1' (P-256), 'secp384r1', or X25519/Ed25519.` };
}

/** `key.generateKeyPair(1024)` where `const key = new NodeRSA()`. */
function nodeRsaGenerateCalls(facts: CryptoFacts): { node: TS.CallExpression; callee: string }[] {
  const ts = facts.ts;
  const found: { node: TS.CallExpression; callee: string }[] = [];
  for (const { node } of callsTo(facts, ['node-rsa'])) {
    const decl = node.parent;
    if (!ts.isNewExpression(node) || !ts.isVariableDeclaration(decl) || decl.initializer !== node) continue;
    for (const ref of referencesOf(facts, decl)) {
      const access = ref.parent;
      if (ts.isPropertyAccessExpression(access) && access.expression === ref && access.name.text === 'generateKeyPair' && ts.isCallExpression(access.parent)) {
        found.push({ node: access.parent, callee: NODE_RSA_GENERATE });
      }
    }
  }
  return found;
}
