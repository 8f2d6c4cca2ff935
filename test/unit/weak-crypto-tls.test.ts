import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, findingsOf, table } from './weak-crypto-support';

describe('tls-reject-unauthorized', () => {
  table('tls-reject-unauthorized', [
    { name: 'https.Agent option', code: "import https from 'https';\nexport const agent = new https.Agent({ rejectUnauthorized: false }); // <-\n" },
    { name: 'multi-line tls.connect: reported on the property line', code: "import tls from 'tls';\ntls.connect({\n  host,\n  rejectUnauthorized: false, // <-\n});\n" },
    { name: 'axios httpsAgent, pg ssl and nodemailer tls', code: "const a = axios.create({ httpsAgent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }) }); // <-\nconst pool = new Pool({ ssl: { rejectUnauthorized: false } }); // <-\nconst t = nodemailer.createTransport({ tls: { rejectUnauthorized: false } }); // <-\n" },
    { name: 'through a const', code: "const VERIFY = false;\nconst agent = new https.Agent({ rejectUnauthorized: VERIFY }); // <-\n" },
    { name: 'request strictSSL', code: "request({ url, strictSSL: false }); // <-\n" },
    { name: 'process.env assignment, both spellings', code: "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // <-\nprocess.env['NODE_TLS_REJECT_UNAUTHORIZED'] = 0; // <-\n" },
    { name: 'child process environment and command strings', code: "spawn('node', ['x.js'], { env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0' } }); // <-\nexecSync('NODE_TLS_REJECT_UNAUTHORIZED=0 npm publish'); // <-\n" },
    { name: 'global agent options', code: "https.globalAgent.options.rejectUnauthorized = false; // <-\n" },
    { name: 'verification on, or decided at runtime', code: "new https.Agent({ rejectUnauthorized: true });\nnew https.Agent({ rejectUnauthorized: process.env.NODE_ENV === 'production' });\nprocess.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';\nconst flag = { rejectUnauthorized: isProd };\n" },
  ]);

  it('removes a property on its own line', () => {
    const code = "tls.connect({\n  host,\n  rejectUnauthorized: false, // self-signed\n  port: 443,\n});\n";
    assert.equal(applyFix(code, 'a.ts', 'tls-reject-unauthorized'), 'tls.connect({\n  host,\n  port: 443,\n});\n');
  });

  it('removes an inline property with its comma', () => {
    const code = 'new https.Agent({ rejectUnauthorized: false, keepAlive: true });\n';
    assert.equal(applyFix(code, 'a.ts', 'tls-reject-unauthorized'), 'new https.Agent({ keepAlive: true });\n');
  });

  it('removes the last inline property and the comma before it', () => {
    const code = 'new https.Agent({ keepAlive: true, rejectUnauthorized: false });\n';
    assert.equal(applyFix(code, 'a.ts', 'tls-reject-unauthorized'), 'new https.Agent({ keepAlive: true });\n');
  });

  it('empties an object holding only the property', () => {
    const code = 'new https.Agent({ rejectUnauthorized: false });\n';
    assert.equal(applyFix(code, 'a.ts', 'tls-reject-unauthorized'), 'new https.Agent({});\n');
  });
});

describe('tls-reject-unauthorized-config', () => {
  table('tls-reject-unauthorized-config', [
    { name: '.env', code: 'PORT=3000\nNODE_TLS_REJECT_UNAUTHORIZED=0 # <-\n', file: 'app/.env' },
    { name: 'compose YAML', code: 'services:\n  api:\n    environment:\n      NODE_TLS_REJECT_UNAUTHORIZED: "0" # <-\n      - NODE_TLS_REJECT_UNAUTHORIZED=0 # <-\n', file: 'docker-compose.yml' },
    { name: 'Dockerfile ENV, both forms', code: 'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=0 # <-\nENV NODE_TLS_REJECT_UNAUTHORIZED 0 # <-\n', file: 'Dockerfile' },
    { name: 'shell export', code: '#!/bin/sh\nexport NODE_TLS_REJECT_UNAUTHORIZED=0 # <-\n', file: 'run.sh' },
    { name: 'package.json script', code: '{\n  "scripts": {\n    "dev": "NODE_TLS_REJECT_UNAUTHORIZED=0 node server.js" <-\n  }\n}\n', file: 'package.json' },
    { name: 'npm strict-ssl', code: 'registry=https://npm.corp/\nstrict-ssl=false <-\n', file: '.npmrc' },
    { name: 'commented out, set to 1, or documentation', code: '# NODE_TLS_REJECT_UNAUTHORIZED=0\nNODE_TLS_REJECT_UNAUTHORIZED=1\nNODE_TLS_REJECT_UNAUTHORIZED=01\n', file: '.env' },
    { name: 'markdown is documentation, not configuration', code: 'Never set NODE_TLS_REJECT_UNAUTHORIZED=0 in production.\n', file: 'README.md' },
    { name: 'code files are left to the code rule', code: "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\n", file: 'a.js' },
  ]);
});

