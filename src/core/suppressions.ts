// Inline suppressions, in any file type's comment syntax:
//   foo(); // secure-dev-ignore <rule-id>[, <rule-id>...] -- <reason>
//   // secure-dev-ignore-next-line <rule-id> -- <reason>
// A rule id may also be a category ('secret'). A reason is required; a suppression without one
// suppresses nothing and is reported, and so is a suppression that matched no finding.
import { lineCommentTokens } from './file-kind';
import { LineIndex } from './lines';
import type { FileKind, Finding } from './types';

const MARKER = 'secure-dev-ignore';

export interface Suppression {
  /** 0-based line the suppression applies to. */
  targetLine: number;
  ids: string[];
  reason: string;
  /** Range of the directive text itself, for reporting it. */
  start: number;
  end: number;
}

export const SUPPRESSION_RULE_IDS = { unused: 'unused-suppression', invalid: 'invalid-suppression' } as const;

export function findSuppressions(text: string, kind: FileKind, lines: LineIndex): { valid: Suppression[]; invalid: Finding[] } {
  const valid: Suppression[] = [];
  const invalid: Finding[] = [];
  const tokens = lineCommentTokens(kind);
  for (let at = text.indexOf(MARKER); at >= 0; at = text.indexOf(MARKER, at + MARKER.length)) {
    const line = lines.lineOf(at);
    const lineStart = lines.lineStart(line);
    const before = text.slice(lineStart, at);
    // Only a comment that starts with the marker counts; prose or strings that mention it do not.
    const lead = before.trimEnd();
    if (!tokens.some((t) => lead.endsWith(t))) continue;
    const lineEnd = lines.lineEnd(line);
    let rest = text.slice(at + MARKER.length, lineEnd);
    const nextLine = rest.startsWith('-next-line');
    if (nextLine) rest = rest.slice('-next-line'.length);
    else if (rest.length > 0 && !/^\s/.test(rest)) continue; // e.g. 'secure-dev-ignored'
    rest = withoutCommentClose(rest);
    const sep = rest.indexOf('--');
    const idsText = sep >= 0 ? rest.slice(0, sep) : rest;
    const reason = sep >= 0 ? rest.slice(sep + 2).trim() : '';
    const ids = idsText.split(/[\s,]+/).filter(Boolean);
    // Documentation that shows the syntax ('<rule-id>') is not a directive.
    if (ids.some((id) => !/^[a-z0-9][a-z0-9-]*$/.test(id))) continue;
    const end = lineStart + before.length + MARKER.length + (nextLine ? 10 : 0) + rest.length;
    if (ids.length === 0 || reason.length === 0) {
      invalid.push({
        ruleId: SUPPRESSION_RULE_IDS.invalid,
        category: 'suppression',
        severity: 'warning',
        message:
          ids.length === 0
            ? `This suppression names no rule. Write: ${MARKER}${nextLine ? '-next-line' : ''} <rule-id> -- <reason>.`
            : `This suppression has no reason, so it suppresses nothing. Add one after "--": ${MARKER}${nextLine ? '-next-line' : ''} ${ids.join(', ')} -- <why this is safe>.`,
        start: at,
        end,
      });
      continue;
    }
    const targetLine = nextLine ? nextCodeLine(text, lines, line) : line;
    valid.push({ targetLine, ids, reason, start: at, end });
  }
  return { valid, invalid };
}

// Strips a trailing block-comment close (star-slash or -->); plain string ops keep it linear.
function withoutCommentClose(text: string): string {
  const trimmed = text.trimEnd();
  for (const close of ['*/', '-->']) if (trimmed.endsWith(close)) return trimmed.slice(0, -close.length).trimEnd();
  return text;
}

/** The line after `line`, skipping blank lines (a directive may sit above a blank). */
function nextCodeLine(text: string, lines: LineIndex, line: number): number {
  let l = line + 1;
  while (l < lines.lineCount && text.slice(lines.lineStart(l), lines.lineEnd(l)).trim() === '') l++;
  return l;
}

/** Removes suppressed findings; reports invalid and unused suppressions. */
export function applySuppressions(findings: Finding[], text: string, kind: FileKind, lines: LineIndex): Finding[] {
  if (!text.includes(MARKER)) return findings;
  const { valid, invalid } = findSuppressions(text, kind, lines);
  const used = new Set<Suppression>();
  const kept = findings.filter((f) => {
    const line = lines.lineOf(f.start);
    const match = valid.find((s) => s.targetLine === line && s.ids.some((id) => id === f.ruleId || id === f.category || id === 'all'));
    if (match) used.add(match);
    return !match;
  });
  const unused: Finding[] = valid
    .filter((s) => !used.has(s))
    .map((s) => ({
      ruleId: SUPPRESSION_RULE_IDS.unused,
      category: 'suppression' as const,
      severity: 'note' as const,
      message: `Unused suppression: no ${s.ids.join(', ')} finding on the line it covers. Remove it.`,
      start: s.start,
      end: s.end,
    }));
  return [...kept, ...invalid, ...unused];
}
