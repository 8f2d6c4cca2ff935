import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, findingsOf, hasNoFix, table } from './weak-crypto-support';

describe('bcrypt-low-cost', () => {
  table('bcrypt-low-cost', [
    { name: 'literal cost (bcrypt)', code: "import bcrypt from 'bcrypt';\nbcrypt.hash(pw, 10); // <-\n" },
    { name: 'bcryptjs named imports and genSaltSync', code: "import { hashSync, genSaltSync } from 'bcryptjs';\nhashSync(pw, genSaltSync(8)); // <-\n" },
    { name: 'const and config object', code: "const bcrypt = require('bcrypt');\nconst ROUNDS = 10;\nconst config = { auth: { saltRounds: 11 } };\nbcrypt.hash(pw, ROUNDS); // <-\nbcrypt.genSalt(config.auth.saltRounds); // <-\n", file: 'a.js' },
    { name: 'environment variable with a low default', code: "import bcrypt from 'bcrypt';\nconst COST = Number(process.env.BCRYPT_COST ?? 10);\nbcrypt.hash(pw, COST); // <-\n" },
    { name: 'genSalt without a cost defaults to 10', code: "import bcrypt from 'bcryptjs';\nconst salt = await bcrypt.genSalt(); // <-\nbcrypt.genSalt((err, s) => {}); // <-\n" },
    { name: 'cost 12+, salts, compare and unknown costs are fine', code: "import bcrypt from 'bcrypt';\nconst BCRYPT_COST = 12;\nbcrypt.hash(pw, BCRYPT_COST);\nbcrypt.hash(pw, 14);\nbcrypt.hash(pw, salt);\nbcrypt.compare(pw, stored);\nbcrypt.hash(pw, Number(process.env.BCRYPT_COST));\n" },
  ]);

  it('fixes a literal cost to 12', () => {
    assert.equal(applyFix("import bcrypt from 'bcrypt';\nbcrypt.hashSync(pw, 8);\n", 'a.ts', 'bcrypt-low-cost'), "import bcrypt from 'bcrypt';\nbcrypt.hashSync(pw, 12);\n");
  });

  it('fixes the const the cost is read from', () => {
    const code = "import bcrypt from 'bcrypt';\nconst SALT_ROUNDS = 10;\nbcrypt.hash(pw, SALT_ROUNDS);\n";
    assert.equal(applyFix(code, 'a.ts', 'bcrypt-low-cost'), code.replace('= 10', '= 12'));
  });

  it('adds the cost to genSalt()', () => {
    assert.equal(applyFix("import bcrypt from 'bcrypt';\nbcrypt.genSalt();\n", 'a.ts', 'bcrypt-low-cost'), "import bcrypt from 'bcrypt';\nbcrypt.genSalt(12);\n");
  });

  it('says when the low cost is an environment default', () => {
    const [f] = findingsOf("import bcrypt from 'bcrypt';\nbcrypt.hash(pw, parseInt(process.env.ROUNDS || '8', 10));\n", 'a.ts', 'bcrypt-low-cost');
    assert.match(f.message, /when ROUNDS is unset/);
  });
});

