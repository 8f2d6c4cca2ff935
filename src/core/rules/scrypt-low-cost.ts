// scrypt with a cost below Node.js's own default: `scryptSync(pw, salt, 32, { N: 1024, r: 1 })`,
// scrypt-js's `scrypt(pw, salt, 1024, 8, 1, 32)`, @noble/hashes' `scrypt(pw, salt, { N: 2 ** 10 })`.
// scrypt's memory (and so an attacker's cost per guess) is 128 * N * r bytes; Node.js's defaults
// (N = 16384, r = 8) use 16 MiB, OWASP asks for more. Only explicit values below that are reported.
import type * as TS from 'typescript';
import { propertyOf } from '../ast/constants';
import { argumentRange, optionRange } from '../crypto/edits';
import { callsTo, cryptoFacts, type CryptoFacts } from '../crypto/facts';
import { isTestSource } from '../crypto/test-code';
import { numberValue, objectLiteralOf, type ResolvedValue } from '../crypto/values';
import type { Rule } from '../types';

/** 128 * N * r >= 16 MiB, i.e. N * r >= 2^17: what Node.js uses when given no options. */
const MIN_N_TIMES_R = 2 ** 17;
const DEFAULT_R = 8;
const NODE_CALLS = new Set(['crypto.scrypt', 'crypto.scryptSync']);
const NOBLE_CALLS = new Set(['@noble.hashes.scrypt.scrypt', '@noble.hashes.scrypt.scryptAsync']);
const POSITIONAL_CALLS = new Set(['scrypt-js.scrypt', 'scrypt-js.syncScrypt']);

interface Cost {
  n: number;
  r: number;
  /** The option to put the finding on. */
  at?: TS.Node;
  /** Or the positional argument (scrypt-js). */
  argument?: TS.Node;
  nValue?: ResolvedValue;
}

export const scryptLowCost: Rule = {
  meta: {
    id: 'scrypt-low-cost',
    category: 'weak-crypto',
    cwe: [916, 326],
    owasp: 'A02:2021 Cryptographic Failures',
    severity: 'warning',
    name: 'scrypt cost (N, r) below the safe minimum',
    description:
      'scrypt is only as strong as the memory and time each guess costs: 128 * N * r bytes. Node.js uses N = 16384 and r = 8 (16 MiB) when ' +
      'given no options; values below that (N = 1024, or r = 1) make a leaked password hash or a passphrase-derived key cheap to brute-force on ' +
      'GPUs. OWASP recommends N = 2^17, r = 8, p = 1 (raise maxmem to 256 MiB), or N = 2^16 with p = 2. Re-hash stored passwords at the next login.',
    scope: 'code',
  },
  check(ctx) {
    const facts = cryptoFacts(ctx);
    if (!facts || isTestSource(ctx.fileName)) return;
    for (const { node, callee } of callsTo(facts, [...NODE_CALLS, ...NOBLE_CALLS, ...POSITIONAL_CALLS])) {
      const args = node.arguments ?? [];
      const cost = POSITIONAL_CALLS.has(callee) ? positionalCost(facts, args) : optionsCost(facts, args[NODE_CALLS.has(callee) ? 3 : 2]);
      if (!cost || cost.n * cost.r >= MIN_N_TIMES_R) continue;
      const mib = (128 * cost.n * cost.r) / (1024 * 1024);
      ctx.report({
        ...(cost.at ? optionRange(cost.at, ctx.text) : argumentRange(node, cost.argument, ctx.text)),
        message:
          `scrypt with N = ${cost.n} and r = ${cost.r} uses ${mib < 1 ? `${Math.round(mib * 1024)} KiB` : `${mib} MiB`} per guess, less than Node.js's default (N = 16384, r = 8: 16 MiB), ` +
          'so leaked hashes are cheap to brute-force. Use N = 2 ** 17, r = 8, p = 1 with maxmem: 256 * 1024 * 1024 (OWASP), or at least omit the options.',
        fix:
          cost.nValue?.literal && cost.r === DEFAULT_R
            ? { title: 'Use N = 2 ** 17 (OWASP)', edits: [{ start: cost.nValue.literal.getStart(), end: cost.nValue.literal.end, newText: '2 ** 17' }] }
            : undefined,
      });
    }
  },
};

function optionsCost(facts: CryptoFacts, options: TS.Expression | undefined): Cost | undefined {
  const obj = objectLiteralOf(facts, options);
  if (!obj) return undefined;
  const read = (...names: string[]): { value?: ResolvedValue; prop?: TS.Node } => {
    for (const name of names) {
      const p = propertyOf(obj, name);
      if (p && facts.ts.isPropertyAssignment(p)) return { value: numberValue(facts, p.initializer), prop: p };
    }
    return {};
  };
  const n = read('N', 'cost');
  const r = read('r', 'blockSize');
  if (n.value === undefined && r.value === undefined) return undefined;
  const nv = typeof n.value?.value === 'number' ? n.value.value : 16384;
  const rv = typeof r.value?.value === 'number' ? r.value.value : DEFAULT_R;
  // Put the finding on N when N is what is low, else on r.
  const at = n.value !== undefined && nv * DEFAULT_R < MIN_N_TIMES_R ? n.prop : r.prop ?? n.prop;
  return { n: nv, r: rv, at, nValue: n.value };
}

function positionalCost(facts: CryptoFacts, args: readonly TS.Expression[]): Cost | undefined {
  const n = numberValue(facts, args[2]);
  const r = numberValue(facts, args[3]);
  if (!n || typeof n.value !== 'number') return undefined;
  return { n: n.value, r: r && typeof r.value === 'number' ? r.value : DEFAULT_R, nValue: n, argument: args[2] };
}
