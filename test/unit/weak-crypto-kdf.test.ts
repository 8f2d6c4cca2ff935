// Password hashing beyond MD5/SHA-1: fast digests of passwords, scrypt and Argon2 costs, constant salts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, findingsOf, table } from './weak-crypto-support';

describe('fast-password-hash', () => {
  table('fast-password-hash', [
    { name: 'salted SHA-256 of a password', code: "import { createHash } from 'crypto';\nexport function store(password: string, salt: string) {\n  return createHash('sha256').update(salt + password).digest('hex'); // <-\n}\n" },
    { name: 'a random salt does not make a password random', code: "import crypto from 'crypto';\nexport function hashPassword(password: string) {\n  const salt = crypto.randomBytes(16).toString('hex');\n  return salt + ':' + crypto.createHash('sha256').update(salt + password).digest('hex'); // <-\n}\n" },
    { name: 'hashing fresh randomness in a password-named function is fine', code: "import crypto from 'crypto';\nexport function generatePassword() {\n  return crypto.createHash('sha256').update(crypto.randomBytes(32)).digest('base64url').slice(0, 20);\n}\n" },
    { name: 'SHA-512 of a PIN through a hash object variable', code: "import crypto from 'crypto';\nfunction savePin(userPin: string) {\n  const h = crypto.createHash('sha512'); // <-\n  h.update(userPin);\n  return h.digest('base64');\n}\n" },
    { name: 'security answer judged by the function name', code: "import crypto from 'crypto';\nexport const recoveryAnswerHash = (a: string) => crypto.createHash('sha256').update(a.toLowerCase()).digest('hex'); // <-\n" },
    { name: 'Web Crypto digest of a passphrase', code: "export async function passphraseKey(passphrase: string) {\n  return crypto.subtle.digest('SHA-256', new TextEncoder().encode(passphrase)); // <-\n}\n" },
    { name: 'crypto-js SHA256 and js-sha256 of a password', code: "import CryptoJS from 'crypto-js';\nimport { sha256 } from 'js-sha256';\nexport const a = (pwd: string) => CryptoJS.SHA256(pwd).toString(); // <-\nexport const b = (newPassword: string) => sha256(newPassword); // <-\n" },
    { name: 'helper called with a password', code: "import crypto from 'crypto';\nfunction digest(v: string) { return crypto.createHash('sha256').update(v).digest('hex'); } // <-\nexport const save = (user: { password: string }) => digest(user.password);\n" },
    { name: 'digest stored as the password hash', code: "import crypto from 'crypto';\nexport function register(user: any, input: string) {\n  user.passwordHash = crypto.createHash('sha256').update(input).digest('hex'); // <-\n}\n" },
    { name: 'random tokens and recovery codes are fine', code: "import crypto from 'crypto';\nexport const a = (resetToken: string) => crypto.createHash('sha256').update(resetToken).digest('hex');\nexport function recoveryCodeDigest(code: string) { return crypto.createHash('sha256').update(code).digest('hex'); }\nexport const c = (passwordResetToken: string) => crypto.createHash('sha256').update(passwordResetToken).digest();\n" },
    { name: 'a generated temporary password is random', code: "import crypto from 'crypto';\nexport function issue() {\n  const tempPassword = crypto.randomBytes(18).toString('base64url');\n  return { tempPassword, digest: crypto.createHash('sha256').update(tempPassword).digest('hex') };\n}\n" },
    { name: 'a pre-hash fed to bcrypt is fine', code: "import crypto from 'crypto';\nimport bcrypt from 'bcrypt';\nexport async function hash(password: string) {\n  const pre = crypto.createHash('sha256').update(password).digest('base64');\n  return bcrypt.hash(pre, 12);\n}\n" },
    { name: 'content, certificates and fingerprints are fine', code: "import crypto from 'crypto';\nexport const f = (cert: { raw: Buffer }) => crypto.createHash('sha256').update(cert.raw).digest('base64');\nexport function fingerprint(passphrase: string) { return crypto.createHash('sha256').update(passphrase).digest('hex').slice(0, 8); }\nexport const body = (data: Buffer) => crypto.createHash('sha256').update(data).digest('hex');\n" },
    { name: 'HMAC of a password is not a bare digest', code: "import crypto from 'crypto';\nexport const h = (password: string, pepper: string) => crypto.createHmac('sha256', pepper).update(password).digest('hex');\n" },
    { name: 'MD5 of a password is weak-hash, not this rule', code: "import crypto from 'crypto';\nexport const h = (password: string) => crypto.createHash('md5').update(password).digest('hex');\n" },
  ]);
});

