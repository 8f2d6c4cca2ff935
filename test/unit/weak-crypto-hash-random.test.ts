import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, findingsOf, hasNoFix, table } from './weak-crypto-support';

describe('weak-hash', () => {
  table('weak-hash', [
    { name: 'MD5 of a password (named import alias)', code: "import { createHash as h } from 'node:crypto';\nexport const hashPw = (pw: string) => h('md5').update(pw).digest('hex'); // <-\n" },
    { name: 'SHA-1 of a password property', code: "const crypto = require('crypto');\nfunction save(user) {\n  user.hash = crypto.createHash('sha1').update(user.salt + user.password).digest('hex'); // <-\n}\n", file: 'a.js' },
    { name: 'digest of a random token', code: "import crypto from 'crypto';\nexport function issue() {\n  const raw = crypto.randomBytes(32).toString('hex');\n  const stored = crypto.createHash('sha1').update(raw).digest('hex'); // <-\n  return { raw, stored };\n}\n" },
    { name: 'hash object fed on other lines', code: "import * as c from 'crypto';\nfunction lookup(apiKey: string) {\n  const h = c.createHash('md5'); // <-\n  h.update(apiKey);\n  return h.digest('hex');\n}\n" },
    { name: 'small helper called with a password', code: "import crypto from 'crypto';\nfunction md5(s: string) {\n  return crypto.createHash('md5').update(s).digest('hex'); // <-\n}\nexport const check = (password: string, stored: string) => md5(password) === stored;\n" },
    { name: 'request signing', code: "import crypto from 'crypto';\nexport function signRequest(query: string) {\n  return crypto.createHash('md5').update(query).digest('hex'); // <-\n}\n" },
    { name: 'integrity check of a download', code: "import crypto from 'crypto';\nimport fs from 'fs';\nfunction sum(file: string) {\n  return crypto.createHash('sha1').update(fs.readFileSync(file)).digest('hex'); // <-\n}\nexport function verify(file: string, expectedChecksum: string) {\n  if (sum(file) !== expectedChecksum) throw new Error('mismatch');\n}\n" },
    { name: 'crypto-js and the md5 package', code: "import CryptoJS from 'crypto-js';\nimport md5 from 'md5';\nexport const a = (password: string) => CryptoJS.MD5(password).toString(); // <-\nexport const b = (token: string) => md5(token); // <-\n" },
    { name: 'createSign with SHA-1', code: "import crypto from 'crypto';\nconst signer = crypto.createSign('RSA-SHA1'); // <-\n" },
    { name: 'ETag of a response body', code: "import crypto from 'crypto';\nexport function etag(body: string) {\n  return '\"' + crypto.createHash('md5').update(body).digest('hex') + '\"';\n}\n" },
    { name: 'cache key', code: "import crypto from 'crypto';\nconst cacheKey = (url: string) => crypto.createHash('sha1').update(url).digest('hex');\n" },
    { name: 'Gravatar URL', code: "import crypto from 'crypto';\nexport function avatarUrl(email: string) {\n  const digest = crypto.createHash('md5').update(email.trim().toLowerCase()).digest('hex');\n  return `https://www.gravatar.com/avatar/${digest}`;\n}\n" },
    { name: 'content fingerprint and dedupe', code: "import crypto from 'crypto';\nexport const fingerprint = (buf: Buffer) => crypto.createHash('md5').update(buf).digest('hex');\nexport function dedupeKey(id: string, kind: string) { return crypto.createHash('sha1').update(id + kind).digest('hex'); }\n" },
    { name: 'change detection against a cached digest', code: "import crypto from 'crypto';\nexport function changed(text: string, cachedDigest: string) {\n  return crypto.createHash('md5').update(text).digest('hex') !== cachedDigest;\n}\n" },
    { name: 'a protocol handshake value compared with a header is not data integrity', code: "import crypto from 'crypto';\nexport function accept(secWebSocketKey: string, header: string) {\n  return crypto.createHash('sha1').update(secWebSocketKey + GUID).digest('base64') === header;\n}\n" },
    { name: 'the WebSocket handshake mandates SHA-1', code: "import crypto from 'crypto';\nconst GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';\nconst wsKey = crypto.randomBytes(16).toString('base64');\nexport const accept = crypto.createHash('sha1').update(wsKey + GUID).digest('base64');\n" },
    { name: 'digest without any security signal', code: "import crypto from 'crypto';\nexport function shardOf(userId: string) { return parseInt(crypto.createHash('md5').update(userId).digest('hex').slice(0, 8), 16) % 16; }\n" },
    { name: 'HMAC-SHA1 and SHA-256 are not this rule', code: "import crypto from 'crypto';\ncrypto.createHmac('sha1', secret).update(body).digest('hex');\ncrypto.createHash('sha256').update(password).digest('hex');\n" },
  ]);

  it('fixes a token digest to SHA-256', () => {
    const code = "import crypto from 'crypto';\nexport const tokenDigest = (token: string) => crypto.createHash(\"sha1\").update(token).digest('hex');\n";
    assert.equal(applyFix(code, 'a.ts', 'weak-hash'), code.replace('"sha1"', '"sha256"'));
  });

  it('offers no digest swap for a password: the message points to a password hash', () => {
    const code = "import crypto from 'crypto';\nexport const hashPassword = (password: string) => crypto.createHash('md5').update(password).digest('hex');\n";
    hasNoFix(code, 'a.ts', 'weak-hash');
    assert.match(findingsOf(code, 'a.ts', 'weak-hash')[0].message, /bcrypt|Argon2/);
  });
});

