// The findings the editor currently knows, per document: from live analysis of open documents
// and from workspace scans. Diagnostics, the Findings view and the status bar all read it.
import * as vscode from 'vscode';
import type { Fix, FindingCategory, Severity } from '../core/types';

export interface EditorFinding {
  ruleId: string;
  category: FindingCategory;
  severity: Severity;
  message: string;
  range: vscode.Range;
  related: { range: vscode.Range; message: string }[];
  /** Offset-based edits, valid for `documentVersion` of the document (live analysis only). */
  fix?: Fix;
  documentVersion?: number;
}

export interface FileFindings {
  uri: vscode.Uri;
  findings: EditorFinding[];
  /** Why the file was not analysed, when it was not. */
  skipped?: string;
}

export class FindingsStore implements vscode.Disposable {
  private readonly files = new Map<string, FileFindings>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri[]>();
  readonly onDidChange = this.changed.event;
  /** Whether a workspace scan has filled the store: then closed files keep their findings. */
  hasWorkspaceScan = false;

  set(uri: vscode.Uri, findings: EditorFinding[], skipped?: string): void {
    this.files.set(uri.toString(), { uri, findings, ...(skipped ? { skipped } : {}) });
    this.changed.fire([uri]);
  }

  /** Replaces everything, e.g. with the results of a workspace scan. */
  replaceAll(entries: FileFindings[]): void {
    const touched = [...this.files.values()].map((f) => f.uri);
    this.files.clear();
    this.hasWorkspaceScan = true;
    for (const e of entries) this.files.set(e.uri.toString(), e);
    this.changed.fire([...touched, ...entries.map((e) => e.uri)]);
  }

  delete(uri: vscode.Uri): void {
    if (this.files.delete(uri.toString())) this.changed.fire([uri]);
  }

  get(uri: vscode.Uri): FileFindings | undefined {
    return this.files.get(uri.toString());
  }

  all(): FileFindings[] {
    return [...this.files.values()];
  }

  counts(): Record<Severity, number> {
    const counts = { error: 0, warning: 0, note: 0 };
    for (const f of this.files.values()) for (const x of f.findings) counts[x.severity]++;
    return counts;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
