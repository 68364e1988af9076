// Content-script entry: wires settings, remembered decisions, the scanner, the link guard and
// the outgoing check together. If the worker says the engine is down, the page is left alone.
(function (root) {
  'use strict';
  const ns = root.LureLens;
  if (!ns || ns.started || !ns.api.available) return;
  ns.started = true;
  const doc = root.document;
  if (!doc || !(doc.documentElement instanceof root.HTMLElement)) return; // XML, SVG, PDF viewers

  const api = ns.api;
  let settings = ns.settings.merge({}, {}).settings;
  const decisions = ns.decisions.createDecisions(api);
  let scanner = null;
  const teardown = [];

  async function loadSettings() {
    const reply = await api.send({ type: ns.MSG.GET_SETTINGS });
    if (reply && reply.settings) settings = reply.settings;
    return reply;
  }

  async function scoreOutgoing(text) {
    const reply = await api.send({ type: ns.MSG.SCAN_BATCH, records: [{ text, direction: 'outgoing' }] });
    if (!reply || reply.error || !reply.verdicts) throw new Error((reply && reply.error) || 'no verdict');
    return reply.verdicts[0];
  }

  function shutDown() {
    while (teardown.length) teardown.pop()();
  }

  async function startUp() {
    const [status] = await Promise.all([loadSettings(), decisions.ready]);
    if (!status || status.engineDown || status.error) return; // engine down: touch nothing
    scanner = ns.scanner.createScanner({
      doc, api, decisions, getSettings: () => settings, onEngineDown: shutDown,
    });
    teardown.push(ns.linkGuard.installLinkGuard(doc, (link) => scanner.modelOf(link), (info) => {
      api.send(Object.assign({ type: ns.MSG.OPEN_INTERSTITIAL, mode: settings.interstitial }, info));
    }));
    teardown.push(ns.outgoing.installOutgoingCheck(doc, { score: scoreOutgoing, t: api.t }));
    api.onStorageChanged((changes, area) => {
      if (area === 'local' && changes[ns.decisions.STORAGE_KEY]) {
        decisions.refresh(changes[ns.decisions.STORAGE_KEY].newValue);
        scanner.rerenderAll();
      }
      // "policyStamp" is written by the worker when a managed policy arrived or changed.
      if (area === 'local' && (changes[ns.settings.STORAGE_KEY] || changes.policyStamp)) {
        // The worker rebuilds the engine first; then verdicts may differ, so score again.
        setTimeout(() => loadSettings().then(() => scanner.rescanAll()), 100);
      }
    });
    scanner.start();
  }

  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', startUp, { once: true });
  else startUp();
})(globalThis);
