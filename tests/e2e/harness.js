// End-to-end harness: the sample server on 127.0.0.1, Debian's Chromium with the extension
// loaded (headless), every request recorded, and helpers that read hints through the
// extension's service worker and through closed shadow roots (Chrome DevTools Protocol).
import test from 'node:test';
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { start } from '../../www/serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXT = path.join(ROOT, 'extension');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function extensionReady() {
  return fs.existsSync(path.join(EXT, 'pkg', 'lurelens.js')) && fs.existsSync(CHROMIUM);
}

export async function startServer() {
  return start({ port: 0, host: '127.0.0.1' });
}

/**
 * Launches Chromium with the extension at `extDir`. `lang` sets the browser UI language.
 * Returns {context, worker, extensionId, requests, close()}.
 */
export async function launch({ extDir = EXT, lang = 'en-US', mapHosts = [], serverUrl = '', extension = true } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lurelens-e2e-'));
  const env = Object.assign({}, process.env, { LANGUAGE: lang.replace('-', '_'), LANG: `${lang.replace('-', '_')}.UTF-8` });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    env,
    args: [
      '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-default-apps', '--disable-features=Translate,OptimizationHints,MediaRouter,HttpsUpgrades',
      // Nothing may leave the machine: names resolve nowhere except loopback; hosts a test
      // navigates to on purpose (the interstitial's "continue") go to the test server.
      `--host-resolver-rules=${[
        ...mapHosts.map((h) => `MAP ${h} ${new URL(serverUrl).host}`),
        'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1',
      ].join(', ')}`,
      `--lang=${lang}`,
      ...(extension ? [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`] : ['--disable-extensions']),
    ],
  });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  let worker = null;
  let extensionId = '';
  if (extension) {
    [worker] = context.serviceWorkers();
    if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 15000 });
    extensionId = new URL(worker.url()).host;
  }
  return {
    context, worker, extensionId, requests,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Polls `fn` until it returns a truthy value; fails after `timeout` ms. */
/**
 * The usual fixture of a test file: before its tests, the sample server and a browser launched
 * with `options` (or `options(baseUrl)`); after them, both closed. Nothing starts when `skip`.
 * Returns {server, baseUrl, browser}, filled in once `test.before` has run.
 */
export function serverAndBrowser(options = {}, skip = false) {
  const fx = { server: null, baseUrl: '', browser: null };
  test.before(async () => {
    if (skip) return;
    ({ server: fx.server, url: fx.baseUrl } = await startServer());
    fx.browser = await launch(typeof options === 'function' ? options(fx.baseUrl) : options);
  });
  test.after(async () => {
    if (fx.browser) await fx.browser.close();
    if (fx.server) fx.server.close();
  });
  return fx;
}

export async function waitFor(fn, { timeout = 8000, interval = 50, what = 'condition' } = {}) {
  const until = Date.now() + timeout;
  let last;
  for (;;) {
    try { last = await fn(); } catch (err) { last = err; }
    if (last && !(last instanceof Error)) return last;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** The worker's view of the tab that shows `page`: {tabId, badge, hints, frames}. */
export async function tabState(worker, page) {
  return worker.evaluate(async (url) => {
    const dbg = globalThis.lurelensDebug;
    const tabId = dbg.tabHints.tabFor(url);
    if (tabId < 0) return null;
    const badge = await chrome.action.getBadgeText({ tabId });
    const want = dbg.badgeText(dbg.tabHints.badgeCount(tabId));
    return { tabId, badge, want, hints: dbg.tabHints.hints(tabId), frames: dbg.tabHints.frames(tabId) };
  }, page.url());
}

/**
 * Waits until every frame of the page has reported a finished scan (and at least
 * `frames` frames have), then returns the tab state.
 */
export async function settled(worker, page, { frames = 1, timeout = 10000 } = {}) {
  let stableSince = 0;
  let lastKey = '';
  return waitFor(async () => {
    const state = await tabState(worker, page);
    if (!state || state.frames.length < frames || state.frames.some((f) => f.busy)) return null;
    // The toolbar may lag the worker's count by a paint; a badge that never catches up fails
    // the wait (and the tests' own badge assertions still compare it with the page's hints).
    if (state.badge !== state.want) return null;
    // The state must hold still for a moment: a scan may be about to start.
    const key = JSON.stringify([state.badge, state.frames.map((f) => [f.frameId, f.count, f.scanned])]);
    if (key !== lastKey) { lastKey = key; stableSince = Date.now(); return null; }
    return Date.now() - stableSince >= 300 ? state : null;
  }, { timeout, what: `scan of ${page.url()} to settle` });
}

/** Hint hosts in a frame: their data attributes (the shadow roots are closed). */
export async function hintHosts(frame) {
  return frame.$$eval('lurelens-hint[data-lurelens-hint]', (hosts) => hosts.map((h) => ({
    level: h.getAttribute('data-level'), kind: h.getAttribute('data-kind'),
    rules: (h.getAttribute('data-rules') || '').split(' ').filter(Boolean),
    target: h.getAttribute('data-kind') === 'link'
      ? (h.previousElementSibling && h.previousElementSibling.getAttribute('href'))
      : (h.parentElement.closest('[id]') || {}).id || h.parentElement.tagName,
  })));
}

// ---- closed shadow roots, through the DevTools protocol ------------------------------------

function attrs(node) {
  const out = {};
  for (let i = 0; node.attributes && i < node.attributes.length; i += 2) out[node.attributes[i]] = node.attributes[i + 1];
  return out;
}

function* nodes(node) {
  yield node;
  for (const child of node.children || []) yield* nodes(child);
  for (const root of node.shadowRoots || []) yield* nodes(root);
  if (node.contentDocument) yield* nodes(node.contentDocument);
}

function textOf(node) {
  let s = '';
  const walk = (n) => {
    if (n.nodeName === 'STYLE') return;
    if (n.nodeType === 3) s += n.nodeValue;
    for (const c of n.children || []) walk(c);
  };
  walk(node);
  return s;
}

/** For each hint host in the page (and its frames): its attributes, shadow text and tags. */
export async function shadowHints(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const out = [];
    for (const n of nodes(root)) {
      if (n.nodeName !== 'LURELENS-HINT') continue;
      const shadow = (n.shadowRoots || [])[0];
      const tags = shadow ? [...nodes(shadow)].filter((x) => x.nodeType === 1).map((x) => x.nodeName) : [];
      out.push({ attrs: attrs(n), mode: shadow && shadow.shadowRootType, text: shadow ? textOf(shadow) : '', tags, nodeId: n.nodeId });
    }
    return out;
  } finally {
    await cdp.detach();
  }
}

async function findInShadow(cdp, hostAttr, hostValue, innerAttr, innerValue) {
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const host = [...nodes(root)].find((n) => n.nodeName === 'LURELENS-HINT' && attrs(n)[hostAttr] === hostValue);
  if (!host) throw new Error(`no hint host with ${hostAttr}=${hostValue}`);
  const target = [...nodes(host.shadowRoots[0])].find((n) => (innerAttr === 'class'
    ? (attrs(n).class || '').split(' ').includes(innerValue) : attrs(n)[innerAttr] === innerValue));
  if (!target) throw new Error(`no ${innerAttr}=${innerValue} in the hint`);
  return target;
}

/** Gives keyboard focus to an element inside a closed shadow root (as Tab would). */
export async function focusInShadow(page, hostAttr, hostValue, innerAttr, innerValue) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const target = await findInShadow(cdp, hostAttr, hostValue, innerAttr, innerValue);
    await cdp.send('DOM.focus', { nodeId: target.nodeId });
  } finally {
    await cdp.detach();
  }
}

/** Clicks the element inside a closed shadow root of `hostSelector` matching `inner`. */
export async function clickInShadow(page, hostAttr, hostValue, innerAttr, innerValue) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const target = await findInShadow(cdp, hostAttr, hostValue, innerAttr, innerValue);
    await cdp.send('DOM.scrollIntoViewIfNeeded', { nodeId: target.nodeId }).catch(() => {});
    const { model } = await cdp.send('DOM.getBoxModel', { nodeId: target.nodeId });
    const [x1, y1, , , x3, y3] = model.content;
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach();
  }
}

/** Hosts of requests that went anywhere but the test server or the extension itself. */
export function foreignRequests(requests, serverUrl, allowed = []) {
  const server = new URL(serverUrl).host;
  return requests.filter((u) => {
    if (allowed.includes(u)) return false;
    let url;
    try { url = new URL(u); } catch { return true; }
    if (['chrome-extension:', 'data:', 'about:', 'blob:', 'chrome:'].includes(url.protocol)) return false;
    return url.host !== server;
  });
}
