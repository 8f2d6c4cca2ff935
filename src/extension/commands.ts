// The command palette actions. Every command takes optional arguments so that tests,
// keybindings and other extensions can run it without prompts.
import * as vscode from 'vscode';
import { fileKindOf, lineCommentTokens } from '../core/file-kind';
import { summarize, type Summary } from '../core/report/json';
import { toSarif } from '../core/report/sarif';
import { SUPPRESS_COMMAND } from './code-actions';
import type { DocumentAnalyzer } from './document-analyzer';
import type { FindingsStore } from './findings-store';
import type { ProjectConfigs } from './project-configs';
import { scanFolder, toStoreEntries, type FolderScan } from './workspace-scan';

export interface ScanArgs {
  /** Scan only this workspace folder (default: all of them). */
  folder?: vscode.Uri;
}

export interface ExportSarifArgs {
  /** Where to write the log; without it a save dialog asks. */
  output?: vscode.Uri;
  /** Which workspace folder to scan (default: the only one, or ask). */
  folder?: vscode.Uri;
}

export interface SuppressArgs {
  uri: vscode.Uri;
  /** 0-based line of the finding. */
  line: number;
  ruleId: string;
  /** Without it an input box asks. */
  reason?: string;
}

export class Commands {
  private scanning: Promise<Summary> | undefined;

  constructor(
    private readonly store: FindingsStore,
    private readonly analyzer: DocumentAnalyzer,
    private readonly configs: ProjectConfigs,
    private readonly log: vscode.LogOutputChannel,
    private readonly version: string,
  ) {}

  register(): vscode.Disposable[] {
    return [
      vscode.commands.registerCommand('secureDev.scanWorkspace', (args?: ScanArgs | vscode.Uri) => this.scanWorkspace(args instanceof vscode.Uri ? { folder: args } : args)),
      vscode.commands.registerCommand('secureDev.exportSarif', (args?: ExportSarifArgs) => this.exportSarif(args)),
      vscode.commands.registerCommand('secureDev.showFindings', () => vscode.commands.executeCommand('secureDev.findings.focus')),
      vscode.commands.registerCommand(SUPPRESS_COMMAND, (args: SuppressArgs) => this.suppress(args)),
    ];
  }

  /** Scans the workspace (or one folder) in the background with a cancellable progress. */
  scanWorkspace(args: ScanArgs = {}): Promise<Summary> {
    // One scan at a time: a second request joins the running one.
    this.scanning ??= this.runScan(args).finally(() => (this.scanning = undefined));
    return this.scanning;
  }

  private async runScan(args: ScanArgs): Promise<Summary> {
    const folders = this.foldersFor(args.folder);
    if (folders.length === 0) {
      void vscode.window.showInformationMessage('Secure Dev: open a folder to scan the workspace.');
      return summarize([]);
    }
    const started = Date.now();
    await this.configs.ready;
    const scans = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Secure Dev: scanning workspace', cancellable: true },
      async (progress, token) => {
        const results: FolderScan[] = [];
        for (const folder of folders) {
          let reported = 0;
          results.push(await scanFolder(folder, this.configs.get(folder), token, (done, total) => {
            const pct = Math.floor((done / total) * 100);
            if (pct > reported) {
              progress.report({ increment: pct - reported, message: `${done}/${total} files` });
              reported = pct;
            }
          }));
          if (token.isCancellationRequested) break;
        }
        return results;
      },
    );
    this.store.replaceAll(scans.flatMap(toStoreEntries));
    // Open documents get live findings again (they carry quick fixes and unsaved edits).
    this.analyzer.analyzeOpenDocuments();
    const summary = summarize(scans.flatMap((s) => s.reports));
    this.log.info(`Workspace scan: ${summary.findings} finding(s) in ${summary.filesScanned} file(s), ${summary.filesSkipped} skipped, ${Date.now() - started} ms`);
    for (const r of scans.flatMap((s) => s.reports).filter((x) => x.skipped)) this.log.info(`Skipped ${r.path}: ${r.skipped}`);
    return summary;
  }

  /** Scans a folder and writes the findings as SARIF 2.1.0; returns the file written. */
  async exportSarif(args: ExportSarifArgs = {}): Promise<vscode.Uri | undefined> {
    const folders = this.foldersFor(args.folder);
    const folder = folders.length <= 1 ? folders[0] : await pickFolder(folders);
    if (!folder) {
      if (folders.length === 0) void vscode.window.showInformationMessage('Secure Dev: open a folder to export its findings.');
      return undefined;
    }
    const output = args.output ?? (await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(folder.uri, 'secure-dev.sarif'),
      filters: { 'SARIF log': ['sarif', 'json'] },
      title: 'Export Secure Dev findings as SARIF',
    }));
    if (!output) return undefined;
    await this.configs.ready;
    const scan = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Secure Dev: exporting SARIF', cancellable: true },
      (_p, token) => scanFolder(folder, this.configs.get(folder), token),
    );
    const sarif = toSarif(scan.reports, { toolVersion: this.version, baseUri: folder.uri.toString().replace(/\/?$/, '/') });
    await vscode.workspace.fs.writeFile(output, Buffer.from(`${JSON.stringify(sarif, null, 2)}\n`, 'utf8'));
    const count = summarize(scan.reports).findings;
    this.log.info(`Exported ${count} finding(s) to ${output.fsPath}`);
    if (!args.output) {
      void vscode.window.showInformationMessage(`Secure Dev: wrote ${count} finding(s) to ${vscode.workspace.asRelativePath(output)}.`, 'Open').then((choice) => {
        if (choice) void vscode.window.showTextDocument(output);
      });
    }
    return output;
  }

  /** Inserts a `secure-dev-ignore-next-line <rule> -- <reason>` comment above the finding. */
  async suppress(args: SuppressArgs): Promise<boolean> {
    const reason = args.reason ?? (await vscode.window.showInputBox({
      title: `Suppress ${args.ruleId}`,
      prompt: 'Why is this safe? The reason is kept in the code for reviewers.',
      placeHolder: 'e.g. the value is a public test key',
      validateInput: (v) => (v.trim() ? undefined : 'A reason is required.'),
    }));
    if (!reason?.trim()) return false;
    const document = await vscode.workspace.openTextDocument(args.uri);
    const line = document.lineAt(args.line);
    const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
    const comment = lineCommentTokens(fileKindOf(document.fileName))[0];
    const close = comment === '/*' ? ' */' : '';
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(args.line, 0), `${indent}${comment} secure-dev-ignore-next-line ${args.ruleId} -- ${reason.trim()}${close}\n`);
    return vscode.workspace.applyEdit(edit);
  }

  private foldersFor(folder?: vscode.Uri): vscode.WorkspaceFolder[] {
    const all = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    if (!folder) return all;
    const match = vscode.workspace.getWorkspaceFolder(folder);
    return match ? [match] : [];
  }
}

async function pickFolder(folders: vscode.WorkspaceFolder[]): Promise<vscode.WorkspaceFolder | undefined> {
  const pick = await vscode.window.showQuickPick(folders.map((f) => ({ label: f.name, description: f.uri.fsPath, folder: f })), { title: 'Which folder?' });
  return pick?.folder;
}
