// Cooperative scheduling: work runs in slices of a few milliseconds and yields to the page
// between them, so no task the extension causes comes near 100 ms however large the page.
(function (root) {
  'use strict';
  const ns = root.LureLens || (root.LureLens = {});

  const SLICE_MS = 8;
  const now = () => (root.performance ? root.performance.now() : Date.now());

  /** Resolves at the next idle period (or soon, where requestIdleCallback is missing). */
  function idle(timeout = 200) {
    return new Promise((resolve) => {
      if (typeof root.requestIdleCallback === 'function') {
        root.requestIdleCallback((deadline) => resolve(deadline), { timeout });
      } else {
        setTimeout(() => resolve(null), 1);
      }
    });
  }

  /** Yields to the event loop (a macrotask, so input and rendering can run). */
  function yieldToPage() {
    return new Promise((resolve) => setTimeout(resolve, 0));
  }

  /**
   * A budget that says when the current slice is spent. `await budget.check()` yields when
   * the slice is over and starts a fresh one.
   */
  function createBudget(sliceMs = SLICE_MS, clock = now, yielder = yieldToPage) {
    let started = clock();
    return {
      spent() {
        return clock() - started >= sliceMs;
      },
      async check() {
        if (clock() - started >= sliceMs) {
          await yielder();
          started = clock();
          return true;
        }
        return false;
      },
      restart() {
        started = clock();
      },
    };
  }

  ns.time = Object.freeze({ SLICE_MS, now, idle, yieldToPage, createBudget });
})(globalThis);
