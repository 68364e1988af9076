// If the engine cannot load, pages are left untouched and the toolbar shows an error state.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extensionReady, startServer, launch, waitFor, EXT } from './harness.js';

const skip = extensionReady() ? false : 'extension/pkg or /usr/bin/chromium missing: run ./build.sh first';
let server;
let baseUrl;
let browser;
let brokenExt;

test.before(async () => {
  if (skip) return;
  // A copy of the extension whose .wasm is not WebAssembly at all.
  brokenExt = fs.mkdtempSync(path.join(os.tmpdir(), 'lurelens-broken-'));
  fs.cpSync(EXT, brokenExt, { recursive: true });
  fs.writeFileSync(path.join(brokenExt, 'pkg', 'lurelens_bg.wasm'), 'this is not a wasm module');
  ({ server, url: baseUrl } = await startServer());
  browser = await launch({ extDir: brokenExt });
});
test.after(async () => {
  if (browser) await browser.close();
  if (server) server.close();
  if (brokenExt) fs.rmSync(brokenExt, { recursive: true, force: true });
});

test('the worker reports the engine down and the toolbar says so', { skip }, async () => {
  const state = await waitFor(() => browser.worker.evaluate(() => globalThis.lurelensDebug.host.state === 'down' && globalThis.lurelensDebug.host.error),
    { what: 'the engine to be reported down' });
  assert.ok(state.length > 0, 'an error message is kept');
  // The badge and title are set just after the state changes: wait for them, do not race.
  const badge = await waitFor(async () => {
    const text = await browser.worker.evaluate(() => chrome.action.getBadgeText({}));
    return text === '!' ? text : null;
  }, { what: 'the error badge' }).catch(() => browser.worker.evaluate(() => chrome.action.getBadgeText({})));
  assert.equal(badge, '!');
  const title = await waitFor(async () => {
    const t = await browser.worker.evaluate(() => chrome.action.getTitle({}));
    return /could not load/.test(t) ? t : null;
  }, { what: 'the error title' }).catch(() => browser.worker.evaluate(() => chrome.action.getTitle({})));
  assert.match(title, /could not load/);
});

test('pages are left untouched', { skip }, async () => {
  const page = await browser.context.newPage();
  await page.goto(`${baseUrl}/samples/forum.html`);
  const before = await page.evaluate(() => document.body.innerHTML);
  // The content script asks for settings, learns the engine is down, and stops.
  await waitFor(() => browser.worker.evaluate((type) => (globalThis.lurelensDebug.stats.messages[type] || 0) >= 1, 'lurelens:get-settings'),
    { what: 'the content script to ask the worker' });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  assert.equal(await page.locator('lurelens-hint').count(), 0);
  assert.equal(await page.evaluate(() => document.body.innerHTML), before);
  const scans = await browser.worker.evaluate(() => globalThis.lurelensDebug.stats.messages['lurelens:scan-batch'] || 0);
  assert.equal(scans, 0, 'nothing was sent for scoring');
  await page.close();
});

test('the popup explains the error state', { skip }, async () => {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup/popup.html?tab=1`);
  await popup.waitForSelector('#engine-down:not([hidden])');
  await popup.close();
});
