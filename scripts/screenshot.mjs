// Takes the README's screenshots in a real VS Code (code-server) with headless Chromium:
//
//   media/screenshot-diagnostics.png  demo/src/server.js with Secure Dev's squiggles, a hover and
//                                     the Problems panel
//   media/screenshot-findings.png     the Secure Dev view in the activity bar
//
//   node scripts/screenshot.mjs [--no-build] [--vsix]
//
// It prepares the demo like `npm start` (in .vscode-test/screenshot/, so a running `npm start`
// is not disturbed), waits for real diagnostics rather than fixed delays, and fails loudly when
// what a picture should show is not on the page.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath, repoRoot, startCodeServer } from './code-server.mjs';
import { prepareDemo } from './start.mjs';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];
const VIEWPORT = { width: 1440, height: 900 };
const FILE = 'src/server.js';
const mediaDir = join(repoRoot, 'media');
const say = (message) => console.log(`[screenshot] ${message}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Runs a command by its palette label, as a user would (F1, type, Enter). */
async function runCommand(page, label) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${label}`);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ state: 'visible' });
  await sleep(300);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

async function openFile(page, relativePath) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(relativePath);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ state: 'visible' });
  await sleep(300);
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab[aria-label^="${relativePath.split('/').at(-1)}"]`).first().waitFor({ state: 'visible' });
}

async function takeScreenshots(page) {
  // Quiet start: no notifications or secondary side bar over the code.
  await runCommand(page, 'Notifications: Clear All Notifications');
  await runCommand(page, 'View: Close Secondary Side Bar').catch(() => {});

  say(`opening ${FILE} and waiting for Secure Dev diagnostics`);
  await openFile(page, FILE);
  const squiggles = page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info');
  await squiggles.first().waitFor({ state: 'attached', timeout: 60_000 });

  say('opening the Problems panel');
  await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
  const problemRows = page.locator('.markers-panel .monaco-list-row');
  await problemRows.first().waitFor({ state: 'visible', timeout: 30_000 });
  const problemsText = await page.locator('.markers-panel').innerText();
  if (!problemsText.includes('Secure Dev')) throw new Error(`the Problems panel shows no Secure Dev finding:\n${problemsText.slice(0, 500)}`);
  await sleep(1000); // let the panel settle (layout, decorations)

  // Hover the first visible squiggle so the picture shows a message with its rule link.
  await page.locator('.monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
  const target = squiggles.first();
  const box = await target.boundingBox();
  if (box) {
    await page.mouse.move(box.x + Math.min(box.width / 2, 40), box.y + box.height / 2);
    await page.locator('.monaco-hover:not(.hidden)').first().waitFor({ state: 'visible', timeout: 10_000 }).catch(() => say('no hover appeared (picture taken without it)'));
    await sleep(500);
  }
  const diagnosticsPng = join(mediaDir, 'screenshot-diagnostics.png');
  await page.screenshot({ path: diagnosticsPng });
  say(`wrote ${diagnosticsPng}`);
  await page.mouse.move(5, VIEWPORT.height - 5);

  say('opening the Secure Dev view');
  await runCommand(page, 'View: Close Panel').catch(() => {});
  await page.locator('.activitybar .action-item a[aria-label^="Secure Dev"], .activitybar .action-label[aria-label^="Secure Dev"]').first().click();
  const view = page.locator('.pane-header[aria-label^="Findings"], .pane-header:has-text("Findings")').first();
  await view.waitFor({ state: 'visible', timeout: 20_000 });
  // The view may fill itself as the workspace scan completes; wait for rows or the welcome text.
  await page.locator('.sidebar .monaco-list-row, .sidebar .welcome-view-content').first().waitFor({ state: 'visible', timeout: 30_000 });
  await sleep(1500);
  const findingsPng = join(mediaDir, 'screenshot-findings.png');
  await page.screenshot({ path: findingsPng });
  say(`wrote ${findingsPng}`);
}

async function main() {
  const { workspace, userDataDir, extensionsDir, home } = await prepareDemo({
    home: join(repoRoot, '.vscode-test', 'screenshot'),
    build: !process.argv.includes('--no-build'),
    vsix: process.argv.includes('--vsix'),
    browser: true,
  });
  mkdirSync(mediaDir, { recursive: true });
  const server = await startCodeServer({
    workspace,
    userDataDir,
    extensionsDir,
    logFile: join(home, 'code-server.log'),
    settings: { 'workbench.startupEditor': 'none', 'editor.minimap.enabled': false, 'window.commandCenter': false, 'workbench.layoutControl.enabled': false, 'chat.commandCenter.enabled': false },
  });
  let browser;
  const cleanup = async () => {
    if (browser) await Promise.race([browser.close().catch(() => {}), sleep(10_000)]);
    await server.stop();
  };
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => cleanup().finally(() => process.exit(130)));
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: VIEWPORT });
    page.setDefaultTimeout(30_000);
    await page.goto(`${server.url}?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench .activitybar').waitFor({ state: 'visible', timeout: 90_000 });
    await sleep(2000); // extensions start after the workbench shows
    await takeScreenshots(page);
  } finally {
    await cleanup();
  }
}

try {
  await main();
} catch (error) {
  console.error(`[screenshot] FAILED: ${error.message}`);
  process.exit(1);
}
