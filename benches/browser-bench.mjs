#!/usr/bin/env node
// Browser benchmark (./build.sh bench): a generated page with 5,000 messages and 20,000 links,
// with the extension on and off — time from load to all hints, the longest main-thread task
// after the page was built — plus a bad-input page (100,000 links and a 10 MB text node), the
// .wasm size raw and gzipped, and WASM batch throughput against the native scanner.
// Options: --messages N --links N --json (print the figures as JSON too).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { ROOT, launch, startServer, waitFor, settled } from '../tests/e2e/harness.js';

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 ? Number(args[i + 1]) : dflt; };
const MESSAGES = opt('messages', 5000);
const LINKS = opt('links', 20000);
const results = {};

const ms = (x) => `${Math.round(x)} ms`;
const kb = (x) => `${(x / 1024).toFixed(0)} KB`;

/** Loads the page and measures; with the extension, waits for every expected hint. */
async function measurePage(browser, baseUrl, query, { withExtension }) {
  const page = await browser.context.newPage();
  const t0 = Date.now();
  await page.goto(`${baseUrl}/samples/stress.html?${query}`, { timeout: 120000 });
  const built = await page.evaluate(() => window.__built);
  const expected = await page.evaluate(() => window.__expectedHints);
  let allHintsAt = null;
  if (withExtension) {
    await waitFor(() => page.evaluate((n) => document.querySelectorAll('lurelens-hint').length >= n, expected),
      { timeout: 180000, interval: 200, what: `${expected} hints` });
    await settled(browser.worker, page, { timeout: 180000 });
    allHintsAt = await page.evaluate(() => window.__hints.lastAt);
  } else {
    // Same quiet period as "settled", so both runs observe the page equally long.
    await page.waitForTimeout(1500);
  }
  const m = await page.evaluate((builtAt) => {
    const tasks = window.__longTasks || [];
    const from = Math.max(builtAt, window.__settledAt);
    const after = tasks.filter((t) => t.start >= from);
    // Script time of the extension's content scripts in long animation frames.
    const ours = (window.__frames || []).flatMap((f) => f.scripts).filter((s) => s.url.startsWith('chrome-extension://'));
    const frames = (window.__frames || []).filter((f) => f.start >= from);
    return {
      longestAfterBuild: after.reduce((x, t) => Math.max(x, t.duration), 0),
      longestBlocked: window.__blocked.max,
      longTasksAfterBuild: after.length,
      longestExtensionScript: ours.reduce((x, s) => Math.max(x, s.duration), 0),
      longestRender: frames.reduce((x, f) => Math.max(x, f.render), 0),
      hints: document.querySelectorAll('lurelens-hint').length,
      nav: performance.getEntriesByType('navigation')[0].loadEventEnd,
    };
  }, built);
  await page.close();
  return { ...m, built, expected, allHintsAt, loadToAllHints: allHintsAt ? allHintsAt - m.nav : null, wall: Date.now() - t0 };
}

async function browserRuns(baseUrl) {
  const query = `messages=${MESSAGES}&links=${LINKS}`;
  const off = await launch({ extension: false });
  try {
    results.off = await measurePage(off, baseUrl, query, { withExtension: false });
  } finally { await off.close(); }
  const on = await launch();
  try {
    results.on = await measurePage(on, baseUrl, query, { withExtension: true });
    results.manyLinks = await measurePage(on, baseUrl, 'messages=200&links=100000', { withExtension: true });
    results.bigText = await measurePage(on, baseUrl, 'messages=200&links=200&bigtext=10', { withExtension: true });
  } finally { await on.close(); }
}

function wasmSize() {
  const file = path.join(ROOT, 'extension', 'pkg', 'lurelens_bg.wasm');
  const raw = fs.readFileSync(file);
  results.wasm = { raw: raw.length, gzip: zlib.gzipSync(raw, { level: 9 }).length };
}

