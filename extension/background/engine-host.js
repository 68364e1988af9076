// Hosts the WASM engine in the service worker: one init promise, one Engine per policy, and
// recovery — if scoring throws (a panic aborts the instance), the engine is built again and
// the batch retried once. If the module itself cannot load, the state is "down" for good.

/**
 * `loadModule()` resolves once the WASM module is instantiated; `makeEngine(policyJson)`
 * builds an Engine. Both are injected so the logic is testable without WASM.
 */
export function createEngineHost({ loadModule, makeEngine, onStateChange = () => {} }) {
  let state = 'loading';
  let error = '';
  let engine = null;
  let policyJson = '{}';
  let policyError = '';
  let policyErrors = [];

  function setState(next, why = '') {
    state = next;
    error = why;
    onStateChange(state, error);
  }

  function build() {
    try {
      engine = makeEngine(policyJson);
      policyError = '';
      // A lenient engine lists the keys and extra rules it dropped (their defaults apply).
      policyErrors = typeof engine.policyErrors === 'function' ? Array.from(engine.policyErrors()) : [];
    } catch (err) {
      // A policy the engine refuses must not leave the reader unprotected: fall back.
      policyError = String(err && err.message || err);
      policyErrors = [];
      engine = makeEngine('{}');
    }
  }

  // The engine itself is built by setPolicy, or by the first batch if no policy came first.
  const ready = Promise.resolve()
    .then(loadModule)
    .then(() => setState('ready'))
    .catch((err) => { engine = null; setState('down', String(err && err.message || err)); });

  return {
    ready,
    get state() { return state; },
    get error() { return error; },
    get policyError() { return policyError; },
    /** [{key, message}] for each part of the policy the engine dropped. */
    get policyErrors() { return policyErrors; },
    engine: () => engine,

    /** Applies a new policy (JSON string); takes effect for the next batch. */
    async setPolicy(json) {
      policyJson = json || '{}';
      await ready;
      if (state !== 'ready') return;
      try { build(); } catch (err) { setState('down', String(err && err.message || err)); }
    },

    /** Scores records; resolves {verdicts} or {error, engineDown}. Never rejects. */
    async score(records) {
      await ready;
      if (state !== 'ready') return { error: error || 'engine not loaded', engineDown: true };
      if (!Array.isArray(records)) return { error: 'records must be an array' };
      for (let attempt = 0; attempt < 2; attempt++) {
        try {
          if (!engine) build();
          const verdicts = engine.scoreBatch(records);
          return { verdicts: Array.from(verdicts) };
        } catch (err) {
          if (attempt === 1) return { error: String(err && err.message || err) };
          engine = null;
          try { build(); } catch (rebuildErr) {
            setState('down', String(rebuildErr && rebuildErr.message || rebuildErr));
            return { error, engineDown: true };
          }
        }
      }
      return { error: 'unreachable' };
    },
  };
}
