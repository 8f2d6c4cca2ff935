// bcrypt cost factor below the project policy of 12: bcrypt.hash(pw, 10), genSaltSync(8),
// `const ROUNDS = 10`, `Number(process.env.BCRYPT_ROUNDS ?? 10)`, and genSalt() without a cost
// (which defaults to 10 in bcrypt and bcryptjs).
import type * as TS from 'typescript';
import { argumentRange, callRange } from '../crypto/edits';
import { callsTo, cryptoFacts, lastSegment, type CryptoFacts } from '../crypto/facts';
import { isTestSource } from '../crypto/test-code';
import { numberValue } from '../crypto/values';
import type { Fix, Rule } from '../types';

const MIN_COST = 12;
const MODULES = new Set(['bcrypt', 'bcryptjs', 'bcrypt-nodejs', '@node-rs.bcrypt']);
/** Where the cost is: hash(data, cost) and genSalt(cost). */
const COST_ARGUMENT: Record<string, number> = { hash: 1, hashSync: 1, genSalt: 0, genSaltSync: 0 };
const CALLEES = [...MODULES].flatMap((m) => Object.keys(COST_ARGUMENT).map((method) => `${m}.${method}`));
/** bcrypt's and bcryptjs's default when genSalt() is given no cost. */
const DEFAULT_ROUNDS = 10;

export const bcryptLowCost: Rule = {
  meta: {
    id: 'bcrypt-low-cost',
    category: 'weak-crypto',
    cwe: [916],
    owasp: 'A02:2021 Cryptographic Failures',
    severity: 'warning',
    name: 'bcrypt cost factor below 12',
    description:
      'The bcrypt cost is the base-2 logarithm of the work per hash: each step doubles what an attacker with a leaked hash database ' +
      'pays per guess. This project\'s policy (the Node.js security best practice it follows) is a cost of at least 12 (about 250 ms ' +
      'per hash on a server core). genSalt() without a cost uses 10. Raise the cost; existing hashes keep verifying and can be ' +
      're-hashed at the next login.',
    scope: 'code',
  },
  check(ctx) {
    const facts = cryptoFacts(ctx);
    if (!facts || isTestSource(ctx.fileName)) return;
    for (const { node, callee } of callsTo(facts, CALLEES)) {
      const method = lastSegment(callee);
      const index = COST_ARGUMENT[method];
      if (index === undefined) continue;
      const args = node.arguments ?? [];
      const arg = args[index];
      const isGenSalt = method.startsWith('genSalt');
      if (isGenSalt && (!arg || facts.ts.isFunctionLike(arg))) {
        if (callee.startsWith('@node-rs')) continue; // its default is 12
        ctx.report({
          ...callRange(node, ctx.text),
          message: `${method}() without a cost uses ${DEFAULT_ROUNDS} rounds, below the policy minimum of ${MIN_COST}: every step below 12 halves an attacker's cost per guess. Pass ${MIN_COST}.`,
          fix: insertCost(facts, node, arg),
        });
        continue;
      }
      const cost = numberValue(facts, arg);
      if (!cost || typeof cost.value !== 'number' || cost.value >= MIN_COST) continue;
      const rounds = cost.value;
      const where = cost.envFallback ? ` when ${cost.envFallback} is unset` : '';
      ctx.report({
        ...argumentRange(node, arg, ctx.text),
        message: `bcrypt cost ${rounds}${where} is below the policy minimum of ${MIN_COST}: a cost of ${rounds} is ${2 ** (MIN_COST - rounds)}x cheaper to brute-force than ${MIN_COST}. Use ${MIN_COST} or more (existing hashes still verify; re-hash at login).`,
        fix: cost.literal ? { title: `Use cost ${MIN_COST}`, edits: [{ start: cost.literal.getStart(), end: cost.literal.end, newText: String(MIN_COST) }] } : undefined,
      });
    }
  },
};

function insertCost(facts: CryptoFacts, call: TS.CallExpression | TS.NewExpression, first: TS.Expression | undefined): Fix | undefined {
  if (first) return { title: `Use cost ${MIN_COST}`, edits: [{ start: first.getStart(), end: first.getStart(), newText: `${MIN_COST}, ` }] };
  const ts = facts.ts;
  if (!ts.isCallExpression(call)) return undefined;
  const open = call.arguments.pos;
  return { title: `Use cost ${MIN_COST}`, edits: [{ start: open, end: open, newText: String(MIN_COST) }] };
}
