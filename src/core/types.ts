// The vocabulary shared by every layer: rules, findings, ranges. Pure data, no behaviour.
import type * as ts from 'typescript';

export const CATEGORIES = ['secret', 'path-traversal', 'command-injection', 'weak-crypto'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Severity as SARIF names it; the editor maps it to Error / Warning / Information. */
export type Severity = 'error' | 'warning' | 'note';
export const SEVERITIES: readonly Severity[] = ['note', 'warning', 'error'];

/** Offsets are UTF-16 code units into the analysed text, like VS Code's document offsets. */
export interface TextRange {
  start: number;
  end: number;
}

export interface RelatedLocation extends TextRange {
  message: string;
}

export interface TextEdit extends TextRange {
  newText: string;
}

/** A fix the editor can apply as a quick fix (and the CLI may describe). */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** Findings about the suppression comments themselves use the 'suppression' category. */
export type FindingCategory = Category | 'suppression';

export interface Finding extends TextRange {
  ruleId: string;
  category: FindingCategory;
  severity: Severity;
  /** Human message; never contains a whole secret. */
  message: string;
  /** The taint path: where the input came from, the steps, where it reaches the sink. */
  related?: RelatedLocation[];
  fix?: Fix;
}

/** What reports need to know about a rule or an engine check. */
export interface RuleDescriptor {
  /** kebab-case, equal to the rule's file name. */
  id: string;
  category: FindingCategory;
  cwe: number[];
  /** OWASP Top 10 (2021) category, e.g. 'A02:2021 Cryptographic Failures'. */
  owasp: string;
  severity: Severity;
  /** One line, used as SARIF shortDescription and in settings. */
  name: string;
  /** A paragraph, used as SARIF fullDescription. */
  description: string;
}

export interface RuleMeta extends RuleDescriptor {
  category: Category;
  /** Which files the rule reads: parsed JS/TS code only, or any text file (code included). */
  scope: 'code' | 'text';
}

/** What a rule hands to `report`. */
export interface Report extends TextRange {
  message: string;
  related?: RelatedLocation[];
  fix?: Fix;
}

export type FileKind =
  | 'js' | 'ts' | 'jsx' | 'tsx'
  | 'env' | 'yaml' | 'json' | 'properties' | 'ini' | 'toml' | 'shell' | 'dockerfile' | 'python'
  | 'text';

export interface RuleContext {
  readonly text: string;
  /** Path as given by the caller (relative or absolute), '/'-separated. */
  readonly fileName: string;
  readonly kind: FileKind;
  /** Present for JS/TS files: the error-tolerant parse of `text`, with parent pointers. */
  readonly sourceFile?: ts.SourceFile;
  /** Per-file memo so that rules of one family share expensive work (e.g. a taint pass). */
  memo<T>(key: string, compute: () => T): T;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export const CODE_KINDS: ReadonlySet<FileKind> = new Set(['js', 'ts', 'jsx', 'tsx']);
