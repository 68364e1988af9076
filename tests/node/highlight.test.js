import test from 'node:test';
import assert from 'node:assert/strict';
import { loadLureLens, dom } from './helpers.js';

const { highlight } = await loadLureLens();

test('spans are clamped, sorted and merged', () => {
  assert.deepEqual(highlight.normaliseSpans([{ start: 5, end: 9 }, { start: 0, end: 2 }, { start: 8, end: 12 }, { start: 20, end: 30 }], 15),
    [[0, 2], [5, 12]]);
  assert.deepEqual(highlight.normaliseSpans([{ start: 4, end: 4 }, { start: -3, end: 1 }], 10), [[0, 1]]);
});

test('highlighting builds text and <mark> nodes only: markup in page text stays inert', () => {
  const win = dom('');
  const text = 'send data <img src=x onerror=alert(1)> now';
  const frag = highlight.buildHighlighted(win.document, text, [{ start: 0, end: 9 }, { start: 10, end: 38 }]);
  const box = win.document.createElement('div');
  box.appendChild(frag);
  assert.equal(box.textContent, text);
  assert.equal(box.querySelectorAll('img').length, 0);
  assert.deepEqual([...box.querySelectorAll('mark')].map((m) => m.textContent), ['send data', '<img src=x onerror=alert(1)>']);
});

test('spans count UTF-16 code units, as the engine emits them', () => {
  const win = dom('');
  const text = '😀 机密 data';
  const start = text.indexOf('机密');
  const frag = highlight.buildHighlighted(win.document, text, [{ start, end: start + 2 }]);
  const box = win.document.createElement('div');
  box.appendChild(frag);
  assert.equal(box.querySelector('mark').textContent, '机密');
});

test('excerpts of long text keep the evidence and say where text was cut', () => {
  const text = `${'a'.repeat(1000)}NEEDLE${'b'.repeat(1000)}`;
  const cut = highlight.excerpt(text, [{ start: 1000, end: 1006 }], 100);
  assert.ok(cut.cutStart && cut.cutEnd);
  assert.ok(cut.text.length <= 100);
  const [[a, b]] = cut.spans;
  assert.equal(cut.text.slice(a, b), 'NEEDLE');
});

test('excerpts never split a surrogate pair', () => {
  const text = '😀'.repeat(300);
  const cut = highlight.excerpt(text, [{ start: 101, end: 103 }], 50);
  assert.ok(!/^[\udc00-\udfff]/.test(cut.text));
});

test('spansFor picks evidence of one field', () => {
  const hints = [{ evidence: [{ field: 'url', start: 1, end: 2 }, { field: 'text', start: 3, end: 4 }] }];
  assert.deepEqual(highlight.spansFor(hints, 'url'), [{ start: 1, end: 2 }]);
});
