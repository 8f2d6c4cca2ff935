// Reads the `secureDev.*` settings. Converts; decides nothing about security.
import * as vscode from 'vscode';
import type { AnalysisSettings, RuleLevel } from '../core/settings';

export type AnalyzeOn = 'type' | 'save';

export interface EditorSettings {
  enabled: boolean;
  analyzeOn: AnalyzeOn;
  exclude: string[];
  /** Only explicitly chosen levels; 'default' entries are dropped. */
  rules: Record<string, RuleLevel>;
  maxFileBytes: number;
  allowedSecrets: string[];
}

export function readSettings(scope?: vscode.ConfigurationScope): EditorSettings {
  const c = vscode.workspace.getConfiguration('secureDev', scope);
  const rules: Record<string, RuleLevel> = {};
  for (const [id, level] of Object.entries(c.get<Record<string, string>>('rules', {}))) {
    if (level === 'error' || level === 'warning' || level === 'note' || level === 'off') rules[id] = level;
  }
  return {
    enabled: c.get<boolean>('enable', true),
    analyzeOn: c.get<AnalyzeOn>('analyzeOn', 'type'),
    exclude: c.get<string[]>('exclude', []),
    rules,
    maxFileBytes: c.get<number>('maxFileSize', 1_000_000),
    allowedSecrets: c.get<string[]>('secrets.allow', []),
  };
}

export function overridesFrom(s: EditorSettings): Partial<AnalysisSettings> {
  return { rules: s.rules, maxFileBytes: s.maxFileBytes, allowedSecrets: s.allowedSecrets };
}
