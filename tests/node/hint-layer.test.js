import test from 'node:test';
import assert from 'node:assert/strict';
import { loadLureLens, dom } from './helpers.js';

const L = await loadLureLens();

test('a page is large from LARGE_PAGE_ELEMENTS elements on', () => {
  const n = L.hintLayer.LARGE_PAGE_ELEMENTS;
  const small = dom('<ul>' + '<li></li>'.repeat(100) + '</ul>');
  assert.equal(L.hintLayer.isLargePage(small.document), false);
  const large = dom('<ul>' + '<li></li>'.repeat(n) + '</ul>');
  assert.equal(L.hintLayer.isLargePage(large.document), true);
});

test('hosts sit at their targets, outside the page flow, and leave with them', async () => {
  const win = dom('<p><a id="a" href="https://x.example/">x</a></p><div id="m"><b class="author">Li</b> hi</div><p id="gone">y</p>');
  const doc = win.document;
  // jsdom does no layout: give the targets (and the layer) boxes in viewport coordinates.
  const boxes = { a: [{ left: 10, right: 60, top: 100 }], author: [{ left: 5, right: 25, top: 300 }], gone: [{ left: 0, right: 9, top: 0 }] };
  win.Element.prototype.getClientRects = function () { return boxes[this.id || this.className] || []; };
  win.Element.prototype.getBoundingClientRect = function () { return { left: -4, top: -50 }; }; // the page has scrolled
  win.requestAnimationFrame = (fn) => setTimeout(fn, 0);
  const layer = L.hintLayer.createHintLayer(doc);
  const hosts = ['a', 'm', 'gone'].map(() => doc.createElement('lurelens-hint'));
  layer.add(hosts[0], doc.getElementById('a'), 'link');
  layer.add(hosts[1], doc.getElementById('m'), 'message');
  layer.add(hosts[2], doc.getElementById('gone'), 'message');
  doc.getElementById('gone').remove();
  layer.reposition();
  await new Promise((r) => setTimeout(r, 80)); // a frame, or the 50 ms fallback timer
  const box = doc.querySelector('lurelens-layer');
  assert.equal(box.parentNode, doc.documentElement, 'outside body: the page flow is untouched');
  assert.equal(hosts[0].parentNode, box);
  assert.equal(hosts[0].style.position, 'absolute');
  assert.equal(hosts[0].style.transform, 'translate(66px, 150px)', 'after the link');
  assert.equal(hosts[1].style.transform, 'translate(31px, 350px)', 'after the sender');
  assert.equal(hosts[2].isConnected, false, 'a host whose target left goes too');
  assert.equal(layer.size, 2);
});
