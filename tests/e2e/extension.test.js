// The extension in Chromium against the sample pages (issue 3 §5). One browser for the file;
// each test opens its own tab. Runs only after ./build.sh has produced extension/pkg.
import test from 'node:test';
import assert from 'node:assert/strict';
import {
  extensionReady, serverAndBrowser, settled, hintHosts, shadowHints, clickInShadow, focusInShadow,
  waitFor, tabState, foreignRequests,
} from './harness.js';
import { EXPECTED, atLeast } from './expected.js';

const skip = extensionReady() ? false : 'extension/pkg or /usr/bin/chromium missing: run ./build.sh first';
const allowedForeign = [];
// The lure host of the forum sample resolves to the test server: clicks can go through.
const lureHost = new URL(EXPECTED.forum.find((e) => e.target.startsWith('http')).target).hostname;
const fx = serverAndBrowser((baseUrl) => ({ mapHosts: [lureHost], serverUrl: baseUrl }), skip);

async function open(path) {
  const page = await fx.browser.context.newPage();
  await page.goto(`${fx.baseUrl}${path}`);
  return page;
}

/** Asserts the hosts are exactly the expected targets, each at least its level. */
function assertExactly(hosts, expected, where) {
  const got = hosts.map((h) => h.target).sort();
  assert.deepEqual(got, expected.map((e) => e.target).sort(), `${where}: hint targets`);
  for (const e of expected) {
    const host = hosts.find((h) => h.target === e.target);
    assert.ok(atLeast(host.level, e.level), `${where}: ${e.target} is ${host.level}, expected ≥ ${e.level}`);
  }
}

function mediumPlus(hosts) {
  return hosts.filter((h) => atLeast(h.level, 'medium')).length;
}

test('forum thread: exactly the expected hints, and the badge counts them', { skip }, async () => {
  const page = await open('/samples/forum.html');
  const state = await settled(fx.browser.worker, page);
  const hosts = await hintHosts(page.mainFrame());
  assertExactly(hosts, EXPECTED.forum, 'forum');
  assert.equal(state.badge, String(mediumPlus(hosts)));
  assert.equal(state.hints.length, hosts.length);
  await page.close();
});

test('benign page: no hint at all and an empty badge', { skip }, async () => {
  const page = await open('/samples/benign.html');
  const state = await settled(fx.browser.worker, page);
  assert.deepEqual(await hintHosts(page.mainFrame()), []);
  assert.equal(state.badge, '');
  assert.ok(state.frames[0].scanned > 10, 'the page was scanned');
  await page.close();
});

test('hints live in closed shadow roots and explain in words, with evidence marked', { skip }, async () => {
  const page = await open('/samples/forum.html');
  await settled(fx.browser.worker, page);
  const hints = await shadowHints(page);
  assert.ok(hints.length > 0);
  for (const h of hints) {
    assert.equal(h.mode, 'closed');
    assert.ok(h.tags.includes('BUTTON'), 'a focusable badge');
    assert.ok(h.text.length > 40, 'an explanation');
  }
  const p6 = hints.find((h) => h.attrs['data-kind'] !== 'link' && h.attrs['data-level'] === 'high');
  assert.ok(p6.tags.includes('MARK'), 'evidence is highlighted');
  await page.close();
});

test('a lure containing <img src=x onerror=…> is rendered inert', { skip }, async () => {
  const page = await open('/samples/forum.html');
  await settled(fx.browser.worker, page);
  const hints = await shadowHints(page);
  const lure = hints.find((h) => h.text.includes('<img src=x onerror='));
  assert.ok(lure, 'the markup shows as text in the hint');
  assert.ok(!lure.tags.includes('IMG'), 'no element was created from it');
  assert.equal(await page.evaluate(() => window.__lurelensPwned), undefined);
  assert.equal(await page.locator('article img').count(), 0);
  await page.close();
});

test('keyboard: the badge takes focus and opens its explanation; Escape closes it', { skip }, async () => {
  const page = await open('/samples/forum.html');
  await settled(fx.browser.worker, page);
  const host = page.locator('#p6 lurelens-hint[data-kind="message"]');
  await focusInShadow(page, 'data-lurelens-hint', await host.getAttribute('data-lurelens-hint'), 'class', 'badge');
  await waitFor(() => host.getAttribute('data-open').then((v) => v !== null), { what: 'panel to open' });
  await page.keyboard.press('Escape');
  await waitFor(() => host.getAttribute('data-open').then((v) => v === null), { what: 'panel to close' });
  await page.close();
});

