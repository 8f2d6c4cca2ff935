// Publishes the store's findings as VS Code diagnostics: source 'Secure Dev', the rule id as a
// code linking to the rule's page, related information for the taint path.
import * as vscode from 'vscode';
import type { Severity } from '../core/types';
import type { EditorFinding, FindingsStore } from './findings-store';

export const DIAGNOSTIC_SOURCE = 'Secure Dev';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  note: vscode.DiagnosticSeverity.Information,
};

export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('secure-dev');
  private readonly subscription: vscode.Disposable;

  constructor(
    store: FindingsStore,
    private readonly docsUri: (ruleId: string) => vscode.Uri,
  ) {
    this.subscription = store.onDidChange((uris) => {
      for (const uri of uris) {
        const entry = store.get(uri);
        if (entry) this.collection.set(uri, entry.findings.map((f) => this.toDiagnostic(uri, f)));
        else this.collection.delete(uri);
      }
    });
  }

  private toDiagnostic(uri: vscode.Uri, f: EditorFinding): vscode.Diagnostic {
    const d = new vscode.Diagnostic(f.range, f.message, SEVERITY[f.severity]);
    d.source = DIAGNOSTIC_SOURCE;
    d.code = { value: f.ruleId, target: this.docsUri(f.ruleId) };
    if (f.ruleId === 'unused-suppression') d.tags = [vscode.DiagnosticTag.Unnecessary];
    if (f.related.length > 0) {
      d.relatedInformation = f.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, r.range), r.message));
    }
    return d;
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}
