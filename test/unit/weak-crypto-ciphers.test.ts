import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, findingsOf, table } from './weak-crypto-support';

describe('deprecated-create-cipher', () => {
  table('deprecated-create-cipher', [
    { name: 'require + member call', code: "const crypto = require('crypto');\nconst c = crypto.createCipher('aes-192-cbc', pass); // <-\n", file: 'a.js' },
    { name: 'named import alias', code: "import { createDecipher as dec } from 'node:crypto';\nexport const d = dec('aes-128-cbc', pw); // <-\n" },
    { name: 'namespace import', code: "import * as c from 'crypto';\nc.createCipher('aes256', secret); // <-\n" },
    { name: 'crypto-js with a passphrase string', code: "import CryptoJS from 'crypto-js';\nconst out = CryptoJS.AES.encrypt(text, 'my passphrase').toString(); // <-\n" },
    { name: 'crypto-js with a passphrase from env', code: "const AES = require('crypto-js/aes');\nAES.encrypt(msg, process.env.PASSPHRASE); // <-\n", file: 'a.cjs' },
    { name: 'createCipheriv is fine', code: "import crypto from 'crypto';\ncrypto.createCipheriv('aes-256-gcm', key, crypto.randomBytes(12));\n" },
    { name: 'crypto-js with a parsed key object is fine', code: "import CryptoJS from 'crypto-js';\nCryptoJS.AES.encrypt(text, keyWordArray, { iv });\n" },
    { name: 'a local function named createCipher is not the crypto API', code: 'function createCipher(a, b) { return a + b; }\ncreateCipher(1, 2);\n' },
  ]);
});

describe('weak-cipher', () => {
  table('weak-cipher', [
    { name: '3DES through destructured require', code: "const { createCipheriv } = require('node:crypto');\nconst c = createCipheriv('des-ede3-cbc', k, iv); // <-\n", file: 'a.js' },
    { name: 'DES-ECB via const algorithm', code: "import crypto from 'crypto';\nconst ALG = 'des-ecb';\ncrypto.createCipheriv(ALG, k, null); // <-\n" },
    { name: 'ECB mode of AES', code: "import crypto from 'crypto';\ncrypto.createDecipheriv('aes-128-ecb', k, null); // <-\n" },
    { name: 'RC4 and Blowfish', code: "import * as c from 'crypto';\nc.createCipheriv('rc4', k, '');  // <-\nc.createCipheriv('bf-cbc', k, iv); // <-\n" },
    { name: 'crypto-js TripleDES and RC4', code: "import CryptoJS from 'crypto-js';\nCryptoJS.TripleDES.encrypt(m, k); // <-\nCryptoJS.RC4.decrypt(m, k); // <-\n" },
    { name: 'crypto-js AES in ECB mode', code: "import CryptoJS from 'crypto-js';\nCryptoJS.AES.encrypt(m, key, { mode: CryptoJS.mode.ECB }); // <-\n" },
    { name: 'node-forge 3DES', code: "import forge from 'node-forge';\nconst c = forge.cipher.createCipher('3DES-CBC', key); // <-\n" },
    { name: 'AES-GCM, AES-CBC and ChaCha20 are fine', code: "import crypto from 'crypto';\ncrypto.createCipheriv('aes-256-gcm', k, iv);\ncrypto.createCipheriv('aes-256-cbc', k, iv);\ncrypto.createCipheriv('chacha20-poly1305', k, iv, { authTagLength: 16 });\n" },
    { name: 'unknown algorithm from a parameter is not guessed', code: "import crypto from 'crypto';\nexport const enc = (alg: string) => crypto.createCipheriv(alg, k, iv);\n" },
    { name: 'a string mentioning des is not a call', code: "const label = 'des-ede3-cbc is legacy';\n" },
  ]);
});

