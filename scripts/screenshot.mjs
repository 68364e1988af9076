#!/usr/bin/env node
// Takes the README screenshot: the forum sample with a hint open, extension loaded.
// Usage (after ./build.sh): node scripts/screenshot.mjs [docs/screenshot-forum-hint.png]
import path from 'node:path';
import { startServer, launch, settled, focusInShadow, ROOT } from '../tests/e2e/harness.js';

const out = path.resolve(process.argv[2] || path.join(ROOT, 'docs', 'screenshot-forum-hint.png'));
const { server, url } = await startServer();
const browser = await launch();
try {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 760 });
  await page.goto(`${url}/samples/forum.html`);
  await settled(browser.worker, page);
  const id = await page.getAttribute('#p6 lurelens-hint[data-kind="message"]', 'data-lurelens-hint');
  await focusInShadow(page, 'data-lurelens-hint', id, 'class', 'badge');
  await page.waitForSelector('#p6 lurelens-hint[data-open]');
  // Bring the message near the top; the open panel follows its badge.
  await page.evaluate(() => window.scrollTo(0, document.getElementById('p6').getBoundingClientRect().top + window.scrollY - 12));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  server.close();
}