describe('pbkdf2-weak', () => {
  table('pbkdf2-weak', [
    { name: 'few iterations', code: "import crypto from 'crypto';\ncrypto.pbkdf2Sync(pw, salt, 10000, 32, 'sha256'); // <-\n" },
    { name: 'SHA-1 digest with many iterations', code: "const { pbkdf2 } = require('crypto');\npbkdf2(pw, salt, 310000, 32, 'sha1', cb); // <-\n", file: 'a.js' },
    { name: 'promisified with a const', code: "import crypto from 'crypto';\nimport { promisify } from 'util';\nconst derive = promisify(crypto.pbkdf2);\nconst ITER = 1000;\nawait derive(pw, salt, ITER, 64, 'sha512'); // <-\n" },
    { name: 'Web Crypto parameters', code: "await crypto.subtle.deriveBits({ name: 'PBKDF2', salt, iterations: 1000, hash: 'SHA-256' }, key, 256); // <-\nawait crypto.subtle.deriveKey({ name: 'PBKDF2', salt, iterations: 600000, hash: 'SHA-1' }, key, alg, false, ['encrypt']); // <-\n" },
    { name: 'node-forge defaults to SHA-1', code: "import forge from 'node-forge';\nforge.pkcs5.pbkdf2(pw, salt, 200000, 32); // <-\n" },
    { name: 'strong parameters and unknown counts are fine', code: "import crypto from 'crypto';\ncrypto.pbkdf2Sync(pw, salt, 600000, 32, 'sha256');\ncrypto.pbkdf2Sync(pw, salt, Number(stored.iterations), 32, 'sha256');\ncrypto.scryptSync(pw, salt, 32);\n" },
  ]);

  it('raises the iterations and the digest', () => {
    const code = "import crypto from 'crypto';\ncrypto.pbkdf2Sync(pw, salt, 1000, 32, 'sha1');\n";
    assert.equal(applyFix(code, 'a.ts', 'pbkdf2-weak'), "import crypto from 'crypto';\ncrypto.pbkdf2Sync(pw, salt, 600000, 32, 'sha256');\n");
  });
});

describe('jwt-none-algorithm', () => {
  table('jwt-none-algorithm', [
    { name: 'sign with none', code: "import jwt from 'jsonwebtoken';\njwt.sign(payload, '', { algorithm: 'none' }); // <-\n" },
    { name: 'verify accepting none, multi-line', code: "import { verify } from 'jsonwebtoken';\nverify(token, key, {\n  algorithms: ['RS256', 'none'], // <-\n});\n" },
    { name: 'header object and jose UnsecuredJWT', code: "import { UnsecuredJWT } from 'jose';\nconst header = { alg: 'None', typ: 'JWT' }; // <-\nconst t = new UnsecuredJWT({ sub: 'x' }).encode(); // <-\n" },
    { name: "'none' outside JWT options is not this rule", code: "const zip = createCompressor({ algorithm: 'none', level: 0 });\nconst cfg = { integrity: { algorithm: 'none' } };\n" },
    { name: 'options const passed to sign', code: "import jwt from 'jsonwebtoken';\nconst opts = { algorithm: 'none' }; // <-\njwt.sign(p, k, opts);\n" },
    { name: 'real algorithms are fine', code: "import jwt from 'jsonwebtoken';\njwt.sign(p, key, { algorithm: 'ES256' });\njwt.verify(t, key, { algorithms: ['HS256'] });\n" },
  ]);

  it("removes 'none' from the accepted list", () => {
    const code = "jwt.verify(t, key, { algorithms: ['RS256', 'none'] });\n";
    assert.equal(applyFix(code, 'a.ts', 'jwt-none-algorithm'), "jwt.verify(t, key, { algorithms: ['RS256'] });\n");
  });
});