describe('tls-old-version', () => {
  table('tls-old-version', [
    { name: 'secureProtocol pins', code: "tls.connect({ host, secureProtocol: 'TLSv1_method' }); // <-\ntls.createSecureContext({ secureProtocol: 'SSLv3_client_method' }); // <-\n" },
    { name: 'minVersion and maxVersion', code: "new https.Agent({\n  minVersion: 'TLSv1', // <-\n});\ntls.connect({ maxVersion: 'TLSv1.1' }); // <-\n" },
    { name: 'through a const and the global default', code: "import tls from 'tls';\nconst MIN = 'TLSv1.1';\nnew https.Agent({ minVersion: MIN }); // <-\ntls.DEFAULT_MIN_VERSION = 'TLSv1'; // <-\n" },
    { name: 'TLS 1.2+ and SSLv23 (negotiate) are fine', code: "new https.Agent({ minVersion: 'TLSv1.2', maxVersion: 'TLSv1.3' });\ntls.connect({ secureProtocol: 'TLSv1_2_method' });\ntls.connect({ secureProtocol: 'SSLv23_method' });\nconst app = { minVersion: '1.0.0' };\n" },
  ]);

  it('raises minVersion to TLSv1.2', () => {
    assert.equal(applyFix("new https.Agent({ minVersion: 'TLSv1' });\n", 'a.ts', 'tls-old-version'), "new https.Agent({ minVersion: 'TLSv1.2' });\n");
  });

  it('re-pins secureProtocol to TLSv1_2_method', () => {
    assert.equal(applyFix('tls.connect({ secureProtocol: "TLSv1_1_method" });\n', 'a.ts', 'tls-old-version'), 'tls.connect({ secureProtocol: "TLSv1_2_method" });\n');
  });
});

describe('tls-weak-ciphers', () => {
  table('tls-weak-ciphers', [
    { name: '3DES and RC4 suites', code: "new https.Agent({ ciphers: 'DES-CBC3-SHA:AES128-SHA' }); // <-\ntls.createServer({ ciphers: 'RC4-MD5' }); // <-\n" },
    { name: 'exclusions and modern suites are fine', code: "tls.connect({ ciphers: 'HIGH:!aNULL:!MD5:!RC4:!3DES' });\ntls.connect({ ciphers: 'TLS_AES_256_GCM_SHA384:ECDHE-ECDSA-AES128-GCM-SHA256' });\n" },
  ]);

  it('drops the weak suites and keeps the rest', () => {
    assert.equal(applyFix("new https.Agent({ ciphers: 'DES-CBC3-SHA:AES128-GCM-SHA256' });\n", 'a.ts', 'tls-weak-ciphers'), "new https.Agent({ ciphers: 'AES128-GCM-SHA256' });\n");
  });
});

describe('tls-no-hostname-check', () => {
  table('tls-no-hostname-check', [
    { name: 'returns undefined, empty body', code: 'tls.connect({\n  host,\n  checkServerIdentity: () => undefined, // <-\n});\nhttps.request({ checkServerIdentity() {} }); // <-\nhttps.request({ checkServerIdentity: function () { return; } }); // <-\n' },
    { name: 'a real check is fine', code: "tls.connect({ checkServerIdentity: (host, cert) => tls.checkServerIdentity('api.internal', cert) });\n" },
  ]);

  it('the message names the risk', () => {
    const [f] = findingsOf('tls.connect({ checkServerIdentity: () => undefined });\n', 'a.ts', 'tls-no-hostname-check');
    assert.match(f.message, /any hostname/);
  });
});
