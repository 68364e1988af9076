// The organisation's policy, for real: a managed policy file in Chromium's policy folder
// (/etc/chromium/policies/managed/, as an administrator deploys it on Linux), read by the
// browser into chrome.storage.managed. Needs root to write the folder; skipped, saying why,
// where that is not possible. The file is always removed afterwards.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { extensionReady, startServer, launch, settled, hintHosts, waitFor, EXT } from './harness.js';
import { chromiumExtensionId } from '../node/helpers.js';

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = path.join(POLICY_DIR, 'lurelens-e2e-test.json');
const manifest = JSON.parse(fs.readFileSync(path.join(EXT, 'manifest.json'), 'utf8'));
const ID = await chromiumExtensionId(manifest);

function canWritePolicies() {
  try {
    fs.mkdirSync(POLICY_DIR, { recursive: true });
    fs.accessSync(POLICY_DIR, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

const skip = !extensionReady() ? 'extension/pkg or /usr/bin/chromium missing: run ./build.sh first'
  : fs.existsSync(POLICY_FILE) ? `${POLICY_FILE} exists already (another run?): not touching it`
  : !canWritePolicies() ? `cannot write ${POLICY_DIR} (needs root): managed-policy tests skipped`
  : false;

// The organisation: its own domain, a project code name, a locked setting, one extra rule
// that works and one that does not, and a sensitivity value Chromium passes (it is a string)
// but LureLens cannot use.
const GOOD_RULE = {
  id: 'brightwater.badge_photo', family: 'request_data', weight: 45,
  patterns: [['@ask'], ['badge photo', 'photo of your badge']], key: 'rule_request_data_internal',
};
const BAD_RULE = { id: 'brightwater.broken', family: 'request_data', weight: 45, patterns: [['@no_such_concept']], key: 'k' };
const BASE_POLICY = {
  protected_domains: ['brightwater-energy.com'],
  keywords: ['Kestrel'],
  allow: ['partner.example.net'],
  locked: ['show_low'],
  extra_rules: [GOOD_RULE, BAD_RULE],
  sensitivity: 'extreme',
};

function writePolicy(policy) {
  const doc = { '3rdparty': { extensions: { [ID]: policy } } };
  // Write then rename, so the browser's folder watcher never reads half a file.
  fs.writeFileSync(`${POLICY_FILE}.tmp`, JSON.stringify(doc));
  fs.renameSync(`${POLICY_FILE}.tmp`, POLICY_FILE);
}
function removePolicy() {
  for (const f of [POLICY_FILE, `${POLICY_FILE}.tmp`]) fs.rmSync(f, { force: true });
}

let server;
let baseUrl;
let browser;

test.before(async () => {
  if (skip) return;
  process.on('exit', removePolicy); // even if a test or the runner dies midway
  writePolicy(BASE_POLICY);
  ({ server, url: baseUrl } = await startServer());
  browser = await launch({ serverUrl: baseUrl });
  await managedInForce((s) => s.locked.includes('protected_domains'));
});
test.after(async () => {
  removePolicy();
  if (browser) await browser.close();
  if (server) server.close();
});

/** Waits until the worker's merged settings satisfy `ok`; returns them. */
async function managedInForce(ok, what = 'the managed policy') {
  return waitFor(async () => {
    const merged = await browser.worker.evaluate(() => globalThis.lurelensDebug.settingsStore.get());
    return ok(merged) ? merged : null;
  }, { timeout: 30000, interval: 250, what });
}

async function openOptions() {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
  await options.waitForFunction(() => document.querySelector('input[name="sensitivity"]:checked'));
  return options;
}

const ORG_PAGE = `<!doctype html><meta charset="utf-8"><title>Staff notice</title>
<p>Please sign in to the <a id="portal" href="https://brigthwater-energy.com/login">staff portal</a> today.</p>
<p>Our real site is <a id="real" href="https://brightwater-energy.com/news">brightwater-energy.com</a>.</p>`;

test('a look-alike of the protected domain gets a high hint; the real domain none', { skip }, async () => {
  const url = `${baseUrl}/samples/org-notice.html`;
  await browser.context.route(url, (route) => route.fulfill({ contentType: 'text/html', body: ORG_PAGE }));
  const page = await browser.context.newPage();
  await page.goto(url);
  await settled(browser.worker, page);
  const hosts = await hintHosts(page.mainFrame());
  assert.deepEqual(hosts.map((h) => [h.target, h.level]), [['https://brigthwater-energy.com/login', 'high']]);
  await page.close();
});

test('an outgoing message naming a protected keyword asks before sending', { skip }, async () => {
  const page = await browser.context.newPage();
  await page.goto(`${baseUrl}/samples/webmail.html`);
  await settled(browser.worker, page, { frames: 2 });
  await page.click('#new-mail');
  await page.fill('#compose-text', 'Here is the Kestrel test schedule for next week.');
  await page.click('#send');
  const dialog = page.locator('lurelens-hint[data-lurelens-confirm="open"]');
  await dialog.waitFor({ state: 'attached', timeout: 3000 });
  assert.ok(page.url().endsWith('/samples/webmail.html'), 'nothing was sent');
  await page.keyboard.press('Escape');
  await page.close();
});

test('locked settings cannot be changed in the options page, and are marked', { skip }, async () => {
  const options = await openOptions();
  for (const [key, control] of [['show_low', 'input[name="show_low"]'], ['allow', '#allow']]) {
    const fieldset = options.locator(`fieldset[data-key="${key}"]`);
    assert.equal(await options.locator(control).isDisabled(), true, `${key} is disabled`);
    assert.equal(await fieldset.locator('.locked').textContent(), 'Set by your organisation');
    assert.equal(await fieldset.locator('.locked').isVisible(), true);
  }
  assert.equal(await options.inputValue('#allow'), 'partner.example.net');
  // A click on the locked box changes nothing, and saving does not store the locked value.
  await options.locator('input[name="show_low"]').click({ force: true });
  assert.equal(await options.isChecked('input[name="show_low"]'), false);
  await options.click('button[type="submit"]');
  await options.waitForSelector('#status:not(:empty)');
  const stored = await browser.worker.evaluate(() => chrome.storage.local.get('settings'));
  assert.equal('show_low' in stored.settings, false, 'a locked value is not written as the user\'s');
  assert.equal('allow' in stored.settings, false);
  // The organisation's other settings are listed read-only.
  assert.equal(await options.locator('#org dd[data-key="protected_domains"]').textContent(), 'brightwater-energy.com');
  assert.equal(await options.locator('#org dd[data-key="keywords"]').textContent(), '1 set');
  await browser.worker.evaluate(() => chrome.storage.local.remove('settings'));
  await options.close();
});

test('invalid policy values leave the defaults in force and are shown', { skip }, async () => {
  const merged = await managedInForce(() => true);
  assert.equal(merged.settings.sensitivity, 'normal', 'the default stays');
  const options = await openOptions();
  assert.equal(await options.inputValue('input[name="sensitivity"]:checked'), 'normal');
  assert.equal(await options.locator('input[name="sensitivity"][value="high"]').isDisabled(), false);
  const errors = await options.locator('#errors li').allTextContents();
  const about = (key) => errors.find((e) => e.includes(`"${key}"`));
  assert.match(about('sensitivity') || '', /organisation/);
  assert.match(about('extra_rules[1]') || '', /no_such_concept/);
  // The good extra rule still works.
  const verdicts = await browser.worker.evaluate(() => globalThis.lurelensDebug.host.score([
    { id: 1, text: 'Could you send me a photo of your badge?' }]));
  assert.ok(verdicts.verdicts[0].hints.some((h) => h.rule === GOOD_RULE.id), JSON.stringify(verdicts));
  await options.close();
});

test('the user\'s own settings survive a policy change', { skip }, async () => {
  // The user picks a sensitivity of their own (the policy's value was unusable, so it is free).
  const options = await openOptions();
  await options.check('input[name="sensitivity"][value="high"]');
  await options.click('button[type="submit"]');
  await options.waitForSelector('#status:not(:empty)');
  await managedInForce((s) => s.settings.sensitivity === 'high', 'the user\'s sensitivity');
  // The organisation now sets sensitivity: its value wins and the field locks…
  writePolicy(Object.assign({}, BASE_POLICY, { sensitivity: 'low' }));
  await managedInForce((s) => s.settings.sensitivity === 'low' && s.locked.includes('sensitivity'), 'the new policy');
  await options.reload();
  await options.waitForFunction(() => document.querySelector('input[name="sensitivity"]:checked'));
  assert.equal(await options.inputValue('input[name="sensitivity"]:checked'), 'low');
  assert.equal(await options.locator('input[name="sensitivity"][value="high"]').isDisabled(), true);
  // …and when it lets go again, the user's own choice is back.
  writePolicy(Object.assign({}, BASE_POLICY, { sensitivity: undefined }));
  await managedInForce((s) => s.settings.sensitivity === 'high' && !s.locked.includes('sensitivity'), 'the lifted policy');
  const stored = await browser.worker.evaluate(() => chrome.storage.local.get('settings'));
  assert.equal(stored.settings.sensitivity, 'high');
  await options.close();
});

test('in a Chinese browser the locks and policy errors are explained in Chinese', { skip }, async () => {
  const zh = JSON.parse(fs.readFileSync(path.join(EXT, '_locales', 'zh_CN', 'messages.json'), 'utf8'));
  const zhBrowser = await launch({ lang: 'zh-CN', serverUrl: baseUrl });
  try {
    const options = await zhBrowser.context.newPage();
    await options.goto(`chrome-extension://${zhBrowser.extensionId}/options/options.html`);
    await options.waitForFunction(() => !document.querySelector('fieldset[data-key="show_low"] .locked').hidden);
    assert.equal(await options.locator('fieldset[data-key="show_low"] .locked').textContent(), zh.options_locked.message);
    assert.equal(await options.locator('#org h2').textContent(), zh.options_org.message);
    const errors = await options.locator('#errors li').allTextContents();
    assert.ok(errors.some((e) => e.startsWith('单位设置“extra_rules[1]”')), JSON.stringify(errors));
  } finally {
    await zhBrowser.close();
  }
});
