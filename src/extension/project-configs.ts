// The committed `.secure-dev.json` of each workspace folder, loaded once and reloaded when it
// changes. Problems in it are logged and shown once, never thrown.
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, EMPTY_CONFIG, type ProjectConfig } from '../core/config';
import { loadProjectConfig } from '../workspace/project-config';

export class ProjectConfigs implements vscode.Disposable {
  private readonly configs = new Map<string, ProjectConfig>();
  private readonly watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  /** Settles when every folder's config has been read once (started at construction, not awaited by activation). */
  readonly ready: Promise<void>;

  constructor(private readonly log: vscode.LogOutputChannel) {
    const reload = (uri: vscode.Uri) => {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (folder) void this.load(folder).then(() => this.changed.fire());
    };
    this.watcher.onDidChange(reload);
    this.watcher.onDidCreate(reload);
    this.watcher.onDidDelete(reload);
    this.ready = Promise.all((vscode.workspace.workspaceFolders ?? []).map((f) => this.load(f))).then(() => undefined);
  }

  get(folder: vscode.WorkspaceFolder | undefined): ProjectConfig {
    return (folder && this.configs.get(folder.uri.toString())) ?? EMPTY_CONFIG;
  }

  private async load(folder: vscode.WorkspaceFolder): Promise<void> {
    if (folder.uri.scheme !== 'file') return;
    const loaded = await loadProjectConfig(folder.uri.fsPath);
    this.configs.set(folder.uri.toString(), loaded.config);
    if (loaded.errors.length > 0) {
      for (const e of loaded.errors) this.log.warn(e);
      void vscode.window.showWarningMessage(`Secure Dev: ${loaded.errors[0]}`, 'Open File').then((choice) => {
        if (choice && loaded.file) void vscode.window.showTextDocument(vscode.Uri.file(loaded.file));
      });
    }
  }

  dispose(): void {
    this.watcher.dispose();
    this.changed.dispose();
  }
}
