// Shared by the robustness and fuzz tests: a seeded PRNG, realistic snippets of every file kind
// (our own code, with made-up secrets assembled at run time so this file holds no secret-shaped
// literal), and the invariants every analysis result must keep whatever the input.
import assert from 'node:assert/strict';
import { analyze, type AnalysisResult } from '../../src/core/engine';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../../src/core/settings';
import type { TextRange } from '../../src/core/types';

/** Lets huge input through the size gate, so that the rules themselves meet it. */
export const UNLIMITED: AnalysisSettings = { ...DEFAULT_SETTINGS, maxFileBytes: 64_000_000 };

/** mulberry32: small, fast, reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seededBytes(seed: number, length: number): Buffer {
  const next = seededRandom(seed);
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(next() * 256);
  return bytes;
}

const join = (...parts: string[]): string => parts.join('');
/** Made-up values in the shapes the secret rules look for, built so the source holds none whole. */
export const FAKE = {
  awsKeyId: join('AK', 'IA', 'Q3XZ7TBW4KJM2RPN'),
  awsSecret: join('wJa7Rq2', 'Xk9vBn4Lm8Pz3Tc6Yd1Hf5Gs0Ue2Wi7Oa9Kb'),
  githubToken: join('gh', 'p_', 'R7x2Kq9Lm4Vb8Nc3Zt6Yw1Hd5Gf0Js2Pa7Eu'),
  stripeKey: join('sk', '_live_', '51Hq8Xr2Lk9Vm4Nb7Zc3Tw6Y'),
  slackToken: join('xo', 'xb-', '284736512093-948372615048-Qm7Rk2Xw9Lp4Vn8Bz3Tc6Yh1'),
  dbPassword: join('Tr0ub4dor', '&3-Corr3ct'),
  jwtSecret: join('k9Vb8Nc3Zt6Yw1Hd', '5Gf0Js2Pa7EuR7x2Kq9Lm4'),
};

export const CODE_SNIPPET = `import express from 'express';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { exec, execFile } from 'node:child_process';
import jwt from 'jsonwebtoken';

const AWS_ACCESS_KEY_ID = '${FAKE.awsKeyId}';
const awsSecretAccessKey = "${FAKE.awsSecret}";
const github = { token: \`${FAKE.githubToken}\` };
const STRIPE = process.env.STRIPE_KEY || '${FAKE.stripeKey}';
const JWT_SECRET = 'short';
const UPLOADS = path.resolve('uploads');
const router = express.Router();

router.get('/files/:name', (req, res) => {
  const file = path.join(UPLOADS, req.params.name);
  fs.readFile(file, (err, data) => (err ? res.sendStatus(404) : res.send(data)));
});

router.get('/safe/:name', (req, res) => {
  res.sendFile(path.basename(req.params.name), { root: UPLOADS });
});

router.post('/run', (req, res) => {
  exec('git log ' + req.body.branch, (err, out) => res.send(out));
  exec(\`convert \${req.query.src} out.png\`);
  execFile('git', ['log', String(req.query.branch)], () => {});
});

export function token(): string {
  const id = Math.random().toString(36).slice(2);
  const cipher = crypto.createCipher('aes-128-ecb', JWT_SECRET);
  const md5 = crypto.createHash('md5').update(id).digest('hex');
  return jwt.sign({ id, md5, c: cipher }, JWT_SECRET, { algorithm: 'none' });
}

const agent = { rejectUnauthorized: false, minVersion: 'TLSv1' };
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
// secure-dev-ignore-next-line hardcoded-secret-provider -- public test key
const testKey = '${FAKE.stripeKey}';
export default { router, agent, testKey, STRIPE, github, awsSecretAccessKey, AWS_ACCESS_KEY_ID };
`;

export const JSX_SNIPPET = `${CODE_SNIPPET}
export function Page({ html }) {
  return <div className="page" onClick={() => exec('ls ' + html)}>{html}<a href={html} target="_blank">x</a></div>;
}
`;

const ENV_SNIPPET = `# local settings
AWS_ACCESS_KEY_ID=${FAKE.awsKeyId}
AWS_SECRET_ACCESS_KEY=${FAKE.awsSecret}
GITHUB_TOKEN=${FAKE.githubToken}
SLACK_BOT_TOKEN="${FAKE.slackToken}"
DATABASE_URL=postgres://app:${FAKE.dbPassword}@db:5432/app
JWT_SECRET=${FAKE.jwtSecret}
API_KEY=your-api-key
NODE_TLS_REJECT_UNAUTHORIZED=0
EMPTY=
`;

const YAML_SNIPPET = `services:
  api:
    image: example/api:1.2.3
    environment:
      AWS_ACCESS_KEY_ID: ${FAKE.awsKeyId}
      AWS_SECRET_ACCESS_KEY: "${FAKE.awsSecret}"
      DATABASE_URL: postgres://app:${FAKE.dbPassword}@db:5432/app
      PASSWORD: \${DB_PASSWORD}
      token: '${FAKE.githubToken}'
    command: ["node", "server.js"]
list:
  - a
  - { b: 1, c: [1, 2, 3] }
`;

const JSON_SNIPPET = `{
  "name": "api",
  "aws": { "accessKeyId": "${FAKE.awsKeyId}", "secretAccessKey": "${FAKE.awsSecret}" },
  "slack": { "token": "${FAKE.slackToken}" },
  "db": "postgres://app:${FAKE.dbPassword}@db:5432/app",
  "integrity": "sha512-3jVx2Lk9Vm4Nb7Zc3Tw6Yh1Qm7Rk2Xw9Lp4Vn8Bz3Tc6Yh1Qm7Rk2Xw9Lp4Vn8Bz3Tc6Yh1Qm7Rk2Xw9Lp4Vn8Bz3Tc6Y==",
  "tls": { "rejectUnauthorized": false },
  "nested": [[1, 2], { "a": null, "b": true }]
}
`;

