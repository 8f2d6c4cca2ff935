// The first thing a user relies on: VS Code finds the extension and it activates.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'secure-dev.secure-dev'; // package.json publisher.name

describe('Activation', () => {
  it('runs inside VS Code 1.100', () => {
    assert.ok(vscode.version.startsWith('1.100'), `expected VS Code 1.100.x, got ${vscode.version}`);
  });

  it(`finds the extension ${EXTENSION_ID}`, () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not among the installed extensions`);
    assert.equal(extension.packageJSON.displayName, 'Secure Dev');
  });

  it('activates without an error', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });
});
