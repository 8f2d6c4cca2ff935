// The engine: text in, findings out. Decides what to read (skips binary, huge and minified
// input with a stated reason), parses code once, runs the enabled rules, applies suppressions.
import { fileKindOf } from './file-kind';
import { LineIndex } from './lines';
import { parse } from './parser';
import { RULES } from './registry';
import { DEFAULT_SETTINGS, levelOf, type AnalysisSettings } from './settings';
import { applySuppressions } from './suppressions';
import { CODE_KINDS, type Finding, type Rule, type RuleContext } from './types';
import type * as TS from 'typescript';

export interface AnalysisResult {
  findings: Finding[];
  /** Why the file was not analysed, when it was not. */
  skipped?: string;
  /** Rules that threw: a bug of ours, reported instead of crashing the caller. */
  errors?: string[];
}

/** Lines longer than this in a code file mean minified or generated output. */
const MINIFIED_LINE_LENGTH = 5_000;

/** The one wording of the size skip, whether decided on the text or on the file's size. */
export function tooLargeReason(settings: AnalysisSettings): string {
  return `larger than ${Math.round(settings.maxFileBytes / 1000)} kB (raise maxFileSize / secureDev.maxFileSize to analyse it)`;
}

export function skipReason(text: string, fileName: string, settings: AnalysisSettings): string | undefined {
  if (text.length > settings.maxFileBytes) {
    return tooLargeReason(settings);
  }
  // A NUL, or the replacement characters invalid UTF-8 decodes to, in the first 8 kB: binary.
  const head = text.slice(0, 8192);
  if (head.includes('\u0000')) return 'binary content';
  let replaced = 0;
  for (let i = 0; i < head.length; i++) if (head.charCodeAt(i) === 0xfffd) replaced++;
  if (replaced > 8 && replaced > head.length / 100) return 'binary content (not valid UTF-8 text)';
  if (CODE_KINDS.has(fileKindOf(fileName)) && isMinified(text)) return 'minified or generated code';
  return undefined;
}

function isMinified(text: string): boolean {
  let lineStart = 0;
  for (let i = text.indexOf('\n'); ; i = text.indexOf('\n', i + 1)) {
    const end = i < 0 ? text.length : i;
    if (end - lineStart > MINIFIED_LINE_LENGTH) return true;
    if (i < 0) return false;
    lineStart = i + 1;
  }
}

export function analyze(text: string, fileName: string, settings: AnalysisSettings = DEFAULT_SETTINGS, rules: readonly Rule[] = RULES): AnalysisResult {
  const name = fileName.replace(/\\/g, '/');
  if (/\.min\.[cm]?js$/i.test(name)) return { findings: [], skipped: 'minified or generated code' };
  const skipped = skipReason(text, name, settings);
  if (skipped) return { findings: [], skipped };

  const kind = fileKindOf(name);
  const isCode = CODE_KINDS.has(kind);
  let sourceFile: TS.SourceFile | undefined;
  if (isCode) {
    try {
      sourceFile = parse(text, name, kind);
    } catch (e) {
      // Only a stack overflow on absurd nesting gets here; say so instead of failing.
      return { findings: [], skipped: `could not be parsed (${e instanceof RangeError ? 'nested too deeply' : String(e)})` };
    }
  }

  const findings: Finding[] = [];
  const errors: string[] = [];
  const memo = new Map<string, unknown>();
  for (const rule of rules) {
    if (rule.meta.scope === 'code' && !isCode) continue;
    const level = levelOf(rule, settings);
    if (level === 'off') continue;
    const context: RuleContext = {
      text,
      fileName: name,
      kind,
      sourceFile,
      memo<T>(key: string, compute: () => T): T {
        if (!memo.has(key)) memo.set(key, compute());
        return memo.get(key) as T;
      },
      report(r) {
        findings.push({ ruleId: rule.meta.id, category: rule.meta.category, severity: level, ...r });
      },
    };
    try {
      rule.check(context);
    } catch (e) {
      errors.push(`${rule.meta.id}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  const lines = new LineIndex(text);
  const allowed = findings.filter((f) => !isAllowedSecret(f, text, settings.allowedSecrets));
  const result = applySuppressions(dedupe(allowed), text, kind, lines).sort((a, b) => a.start - b.start || a.end - b.end);
  return errors.length > 0 ? { findings: result, errors } : { findings: result };
}

/** A secret finding whose flagged text contains a value on the team's allow-list is dropped. */
function isAllowedSecret(f: Finding, text: string, allowList: readonly string[]): boolean {
  if (f.category !== 'secret' || allowList.length === 0) return false;
  const flagged = text.slice(f.start, f.end);
  return allowList.some((value) => value.length > 0 && flagged.includes(value));
}

/** One finding per rule and range, even when two paths reach the same sink. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.ruleId}:${f.start}:${f.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
