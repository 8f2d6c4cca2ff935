// Live analysis of open documents: on open, on change (debounced) and on save, the current
// document first. Only the changed document is re-analysed.
import * as vscode from 'vscode';
import { analyze } from '../core/engine';
import type { Finding } from '../core/types';
import { settingsFrom } from '../workspace/project-config';
import { isExcludedPath } from '../workspace/walk-files';
import type { EditorFinding, FindingsStore } from './findings-store';
import type { ProjectConfigs } from './project-configs';
import { overridesFrom, readSettings } from './settings';

const DEBOUNCE_MS = 300;
const SCHEMES = new Set(['file', 'untitled']);

export class DocumentAnalyzer implements vscode.Disposable {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly store: FindingsStore,
    private readonly configs: ProjectConfigs,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && readSettings(e.document.uri).analyzeOn === 'type') this.schedule(e.document, DEBOUNCE_MS);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.cancel(d.uri);
        // A closed file keeps its findings only when the workspace was scanned (as in ESLint).
        if (d.isUntitled || !this.store.hasWorkspaceScan) this.store.delete(d.uri);
      }),
      vscode.window.onDidChangeActiveTextEditor((e) => e && this.schedule(e.document, 0)),
    );
  }

  /** Analyses every open document, the active one first. */
  analyzeOpenDocuments(): void {
    const active = vscode.window.activeTextEditor?.document;
    if (active) this.analyzeNow(active);
    for (const d of vscode.workspace.textDocuments) if (d !== active) this.schedule(d, 0);
  }

  schedule(document: vscode.TextDocument, delay: number): void {
    if (!SCHEMES.has(document.uri.scheme)) return;
    this.cancel(document.uri);
    this.timers.set(document.uri.toString(), setTimeout(() => {
      this.timers.delete(document.uri.toString());
      this.analyzeNow(document);
    }, delay));
  }

  /** Analyses one document synchronously and publishes its findings; returns them. */
  analyzeNow(document: vscode.TextDocument): EditorFinding[] {
    if (!SCHEMES.has(document.uri.scheme) || document.isClosed) return [];
    const editor = readSettings(document.uri);
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const project = this.configs.get(folder);
    const relative = folder ? vscode.workspace.asRelativePath(document.uri, false) : document.uri.path.replace(/^.*\//, '');
    const name = document.isUntitled ? untitledName(document) : relative;
    if (!editor.enabled || (!document.isUntitled && isExcludedPath(relative, [...editor.exclude, ...project.ignore]))) {
      this.store.delete(document.uri);
      return [];
    }
    const started = Date.now();
    const result = analyze(document.getText(), name, settingsFrom(project, overridesFrom(editor)));
    if (result.errors) for (const e of result.errors) this.log.error(`Rule failed on ${relative}: ${e}`);
    if (result.skipped) this.log.info(`Skipped ${relative}: ${result.skipped}`);
    const findings = result.findings.map((f) => toEditorFinding(document, f));
    this.store.set(document.uri, findings, result.skipped);
    this.log.debug(`Analysed ${relative} in ${Date.now() - started} ms: ${findings.length} finding(s)`);
    return findings;
  }

  private cancel(uri: vscode.Uri): void {
    const t = this.timers.get(uri.toString());
    if (t) clearTimeout(t);
    this.timers.delete(uri.toString());
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}

/** Untitled documents have no file name; their language decides how they are read. */
function untitledName(document: vscode.TextDocument): string {
  const ext: Record<string, string> = {
    javascript: 'untitled.js', javascriptreact: 'untitled.jsx', typescript: 'untitled.ts', typescriptreact: 'untitled.tsx',
    dotenv: '.env', yaml: 'untitled.yaml', json: 'untitled.json', jsonc: 'untitled.json', properties: 'untitled.properties',
    ini: 'untitled.ini', toml: 'untitled.toml', shellscript: 'untitled.sh', dockerfile: 'Dockerfile', python: 'untitled.py',
  };
  return ext[document.languageId] ?? 'untitled.txt';
}

function toEditorFinding(document: vscode.TextDocument, f: Finding): EditorFinding {
  const range = (start: number, end: number) => new vscode.Range(document.positionAt(start), document.positionAt(end));
  return {
    ruleId: f.ruleId,
    category: f.category,
    severity: f.severity,
    message: f.message,
    range: range(f.start, f.end),
    related: (f.related ?? []).map((r) => ({ range: range(r.start, r.end), message: r.message })),
    ...(f.fix ? { fix: f.fix, documentVersion: document.version } : {}),
  };
}