describe('scrypt-low-cost', () => {
  table('scrypt-low-cost', [
    { name: 'small N and r on one line', code: "import { scryptSync } from 'crypto';\nexport const k = (pw: string, salt: Buffer) => scryptSync(pw, salt, 32, { N: 1024, r: 1, p: 1 }); // <-\n" },
    { name: 'N through a const, callback form', code: "import crypto from 'crypto';\nconst COST = 2 ** 12;\ncrypto.scrypt(pw, salt, 64, { cost: COST }, (err, key) => {}); // <-\n" },
    { name: 'option on its own line: the range covers the call and the option', code: "import crypto from 'crypto';\nexport function k(pw: string, salt: Buffer) {\n  return crypto.scryptSync(pw, salt, 32, {\n    N: 4096, // <-\n  });\n}\n" },
    { name: 'scrypt-js positional N', code: "import { scrypt } from 'scrypt-js';\nexport const k = (pw: Uint8Array, salt: Uint8Array) => scrypt(pw, salt, 1024, 8, 1, 32); // <-\n" },
    { name: 'defaults and strong settings are fine', code: "import crypto from 'crypto';\ncrypto.scryptSync(pw, salt, 64);\ncrypto.scryptSync(pw, salt, 64, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });\ncrypto.scryptSync(pw, salt, 64, { N: 32768 });\ncrypto.scrypt(pw, salt, 64, (err, key) => {});\n" },
  ]);
  it('offers N = 2 ** 17 when r is the default', () => {
    const code = "import crypto from 'crypto';\ncrypto.scryptSync(pw, salt, 64, { N: 1024 });\n";
    assert.match(applyFix(code, 'a.ts', 'scrypt-low-cost'), /N: 2 \*\* 17/);
  });
});

describe('argon2-low-cost', () => {
  table('argon2-low-cost', [
    { name: 'tiny memory and one pass', code: "import argon2 from 'argon2';\nexport const h = (pw: string) => argon2.hash(pw, { type: argon2.argon2i, timeCost: 1, memoryCost: 1024 }); // <-\n" },
    { name: 'memory on its own line', code: "import * as argon2 from 'argon2';\nexport function h(pw: string) {\n  return argon2.hash(pw, {\n    memoryCost: 4096, // <-\n  });\n}\n" },
    { name: '@node-rs/argon2 and hash-wasm', code: "import { hash } from '@node-rs/argon2';\nimport { argon2id } from 'hash-wasm';\nhash(pw, { memoryCost: 2048, timeCost: 2 }); // <-\nargon2id({ password: pw, salt, parallelism: 1, iterations: 1, memorySize: 512, hashLength: 32 }); // <-\n" },
    { name: 'OWASP settings and defaults are fine', code: "import argon2 from 'argon2';\nargon2.hash(pw);\nargon2.hash(pw, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });\nargon2.hash(pw, { memoryCost: 65536 });\nargon2.hash(pw, { timeCost: 4 });\n" },
  ]);
});

describe('static-salt', () => {
  table('static-salt', [
    { name: 'string salt in pbkdf2 and scrypt', code: "import crypto from 'crypto';\nexport const a = (password: string) => crypto.pbkdf2Sync(password, 'salt', 600000, 32, 'sha256'); // <-\nexport const b = (password: string) => crypto.scryptSync(password, Buffer.from('my-app'), 64); // <-\n" },
    { name: 'salt through a const and TextEncoder in Web Crypto', code: "const SALT = new TextEncoder().encode('static-salt');\nexport async function derive(base: CryptoKey) {\n  return crypto.subtle.deriveBits(\n    { name: 'PBKDF2', hash: 'SHA-256', salt: SALT, iterations: 600000 }, // <-\n    base,\n    256,\n  );\n}\n" },
    { name: 'a fixed bcrypt salt string', code: "import bcrypt from 'bcryptjs';\nexport const h = (pw: string) => bcrypt.hashSync(pw, '$2a$12$abcdefghijklmnopqrstuu'); // <-\n" },
    { name: 'argon2 with a constant salt option', code: "import argon2 from 'argon2';\nexport const h = (pw: string) => argon2.hash(pw, { salt: Buffer.from('0123456789abcdef') }); // <-\n" },
    { name: 'random salts, bcrypt costs and env secrets are fine', code: "import crypto from 'crypto';\nimport bcrypt from 'bcrypt';\nexport function a(password: string) { const salt = crypto.randomBytes(16); return crypto.scryptSync(password, salt, 64); }\nexport const b = (pw: string) => bcrypt.hash(pw, 12);\nexport const key = crypto.scryptSync(process.env.MASTER_KEY!, 'salt', 32);\nexport const c = (pw: string, salt: Buffer) => crypto.pbkdf2Sync(pw, salt, 600000, 32, 'sha256');\n" },
  ]);
});

describe('kdf rules stay quiet in tests', () => {
  it('skips *.test.* files', () => {
    const code = "import crypto from 'crypto';\ncrypto.scryptSync(pw, 'salt', 32, { N: 1024 });\n";
    assert.equal(findingsOf(code, 'kdf.test.ts').filter((f) => f.ruleId === 'scrypt-low-cost' || f.ruleId === 'static-salt').length, 0);
  });
});
