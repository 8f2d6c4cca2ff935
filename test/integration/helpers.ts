// Helpers shared by the integration suites: the workspace, the extension's API, and waiting
// for what the user would see (diagnostics appear asynchronously, as in the real editor).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SecureDevApi } from '../../src/extension/extension';

export const EXTENSION_ID = 'secure-dev.secure-dev';

export async function api(): Promise<SecureDevApi> {
  const ext = vscode.extensions.getExtension<SecureDevApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  return ext.isActive ? ext.exports : ext.activate();
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run with a workspace folder open');
  return folder.uri;
}

/** Writes a file into the test workspace (a temporary copy) and returns its URI. */
export async function writeFile(relative: string, text: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), ...relative.split('/'));
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  return uri;
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

export function secureDevDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Secure Dev');
}

export function ruleOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Polls until `predicate` holds for the file's Secure Dev diagnostics (or fails after `ms`). */
export async function waitForDiagnostics(uri: vscode.Uri, predicate: (d: vscode.Diagnostic[]) => boolean, ms = 10_000): Promise<vscode.Diagnostic[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const current = secureDevDiagnostics(uri);
    if (predicate(current)) return current;
    if (Date.now() > deadline) {
      assert.fail(`timed out waiting for diagnostics on ${vscode.workspace.asRelativePath(uri)}; have: ${JSON.stringify(current.map((d) => [ruleOf(d), d.range.start.line, d.message]))}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The range of the `occurrence`-th match of `needle` in `text`, as a vscode.Range. */
export function rangeOf(document: vscode.TextDocument, needle: string, occurrence = 1): vscode.Range {
  const text = document.getText();
  let at = -1;
  for (let i = 0; i < occurrence; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `"${needle}" occurs in the document`);
  return new vscode.Range(document.positionAt(at), document.positionAt(at + needle.length));
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * A provider-format key built at run time, so the repository never holds a string that
 * secret scanners (GitHub push protection) would take for a real credential.
 */
export function fakeKey(prefix: string, length: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'): string {
  let seed = 1234567;
  let out = prefix;
  while (out.length < prefix.length + length) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    out += alphabet[seed % alphabet.length];
  }
  return out;
}