test('web chat: a message appended later gets its hint within 1 s', { skip }, async () => {
  const page = await open('/samples/chat.html?auto=0');
  await settled(fx.browser.worker, page);
  const before = (await hintHosts(page.mainFrame())).length;
  let appended = 0;
  while (await page.evaluate(() => window.chatSample.remaining()) > 0) {
    const t0 = Date.now();
    await page.evaluate(() => window.chatSample.next());
    appended++;
    if (appended < 4) continue;
    // The request for internal data (4th) and the payment offer (5th) must each be flagged.
    await page.waitForFunction((n) => document.querySelectorAll('#log > .msg:last-child lurelens-hint').length === n, 1, { timeout: 1000 });
    assert.ok(Date.now() - t0 < 1000, `hint after ${Date.now() - t0} ms`);
  }
  const state = await settled(fx.browser.worker, page);
  const hosts = await hintHosts(page.mainFrame());
  assert.ok(hosts.length > before);
  assert.equal(state.badge, String(mediumPlus(hosts)));
  await page.close();
});

test('strict-CSP page: the page script runs and hints still appear', { skip }, async () => {
  const page = await fx.browser.context.newPage();
  const response = await page.goto(`${fx.baseUrl}/samples/strict-csp.html`);
  assert.equal(response.headers()['content-security-policy'], "default-src 'none'; script-src 'self'");
  const state = await settled(fx.browser.worker, page);
  assert.equal(await page.textContent('#script-ran'), 'Page script ran.');
  const hosts = await hintHosts(page.mainFrame());
  assertExactly(hosts, EXPECTED.strictCsp, 'strict-csp');
  assert.equal(state.badge, String(mediumPlus(hosts)));
  await page.close();
});

test('webmail: the message body in its iframe is scanned', { skip }, async () => {
  const page = await open('/samples/webmail.html');
  const state = await settled(fx.browser.worker, page, { frames: 2 });
  const body = page.frames().find((f) => f.url().endsWith('/mail/directive.html'));
  assertExactly(await hintHosts(page.mainFrame()), EXPECTED.webmail.top, 'webmail top');
  const bodyHosts = await hintHosts(body);
  assertExactly(bodyHosts, EXPECTED.webmail.body, 'webmail body');
  assert.equal(state.badge, String(mediumPlus(bodyHosts) + mediumPlus(await hintHosts(page.mainFrame()))));
  await page.close();
});

test('popup lists the hints of the tab', { skip }, async () => {
  const page = await open('/samples/forum.html');
  const state = await settled(fx.browser.worker, page);
  const popup = await fx.browser.context.newPage();
  await popup.goto(`chrome-extension://${fx.browser.extensionId}/popup/popup.html?tab=${state.tabId}`);
  await popup.waitForSelector('#hints li');
  assert.equal(await popup.locator('#hints li').count(), state.hints.length);
  assert.match(await popup.textContent('#summary'), new RegExp(state.badge));
  await popup.close();
  await page.close();
});

test('"this is fine" hides a hint and is remembered after a reload', { skip }, async () => {
  const page = await open('/samples/forum.html');
  const before = await settled(fx.browser.worker, page);
  const target = (await hintHosts(page.mainFrame())).find((h) => h.target === 'p6' && h.kind === 'message');
  const id = await page.getAttribute('#p6 lurelens-hint[data-kind="message"]', 'data-lurelens-hint');
  await focusInShadow(page, 'data-lurelens-hint', id, 'class', 'badge');
  await clickInShadow(page, 'data-lurelens-hint', id, 'data-act', 'fine');
  await page.waitForSelector('#p6 lurelens-hint[data-kind="message"]', { state: 'detached' });
  const after = await settled(fx.browser.worker, page);
  const drop = atLeast(target.level, 'medium') ? 1 : 0;
  assert.equal(Number(after.badge || 0), Number(before.badge) - drop);
  await page.reload();
  await settled(fx.browser.worker, page);
  assert.equal(await page.locator('#p6 lurelens-hint[data-kind="message"]').count(), 0);
  assert.ok(await page.locator('#p6 lurelens-hint[data-kind="link"]').count() > 0, 'other hints stay');
  // Forget the choice again so other tests see the page as new.
  await fx.browser.worker.evaluate(() => chrome.storage.local.set({ decisions: {} }));
  await page.close();
});

test('outgoing: a send with protected content asks first; "Don\'t send" keeps it', { skip }, async () => {
  const page = await open('/samples/webmail.html');
  await settled(fx.browser.worker, page, { frames: 2 });
  await page.click('#new-mail');
  await page.fill('#compose-text', '【机密】附件是天河项目第三阶段的结构参数和图纸，请查收。');
  await page.click('#send');
  const dialog = page.locator('lurelens-hint[data-lurelens-confirm="open"]');
  await dialog.waitFor({ state: 'attached', timeout: 3000 });
  assert.ok(page.url().endsWith('/samples/webmail.html'), 'nothing was sent yet');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.ok(page.url().endsWith('/samples/webmail.html'), '"Don\'t send" keeps the message');
  // Send anyway: Tab from "Don't send" (the default) to "Send anyway".
  await page.click('#send');
  await dialog.waitFor({ state: 'attached' });
  await page.keyboard.press('Tab');
  await Promise.all([page.waitForURL(/\/mail\/sent\.html/), page.keyboard.press('Enter')]);
  await page.close();
});

