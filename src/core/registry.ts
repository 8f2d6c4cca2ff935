// The one list of rules. It feeds the engine, the CLI, SARIF's rule table, the docs table and
// the settings in package.json (scripts/sync-rules.mjs checks they agree).
import type { Rule, RuleDescriptor } from './types';

// --- secret rules ---
const secretRules: Rule[] = [];

// --- path-traversal rules ---
const pathTraversalRules: Rule[] = [];

// --- command-injection rules ---
const commandInjectionRules: Rule[] = [];

// --- weak-crypto rules ---
const weakCryptoRules: Rule[] = [];

export const RULES: readonly Rule[] = [...secretRules, ...pathTraversalRules, ...commandInjectionRules, ...weakCryptoRules];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}

/** Where a rule's documentation lives; diagnostics and SARIF link to it. */
export const DOCS_BASE = 'https://github.com/secure-dev/secure-dev/blob/main/docs/rules/';
export const docsUrl = (ruleId: string): string => `${DOCS_BASE}${ruleId}.md`;

/** Descriptors of the findings the engine itself reports about suppression comments. */
export const SUPPRESSION_DESCRIPTORS: readonly RuleDescriptor[] = [
  {
    id: 'invalid-suppression',
    category: 'suppression',
    cwe: [],
    owasp: '',
    severity: 'warning',
    name: 'Suppression comment without a rule or a reason',
    description: 'A secure-dev-ignore comment must name the rule it silences and say why after "--". One without a reason suppresses nothing.',
  },
  {
    id: 'unused-suppression',
    category: 'suppression',
    cwe: [],
    owasp: '',
    severity: 'note',
    name: 'Suppression comment that silences nothing',
    description: 'A secure-dev-ignore comment that matched no finding on the line it covers. Remove it so that it cannot hide a future finding.',
  },
];

/** Every descriptor a report may reference: the rules and the suppression checks. */
export function allDescriptors(): RuleDescriptor[] {
  return [...RULES.map((r) => r.meta), ...SUPPRESSION_DESCRIPTORS];
}
