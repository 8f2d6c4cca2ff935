// Helpers for the weak-crypto rule tables: run only the weak-crypto rules, read expected lines from
// `// <-` markers in the snippet, and apply a finding's fix to the text.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { analyze } from '../../src/core/engine';
import { applyEdits } from '../../src/core/crypto/edits';
import { RULES } from '../../src/core/registry';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Finding } from '../../src/core/types';

export const WEAK_CRYPTO_RULES = RULES.filter((r) => r.meta.category === 'weak-crypto');

export function findingsOf(code: string, file: string, ruleId?: string): Finding[] {
  const result = analyze(code, file, DEFAULT_SETTINGS, WEAK_CRYPTO_RULES);
  assert.equal(result.errors, undefined, `rules threw: ${result.errors?.join('; ')}`);
  return result.findings.filter((f) => !ruleId || f.ruleId === ruleId);
}

export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** 1-based lines carrying a `// <-` (or `# <-`) marker. */
export function markedLines(code: string): number[] {
  return code.split('\n').flatMap((l, i) => (l.includes('<-') ? [i + 1] : []));
}

export interface Case {
  name: string;
  code: string;
  file?: string;
}

/** Each case must produce findings of `ruleId` exactly on its marked lines (none when unmarked); see the scorer note inside. */
export function table(ruleId: string, cases: Case[]): void {
  for (const c of cases) {
    it(c.name, () => {
      const file = c.file ?? 'app.ts';
      const found = findingsOf(c.code, file, ruleId);
      const marked = markedLines(c.code);
      const describe = found.map((f) => `${lineOf(c.code, f.start)}-${lineOf(c.code, Math.max(f.start, f.end - 1))}: ${f.message}`).join('\n');
      // As the corpus scorer does: a finding covers the lines from its start to its end. A range that
      // spans lines (a call and its weak option) must end on a marked line; every marked line is covered.
      for (const f of found) {
        const first = lineOf(c.code, f.start);
        const last = lineOf(c.code, Math.max(f.start, f.end - 1));
        const hit = marked.filter((l) => first <= l && l <= last);
        assert.ok(first === last ? hit.length === 1 : marked.includes(last), `unexpected finding:\n${describe}`);
      }
      for (const l of marked) {
        assert.ok(found.some((f) => lineOf(c.code, f.start) <= l && l <= lineOf(c.code, Math.max(f.start, f.end - 1))), `line ${l} not reported:\n${describe}`);
      }
    });
  }
}

/** The text after applying the fix of the `index`-th finding of `ruleId`. */
export function applyFix(code: string, file: string, ruleId: string, index = 0): string {
  const found = findingsOf(code, file, ruleId);
  const fix = found[index]?.fix;
  assert.ok(fix, `finding ${index} of ${ruleId} has a fix`);
  return applyEdits(code, fix.edits);
}

export function hasNoFix(code: string, file: string, ruleId: string, index = 0): void {
  const found = findingsOf(code, file, ruleId);
  assert.ok(found[index], `finding ${index} of ${ruleId} exists`);
  assert.equal(found[index].fix, undefined);
}
