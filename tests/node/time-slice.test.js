import test from 'node:test';
import assert from 'node:assert/strict';
import { loadLureLens } from './helpers.js';

const { time } = await loadLureLens();

test('a budget yields once its slice is spent, then starts a new slice', async () => {
  let clock = 0;
  let yields = 0;
  const budget = time.createBudget(8, () => clock, async () => { yields++; });
  assert.equal(await budget.check(), false);
  clock = 7;
  assert.equal(await budget.check(), false);
  clock = 8;
  assert.equal(await budget.check(), true);
  assert.equal(yields, 1);
  clock = 12;
  assert.equal(await budget.check(), false);
});

test('work in slices never holds the thread much past the slice', async () => {
  const budget = time.createBudget(8);
  let longest = 0;
  let sliceStart = performance.now();
  for (let i = 0; i < 200000; i++) {
    Math.sqrt(i);
    if (i % 64 === 0 && await budget.check()) {
      longest = Math.max(longest, performance.now() - sliceStart);
      sliceStart = performance.now();
    }
  }
  assert.ok(longest < 50, `longest slice ${longest} ms`);
});
