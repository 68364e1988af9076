import test from 'node:test';
import assert from 'node:assert/strict';
import { loadLureLens } from './helpers.js';

const { batcher: B } = await loadLureLens();
const item = (text, done = () => {}) => ({ record: { text }, done });

test('batches are bounded by record count and by total text', () => {
  const items = Array.from({ length: 7 }, (_, i) => item(`m${i}`));
  assert.deepEqual(B.splitIntoBatches(items, 3, 1e9).map((b) => b.length), [3, 3, 1]);
  const big = [item('x'.repeat(60)), item('y'.repeat(60)), item('z')];
  assert.deepEqual(B.splitIntoBatches(big, 100, 100).map((b) => b.length), [1, 2]);
});

test('one send per batch, verdicts reach their items in order', async () => {
  const calls = [];
  const b = B.createBatcher(async (records) => {
    calls.push(records.length);
    return records.map((r) => ({ id: r.id, level: r.text.startsWith('bad') ? 'high' : 'none' }));
  }, { maxRecords: 2 });
  const got = [];
  b.add(['ok1', 'bad2', 'ok3', 'bad4', 'ok5'].map((t) => item(t, (v) => got.push([t, v.level]))));
  await b.drained();
  assert.deepEqual(calls, [2, 2, 1]);
  assert.deepEqual(got.sort(), [['bad2', 'high'], ['bad4', 'high'], ['ok1', 'none'], ['ok3', 'none'], ['ok5', 'none']]);
});

test('nothing is lost when the char cap splits a batch', async () => {
  let sent = 0;
  const b = B.createBatcher(async (records) => { sent += records.length; return records.map(() => ({ level: 'none' })); },
    { maxRecords: 10, maxChars: 50 });
  let done = 0;
  b.add(Array.from({ length: 10 }, () => item('x'.repeat(20), () => done++)));
  await b.drained();
  assert.equal(sent, 10);
  assert.equal(done, 10);
});

test('a failing worker gives each item null and an error, and the queue goes on', async () => {
  let first = true;
  const b = B.createBatcher(async (records) => {
    if (first) { first = false; throw new Error('worker gone'); }
    return records.map(() => ({ level: 'low' }));
  }, { maxRecords: 1, parallel: 1 });
  const out = [];
  b.add([item('a', (v, e) => out.push([v, e])), item('b', (v, e) => out.push([v && v.level, e]))]);
  await b.drained();
  assert.deepEqual(out, [[null, 'worker gone'], ['low', undefined]]);
});

test('per-record errors from the engine reach only that record', async () => {
  const b = B.createBatcher(async (records) => records.map((r, i) => (i === 0 ? { error: 'bad record' } : { level: 'none' })));
  const out = [];
  b.add([item('a', (v, e) => out.push(e || v.level)), item('b', (v, e) => out.push(e || v.level))]);
  await b.drained();
  assert.deepEqual(out, ['bad record', 'none']);
});
