// PBKDF2 with too few iterations (< 100,000) or a SHA-1/MD5 digest: crypto.pbkdf2/pbkdf2Sync
// (also promisified), Web Crypto's { name: 'PBKDF2', iterations, hash }, CryptoJS.PBKDF2 and
// node-forge's pkcs5.pbkdf2 (which defaults to SHA-1).
import type * as TS from 'typescript';
import { propertyOf } from '../ast/constants';
import { weakHashName } from '../crypto/algorithms';
import { argumentRange, callRange, firstLineRange, optionRange, replaceStringLiteral } from '../crypto/edits';
import { callsTo, cryptoFacts, type CryptoFacts } from '../crypto/facts';
import { isTestSource } from '../crypto/test-code';
import { numberValue, objectLiteralOf, stringValue, type ResolvedValue } from '../crypto/values';
import type { Fix, Rule, TextEdit } from '../types';

const MIN_ITERATIONS = 100_000;
const FIX_ITERATIONS = 600_000;

/** One formatter for every message: toLocaleString() builds a new one on each call, which is slow. */
const EN_US = new Intl.NumberFormat('en-US');
const MIN_TEXT = EN_US.format(MIN_ITERATIONS);
const FIX_TEXT = EN_US.format(FIX_ITERATIONS);

export const pbkdf2Weak: Rule = {
  meta: {
    id: 'pbkdf2-weak',
    category: 'weak-crypto',
    cwe: [916, 328],
    owasp: 'A02:2021 Cryptographic Failures',
    severity: 'warning',
    name: 'PBKDF2 with fewer than 100,000 iterations or a SHA-1/MD5 digest',
    description:
      'PBKDF2 is only as slow as its iteration count. Below 100,000 iterations (OWASP recommends 600,000 with HMAC-SHA-256, and ' +
      '1,300,000 with HMAC-SHA-1) a GPU tests passwords fast enough to crack most of a leaked database; SHA-1 and MD5 digests make ' +
      'each iteration cheaper still. Use 600,000 iterations with sha256 (or scrypt/Argon2id), and re-derive stored hashes at the ' +
      'next login.',
    scope: 'code',
  },
  check(ctx) {
    const facts = cryptoFacts(ctx);
    if (!facts || isTestSource(ctx.fileName)) return;
    const ts = facts.ts;
    for (const { node, callee } of callsTo(facts, ['crypto.pbkdf2', 'crypto.pbkdf2Sync', 'node-forge.pkcs5.pbkdf2', 'crypto-js.PBKDF2'])) {
      const args = node.arguments ?? [];
      if (callee === 'crypto.pbkdf2' || callee === 'crypto.pbkdf2Sync' || callee === 'node-forge.pkcs5.pbkdf2') {
        const forge = callee.startsWith('node-forge');
        const iterations = numberValue(facts, args[2]);
        const digestArg = args[4];
        const digest = stringValue(facts, digestArg);
        const weakDigest = digest ? weakHashName(String(digest.value)) : forge && !digestArg ? 'SHA-1 (the default)' : undefined;
        const finding = judge(iterations, weakDigest, digest, ctx.text);
        const lowIterations = iterations !== undefined && typeof iterations.value === 'number' && iterations.value < MIN_ITERATIONS;
        if (finding) ctx.report({ ...argumentRange(node, lowIterations ? args[2] : digestArg, ctx.text), ...finding });
      } else if (callee === 'crypto-js.PBKDF2') {
        const options = objectLiteralOf(facts, args[2]);
        const it = propertyOf(options, 'iterations');
        const iterations = it && ts.isPropertyAssignment(it) ? numberValue(facts, it.initializer) : undefined;
        const hasher = propertyOf(options, 'hasher');
        const hasherName = hasher && ts.isPropertyAssignment(hasher) ? facts.bindings.resolve(hasher.initializer) : undefined;
        const weakDigest = hasherName && /\.(MD5|SHA1)$/.test(hasherName) ? (hasherName.endsWith('MD5') ? 'MD5' : 'SHA-1') : undefined;
        const finding = judge(iterations, weakDigest, undefined, ctx.text);
        // The options are the weakness: report the offending option (with the call when written in it).
        const at = finding ? offendingOption(iterations, it, hasher) : undefined;
        if (finding) ctx.report({ ...(at ? optionRange(at, ctx.text) : callRange(node, ctx.text)), ...finding });
      }
    }
    // Web Crypto: subtle.deriveBits({ name: 'PBKDF2', salt, iterations: 1000, hash: 'SHA-1' }, key, 256)
    for (const { node, name } of facts.properties) {
      if (name !== 'name' || stringValue(facts, node.initializer)?.value !== 'PBKDF2') continue;
      const obj = node.parent as TS.ObjectLiteralExpression;
      const it = propertyOf(obj, 'iterations');
      const iterations = it && ts.isPropertyAssignment(it) ? numberValue(facts, it.initializer) : undefined;
      const hash = propertyOf(obj, 'hash');
      const digest = hash && ts.isPropertyAssignment(hash) ? webCryptoHash(facts, hash.initializer) : undefined;
      const weakDigest = digest ? weakHashName(String(digest.value)) : undefined;
      const finding = judge(iterations, weakDigest, digest, ctx.text, 'SHA-256');
      const at = finding ? offendingOption(iterations, it, hash) : undefined;
      if (finding) ctx.report({ ...(at ? optionRange(at, ctx.text) : firstLineRange(obj, ctx.text)), ...finding });
    }
  },
};

