// Measurement probe for the stress page (benchmark and bad-input tests): records every long
// task (> 50 ms) of the main thread from the start, and when LureLens hints arrive.
// window.__longTasks = [{start, duration}], window.__hints = {count, lastAt}, window.__blocked, and
// window.__frames: long animation frames with the scripts that ran in them (their source URL
// tells the extension's content scripts from the page's own).
(function () {
  'use strict';
  window.__longTasks = [];
  window.__hints = { count: 0, lastAt: 0 };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (err) {
    window.__longTasks = null; // no Long Tasks API in this browser
  }
  window.__frames = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__frames.push({
          start: e.startTime, duration: e.duration,
          render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
          scripts: e.scripts.map((s) => ({ url: s.sourceURL, invoker: s.invoker, duration: s.duration })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch (err) {
    window.__frames = null; // no Long Animation Frames API in this browser
  }
  // Heartbeat: how late a 20 ms timer fires is how long the main thread was blocked (by any
  // task: scripts of the page or of an extension, style, layout, paint).
  // Measured from the page's first rendered frame after load: that first layout is the
  // page's own cost, with or without an extension.
  window.__blocked = { max: 0, at: 0, since: 0 };
  window.__settledAt = Infinity;
  window.addEventListener('load', () => requestAnimationFrame(() => requestAnimationFrame(() => {
    window.__settledAt = performance.now();
  })));
  let expected = 0;
  function beat() {
    const now = performance.now();
    if (expected && now > window.__settledAt) {
      const late = now - expected;
      if (late > window.__blocked.max) window.__blocked = { max: late, at: now, since: window.__settledAt };
    }
    expected = now + 20;
    setTimeout(beat, 20);
  }
  setTimeout(beat, 20);
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.nodeType === 1 && n.tagName === 'LURELENS-HINT') {
          window.__hints.count++;
          window.__hints.lastAt = performance.now();
        }
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
