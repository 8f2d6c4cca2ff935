// Glue between the shared taint pass and the rules that report its findings.
import { bindingsOf, constantsOf } from '../ast/per-file';
import type { RuleContext } from '../types';
import { runTaintPass, TAINT_MEMO_KEY } from './pass';
import type { RuleId, TaintFinding } from './types';

/** Reports the findings of the file's taint pass that belong to `ruleId` (the pass runs once per file). */
export function reportTaintFindings(ctx: RuleContext, ruleId: RuleId): void {
  const sf = ctx.sourceFile;
  if (!sf) return;
  const findings = ctx.memo<TaintFinding[]>(TAINT_MEMO_KEY, () =>
    runTaintPass(sf, ctx.text, {
      // Shared with the weak-crypto rules: one of each per file for both families.
      bindings: () => bindingsOf(ctx)!,
      constants: () => constantsOf(ctx)!,
    }),
  );
  for (const f of findings) {
    if (f.ruleId !== ruleId) continue;
    ctx.report({ start: f.start, end: f.end, message: f.message, related: f.related, ...(f.fix ? { fix: f.fix } : {}) });
  }
}