describe('jwt-unpinned-algorithms', () => {
  table('jwt-unpinned-algorithms', [
    { name: 'no options, empty options, options without algorithms', code: "import jwt from 'jsonwebtoken';\njwt.verify(t, key); // <-\njwt.verify(t, key, {}, cb); // <-\njwt.verify(t, key, { issuer: 'me' }); // <-\njwt.verify(t, key, (err, d) => {}); // <-\n" },
    { name: 'promisified and aliased', code: "const { promisify } = require('util');\nconst jsonwebtoken = require('jsonwebtoken');\nconst verifyAsync = promisify(jsonwebtoken.verify);\nverifyAsync(t, key); // <-\n", file: 'a.js' },
    { name: 'options const without algorithms', code: "import * as jwt from 'jsonwebtoken';\nconst OPTS = { maxAge: '1h' };\njwt.verify(t, key, OPTS); // <-\n" },
    { name: 'passport-jwt strategy', code: "import { Strategy, ExtractJwt } from 'passport-jwt';\nnew Strategy({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_SECRET }, verify); // <-\n" },
    { name: 'pinned, spread or unknown options are fine', code: "import jwt from 'jsonwebtoken';\njwt.verify(t, key, { algorithms: ['HS256'] });\njwt.verify(t, key, { ...base });\njwt.verify(t, key, opts);\n" },
    { name: 'a verify() of another library is not this rule', code: "import { verify } from 'argon2';\nverify(hash, pw);\nobj.verify(t, key);\n" },
  ]);

  it('pins the algorithm this file signs with', () => {
    const code = "import jwt from 'jsonwebtoken';\nconst SECRET = process.env.JWT_SECRET ?? '';\nexport const issue = (p: object) => jwt.sign(p, SECRET, { algorithm: 'HS512' });\nexport const check = (t: string) => jwt.verify(t, SECRET);\n";
    assert.equal(applyFix(code, 'a.ts', 'jwt-unpinned-algorithms'), code.replace('jwt.verify(t, SECRET)', "jwt.verify(t, SECRET, { algorithms: ['HS512'] })"));
  });

  it('adds algorithms to existing options and before a callback', () => {
    const sign = "import jwt from 'jsonwebtoken';\nconst S = process.env.S;\njwt.sign(p, S);\n";
    assert.equal(applyFix(`${sign}jwt.verify(t, S, { issuer: 'x' });\n`, 'a.ts', 'jwt-unpinned-algorithms'), `${sign}jwt.verify(t, S, { algorithms: ['HS256'], issuer: 'x' });\n`);
    assert.equal(applyFix(`${sign}jwt.verify(t, S, cb => cb);\n`, 'a.ts', 'jwt-unpinned-algorithms'), `${sign}jwt.verify(t, S, { algorithms: ['HS256'] }, cb => cb);\n`);
  });

  it('offers no fix when the algorithm is unknown', () => {
    hasNoFix("import jwt from 'jsonwebtoken';\njwt.verify(t, publicKey);\n", 'a.ts', 'jwt-unpinned-algorithms');
  });
});

describe('jwt-weak-secret', () => {
  table('jwt-weak-secret', [
    { name: 'short literal in sign and verify', code: "import jwt from 'jsonwebtoken';\njwt.sign(p, 'secret'); // <-\njwt.verify(t, 'shhhhh', { algorithms: ['HS256'] }); // <-\n" },
    { name: 'const, and an env fallback is left to the environment', code: "import jwt from 'jsonwebtoken';\nconst SECRET = 'dev-secret-123';\nconst KEY = process.env.JWT_KEY || 'changeme';\njwt.sign(p, SECRET); // <-\njwt.verify(t, KEY, { algorithms: ['HS256'] });\n" },
    { name: 'express-jwt, passport-jwt and NestJS options', code: "import { expressjwt } from 'express-jwt';\nimport { Strategy } from 'passport-jwt';\nimport { JwtModule } from '@nestjs/jwt';\napp.use(expressjwt({ secret: 'keyboard cat', algorithms: ['HS256'] })); // <-\nnew Strategy({ secretOrKey: 'short', algorithms: ['HS256'], jwtFromRequest }, cb); // <-\nJwtModule.register({ secret: 'nest-secret' }); // <-\n" },
    { name: 'jose with TextEncoder', code: "import { SignJWT, jwtVerify } from 'jose';\nconst key = new TextEncoder().encode('tiny');\nawait new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).sign(key); // <-\nawait jwtVerify(t, key); // <-\n" },
    { name: 'env secrets, empty fallbacks, long secrets, PEM keys are fine', code: "import jwt from 'jsonwebtoken';\nconst A = process.env.A;\nconst B = process.env.B ?? '';\nconst LONG = 'x'.repeat(1) + '';\njwt.sign(p, A);\njwt.sign(p, B);\njwt.sign(p, 'Zq3m9VtK2xWfR7pL0aHcN5sYbE8uJdGi');\njwt.sign(p, PRIVATE_KEY, { algorithm: 'RS256' });\njwt.sign(p, '', { algorithm: 'none' });\n" },
  ]);

  it('never prints the secret', () => {
    const [f] = findingsOf("import jwt from 'jsonwebtoken';\njwt.sign(p, 'hunter2hunter2');\n", 'a.ts', 'jwt-weak-secret');
    assert.ok(!f.message.includes('hunter2'));
    assert.match(f.message, /14 characters/);
  });
});
