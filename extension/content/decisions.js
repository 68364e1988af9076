// The reader's choices about hints, kept in storage.local: "this is fine" silences a link or
// message everywhere; "dismiss" hides it on this site only. Oldest entries go past a cap.
(function (root) {
  'use strict';
  const ns = root.LureLens || (root.LureLens = {});

  const STORAGE_KEY = 'decisions';
  const MAX_ENTRIES = 5000;

  function keysFor(fp, origin) {
    return { fine: `fine:${fp}`, dismiss: `dismiss:${origin}:${fp}` };
  }

  /** Pure: is a hint with fingerprint `fp` on `origin` silenced by `store`? */
  function isSilenced(store, fp, origin) {
    const k = keysFor(fp, origin);
    return Boolean(store[k.fine] || store[k.dismiss]);
  }

  /** Pure: the store after recording a decision, trimmed to MAX_ENTRIES (oldest out). */
  function withDecision(store, decision, fp, origin, at = Date.now(), max = MAX_ENTRIES) {
    const next = Object.assign({}, store);
    next[keysFor(fp, origin)[decision]] = at;
    const keys = Object.keys(next);
    if (keys.length > max) {
      keys.sort((a, b) => next[a] - next[b]);
      for (const k of keys.slice(0, keys.length - max)) delete next[k];
    }
    return next;
  }

  function createDecisions(api) {
    let cache = {};
    const ready = api.localGet(STORAGE_KEY).then((got) => { cache = (got && got[STORAGE_KEY]) || {}; },
      () => { cache = {}; });
    return {
      ready,
      isSilenced: (fp, origin) => isSilenced(cache, fp, origin),
      async record(decision, fp, origin) {
        // Re-read first: another tab may have written since this one loaded.
        const got = await api.localGet(STORAGE_KEY);
        cache = withDecision((got && got[STORAGE_KEY]) || {}, decision, fp, origin);
        await api.localSet({ [STORAGE_KEY]: cache });
      },
      refresh(store) { cache = store || {}; },
    };
  }

  ns.decisions = Object.freeze({ STORAGE_KEY, MAX_ENTRIES, keysFor, isSilenced, withDecision, createDecisions });
})(globalThis);
