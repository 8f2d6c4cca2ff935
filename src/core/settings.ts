// Effective rule settings: defaults from the registry, overridden by the user's settings and the
// committed config file. Pure data.
import type { Category, Rule, Severity } from './types';

export type RuleLevel = Severity | 'off';

export interface AnalysisSettings {
  /** Per rule id or per category: a severity, or 'off'. A rule id wins over its category. */
  rules: Record<string, RuleLevel>;
  /** Secret values (or masked prefixes of them) the team has accepted, e.g. public test keys. */
  allowedSecrets: string[];
  /** Files larger than this are skipped with a note. */
  maxFileBytes: number;
}

export const DEFAULT_MAX_FILE_BYTES = 1_000_000;

export const DEFAULT_SETTINGS: AnalysisSettings = {
  rules: {},
  allowedSecrets: [],
  maxFileBytes: DEFAULT_MAX_FILE_BYTES,
};

export function levelOf(rule: Rule, settings: AnalysisSettings): RuleLevel {
  return settings.rules[rule.meta.id] ?? settings.rules[rule.meta.category as Category] ?? rule.meta.severity;
}
