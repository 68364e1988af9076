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

test('a loop checking its budget yields once per slice of clock time', async () => {
  // The clock is injected: wall-clock time on a shared machine is not a test input.
  let clock = 0;
  let yields = 0;
  const budget = time.createBudget(8, () => clock, async () => { yields++; });
  for (let i = 0; i < 1000; i++) {
    clock += 0.5; // each unit of work "takes" half a millisecond
    await budget.check();
  }
  assert.equal(yields, Math.floor(500 / 8));
});
