// Service worker: hosts the engine (so scoring works under any page CSP), answers one message
// per batch, keeps each tab's hint list and badge, and opens the interstitial.
// MV3 module worker: no top-level await, no dynamic import — listeners are registered right
// here at the top level and every handler awaits the init promises instead.
import '../lib/browser-api.js';
import '../lib/messages.js';
import '../lib/settings.js';
import init, { Engine } from '../pkg/lurelens.js';
import { createEngineHost } from './engine-host.js';
import { createTabHints, badgeText } from './tab-hints.js';
import { createSettingsStore } from './settings-store.js';
import { showTabCount, showEngineDown } from './badge.js';

const { api, MSG, settings: S } = globalThis.LureLens;
const SESSION_KEY = 'tabHints';

const host = createEngineHost({
  loadModule: () => init({ module_or_path: api.url('pkg/lurelens_bg.wasm') }),
  // Lenient: a bad key or extra rule is dropped and listed, the rest of the policy applies.
  makeEngine: (json) => Engine.lenient(json),
  onStateChange: (state, error) => { if (state === 'down') showEngineDown(error); },
});

async function applyPolicy(merged) {
  await host.setPolicy(JSON.stringify(S.enginePolicy(merged.settings)));
  for (const e of S.attributeErrors(host.policyErrors, merged.locked)) {
    console.warn(`LureLens: ${e.source} setting "${e.key}" ignored: ${e.message}`);
  }
}
const settingsStore = createSettingsStore(applyPolicy);
// Batches wait until the engine is built with the settings in force.
const policyReady = settingsStore.ready.then(applyPolicy);

const tabHints = createTabHints();
const restored = api.sessionGet(SESSION_KEY)
  .then((got) => tabHints.restore(got && got[SESSION_KEY]))
  .catch(() => {});
let persistTimer = 0;
function persist() {
  clearTimeout(persistTimer);
  persistTimer = setTimeout(() => api.sessionSet({ [SESSION_KEY]: tabHints.toJSON() }).catch(() => {}), 200);
}

async function updateBadge(tabId) {
  if (host.state === 'down') return;
  await showTabCount(tabId, tabHints.badgeCount(tabId), tabHints.topLevel(tabId));
}

function interstitialUrl(info, tabId) {
  const params = new URLSearchParams({
    u: String(info.url || ''),
    r: (info.rules || []).join(' '),
    k: (info.keys || []).join(' '),
    f: (info.families || []).join(' '),
    m: info.mode === 'block' ? 'block' : 'warn',
    t: info.newTab ? 'new' : 'same',
  });
  return api.url(`interstitial/interstitial.html?${params}`);
}

const handlers = {
  async [MSG.SCAN_BATCH](msg) {
    await policyReady;
    return host.score(msg.records);
  },
  async [MSG.REPORT_HINTS](msg, sender) {
    await restored;
    if (!sender.tab) return { ok: false };
    tabHints.report(sender.tab.id, sender.frameId || 0, Object.assign({}, msg, { url: sender.url }));
    persist();
    await updateBadge(sender.tab.id);
    return { ok: true };
  },
  async [MSG.OPEN_INTERSTITIAL](msg, sender) {
    if (!sender.tab) return { ok: false };
    const url = interstitialUrl(msg, sender.tab.id);
    if (msg.newTab) await api.raw.tabs.create({ url, openerTabId: sender.tab.id, index: sender.tab.index + 1 });
    else await api.raw.tabs.update(sender.tab.id, { url });
    return { ok: true };
  },
  async [MSG.GET_TAB_HINTS](msg) {
    await restored;
    return {
      hints: tabHints.hints(msg.tabId), frames: tabHints.frames(msg.tabId),
      badge: tabHints.badgeCount(msg.tabId), engine: { state: host.state, error: host.error },
    };
  },
  async [MSG.GET_ENGINE_STATUS]() {
    await host.ready;
    return { state: host.state, error: host.error, policyError: host.policyError, version: host.state === 'ready' ? Engine.version() : '' };
  },
  async [MSG.VALIDATE_POLICY](msg) {
    await host.ready;
    if (host.state !== 'ready') return { error: host.error, engineDown: true };
    // A static method in the bindings; older builds had it on the instance.
    const json = String(msg.json || '{}');
    return typeof Engine.validatePolicy === 'function' ? Engine.validatePolicy(json) : host.engine().validatePolicy(json);
  },
  async [MSG.GET_SETTINGS]() {
    await policyReady;
    const merged = settingsStore.get();
    return {
      settings: merged.settings, locked: merged.locked,
      errors: merged.errors.concat(S.attributeErrors(host.policyErrors, merged.locked)),
      engineDown: host.state === 'down', policyError: host.policyError,
    };
  },
};

const stats = { messages: {} }; // counts per message type, for tests and debugging

api.onMessage((msg, sender, sendResponse) => {
  const handler = msg && handlers[msg.type];
  if (!handler) return false;
  stats.messages[msg.type] = (stats.messages[msg.type] || 0) + 1;
  handler(msg, sender).then(sendResponse, (err) => sendResponse({ error: String(err && err.message || err) }));
  return true; // the answer comes asynchronously
});

api.raw.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') {
    restored.then(() => { tabHints.clearTab(tabId); persist(); updateBadge(tabId); });
  } else if (change.status === 'complete') {
    // Hints can arrive before the load completes; paint the count again once it has, in case
    // the browser reset the tab's badge in between.
    restored.then(() => updateBadge(tabId));
  }
});
api.raw.tabs.onRemoved.addListener((tabId) => {
  restored.then(() => { tabHints.clearTab(tabId); persist(); });
});

// For end-to-end tests and debugging from the worker console; not reachable from pages.
globalThis.lurelensDebug = { host, tabHints, settingsStore, stats, badgeText };
