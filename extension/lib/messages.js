// Names of every message between content scripts, the service worker and extension pages.
// A typo in a name would fail silently, so everyone reads them from here.
(function (root) {
  'use strict';
  const ns = root.LureLens || (root.LureLens = {});
  ns.MSG = Object.freeze({
    /** content → worker: {records, frameUrl} → {verdicts} | {error, engineDown} */
    SCAN_BATCH: 'lurelens:scan-batch',
    /** content → worker: {hints: [HintSummary]} — the full list shown in this frame */
    REPORT_HINTS: 'lurelens:report-hints',
    /** content → worker: {url, hints} → opens the interstitial in the tab */
    OPEN_INTERSTITIAL: 'lurelens:open-interstitial',
    /** popup → worker: {tabId} → {hints, engine} */
    GET_TAB_HINTS: 'lurelens:get-tab-hints',
    /** any page → worker: {} → {state, error, version} */
    GET_ENGINE_STATUS: 'lurelens:get-engine-status',
    /** options → worker: {json} → {policy, errors} */
    VALIDATE_POLICY: 'lurelens:validate-policy',
    /** options/popup → worker: {} → {settings, locked, errors} */
    GET_SETTINGS: 'lurelens:get-settings',
  });
})(globalThis);
