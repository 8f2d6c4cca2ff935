// The composition root: wires the store, live analysis, diagnostics, quick fixes, the Findings
// view, the status bar and the commands. Activation does no analysis work itself: the parser
// loads on the first analysis, which is scheduled after activation returns.
import * as vscode from 'vscode';
import { analyze } from '../core/engine';
import type { Summary } from '../core/report/json';
import type { Finding } from '../core/types';
import { SecureDevCodeActions } from './code-actions';
import { Commands, type ExportSarifArgs, type ScanArgs } from './commands';
import { DiagnosticsPublisher } from './diagnostics';
import { DocumentAnalyzer } from './document-analyzer';
import { FindingsStore, type FileFindings } from './findings-store';
import { FindingsView, type FindingsNode } from './findings-view';
import { ProjectConfigs } from './project-configs';
import { StatusBar } from './status-bar';

/** What `activate()` returns: for other extensions and for the integration tests. */
export interface SecureDevApi {
  /** Analyses a text as if it were the named file (no I/O). */
  analyzeText(text: string, fileName: string): Finding[];
  scanWorkspace(args?: ScanArgs): Promise<Summary>;
  exportSarif(args: ExportSarifArgs): Promise<vscode.Uri | undefined>;
  /** The findings the editor currently shows for a file. */
  findings(uri: vscode.Uri): FileFindings | undefined;
  /** The Findings view's data, as the tree shows it. */
  findingsView: vscode.TreeDataProvider<FindingsNode>;
}

export function activate(context: vscode.ExtensionContext): SecureDevApi {
  const version = String(context.extension.packageJSON.version);
  const log = vscode.window.createOutputChannel('Secure Dev', { log: true });
  const docsUri = (ruleId: string) => vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${ruleId}.md`);
  const store = new FindingsStore();
  const configs = new ProjectConfigs(log);
  const analyzer = new DocumentAnalyzer(store, configs, log);
  const commands = new Commands(store, analyzer, configs, log, version);
  const view = new FindingsView(store);

  context.subscriptions.push(
    log,
    store,
    configs,
    analyzer,
    view,
    new DiagnosticsPublisher(store, docsUri),
    new StatusBar(store),
    vscode.window.createTreeView('secureDev.findings', { treeDataProvider: view, showCollapseAll: true }),
    vscode.languages.registerCodeActionsProvider([{ scheme: 'file' }, { scheme: 'untitled' }], new SecureDevCodeActions(store, docsUri), { providedCodeActionKinds: SecureDevCodeActions.kinds }),
    ...commands.register(),
    configs.onDidChange(() => analyzer.analyzeOpenDocuments()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('secureDev')) analyzer.analyzeOpenDocuments();
    }),
  );

  log.info(`Secure Dev ${version} activated (VS Code ${vscode.version}, ${vscode.workspace.isTrusted ? 'trusted' : 'restricted'} workspace)`);
  // Off the activation path: once the configs are read, analyse what is open, the active editor first.
  void configs.ready.then(() => analyzer.analyzeOpenDocuments());

  return {
    analyzeText: (text, fileName) => analyze(text, fileName).findings,
    scanWorkspace: (args) => commands.scanWorkspace(args),
    exportSarif: (args) => commands.exportSarif(args),
    findings: (uri) => store.get(uri),
    findingsView: view,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
