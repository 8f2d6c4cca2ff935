// The "Findings" tree in the Secure Dev activity-bar container: files, then their findings.
import * as vscode from 'vscode';
import type { Severity } from '../core/types';
import type { EditorFinding, FileFindings, FindingsStore } from './findings-store';

export type FindingsNode = { kind: 'file'; file: FileFindings } | { kind: 'finding'; file: FileFindings; finding: EditorFinding };

const ICON: Record<Severity, vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  note: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
};

export class FindingsView implements vscode.TreeDataProvider<FindingsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: FindingsStore) {
    this.subscription = store.onDidChange(() => this.changed.fire());
  }

  getChildren(node?: FindingsNode): FindingsNode[] {
    if (!node) {
      return this.store
        .all()
        .filter((f) => f.findings.length > 0)
        .sort((a, b) => vscode.workspace.asRelativePath(a.uri).localeCompare(vscode.workspace.asRelativePath(b.uri)))
        .map((file) => ({ kind: 'file', file }));
    }
    if (node.kind === 'file') {
      return [...node.file.findings]
        .sort((a, b) => a.range.start.compareTo(b.range.start))
        .map((finding) => ({ kind: 'finding', file: node.file, finding }));
    }
    return [];
  }

  getTreeItem(node: FindingsNode): vscode.TreeItem {
    if (node.kind === 'file') {
      const item = new vscode.TreeItem(node.file.uri, vscode.TreeItemCollapsibleState.Expanded);
      const relative = vscode.workspace.asRelativePath(node.file.uri);
      const dir = relative.includes('/') ? relative.slice(0, relative.lastIndexOf('/')) : '';
      item.description = `${dir}${dir ? ' · ' : ''}${node.file.findings.length}`;
      item.contextValue = 'file';
      return item;
    }
    const f = node.finding;
    const item = new vscode.TreeItem(f.message, vscode.TreeItemCollapsibleState.None);
    item.description = `${f.ruleId} · Ln ${f.range.start.line + 1}`;
    item.tooltip = new vscode.MarkdownString(`**${f.ruleId}** (${f.severity})\n\n${escapeMarkdown(f.message)}`);
    item.iconPath = ICON[f.severity];
    item.contextValue = 'finding';
    item.command = { title: 'Open', command: 'vscode.open', arguments: [node.file.uri, { selection: f.range } satisfies vscode.TextDocumentShowOptions] };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
