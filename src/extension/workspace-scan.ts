// Scans workspace folders off the extension host's thread (worker threads via the shared
// scanner) and turns the reports into store entries.
import * as vscode from 'vscode';
import type { FileReport, LocatedRange } from '../core/report/located';
import type { ProjectConfig } from '../core/config';
import { settingsFrom } from '../workspace/project-config';
import { scanFiles } from '../workspace/scan';
import { findFiles } from '../workspace/walk-files';
import type { FileFindings } from './findings-store';
import { overridesFrom, readSettings } from './settings';

export interface FolderScan {
  folder: vscode.WorkspaceFolder;
  reports: FileReport[];
}

/** Scans one folder with its `.secure-dev.json` (as loaded and watched by ProjectConfigs). */
export async function scanFolder(folder: vscode.WorkspaceFolder, config: ProjectConfig, token?: vscode.CancellationToken, onProgress?: (done: number, total: number) => void): Promise<FolderScan> {
  const root = folder.uri.fsPath;
  const editor = readSettings(folder.uri);
  const files = findFiles(root, [root], { exclude: [...config.ignore, ...editor.exclude] });
  const abort = new AbortController();
  const cancel = token?.onCancellationRequested(() => abort.abort());
  try {
    const reports = await scanFiles(files, { settings: settingsFrom(config, overridesFrom(editor)), signal: abort.signal, onProgress });
    return { folder, reports };
  } finally {
    cancel?.dispose();
  }
}

export function toStoreEntries(scan: FolderScan): FileFindings[] {
  return scan.reports
    .filter((r) => r.findings.length > 0 || r.skipped)
    .map((r) => ({
      uri: vscode.Uri.joinPath(scan.folder.uri, ...r.path.split('/')),
      ...(r.skipped ? { skipped: r.skipped } : {}),
      findings: r.findings.map((f) => ({
        ruleId: f.ruleId,
        category: f.category,
        severity: f.severity,
        message: f.message,
        range: toRange(f.range),
        related: f.related.map((x) => ({ range: toRange(x), message: x.message })),
      })),
    }));
}

function toRange(r: LocatedRange): vscode.Range {
  return new vscode.Range(r.start.line - 1, r.start.column - 1, r.end.line - 1, r.end.column - 1);
}
