// What each tab shows: the hint summaries each frame reported, and the toolbar badge they
// add up to (the number of medium+ hints). Kept in storage.session as well, because the
// service worker may be stopped between messages.

const BADGE_LEVELS = new Set(['medium', 'high']);

export function createTabHints() {
  /** tabId → Map(frameId → {hints, busy, scanned, at}) */
  const tabs = new Map();

  function frames(tabId) {
    let m = tabs.get(tabId);
    if (!m) { m = new Map(); tabs.set(tabId, m); }
    return m;
  }

  return {
    report(tabId, frameId, { hints = [], busy = false, scanned = 0, url = '' } = {}) {
      frames(tabId).set(frameId, { hints, busy, scanned, url, at: Date.now() });
    },
    clearTab(tabId) {
      tabs.delete(tabId);
    },
    clearFrame(tabId, frameId) {
      const m = tabs.get(tabId);
      if (m) m.delete(frameId);
    },
    /** All hints in the tab, highest level first, each with its frameId. */
    hints(tabId) {
      const out = [];
      for (const [frameId, f] of tabs.get(tabId) || []) for (const h of f.hints) out.push(Object.assign({ frameId }, h));
      const rank = { high: 3, medium: 2, low: 1 };
      return out.sort((a, b) => (rank[b.level] || 0) - (rank[a.level] || 0));
    },
    badgeCount(tabId) {
      return this.hints(tabId).filter((h) => BADGE_LEVELS.has(h.level)).length;
    },
    topLevel(tabId) {
      const hs = this.hints(tabId);
      return hs.length ? hs[0].level : 'none';
    },
    /** Frame-level scan state (for the popup and for tests): busy, scanned counts. */
    frames(tabId) {
      return [...(tabs.get(tabId) || [])].map(([frameId, f]) => ({ frameId, url: f.url, busy: f.busy, scanned: f.scanned, count: f.hints.length }));
    },
    /** The tab whose top frame shows `url` (tests and the popup's fallback). */
    tabFor(url) {
      for (const [tabId, m] of tabs) if (m.get(0) && m.get(0).url === url) return tabId;
      return -1;
    },
    toJSON() {
      const out = {};
      for (const [tabId, m] of tabs) out[tabId] = [...m];
      return out;
    },
    restore(json) {
      tabs.clear();
      for (const [tabId, entries] of Object.entries(json || {})) tabs.set(Number(tabId), new Map(entries));
    },
  };
}

/** Badge text for a count: '' for none, '99+' past two digits. */
export function badgeText(count) {
  if (!count) return '';
  return count > 99 ? '99+' : String(count);
}

export function badgeColour(level) {
  return level === 'high' ? '#b91c1c' : '#b45309';
}
