// Quick fixes for Secure Dev diagnostics: the rule's own fix when it knows one, a suppression
// with a reason, and the rule's documentation.
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { EditorFinding, FindingsStore } from './findings-store';

export const SUPPRESS_COMMAND = 'secureDev.suppressFinding';

export class SecureDevCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(
    private readonly store: FindingsStore,
    private readonly docsUri: (ruleId: string) => vscode.Uri,
  ) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const entry = this.store.get(document.uri);
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const ruleId = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
      const finding = entry?.findings.find((f) => f.ruleId === ruleId && f.range.isEqual(diagnostic.range));
      if (finding?.fix && finding.documentVersion === document.version) actions.push(this.fixAction(document, finding, diagnostic));
      if (ruleId !== 'unused-suppression' && ruleId !== 'invalid-suppression') {
        const suppress = new vscode.CodeAction(`Suppress ${ruleId} on this line (with a reason)…`, vscode.CodeActionKind.QuickFix);
        suppress.diagnostics = [diagnostic];
        suppress.command = { title: suppress.title, command: SUPPRESS_COMMAND, arguments: [{ uri: document.uri, line: diagnostic.range.start.line, ruleId }] };
        actions.push(suppress);
      }
      const docs = new vscode.CodeAction(`Show documentation for ${ruleId}`, vscode.CodeActionKind.Empty);
      docs.command = { title: docs.title, command: 'vscode.open', arguments: [this.docsUri(ruleId)] };
      actions.push(docs);
    }
    return actions;
  }

  private fixAction(document: vscode.TextDocument, finding: EditorFinding, diagnostic: vscode.Diagnostic): vscode.CodeAction {
    const fix = finding.fix!;
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.isPreferred = true;
    action.edit = new vscode.WorkspaceEdit();
    for (const e of fix.edits) {
      action.edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
    }
    return action;
  }
}
