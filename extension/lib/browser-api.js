// The one place that touches chrome.* / browser.*. Loaded both as a classic content
// script and, for side effects, as an ES module import; either way it fills
// globalThis.LureLens.api so the rest of the code never names a vendor namespace.
(function (root) {
  'use strict';
  const ns = root.LureLens || (root.LureLens = {});
  const vendor = root.browser && root.browser.runtime ? root.browser : root.chrome;

  function has(path) {
    let node = vendor;
    for (const part of path.split('.')) {
      if (!node || !(part in node)) return false;
      node = node[part];
    }
    return true;
  }

  ns.api = {
    available: Boolean(vendor && vendor.runtime && vendor.runtime.id),
    raw: vendor,
    /** Sends one message to the service worker; resolves undefined when nobody answers. */
    async send(message) {
      try {
        return await vendor.runtime.sendMessage(message);
      } catch (err) {
        return { error: String(err && err.message || err) };
      }
    },
    onMessage(handler) {
      vendor.runtime.onMessage.addListener(handler);
    },
    url(path) {
      return vendor.runtime.getURL(path);
    },
    /** Message from _locales; returns '' for an unknown key, like chrome.i18n. */
    t(key, substitutions) {
      if (!has('i18n.getMessage')) return '';
      try {
        return vendor.i18n.getMessage(key, substitutions) || '';
      } catch {
        return '';
      }
    },
    uiLanguage() {
      return has('i18n.getUILanguage') ? vendor.i18n.getUILanguage() : 'en';
    },
    async localGet(keys) {
      return vendor.storage.local.get(keys);
    },
    async localSet(items) {
      return vendor.storage.local.set(items);
    },
    async sessionGet(keys) {
      return has('storage.session') ? vendor.storage.session.get(keys) : {};
    },
    async sessionSet(items) {
      if (has('storage.session')) await vendor.storage.session.set(items);
    },
    /** Managed (enterprise) storage; {} where the browser has none or it is empty. */
    async managedGet() {
      if (!has('storage.managed')) return {};
      try {
        return (await vendor.storage.managed.get(null)) || {};
      } catch {
        return {};
      }
    },
    onStorageChanged(handler) {
      vendor.storage.onChanged.addListener(handler);
    },
  };
})(globalThis);
