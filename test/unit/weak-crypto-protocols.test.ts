// SSH options, JWT decoding, RSA padding, MongoDB and Electron certificate checks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingsOf, table } from './weak-crypto-support';

describe('ssh-weak-algorithms', () => {
  table('ssh-weak-algorithms', [
    {
      name: 'weak kex, cipher, hmac and host key entries',
      code:
        "import { Client } from 'ssh2';\nnew Client().connect({\n  host: 'h',\n  algorithms: {\n    kex: ['curve25519-sha256', 'diffie-hellman-group1-sha1'], // <-\n    cipher: ['aes256-gcm@openssh.com', '3des-cbc'], // <-\n    hmac: { append: ['hmac-md5'] }, // <-\n    serverHostKey: ['ssh-dss'], // <-\n  },\n});\n",
    },
    { name: 'modern lists and removals are fine', code: "const opts = { algorithms: { kex: ['curve25519-sha256'], cipher: ['aes128-ctr'], hmac: { remove: ['hmac-md5'] }, serverHostKey: ['ssh-ed25519'] } };\n" },
    { name: 'a JWT algorithms array is not an ssh2 option', code: "jwt.verify(t, k, { algorithms: ['HS256'] });\n" },
  ]);
});

describe('ssh-host-key-unverified', () => {
  table('ssh-host-key-unverified', [
    { name: 'arrow returning true', code: "conn.connect({\n  host,\n  hostVerifier: () => true, // <-\n});\n" },
    { name: 'callback form and method form', code: "const a = { hostVerifier: (key, cb) => cb(true) }; // <-\nconst b = {\n  hostVerifier(key) { // <-\n    return true;\n  },\n};\n" },
    { name: 'a pinned fingerprint check is fine', code: "conn.connect({ hostHash: 'sha256', hostVerifier: (hash) => hash === EXPECTED });\n" },
  ]);
});

describe('jwt-decode-without-verify', () => {
  table('jwt-decode-without-verify', [
    { name: 'role compared after decode', code: "import jwt from 'jsonwebtoken';\nexport function admin(req, res, next) {\n  const claims = jwt.decode(req.headers.authorization); // <-\n  if (claims?.role !== 'admin') return res.sendStatus(403);\n  next();\n}\n" },
    { name: 'decoded claims stored as the request user', code: "const jwt = require('jsonwebtoken');\nfunction auth(req, res, next) {\n  req.user = jwt.decode(req.cookies.session); // <-\n  next();\n}\n", file: 'a.js' },
    { name: 'a verify function that only decodes', code: "import { decodeJwt } from 'jose';\nexport function verifyToken(token: string) {\n  return decodeJwt(token); // <-\n}\n" },
    { name: 'scopes checked against a list', code: "import jwt from 'jsonwebtoken';\nexport function canWrite(token: string) {\n  const payload: any = jwt.decode(token); // <-\n  return payload.scope.includes('write');\n}\nexport function hasScope(token: string) {\n  const p: any = jwt.decode(token); // <-\n  return ['write', 'admin'].includes(p.scope);\n}\n" },
    { name: 'destructured claims', code: "import jwt from 'jsonwebtoken';\nexport function gate(token: string) {\n  const { role, exp } = jwt.decode(token) as any; // <-\n  if (role !== 'admin') throw new Error('forbidden');\n  return exp;\n}\nexport function expiry(token: string) {\n  const { exp } = jwt.decode(token) as any;\n  return exp < Date.now() / 1000;\n}\n" },
    { name: 'header read to pick a key, then verify', code: "import jwt from 'jsonwebtoken';\nexport function check(token: string, keys: Record<string, string>) {\n  const decoded = jwt.decode(token, { complete: true });\n  if (!decoded) throw new Error('bad');\n  return jwt.verify(token, keys[decoded.header.kid], { algorithms: ['RS256'] });\n}\n" },
    { name: 'logging and display are fine', code: "import jwt from 'jsonwebtoken';\nexport function peek(token: string) {\n  const claims = jwt.decode(token);\n  logger.info({ sub: claims?.sub }, 'token seen');\n  return { header: jwt.decode(token, { complete: true })?.header };\n}\n" },
    { name: 'expiry checks are not access decisions', code: "import jwt from 'jsonwebtoken';\nexport function needsRefresh(token: string) {\n  const c: any = jwt.decode(token);\n  return c.exp * 1000 < Date.now() + 60000;\n}\n" },
    { name: 'browser code reads its own token', code: "import { jwtDecode } from 'jwt-decode';\nexport function Menu({ token }: { token: string }) {\n  const claims: any = jwtDecode(token);\n  return claims.role === 'admin' ? <AdminMenu /> : null;\n}\n", file: 'Menu.tsx' },
  ]);
});

