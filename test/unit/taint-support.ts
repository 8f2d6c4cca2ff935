// Helpers for the taint rule tables: run only the path-traversal and command-injection rules and
// compare the lines they report with the `// <-` markers in each snippet.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { analyze } from '../../src/core/engine';
import { RULES } from '../../src/core/registry';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Finding } from '../../src/core/types';

export const TAINT_RULES = RULES.filter((r) => r.meta.category === 'path-traversal' || r.meta.category === 'command-injection');

export function findingsOf(code: string, file = 'app.ts'): Finding[] {
  const result = analyze(code, file, DEFAULT_SETTINGS, TAINT_RULES);
  assert.equal(result.errors, undefined, `rules threw: ${result.errors?.join('; ')}`);
  return result.findings;
}

export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** 1-based lines carrying a `// <-` marker, optionally with the rule id after it. */
export function markedLines(code: string): { line: number; rule?: string }[] {
  return code.split('\n').flatMap((l, i) => {
    const m = /\/\/ <-(?: ([a-z-]+))?/.exec(l);
    return m ? [{ line: i + 1, rule: m[1] }] : [];
  });
}

export interface Case {
  name: string;
  code: string;
  file?: string;
}

/**
 * Each case must produce findings of `category` exactly on its marked lines (none when unmarked);
 * a marker naming a rule (`// <- zip-slip`) also checks which rule reported it.
 */
export function table(category: 'path-traversal' | 'command-injection', cases: Case[]): void {
  for (const c of cases) {
    it(c.name, () => {
      const found = findingsOf(c.code, c.file).filter((f) => f.category === category);
      const describe = found.map((f) => `${lineOf(c.code, f.start)} [${f.ruleId}]: ${f.message}`).join('\n');
      const lines = [...new Set(found.map((f) => lineOf(c.code, f.start)))].sort((a, b) => a - b);
      const marks = markedLines(c.code);
      assert.deepEqual(lines, marks.map((m) => m.line), describe);
      for (const m of marks) {
        if (m.rule) assert.ok(found.some((f) => lineOf(c.code, f.start) === m.line && f.ruleId === m.rule), `line ${m.line} reported by ${m.rule}\n${describe}`);
      }
      for (const f of found) assert.equal(lineOf(c.code, f.start), lineOf(c.code, Math.max(f.start, f.end - 1)), 'finding range stays on one line');
    });
  }
}
