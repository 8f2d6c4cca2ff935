// A status bar item with the finding counts; a click opens the Findings view.
import * as vscode from 'vscode';
import type { FindingsStore } from './findings-store';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('secureDev.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: FindingsStore) {
    this.item.name = 'Secure Dev';
    this.item.command = 'secureDev.showFindings';
    this.subscription = store.onDidChange(() => this.update());
    this.update();
    this.item.show();
  }

  private update(): void {
    const c = this.store.counts();
    const total = c.error + c.warning + c.note;
    this.item.text = total === 0 ? '$(shield) Secure Dev' : `$(shield) ${total}`;
    this.item.tooltip = `Secure Dev: ${c.error} error(s), ${c.warning} warning(s), ${c.note} note(s). Click to show findings.`;
    this.item.backgroundColor = c.error > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