const PROPERTIES_SNIPPET = `# application.properties
spring.datasource.url=jdbc:postgresql://db:5432/app
spring.datasource.password=${FAKE.dbPassword}
aws.accessKeyId=${FAKE.awsKeyId}
aws.secretKey=${FAKE.awsSecret}
github.token = ${FAKE.githubToken}
`;

const INI_SNIPPET = `[default]
aws_access_key_id = ${FAKE.awsKeyId}
aws_secret_access_key = ${FAKE.awsSecret}
; a comment
[registry]
//registry.npmjs.org/:_authToken=${FAKE.githubToken}
`;

const TOML_SNIPPET = `[database]
url = "postgres://app:${FAKE.dbPassword}@db:5432/app"
[github]
token = "${FAKE.githubToken}"
ports = [8000, 8001]
`;

const SHELL_SNIPPET = `#!/bin/sh
export AWS_ACCESS_KEY_ID=${FAKE.awsKeyId}
export AWS_SECRET_ACCESS_KEY="${FAKE.awsSecret}"
curl -H "Authorization: Bearer ${FAKE.githubToken}" https://api.github.com/user
NODE_TLS_REJECT_UNAUTHORIZED=0 node app.js "$@"
`;

const DOCKERFILE_SNIPPET = `FROM node:20-alpine
ENV STRIPE_KEY=${FAKE.stripeKey}
ARG NPM_TOKEN=${FAKE.githubToken}
RUN npm ci && npm run build
CMD ["node", "dist/server.js"]
`;

const PYTHON_SNIPPET = `import os, hashlib, subprocess
AWS_SECRET_ACCESS_KEY = "${FAKE.awsSecret}"
token = '${FAKE.githubToken}'
def run(cmd):
    return subprocess.call("ls " + cmd, shell=True)
digest = hashlib.md5(token.encode()).hexdigest()
`;

const TEXT_SNIPPET = `Notes for the deploy
=====================
The staging key is ${FAKE.awsKeyId} and the secret ${FAKE.awsSecret}.
Use \`gh auth login\` rather than pasting ${FAKE.githubToken} anywhere.
`;

/** A file name of every kind the engine knows, with a realistic snippet of that kind. */
export const SNIPPETS: readonly { fileName: string; text: string }[] = [
  { fileName: 'src/routes.js', text: CODE_SNIPPET },
  { fileName: 'src/routes.mjs', text: CODE_SNIPPET },
  { fileName: 'src/routes.cjs', text: CODE_SNIPPET },
  { fileName: 'src/routes.ts', text: CODE_SNIPPET },
  { fileName: 'src/page.jsx', text: JSX_SNIPPET },
  { fileName: 'src/page.tsx', text: JSX_SNIPPET },
  { fileName: '.env', text: ENV_SNIPPET },
  { fileName: 'config/.env.production', text: ENV_SNIPPET },
  { fileName: 'docker-compose.yml', text: YAML_SNIPPET },
  { fileName: 'config/app.json', text: JSON_SNIPPET },
  { fileName: 'application.properties', text: PROPERTIES_SNIPPET },
  { fileName: 'credentials.ini', text: INI_SNIPPET },
  { fileName: 'config.toml', text: TOML_SNIPPET },
  { fileName: 'deploy.sh', text: SHELL_SNIPPET },
  { fileName: 'Dockerfile', text: DOCKERFILE_SNIPPET },
  { fileName: 'tool.py', text: PYTHON_SNIPPET },
  { fileName: 'NOTES.md', text: TEXT_SNIPPET },
];

export const ALL_FILE_NAMES = SNIPPETS.map((s) => s.fileName);

function assertRange(range: TextRange, text: string, what: string): void {
  assert.ok(Number.isInteger(range.start) && Number.isInteger(range.end), `${what}: offsets must be integers`);
  assert.ok(range.start >= 0 && range.start <= range.end && range.end <= text.length, `${what}: range ${range.start}-${range.end} outside 0-${text.length}`);
}

/**
 * Analyses and checks what must hold for any input: no exception, no rule error, a stated reason
 * when skipped, every range (finding, related location, fix edit) inside the text, a message,
 * and no whole made-up secret in any message.
 */
export function analyzeRobustly(text: string, fileName: string, label: string, settings: AnalysisSettings = DEFAULT_SETTINGS): AnalysisResult {
  let result: AnalysisResult | undefined;
  try {
    result = analyze(text, fileName, settings);
  } catch (e) {
    assert.fail(`${label}: analyze threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
  assert.equal(result.errors, undefined, `${label}: rules threw: ${result.errors?.join('; ')}`);
  if (result.skipped !== undefined) {
    assert.ok(result.skipped.length > 0, `${label}: skipped without a reason`);
    assert.equal(result.findings.length, 0, `${label}: skipped but has findings`);
  }
  const secrets = Object.values(FAKE);
  for (const f of result.findings) {
    const where = `${label}: ${f.ruleId}`;
    assertRange(f, text, where);
    assert.ok(typeof f.message === 'string' && f.message.length > 0, `${where}: empty message`);
    assert.ok(!secrets.some((s) => f.message.includes(s)), `${where}: the message shows a whole secret`);
    for (const r of f.related ?? []) assertRange(r, text, `${where} related`);
    for (const e of f.fix?.edits ?? []) assertRange(e, text, `${where} fix edit`);
  }
  return result;
}
