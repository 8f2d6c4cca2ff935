// Argon2 with less memory and time than OWASP's minimum: `argon2.hash(pw, { memoryCost: 1024,
// timeCost: 1 })` (argon2, @node-rs/argon2), argon2-browser's `{ mem, time }`, hash-wasm's
// `{ memorySize, iterations }`. Only explicit values are judged; the libraries' defaults pass.
import type * as TS from 'typescript';
import { propertyOf } from '../ast/constants';
import { optionRange } from '../crypto/edits';
import { callsTo, cryptoFacts, type CryptoFacts } from '../crypto/facts';
import { isTestSource } from '../crypto/test-code';
import { numberValue, objectLiteralOf, type ResolvedValue } from '../crypto/values';
import type { Rule } from '../types';

interface Api {
  /** Index of the options argument. */
  options: number;
  memory: string;
  time: string;
  /** The library's defaults, used for the option that is not given. */
  defaults: { memory: number; time: number };
}

const NODE_ARGON2: Api = { options: 1, memory: 'memoryCost', time: 'timeCost', defaults: { memory: 65536, time: 3 } };
const NODE_RS: Api = { options: 1, memory: 'memoryCost', time: 'timeCost', defaults: { memory: 19456, time: 2 } };
const BROWSER: Api = { options: 0, memory: 'mem', time: 'time', defaults: { memory: 1024, time: 1 } };
const HASH_WASM: Api = { options: 0, memory: 'memorySize', time: 'iterations', defaults: { memory: 0, time: 0 } };
const APIS: Record<string, Api> = {
  'argon2.hash': NODE_ARGON2,
  '@node-rs.argon2.hash': NODE_RS, '@node-rs.argon2.hashSync': NODE_RS, '@node-rs.argon2.hashRaw': NODE_RS, '@node-rs.argon2.hashRawSync': NODE_RS,
  'argon2-browser.hash': BROWSER,
  'hash-wasm.argon2id': HASH_WASM, 'hash-wasm.argon2i': HASH_WASM, 'hash-wasm.argon2d': HASH_WASM,
};

/** OWASP Password Storage Cheat Sheet: equivalent minimum (memory KiB, iterations) pairs for Argon2id. */
const OWASP_MINIMUMS: readonly [number, number][] = [[47104, 1], [19456, 2], [12288, 3], [9216, 4], [7168, 5]];

export const argon2LowCost: Rule = {
  meta: {
    id: 'argon2-low-cost',
    category: 'weak-crypto',
    cwe: [916, 326],
    owasp: 'A02:2021 Cryptographic Failures',
    severity: 'warning',
    name: 'Argon2 memory/time cost below the OWASP minimum',
    description:
      'Argon2 resists GPU cracking through the memory each guess needs. With memoryCost of a few MiB and one iteration, a leaked hash is ' +
      'cheap to attack. OWASP\'s minimum for Argon2id is 19 MiB with 2 iterations (or 46 MiB x 1, 12 MiB x 3, 9 MiB x 4, 7 MiB x 5). ' +
      "The argon2 package's defaults (64 MiB, 3 iterations) are fine: remove the low options or raise them, and re-hash at the next login.",
    scope: 'code',
  },
  check(ctx) {
    const facts = cryptoFacts(ctx);
    if (!facts || isTestSource(ctx.fileName)) return;
    for (const { node, callee } of callsTo(facts, Object.keys(APIS))) {
      const api = APIS[callee];
      const obj = objectLiteralOf(facts, node.arguments?.[api.options]);
      if (!obj) continue;
      const memory = read(facts, obj, api.memory);
      const time = read(facts, obj, api.time);
      if (!memory.value && !time.value) continue;
      const m = memory.value ? (memory.value.value as number) : api.defaults.memory;
      const t = time.value ? (time.value.value as number) : api.defaults.time;
      if (OWASP_MINIMUMS.some(([minM, minT]) => m >= minM && t >= minT)) continue;
      // Memory is what makes Argon2 expensive on GPUs: point at it unless only the time is low.
      const memoryIsLow = m < 19456;
      const at = (memoryIsLow ? memory.prop : time.prop) ?? memory.prop ?? time.prop;
      if (!at) continue;
      ctx.report({
        ...optionRange(at, ctx.text),
        message:
          `Argon2 with ${formatKiB(m)} of memory and ${t} iteration${t === 1 ? '' : 's'} is below OWASP's minimum (19 MiB with 2 iterations for Argon2id), ` +
          `so leaked hashes are cheap to crack. Use { type: argon2.argon2id, ${api.memory}: 19456, ${api.time}: 2 } or more (the argon2 package's defaults, 64 MiB x 3, are fine).`,
      });
    }
  },
};

function read(facts: CryptoFacts, obj: TS.ObjectLiteralExpression, name: string): { value?: ResolvedValue; prop?: TS.Node } {
  const p = propertyOf(obj, name);
  if (!p || !facts.ts.isPropertyAssignment(p)) return {};
  const v = numberValue(facts, p.initializer);
  return { value: v && typeof v.value === 'number' ? v : undefined, prop: p };
}

function formatKiB(kib: number): string {
  return kib >= 1024 ? `${Math.round((kib / 1024) * 10) / 10} MiB` : `${kib} KiB`;
}
