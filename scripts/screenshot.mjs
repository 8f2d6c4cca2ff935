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
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, repoRoot, startCodeServer } from './code-server.mjs';
import { prepareDemo } from './start.mjs';

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

async function hideSecondarySideBar(page) {
  const auxiliaryBar = page.locator('.part.auxiliarybar');
  if (!(await auxiliaryBar.isVisible())) return;
  await runCommand(page, 'View: Hide Secondary Side Bar').catch(() => {});
  if (await auxiliaryBar.isVisible()) await runCommand(page, 'View: Toggle Secondary Side Bar Visibility').catch(() => {});
}

/** Waits until a hover has finished loading its parts (quick fixes, related information). */
async function waitForSettledHover(page) {
  const hover = page.locator('.monaco-hover:not(.hidden)').first();
  await hover.waitFor({ state: 'visible', timeout: 10_000 });
  for (let i = 0; i < 100; i++) {
    const text = await hover.innerText().catch(() => '');
    if (!/Loading\.\.\.|\(loading\.\.\.\)|Checking for quick fixes/.test(text)) return;
    await sleep(200);
  }
}

/** Drags the sash right of the primary side bar so its rows are not cut off. */
async function widenSideBar(page, width) {
  const sideBar = await page.locator('.part.sidebar').boundingBox();
  if (!sideBar) return;
  const x = sideBar.x + sideBar.width;
  const y = sideBar.y + sideBar.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(sideBar.x + width, y, { steps: 10 });
  await page.mouse.up();
}

/** The 1-based line of the first occurrence of `text` in a file. */
function lineOf(file, text) {
  const index = readFileSync(file, 'utf8').split('\n').findIndex((line) => line.includes(text));
  if (index === -1) throw new Error(`${text} is not in ${file}`);
  return index + 1;
}

/** Ctrl+G: moves the cursor to a line and scrolls it into the middle of the editor. */
async function goToLine(page, line) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
  await sleep(300);
}

async function takeScreenshots(page) {
  // Quiet start: no notifications or secondary side bar over the code.
  await runCommand(page, 'Notifications: Clear All Notifications');
  await hideSecondarySideBar(page);

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

  // Hover the res.sendFile( call so the picture shows a message, its rule link and the taint path.
  await runCommand(page, 'Notifications: Clear All Notifications');
  await page.locator('.monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
  await goToLine(page, lineOf(join(repoRoot, 'demo', FILE), 'res.sendFile('));
  const sinkToken = page.locator('.monaco-editor .view-line', { hasText: 'res.sendFile(' }).locator('span span', { hasText: /^sendFile$/ }).first();
  const box = await sinkToken.boundingBox().catch(() => null);
  if (box) {
    const charWidth = box.width / 'sendFile'.length;
    await page.mouse.move(box.x + box.width + charWidth / 2, box.y + box.height / 2);
    await waitForSettledHover(page).catch(() => say('no hover appeared (picture taken without it)'));
    await sleep(300);
  } else {
    say('the res.sendFile( call is not on screen: picture taken without a hover');
  }
  const diagnosticsPng = join(mediaDir, 'screenshot-diagnostics.png');
  await page.screenshot({ path: diagnosticsPng });
  say(`wrote ${diagnosticsPng}`);
  await page.mouse.move(5, VIEWPORT.height - 5);

  say('opening the Secure Dev view');
  await runCommand(page, 'View: Close Panel').catch(() => {});
  await page.locator('.activitybar .action-item a[aria-label^="Secure Dev"], .activitybar .action-label[aria-label^="Secure Dev"]').first().click();
  // The Findings view fills itself from the open file's diagnostics and the workspace scan.
  await page.locator('.sidebar .monaco-list-row, .sidebar .welcome-view-content').first().waitFor({ state: 'visible', timeout: 30_000 });
  const sideBarText = await page.locator('.sidebar').innerText();
  if (!/findings/i.test(sideBarText)) throw new Error(`the side bar does not show the Secure Dev Findings view:\n${sideBarText.slice(0, 300)}`);
  await widenSideBar(page, 560);
  await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height - 5);
  await runCommand(page, 'Notifications: Clear All Notifications');
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
    // No TypeScript server here (unlike `npm start`): its half-loaded "(loading...) any" would sit in
    // the hover. Its "tsserver missing" notification is cleared before each picture.
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
    try {
      await takeScreenshots(page);
    } catch (error) {
      const debugPng = join(home, 'failure.png');
      await page.screenshot({ path: debugPng }).catch(() => {});
      throw new Error(`${error.message}\n(what the page looked like: ${debugPng})`);
    }
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