/** The stress page's records, as the content script would send them. */
function stressRecords() {
  const require = createRequire(import.meta.url);
  require(path.join(ROOT, 'www', 'samples', 'stress-data.js'));
  const { message, link } = globalThis.LureLensStress;
  const records = [];
  for (let i = 0; i < MESSAGES; i++) { const m = message(i); records.push({ text: m.text, from: m.from }); }
  for (let i = 0; i < LINKS; i++) { const l = link(i); records.push({ url: l.href, text: l.text }); }
  return records;
}

async function throughput() {
  const records = stressRecords();
  const pkg = await import(path.join(ROOT, 'www', 'pkg', 'lurelens.js'));
  pkg.initSync({ module: fs.readFileSync(path.join(ROOT, 'www', 'pkg', 'lurelens_bg.wasm')) });
  const engine = new pkg.Engine('{}');
  engine.scoreBatch(records.slice(0, 300)); // warm up
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < records.length; i += 300) engine.scoreBatch(records.slice(i, i + 300));
  const wasmMs = Number(process.hrtime.bigint() - t0) / 1e6;

  const bin = path.join(ROOT, 'target', 'release', 'lurelens');
  if (!fs.existsSync(bin)) execFileSync('cargo', ['build', '--release', '--bin', 'lurelens'], { cwd: ROOT, stdio: 'inherit' });
  const input = path.join(os.tmpdir(), `lurelens-bench-${process.pid}.jsonl`);
  fs.writeFileSync(input, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  spawnSync(bin, ['scan', input], { maxBuffer: 1 << 30 }); // warm the page cache
  const t1 = process.hrtime.bigint();
  const run = spawnSync(bin, ['scan', input], { maxBuffer: 1 << 30 });
  const nativeMs = Number(process.hrtime.bigint() - t1) / 1e6;
  fs.rmSync(input);
  if (run.status !== 0) throw new Error(`native scan failed: ${run.stderr}`);
  results.throughput = {
    records: records.length,
    wasmMs, nativeMs,
    wasmPerSec: records.length / (wasmMs / 1000),
    nativePerSec: records.length / (nativeMs / 1000),
  };
}

function report() {
  const { off, on, manyLinks, bigText, wasm, throughput: tp } = results;
  console.log(`\nLureLens browser benchmark — ${MESSAGES} messages, ${LINKS} links (Chromium, headless)`);
  console.log(`  page built in (extension off / on):      ${ms(off.built)} / ${ms(on.built)}`);
  console.log(`  load → all hints (extension on):         ${ms(on.loadToAllHints)}  (${on.hints} hints, ${on.expected} expected)`);
  console.log(`  main thread after the page's first frame — longest block (heartbeat) / longest long task / longest render:`);
  console.log(`    extension off: ${ms(off.longestBlocked)} / ${ms(off.longestAfterBuild)} (${off.longTasksAfterBuild} long tasks) / ${ms(off.longestRender)}`);
  console.log(`    extension on:  ${ms(on.longestBlocked)} / ${ms(on.longestAfterBuild)} (${on.longTasksAfterBuild} long tasks) / ${ms(on.longestRender)}`);
  for (const [name, r] of [['100,000 links', manyLinks], ['10 MB text node', bigText]]) {
    console.log(`  bad input, ${name}: longest block ${ms(r.longestBlocked)}, longest long task ${ms(r.longestAfterBuild)}, longest render ${ms(r.longestRender)}, longest extension script in a long frame ${ms(r.longestExtensionScript)}; all ${r.hints} hints ${ms(r.loadToAllHints)} after load`);
  }
  console.log(`  .wasm: ${kb(wasm.raw)} raw, ${kb(wasm.gzip)} gzipped`);
  console.log(`  throughput on ${tp.records} records: WASM (Node, batches of 300) ${Math.round(tp.wasmPerSec)}/s in ${ms(tp.wasmMs)}; native CLI ${Math.round(tp.nativePerSec)}/s in ${ms(tp.nativeMs)} (incl. process start and JSON I/O)`);
  if (args.includes('--json')) console.log(JSON.stringify(results, null, 2));
}

const { server, url } = await startServer();
try {
  wasmSize();
  await throughput();
  await browserRuns(url);
  report();
} finally {
  server.close();
}
