// The demo page (www/demo.html): the same WASM package, verdicts as you type, evidence
// highlighted, both languages, page text inert. No extension needed.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launch, foreignRequests, ROOT } from './harness.js';

const skip = fs.existsSync(path.join(ROOT, 'www', 'pkg', 'lurelens_bg.wasm')) ? false : 'www/pkg missing: run ./build.sh first';
let server;
let baseUrl;
let browser;
let page;

test.before(async () => {
  if (skip) return;
  ({ server, url: baseUrl } = await startServer());
  browser = await launch({ extension: false });
  page = await browser.context.newPage();
  await page.goto(`${baseUrl}/demo.html`);
  await page.waitForFunction(() => document.getElementById('version').textContent.length > 0);
});
test.after(async () => {
  if (browser) await browser.close();
  if (server) server.close();
});

/** Types `text` and waits for the verdict on exactly that input (the page debounces). */
async function verdictFor(text, { mode = 'auto', kind, level }) {
  await page.selectOption('#mode', mode);
  await page.fill('#input', '');
  await page.waitForFunction(() => document.getElementById('verdict').hidden);
  await page.fill('#input', text);
  await page.waitForFunction(([k, l]) => !document.getElementById('verdict').hidden &&
    document.getElementById('detected').textContent.includes(k) &&
    document.getElementById('level').className.endsWith(l), [kind, level]);
  return page.evaluate(() => ({
    marks: [...document.querySelectorAll('#highlighted mark')].map((m) => m.textContent),
    hints: [...document.querySelectorAll('#hints li')].map((li) => li.textContent),
    stages: document.getElementById('stages').textContent,
  }));
}

test('a request for internal data with money on offer is high, evidence marked', { skip }, async () => {
  const r = await verdictFor('I hit a bottleneck at work. Could you send me the internal project data? I can transfer 2000 yuan. Keep this between us.',
    { kind: 'Incoming message', level: 'high' });
  assert.ok(r.marks.length > 0);
  assert.ok(r.hints.some((h) => /internal data/.test(h)));
});

test('a look-alike login link is detected as a URL and flagged', { skip }, async () => {
  await verdictFor('http://secure-login.gov-cn.verify-account.com/upload', { kind: 'Link', level: 'high' });
});

test('harmless text stays quiet', { skip }, async () => {
  await verdictFor('Lunch on Friday? The noodle place near the station opens at 11:30.', { kind: 'Incoming message', level: 'none' });
});

test('a thread shows the stages it went through', { skip }, async () => {
  await page.selectOption('#mode', 'auto');
  await page.click('#gallery button:has-text("Thread: approach")');
  await page.waitForFunction(() => document.getElementById('stages').textContent.includes('→'));
  assert.match(await page.textContent('#detected'), /Conversation/);
});

test('markup in the input stays text', { skip }, async () => {
  await page.selectOption('#mode', 'message');
  await page.fill('#input', 'send the drawings <img src=x onerror="window.__demoPwned=1"> now');
  await page.waitForFunction(() => document.getElementById('highlighted').textContent.includes('<img'));
  assert.equal(await page.locator('#result img').count(), 0);
  assert.equal(await page.evaluate(() => window.__demoPwned), undefined);
});

test('the page switches to Chinese, explanations included', { skip }, async () => {
  await page.selectOption('#mode', 'auto');
  await page.fill('#input', '收到资料我马上给你转2000元，内部资料报酬更高。这事别告诉别人，聊完把记录删了。');
  await page.selectOption('#lang', 'zh_CN');
  await page.waitForFunction(() => document.querySelector('h1').textContent === 'LureLens 演示');
  await page.waitForFunction(() => /[\u4e00-\u9fff]/.test(document.getElementById('hints').textContent) &&
    document.getElementById('level').textContent === '高风险');
  await page.selectOption('#lang', 'en');
});

test('the demo sends nothing anywhere', { skip }, async () => {
  assert.deepEqual(foreignRequests(browser.requests, baseUrl), []);
});