/** The iterations option when the count is low, else the digest option. */
function offendingOption(iterations: ResolvedValue | undefined, iterationsProp: TS.Node | undefined, digestProp: TS.Node | undefined): TS.Node | undefined {
  const low = iterations !== undefined && typeof iterations.value === 'number' && iterations.value < MIN_ITERATIONS;
  return low ? iterationsProp : digestProp ?? iterationsProp;
}

function webCryptoHash(facts: CryptoFacts, e: TS.Expression): ResolvedValue | undefined {
  const direct = stringValue(facts, e);
  if (direct) return direct;
  const name = propertyOf(objectLiteralOf(facts, e), 'name');
  return name && facts.ts.isPropertyAssignment(name) ? stringValue(facts, name.initializer) : undefined;
}

function judge(iterations: ResolvedValue | undefined, weakDigest: string | undefined, digest: ResolvedValue | undefined, text: string, strongDigest = 'sha256'): { message: string; fix?: Fix } | undefined {
  const n = iterations && typeof iterations.value === 'number' ? iterations.value : undefined;
  const lowIterations = n !== undefined && n < MIN_ITERATIONS;
  if (!lowIterations && !weakDigest) return undefined;
  const problems: string[] = [];
  if (lowIterations) problems.push(`${EN_US.format(n!)} iterations${iterations!.envFallback ? ` (when ${iterations!.envFallback} is unset)` : ''} (minimum ${MIN_TEXT}; OWASP recommends ${FIX_TEXT})`);
  if (weakDigest) problems.push(`a ${weakDigest} digest`);
  const edits: TextEdit[] = [];
  if (lowIterations && iterations!.literal) edits.push({ start: iterations!.literal.getStart(), end: iterations!.literal.end, newText: String(FIX_ITERATIONS) });
  if (weakDigest && digest?.literal && isStringLiteral(digest.literal)) edits.push(replaceStringLiteral(digest.literal, text, strongDigest));
  return {
    message: `PBKDF2 with ${problems.join(' and ')} is fast enough to brute-force leaked hashes. Use ${FIX_TEXT} iterations with ${strongDigest} (or scrypt/Argon2id), and re-derive stored hashes at the next login.`,
    fix: edits.length > 0 ? { title: `Use ${FIX_TEXT} iterations${weakDigest ? ` and ${strongDigest}` : ''}`, edits } : undefined,
  };
}

function isStringLiteral(n: TS.Node): boolean {
  const q = n.getSourceFile().text[n.getStart()];
  return q === "'" || q === '"' || q === '`';
}
