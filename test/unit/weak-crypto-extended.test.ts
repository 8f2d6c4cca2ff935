// What the older weak-crypto rules learned to see: option placement on multi-line calls, Web Crypto,
// jsencrypt/keypair key sizes, hash-derived IVs, time-based UUIDs, OpenSSL cipher-string keywords.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingsOf, lineOf, table } from './weak-crypto-support';

describe('weak-cipher: crypto-js ECB mode is reported on the option', () => {
  table('weak-cipher', [
    { name: 'mode on its own line', code: "import CryptoJS from 'crypto-js';\nexport const e = (m: string, k: any) => CryptoJS.AES.encrypt(m, k, {\n  mode: CryptoJS.mode.ECB, // <-\n  padding: CryptoJS.pad.Pkcs7,\n}).toString();\n" },
    { name: 'options declared apart', code: "import CryptoJS from 'crypto-js';\nconst OPTS = { mode: CryptoJS.mode.ECB }; // <-\nCryptoJS.AES.encrypt(m, k, OPTS);\n" },
    { name: 'CBC mode is fine', code: "import CryptoJS from 'crypto-js';\nCryptoJS.AES.encrypt(m, k, { iv, mode: CryptoJS.mode.CBC });\n" },
    { name: 'aes-js ECB', code: "import aesjs from 'aes-js';\nconst ecb = new aesjs.ModeOfOperation.ecb(key); // <-\nconst ctr = new aesjs.ModeOfOperation.ctr(key, new aesjs.Counter(5));\n" },
  ]);
  it('a multi-line finding starts at the call and ends on the option line', () => {
    const code = "import CryptoJS from 'crypto-js';\nCryptoJS.AES.encrypt(m, k, {\n  mode: CryptoJS.mode.ECB,\n});\n";
    const [f] = findingsOf(code, 'a.ts', 'weak-cipher');
    assert.deepEqual([lineOf(code, f.start), lineOf(code, f.end - 1)], [2, 3]);
  });
});

describe('weak-key-size: more APIs and option placement', () => {
  table('weak-key-size', [
    { name: 'modulusLength on its own line', code: "import crypto from 'crypto';\nexport const k = () => crypto.generateKeyPairSync('rsa', {\n  modulusLength: 1024, // <-\n  publicKeyEncoding: { type: 'spki', format: 'pem' },\n});\n" },
    { name: 'Web Crypto RSA generateKey', code: "export const k = () => crypto.subtle.generateKey(\n  { name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, // <-\n  true,\n  ['sign', 'verify'],\n);\n" },
    { name: 'jsencrypt with a string size and keypair', code: "import JSEncrypt from 'jsencrypt';\nimport keypair from 'keypair';\nconst rsa = new JSEncrypt({ default_key_size: '512' }); // <-\nconst pair = keypair({ bits: 1024 }); // <-\n" },
    { name: 'strong sizes and EC keys are fine', code: "import JSEncrypt from 'jsencrypt';\nnew JSEncrypt({ default_key_size: '2048' });\ncrypto.subtle.generateKey({ name: 'RSA-OAEP', modulusLength: 4096, publicExponent: e, hash: 'SHA-256' }, true, ['encrypt']);\ncrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);\n" },
  ]);
});

