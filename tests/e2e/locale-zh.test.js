// A zh_CN browser (--lang=zh-CN, LANGUAGE=zh_CN): hints, popup and interstitial speak Chinese.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { extensionReady, serverAndBrowser, settled, shadowHints, EXT } from './harness.js';

const skip = !extensionReady() ? 'extension/pkg or /usr/bin/chromium missing: run ./build.sh first'
  : !fs.existsSync('/usr/lib/chromium/locales/zh-CN.pak') ? 'Chromium has no zh-CN locale: apt-get install chromium-l10n'
    : false;
const zh = JSON.parse(fs.readFileSync(path.join(EXT, '_locales/zh_CN/messages.json'), 'utf8'));
const fx = serverAndBrowser({ lang: 'zh-CN' }, skip);

test('the browser language is Chinese for the extension', { skip }, async () => {
  const lang = await fx.browser.worker.evaluate(() => chrome.i18n.getUILanguage());
  assert.match(lang, /^zh/);
});

test('hints explain in Chinese', { skip }, async () => {
  const page = await fx.browser.context.newPage();
  await page.goto(`${fx.baseUrl}/samples/forum.html`);
  await settled(fx.browser.worker, page);
  const hints = await shadowHints(page);
  assert.ok(hints.length > 0);
  const all = hints.map((h) => h.text).join('\n');
  assert.ok(all.includes(zh.level_high.message), 'level in Chinese');
  assert.ok(all.includes(zh.family_request_data_title.message), 'pattern name in Chinese');
  assert.ok(all.includes(zh.action_fine.message), 'actions in Chinese');
  await page.close();
});

test('popup and interstitial are in Chinese', { skip }, async () => {
  const page = await fx.browser.context.newPage();
  await page.goto(`${fx.baseUrl}/samples/forum.html`);
  const state = await settled(fx.browser.worker, page);
  const popup = await fx.browser.context.newPage();
  await popup.goto(`chrome-extension://${fx.browser.extensionId}/popup/popup.html?tab=${state.tabId}`);
  await popup.waitForSelector('#hints li');
  assert.match(await popup.textContent('#summary'), /本页提示数/);
  assert.equal(await popup.evaluate(() => document.documentElement.lang.slice(0, 2)), 'zh');
  await popup.close();
  await page.click('a[href^="http://secure-login"]');
  await page.waitForURL(/interstitial\.html/);
  await page.waitForSelector('#reasons li');
  assert.equal(await page.textContent('h1'), zh.interstitial_heading.message);
  assert.equal(await page.textContent('#back'), zh.interstitial_back.message);
  await page.close();
});