test('outgoing: harmless text is sent without a question', { skip }, async () => {
  const page = await open('/samples/webmail.html');
  await settled(fx.browser.worker, page, { frames: 2 });
  await page.click('#new-mail');
  await page.fill('#compose-text', 'See you at lunch on Friday.');
  await Promise.all([page.waitForURL(/\/mail\/sent\.html/), page.click('#send')]);
  await page.close();
});

test('outgoing: Enter in the chat box is held for protected content', { skip }, async () => {
  const page = await open('/samples/chat.html?auto=0');
  await settled(fx.browser.worker, page);
  await page.click('#composer');
  await page.keyboard.type('绝密：天河项目的内部参数在附件里');
  await page.keyboard.press('Enter');
  const dialog = page.locator('lurelens-hint[data-lurelens-confirm="open"]');
  await dialog.waitFor({ state: 'attached', timeout: 3000 });
  assert.deepEqual(await page.evaluate(() => window.chatSample.sent), []);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await waitFor(() => page.evaluate(() => window.chatSample.sent.length === 1), { what: 'the message to be sent' });
  await page.close();
});

test('the interstitial holds a click on a high link until "continue"', { skip }, async () => {
  const page = await open('/samples/forum.html');
  await settled(fx.browser.worker, page);
  const href = EXPECTED.forum.find((e) => e.target.startsWith('http')).target;
  // The lure host resolves to the test server (see launch): nothing leaves the machine.
  allowedForeign.push(href);
  await page.click(`a[href="${href}"]`);
  await page.waitForURL(/^chrome-extension:\/\/.*\/interstitial\/interstitial\.html/);
  // The page fills itself in from the worker's answer: wait for it rather than race it.
  await page.waitForSelector('#reasons li');
  await waitFor(() => page.evaluate(() => document.activeElement && document.activeElement.id === 'back'),
    { what: '"go back" to take the focus' }).catch(() => {});
  assert.equal(await page.textContent('#destination'), href);
  assert.ok(await page.locator('#reasons li').count() > 0);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'back', '"go back" is the default');
  assert.ok(!fx.browser.requests.includes(href), 'the click did not reach the site');
  await Promise.all([page.waitForURL(href), page.click('#continue')]);
  await page.close();
});

test('"go back" on the interstitial returns to the page', { skip }, async () => {
  const page = await open('/samples/webmail.html');
  await settled(fx.browser.worker, page, { frames: 2 });
  const body = page.frames().find((f) => f.url().endsWith('/mail/directive.html'));
  const href = EXPECTED.webmail.body.find((e) => e.target.startsWith('http')).target;
  await body.click(`a[href="${href}"]`);
  await page.waitForURL(/interstitial\.html/);
  await Promise.all([page.waitForURL(/\/samples\/webmail\.html$/), page.click('#back')]);
  await page.close();
});

test('options: showing low hints takes effect on open pages, and is saved', { skip }, async () => {
  const page = await open('/samples/forum.html');
  await settled(fx.browser.worker, page);
  assert.equal(await page.locator('#p2 lurelens-hint').count(), 0, 'low hints are off by default');
  const options = await fx.browser.context.newPage();
  await options.goto(`chrome-extension://${fx.browser.extensionId}/options/options.html`);
  await options.waitForFunction(() => document.querySelector('input[name="sensitivity"]:checked'));
  assert.equal(await options.inputValue('input[name="sensitivity"]:checked'), 'normal');
  await options.check('input[name="show_low"]');
  await options.fill('#allow', 'Partner.Example.com\n# a comment\n');
  await options.click('button[type="submit"]');
  await options.waitForSelector('#status:not(:empty)');
  const stored = await fx.browser.worker.evaluate(() => chrome.storage.local.get('settings'));
  assert.deepEqual(stored.settings, { sensitivity: 'normal', show_low: true, allow: ['partner.example.com'] });
  // The open page hears of the change and shows the quiet markers too.
  await page.waitForSelector('#p2 lurelens-hint[data-level="low"]', { state: 'attached', timeout: 5000 });
  await fx.browser.worker.evaluate(() => chrome.storage.local.remove('settings'));
  await page.waitForSelector('#p2 lurelens-hint', { state: 'detached', timeout: 5000 });
  await options.close();
  await page.close();
});

test('no request leaves for any host but the test server', { skip }, async () => {
  const foreign = foreignRequests(fx.browser.requests, fx.baseUrl, allowedForeign);
  assert.deepEqual(foreign, []);
  assert.ok(fx.browser.requests.length > 10, 'requests were recorded');
});