describe('static-iv: Web Crypto and hash-derived IVs', () => {
  table('static-iv', [
    { name: 'zero IV in subtle.encrypt', code: "export async function seal(key: CryptoKey, data: Uint8Array) {\n  return crypto.subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, key, data); // <-\n}\n" },
    { name: 'constant AES-CTR counter', code: "const COUNTER = new Uint8Array(16);\nexport const seal = (key: CryptoKey, d: Uint8Array) => crypto.subtle.encrypt({ name: 'AES-CTR', counter: COUNTER, length: 64 }, key, d); // <-\n" },
    { name: 'encoded and filled constants', code: "const enc = new TextEncoder();\nexport const a = (k: CryptoKey, d: Uint8Array) => crypto.subtle.encrypt({ name: 'AES-CBC', iv: enc.encode('0123456789abcdef') }, k, d); // <-\nexport const b = (k: CryptoKey, d: Uint8Array) => crypto.subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12).fill(1) }, k, d); // <-\nexport const c = (k: CryptoKey, d: Uint8Array) => crypto.subtle.encrypt({ name: 'AES-GCM', iv: Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) }, k, d); // <-\n" },
    { name: 'IV hashed from a user id', code: "import crypto from 'crypto';\nexport function enc(userId: string, key: Buffer, data: Buffer) {\n  const iv = crypto.createHash('md5').update(userId).digest();\n  return crypto.createCipheriv('aes-128-cbc', key, iv); // <-\n}\n" },
    { name: 'random IVs, and a hash of a fresh salt, are fine', code: "import crypto from 'crypto';\nexport async function seal(key: CryptoKey, d: Uint8Array) { const iv = crypto.getRandomValues(new Uint8Array(12)); return crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, d); }\nexport function enc(key: Buffer, data: Buffer) {\n  const salt = crypto.randomBytes(16);\n  const iv = crypto.createHash('sha256').update(salt).digest().subarray(0, 16);\n  return crypto.createCipheriv('aes-256-cbc', key, iv);\n}\n" },
  ]);
});

describe('insecure-random: time-based UUIDs and lodash', () => {
  table('insecure-random', [
    { name: 'uuid v1 as an invite token', code: "import { v1 as uuidv1 } from 'uuid';\nexport function createInviteToken() {\n  return uuidv1(); // <-\n}\n" },
    { name: 'lodash random for a one-time code', code: "import _ from 'lodash';\nexport const otp = _.random(100000, 999999); // <-\n" },
    { name: 'uuid v1 as a request id and lodash for UI are fine', code: "import { v1 } from 'uuid';\nimport _ from 'lodash';\nexport const requestId = v1();\nexport const delayMs = _.random(100, 400);\n" },
  ]);
});

describe('pbkdf2-weak: option placement', () => {
  table('pbkdf2-weak', [
    { name: 'Web Crypto parameters over several lines', code: "export async function derive(base: CryptoKey, salt: Uint8Array) {\n  return crypto.subtle.deriveBits(\n    {\n      name: 'PBKDF2',\n      salt,\n      iterations: 1000, // <-\n      hash: 'SHA-256',\n    },\n    base,\n    256,\n  );\n}\n" },
    { name: 'crypto-js options over several lines', code: "import CryptoJS from 'crypto-js';\nexport const k = (p: string, s: string) => CryptoJS.PBKDF2(p, s, {\n  keySize: 8,\n  iterations: 5000, // <-\n});\n" },
  ]);
});

describe('positional weak arguments on later lines', () => {
  table('pbkdf2-weak', [
    { name: 'iterations on their own line', code: "import crypto from 'crypto';\nexport const k = (pw: string, salt: Buffer) => crypto.pbkdf2Sync( // <-\n  pw,\n  salt,\n  1000, // <-\n  32,\n  'sha256',\n);\n" },
  ]);
  table('static-iv', [
    { name: 'a zero IV on its own line', code: "import crypto from 'crypto';\nexport const c = (key: Buffer) => crypto.createCipheriv( // <-\n  'aes-256-cbc',\n  key,\n  Buffer.alloc(16), // <-\n);\n" },
  ]);
});

describe('tls-weak-ciphers: cipher-string keywords', () => {
  table('tls-weak-ciphers', [
    { name: 'ALL alone and SECLEVEL=0', code: "tls.connect({ ciphers: 'ALL' }); // <-\ntls.connect({ ciphers: 'DEFAULT:@SECLEVEL=0' }); // <-\n" },
    { name: 'ALL with exclusions and HIGH are fine', code: "tls.connect({ ciphers: 'ALL:!aNULL:!eNULL:!LOW:!MEDIUM:!EXP' });\ntls.connect({ ciphers: 'HIGH:!aNULL:!MD5' });\n" },
  ]);
});