describe('rsa-weak-padding', () => {
  table('rsa-weak-padding', [
    { name: 'PKCS#1 v1.5 in publicEncrypt', code: "import crypto from 'crypto';\ncrypto.publicEncrypt({ key: pub, padding: crypto.constants.RSA_PKCS1_PADDING }, data); // <-\n" },
    { name: 'no padding in privateDecrypt, numeric', code: "import { privateDecrypt } from 'crypto';\nprivateDecrypt({ key, padding: 3 }, buf); // <-\n" },
    { name: 'node-rsa pkcs1 scheme', code: "import NodeRSA from 'node-rsa';\nconst key = new NodeRSA(pem, 'pkcs8', { encryptionScheme: 'pkcs1' }); // <-\n" },
    { name: 'OAEP and signing with PKCS#1 are fine', code: "import crypto from 'crypto';\ncrypto.publicEncrypt({ key: pub, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, data);\ncrypto.sign('sha256', data, { key, padding: crypto.constants.RSA_PKCS1_PADDING });\n" },
  ]);
});

describe('certificate checks beyond rejectUnauthorized', () => {
  table('tls-reject-unauthorized', [
    { name: 'MongoDB options', code: "import { MongoClient } from 'mongodb';\nnew MongoClient(url, {\n  tls: true,\n  tlsAllowInvalidCertificates: true, // <-\n  tlsInsecure: true, // <-\n});\nmongoose.connect(url, { sslValidate: false }); // <-\n" },
    { name: 'MongoDB connection strings', code: "const url = 'mongodb+srv://db.example.net/app?retryWrites=true&tlsAllowInvalidCertificates=true'; // <-\nconst pg = `postgres://${host}/app?sslmode=no-verify`; // <-\n" },
    { name: 'Electron handlers and switches', code: "import { app, session } from 'electron';\napp.on('certificate-error', (event, webContents, url, error, cert, callback) => { // <-\n  event.preventDefault();\n  callback(true);\n});\nsession.defaultSession.setCertificateVerifyProc((request, cb) => cb(0)); // <-\napp.commandLine.appendSwitch('ignore-certificate-errors'); // <-\n" },
    { name: 'superagent disableTLSCerts', code: "import request from 'superagent';\nexport const get = (u: string) => request.get(u).disableTLSCerts(); // <-\n" },
    { name: 'secure settings and conditional trust are fine', code: "import { app } from 'electron';\nnew MongoClient(url, { tls: true, tlsCAFile: '/etc/ca.pem', tlsAllowInvalidCertificates: false });\nconst u = 'mongodb://db/app?tls=true&tlsCAFile=/etc/ca.pem';\napp.on('certificate-error', (event, wc, url, error, cert, callback) => {\n  if (url.startsWith('https://localhost:')) { event.preventDefault(); callback(true); } else callback(false);\n});\n" },
  ]);
  table('tls-no-hostname-check', [
    { name: 'MongoDB hostname checks off', code: "new MongoClient(url, { tlsAllowInvalidHostnames: true }); // <-\nconst u = 'mongodb://db/app?tls=true&tlsAllowInvalidHostnames=true'; // <-\n" },
  ]);
  it('the config rule reads rejectUnauthorized in YAML, JSON and .env files', () => {
    assert.equal(findingsOf('db:\n  ssl:\n    rejectUnauthorized: false\n', 'config/production.yml', 'tls-reject-unauthorized-config').length, 1);
    assert.equal(findingsOf('{ "smtp": { "tls": { "rejectUnauthorized": false } } }\n', 'config/default.json', 'tls-reject-unauthorized-config').length, 1);
    assert.equal(findingsOf('DB_SSL_REJECT_UNAUTHORIZED=false\nPGSSLMODE=no-verify\nAPI_REJECT_UNAUTHORIZED=true\n', '.env', 'tls-reject-unauthorized-config').length, 2);
  });
  it('the config rule reads connection strings in .env files', () => {
    const found = findingsOf('MONGO_URL=mongodb://db:27017/app?tls=true&tlsInsecure=true\n# MONGO_URL=mongodb://db/app?tlsInsecure=true\n', '.env', 'tls-reject-unauthorized-config');
    assert.equal(found.length, 1);
  });
});
