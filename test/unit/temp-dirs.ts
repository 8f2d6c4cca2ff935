// Temporary folders for tests that need real files; removed when the test file finishes.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after } from 'node:test';

const created: string[] = [];
after(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** Writes `files` (relative path -> text) into a new temporary folder and returns its path. */
export function tempTree(prefix: string, files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), `secure-dev-${prefix}-`));
  created.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