describe('static-iv', () => {
  table('static-iv', [
    { name: 'zero buffer const', code: "import { createCipheriv } from 'crypto';\nconst IV = Buffer.alloc(16, 0);\nexport const e = (v: string) => createCipheriv('aes-256-cbc', KEY, IV); // <-\n" },
    { name: 'string literal IV', code: "import crypto from 'crypto';\ncrypto.createCipheriv('aes-128-cbc', key, '1234567890abcdef'); // <-\n" },
    { name: 'Buffer.from of a hex constant', code: "import crypto from 'crypto';\nconst IV_HEX = '00112233445566778899aabbccddeeff';\nfunction e() { return crypto.createCipheriv('aes-256-cbc', key, Buffer.from(IV_HEX, 'hex')); } // <-\n" },
    { name: 'IV sliced from the key', code: "import crypto from 'crypto';\nfunction e(secretKey: Buffer) {\n  const iv = secretKey.slice(0, 16);\n  return crypto.createCipheriv('aes-256-ctr', secretKey, iv); // <-\n}\n" },
    { name: 'IV fixed in configuration', code: "import crypto from 'crypto';\nfunction e() { return crypto.createCipheriv('aes-256-cbc', key, Buffer.from(process.env.AES_IV, 'hex')); } // <-\n" },
    { name: 'random IV created once at module load', code: "import crypto from 'crypto';\nconst IV = crypto.randomBytes(16);\nexport function enc(v: string) { return crypto.createCipheriv('aes-256-cbc', KEY, IV); } // <-\n" },
    { name: 'counter written into a zero buffer', code: "import crypto from 'crypto';\nfunction e(id: number) {\n  const nonce = Buffer.alloc(12);\n  nonce.writeUInt32BE(id, 8);\n  return crypto.createCipheriv('aes-256-gcm', key, nonce); // <-\n}\n" },
    { name: 'crypto-js with a constant IV', code: "import CryptoJS from 'crypto-js';\nCryptoJS.AES.encrypt(m, key, { iv: CryptoJS.enc.Hex.parse('000102030405060708090a0b0c0d0e0f') }); // <-\n" },
    { name: 'node-forge cipher started with a constant IV', code: "import forge from 'node-forge';\nconst cipher = forge.cipher.createCipher('AES-CBC', key);\ncipher.start({ iv: '0000000000000000' }); // <-\n" },
    { name: 'fresh random IV per call', code: "import crypto from 'crypto';\nfunction e() { const iv = crypto.randomBytes(16); return crypto.createCipheriv('aes-256-cbc', key, iv); }\n" },
    { name: 'zero buffer filled with randomFillSync', code: "import crypto from 'crypto';\nfunction e() { const iv = Buffer.alloc(12); crypto.randomFillSync(iv); return crypto.createCipheriv('aes-256-gcm', key, iv); }\n" },
    { name: 'decipher with the IV from the message', code: "import crypto from 'crypto';\nfunction d(p: string) { const [ivHex] = p.split(':'); return crypto.createDecipheriv('aes-256-cbc', key, Buffer.from(ivHex, 'hex')); }\n" },
    { name: 'decipher with a constant IV is left to the cipher side', code: "import crypto from 'crypto';\nconst IV = Buffer.alloc(16);\ncrypto.createDecipheriv('aes-256-cbc', key, IV);\n" },
    { name: 'ECB and RC4 take no IV', code: "import crypto from 'crypto';\ncrypto.createCipheriv('aes-256-ecb', key, null);\ncrypto.createCipheriv('rc4', key, '');\n" },
    { name: 'IV parameter is unknown', code: "import crypto from 'crypto';\nexport function e(iv: Buffer) { return crypto.createCipheriv('aes-256-gcm', key, iv); }\n" },
  ]);
});

describe('weak-key-size', () => {
  table('weak-key-size', [
    { name: 'RSA 1024 sync', code: "const crypto = require('crypto');\ncrypto.generateKeyPairSync('rsa', { modulusLength: 1024 }); // <-\n", file: 'k.js' },
    { name: 'promisified generateKeyPair with a const size', code: "const { promisify } = require('util');\nconst { generateKeyPair } = require('crypto');\nconst gen = promisify(generateKeyPair);\nconst BITS = 512;\ngen('rsa', { modulusLength: BITS }); // <-\n", file: 'k.js' },
    { name: 'DSA 1024', code: "import crypto from 'crypto';\ncrypto.generateKeyPairSync('dsa', { modulusLength: 1024, divisorLength: 160 }); // <-\n" },
    { name: 'MODP 2 and a 512-bit DH prime', code: "import crypto from 'crypto';\ncrypto.createDiffieHellmanGroup('modp2'); // <-\ncrypto.createDiffieHellman(512); // <-\n" },
    { name: 'small EC curve', code: "import crypto from 'crypto';\ncrypto.createECDH('secp160r1'); // <-\ncrypto.generateKeyPairSync('ec', { namedCurve: 'prime192v1' }); // <-\n" },
    { name: 'node-rsa and node-forge', code: "import NodeRSA from 'node-rsa';\nimport forge from 'node-forge';\nconst k = new NodeRSA({ b: 1024 }); // <-\nforge.pki.rsa.generateKeyPair({ bits: 1024 }); // <-\nconst k2 = new NodeRSA();\nk2.generateKeyPair(768); // <-\n" },
    { name: 'good sizes and curves', code: "import crypto from 'crypto';\ncrypto.generateKeyPairSync('rsa', { modulusLength: 2048 });\ncrypto.generateKeyPairSync('rsa', { modulusLength: 4096 });\ncrypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });\ncrypto.generateKeyPairSync('ed25519');\ncrypto.getDiffieHellman('modp14');\ncrypto.createECDH('prime256v1');\ncrypto.createDiffieHellman(primeBuffer);\n" },
  ]);

  it('fixes the modulus length literal', () => {
    const code = "import crypto from 'crypto';\ncrypto.generateKeyPairSync('rsa', { modulusLength: 1024 });\n";
    assert.equal(applyFix(code, 'k.ts', 'weak-key-size'), "import crypto from 'crypto';\ncrypto.generateKeyPairSync('rsa', { modulusLength: 3072 });\n");
  });

  it('fixes a weak MODP group', () => {
    const code = "import crypto from 'crypto';\ncrypto.getDiffieHellman('modp1');\n";
    assert.equal(applyFix(code, 'k.ts', 'weak-key-size'), "import crypto from 'crypto';\ncrypto.getDiffieHellman('modp14');\n");
  });
});

describe('messages', () => {
  it('say what is weak and what to use instead', () => {
    const [f] = findingsOf("import crypto from 'crypto';\ncrypto.createCipheriv('des-ede3-cbc', k, iv);\n", 'a.ts', 'weak-cipher');
    assert.match(f.message, /3DES/);
    assert.match(f.message, /aes-256-gcm/);
  });
});
