// MD5 / SHA-1 where the digest protects something: a password, a token, a signature, an
// integrity check. The same hash for an ETag, a cache key, a Gravatar URL or a content
// fingerprint is fine and is not reported; see crypto/purpose.ts for how purpose is judged.
import type * as TS from 'typescript';
import { weakHashName } from '../crypto/algorithms';
import { digestUses, type DigestUse } from '../crypto/digests';
import { callRange, replaceNode, replaceStringLiteral } from '../crypto/edits';
import { callsTo, cryptoFacts, type CryptoFacts } from '../crypto/facts';
import { hashPurpose, type Purpose } from '../crypto/purpose';
import { stringValue } from '../crypto/values';
import type { Fix, Rule } from '../types';

const SIGNATURE_CALLS = new Set(['crypto.createSign', 'crypto.createVerify', 'crypto.sign', 'crypto.verify']);

export const weakHash: Rule = {
  meta: {
    id: 'weak-hash',
    category: 'weak-crypto',
    cwe: [328, 327, 916],
    owasp: 'A02:2021 Cryptographic Failures',
    severity: 'error',
    name: 'MD5/SHA-1 protecting passwords, tokens, signatures or integrity',
    description:
      'MD5 and SHA-1 have practical collision attacks, and like every fast hash they let an attacker test billions of password guesses ' +
      'per second. This rule reports them where the digest protects something: password hashes, stored token digests, request ' +
      'signatures, integrity checks, and signatures made with createSign/createVerify. Non-security uses (ETags, cache keys, ' +
      'Gravatar URLs, de-duplication fingerprints) are not reported. Use bcrypt, scrypt or Argon2id for passwords; SHA-256 for ' +
      'random tokens and integrity; HMAC-SHA-256 for request signatures.',
    scope: 'code',
  },
  check(ctx) {
    const facts = cryptoFacts(ctx);
    if (!facts) return;
    for (const { node, callee } of callsTo(facts, SIGNATURE_CALLS)) reportSignature(facts, node, callee, ctx.text, ctx.report.bind(ctx));
    for (const use of digestUses(facts)) {
      if (!use.weak) continue;
      const purpose = hashPurpose(facts, use.data, use.result, use.call);
      if (!purpose) continue;
      ctx.report({ ...callRange(use.call, ctx.text), message: message(use.algorithm, purpose), fix: fixFor(use, purpose, ctx.text) });
    }
  },
};

function message(algorithm: string, purpose: Purpose): string {
  switch (purpose.kind) {
    case 'password':
      return (
        `${algorithm} is far too fast for password hashing (${purpose.because}): a leaked hash database can be guessed at billions of ` +
        'passwords per second. Use a slow, salted password hash: bcrypt with cost >= 12, scrypt, or Argon2id.'
      );
    case 'secret':
      return (
        `${algorithm} is broken and should not protect secrets (${purpose.because}). Use SHA-256 for digests of random tokens, ` +
        "or HMAC-SHA-256 with a server-side key (crypto.createHmac('sha256', key)) for values an attacker could guess."
      );
    case 'signature':
      return (
        `${algorithm} is collision-prone, so a signature built on it can be forged (${purpose.because}). Sign with HMAC-SHA-256: ` +
        "crypto.createHmac('sha256', secret).update(data).digest('hex')."
      );
    case 'integrity':
      return `${algorithm} does not protect integrity (${purpose.because}): colliding files can be crafted, so a tampered file can pass. Use SHA-256, or better a signature.`;
  }
}

function fixFor(use: DigestUse, purpose: Purpose, text: string): Fix | undefined {
  // A password needs a different API (bcrypt/argon2), not another digest: no mechanical fix.
  if (purpose.kind === 'password' || !use.fixTarget) return undefined;
  const t = use.fixTarget;
  const edit = t.kind === 'literal' ? replaceStringLiteral(t.node, text, t.replacement) : replaceNode(t.node, t.replacement);
  return { title: `Use ${t.replacement.toUpperCase().replace('SHA256', 'SHA-256')} (stored digests must be recomputed)`, edits: [edit] };
}

function reportSignature(facts: CryptoFacts, call: TS.CallExpression | TS.NewExpression, callee: string, text: string, report: (r: { start: number; end: number; message: string }) => void): void {
  const alg = stringValue(facts, call.arguments?.[0]);
  const name = alg ? weakHashName(String(alg.value)) : undefined;
  if (!name) return;
  const fn = callee.slice('crypto.'.length);
  report({
    ...callRange(call, text),
    message: `crypto.${fn}() with ${name}: signatures over ${name} digests can be forged with chosen-prefix collisions. Use 'sha256' (both signer and verifier must change).`,
  });
}