describe('insecure-random', () => {
  table('insecure-random', [
    { name: 'token variable', code: "export function f() {\n  const resetToken = Math.random().toString(36).slice(2); // <-\n  return resetToken;\n}\n" },
    { name: 'OTP function', code: "export function generateOtp() {\n  return String(Math.floor(Math.random() * 1e6)).padStart(6, '0'); // <-\n}\n" },
    { name: 'object property', code: "export const creds = { apiKey: Math.random().toString(16).slice(2) }; // <-\n" },
    { name: 'helper whose result becomes a session token', code: "function randomString(n: number) {\n  let s = '';\n  for (let i = 0; i < n; i++) s += CHARS[Math.floor(Math.random() * CHARS.length)]; // <-\n  return s;\n}\nexport const sessionToken = randomString(32);\n" },
    { name: 'invite code in a React component', code: "import React from 'react';\nexport function Invite() {\n  const inviteCode = Math.random().toString(36).slice(2, 8); // <-\n  return <b>{inviteCode}</b>;\n}\n", file: 'Invite.tsx' },
    { name: 'salt and nonce', code: "const salt = Math.random().toString(); // <-\nconst nonce = Math.floor(Math.random() * 2 ** 32); // <-\n" },
    { name: 'stored under a key that names it', code: "res.cookie('csrf_token', Math.random().toString(36)); // <-\nlocalStorage.setItem('theme', Math.random() > 0.5 ? 'dark' : 'light');\n" },
    { name: 'test sources are skipped', code: "const token = Math.random().toString(36);\n", file: 'auth.test.ts' },
    { name: 'pseudoRandomBytes anywhere', code: "const crypto = require('crypto');\nconst b = crypto.pseudoRandomBytes(8); // <-\n", file: 'a.js' },
    { name: 'a neutral value inside a security-named function', code: "export function createSession() {\n  const ttl = 3600 + Math.floor(Math.random() * 600);\n  return { id: newId(), expiresAt: Date.now() + ttl * 1000 };\n}\n" },
    { name: 'passed through an unknown helper inside a token function', code: "export function generateToken() {\n  return base64url(String(Math.random())); // <-\n}\n" },
    { name: 'retry jitter', code: "setTimeout(retry, Math.random() * 1000);\nconst delay = base * 2 ** n + Math.random() * 100;\n" },
    { name: 'shuffle and sampling', code: "export function shuffle<T>(a: T[]) {\n  for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(Math.random() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; }\n  return a;\n}\nif (Math.random() < 0.05) trace();\n" },
    { name: 'UI: colour, position, React key, element id', code: "import React from 'react';\nconst color = COLORS[Math.floor(Math.random() * COLORS.length)];\nexport const Dot = () => <i key={Math.random()} style={{ left: `${Math.random() * 100}%` }} />;\nconst id = 'field-' + Math.random().toString(36).slice(2);\n", file: 'Dot.tsx' },
    { name: 'crypto.randomInt and getRandomValues are fine', code: "import { randomInt } from 'crypto';\nexport const otp = () => String(randomInt(1e6)).padStart(6, '0');\nexport const token = () => crypto.getRandomValues(new Uint8Array(16));\n" },
  ]);

  it('replaces Math.floor(Math.random() * n) with randomInt through an existing import', () => {
    const code = "import crypto from 'node:crypto';\nexport function temporaryPassword() {\n  return Array.from({ length: 12 }, () => ALPHABET[Math.floor(Math.random() * ALPHABET.length)]).join('');\n}\n";
    assert.equal(applyFix(code, 'a.ts', 'insecure-random'), code.replace('Math.floor(Math.random() * ALPHABET.length)', 'crypto.randomInt(ALPHABET.length)'));
  });

  it('adds an ES import when the file has none', () => {
    const code = "import fs from 'fs';\nexport function otpCode() {\n  return Math.floor(100000 + Math.random() * 900000);\n}\n";
    assert.equal(
      applyFix(code, 'a.ts', 'insecure-random'),
      "import fs from 'fs';\nimport { randomInt } from 'node:crypto';\nexport function otpCode() {\n  return randomInt(100000, 1000000);\n}\n",
    );
  });

  it('adds a require in CommonJS', () => {
    const code = "'use strict';\nconst fs = require('fs');\nfunction makeToken() {\n  return Math.random().toString(36).slice(2, 10);\n}\n";
    assert.equal(
      applyFix(code, 'a.js', 'insecure-random'),
      "'use strict';\nconst fs = require('fs');\nconst { randomBytes } = require('node:crypto');\nfunction makeToken() {\n  return randomBytes(4).toString('hex');\n}\n",
    );
  });

  it('uses randomUUID for an unbounded string', () => {
    const code = "import { randomUUID } from 'crypto';\nexport const sessionId = () => Math.random().toString(36).substring(2);\n";
    assert.equal(applyFix(code, 'a.ts', 'insecure-random'), code.replace('Math.random().toString(36).substring(2)', 'randomUUID()'));
  });

  it('uses Web Crypto in browser code, without an import', () => {
    const code = "import React from 'react';\nexport function newState() {\n  return Math.random().toString(36).slice(2);\n}\n";
    assert.equal(applyFix(code, 'a.tsx', 'insecure-random'), code.replace('Math.random().toString(36).slice(2)', 'crypto.randomUUID()'));
  });

  it('offers no fix when no same-type replacement exists', () => {
    hasNoFix('export const secretValue = Math.random();\n', 'a.ts', 'insecure-random');
  });

  it('fixes pseudoRandomBytes by renaming', () => {
    const code = "const crypto = require('crypto');\nconst b = crypto.pseudoRandomBytes(8);\n";
    assert.equal(applyFix(code, 'a.js', 'insecure-random'), code.replace('pseudoRandomBytes', 'randomBytes'));
  });
});
