// Bad input and big pages. With a 10 MB text node, and with 5,000 messages and 20,000 links,
// no script task of the extension runs 100 ms or more (measured from a DevTools trace of the
// page's main thread, garbage collection set apart). The 100,000-link page takes minutes on
// this machine, so ./build.sh bench measures it (benches/browser-bench.mjs) instead.
import test from 'node:test';
import assert from 'node:assert/strict';
import { extensionReady, serverAndBrowser, settled, waitFor } from './harness.js';

const skip = extensionReady() ? false : 'extension/pkg or /usr/bin/chromium missing: run ./build.sh first';
const SCRIPT_EVENTS = new Set(['TimerFire', 'FireIdleCallback', 'RunMicrotasks', 'FunctionCall', 'EventDispatch', 'FireAnimationFrame']);
const fx = serverAndBrowser({}, skip);

/** Loads the stress page under a trace; returns the longest script event after the page was built. */
async function tracedScan(query) {
  const page = await fx.browser.context.newPage();
  const cdp = await fx.browser.context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => { for (const ev of e.value) if (ev.ph === 'X' || ev.ph === 'M') events.push(ev); });
  const complete = new Promise((resolve) => cdp.on('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', '__metadata'] }, transferMode: 'ReportEvents' });
  await page.goto(`${fx.baseUrl}/samples/stress.html?${query}`, { timeout: 120000 });
  const expected = await page.evaluate(() => window.__expectedHints);
  await waitFor(() => page.evaluate((n) => document.querySelectorAll('lurelens-hint').length >= n, expected),
    { timeout: 200000, interval: 500, what: `${expected} hints` });
  const state = await settled(fx.browser.worker, page, { timeout: 60000 });
  await cdp.send('Tracing.end');
  await complete;
  const mainThreads = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`));
  // The page builds itself in stress.js; every script task after that is ours (the page's
  // own probe only runs a 20 ms heartbeat).
  const build = events.find((e) => e.name === 'EvaluateScript' && /stress\.js$/.test((e.args.data || {}).url || ''));
  assert.ok(build, 'the trace shows the page building itself');
  const after = events.filter((e) => e.ph === 'X' && SCRIPT_EVENTS.has(e.name) && mainThreads.has(`${e.pid}:${e.tid}`) &&
    e.ts >= build.ts + build.dur);
  // Garbage collection pauses land in whichever task allocates; on a page of 300,000 nodes
  // tracing the DOM dominates them. Script time is the task minus the GC inside it.
  const gcs = events.filter((e) => e.ph === 'X' && /GC/.test(e.name) && mainThreads.has(`${e.pid}:${e.tid}`));
  const gcInside = (t) => {
    let total = 0;
    let coveredUntil = 0;
    for (const g of gcs) {
      if (g.pid !== t.pid || g.tid !== t.tid || g.ts < t.ts || g.ts + g.dur > t.ts + t.dur) continue;
      if (g.ts >= coveredUntil) { total += g.dur; coveredUntil = g.ts + g.dur; } // outermost GC events only
    }
    return total;
  };
  let worst = null;
  let longestGc = 0;
  for (const e of after) {
    const gc = gcInside(e);
    const script = e.dur - gc;
    longestGc = Math.max(longestGc, gc / 1000);
    if (!worst || script > worst.script) worst = { event: e, script };
  }
  const longest = worst ? worst.script / 1000 : 0;
  if (process.env.LURELENS_DEBUG && worst) {
    const w = worst.event;
    const inside = events.filter((e) => e.ph === 'X' && e.pid === w.pid && e.tid === w.tid && e.ts >= w.ts && e.ts + e.dur <= w.ts + w.dur && e.dur > 2000);
    console.log(inside.map((e) => `${e.name}:${(e.dur / 1000).toFixed(1)}`).join(' '));
  }
  const hints = await page.locator('lurelens-hint').count();
  await page.close();
  return { longest, longestGc, hints, expected, badge: state.badge };
}

test('5,000 messages and 20,000 links: no extension script task of 100 ms', { skip, timeout: 240000 }, async (t) => {
  const r = await tracedScan('messages=5000&links=20000');
  t.diagnostic(`longest script task after the page was built: ${r.longest.toFixed(1)} ms (longest GC inside a task: ${r.longestGc.toFixed(1)} ms); ${r.hints} hints`);
  assert.ok(r.hints >= r.expected, `${r.hints} hints of ${r.expected}`);
  assert.ok(r.longest < 100, `longest script task ${r.longest.toFixed(1)} ms`);
});

test('a 10 MB text node: read capped, no extension script task of 100 ms', { skip, timeout: 120000 }, async (t) => {
  const r = await tracedScan('messages=200&links=200&bigtext=10');
  t.diagnostic(`longest script task after the page was built: ${r.longest.toFixed(1)} ms (longest GC inside a task: ${r.longestGc.toFixed(1)} ms); ${r.hints} hints`);
  assert.ok(r.hints >= r.expected, `${r.hints} hints of ${r.expected}`);
  assert.ok(r.longest < 100, `longest script task ${r.longest.toFixed(1)} ms`);
});
