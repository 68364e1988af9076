import test from 'node:test';
import assert from 'node:assert/strict';
import { loadLureLens } from './helpers.js';

const { decisions: D } = await loadLureLens();

test('"this is fine" silences everywhere; "dismiss" only on its own site', () => {
  let store = D.withDecision({}, 'fine', 'fp1', 'https://a.example', 1);
  store = D.withDecision(store, 'dismiss', 'fp2', 'https://a.example', 2);
  assert.equal(D.isSilenced(store, 'fp1', 'https://b.example'), true);
  assert.equal(D.isSilenced(store, 'fp2', 'https://a.example'), true);
  assert.equal(D.isSilenced(store, 'fp2', 'https://b.example'), false);
  assert.equal(D.isSilenced(store, 'fp3', 'https://a.example'), false);
});

test('the store is capped, oldest decisions out first', () => {
  let store = {};
  for (let i = 0; i < 12; i++) store = D.withDecision(store, 'fine', `fp${i}`, 'o', i, 10);
  assert.equal(Object.keys(store).length, 10);
  assert.equal(D.isSilenced(store, 'fp0', 'o'), false);
  assert.equal(D.isSilenced(store, 'fp11', 'o'), true);
});

test('decisions persist through the storage API and re-read before writing', async () => {
  const disk = { decisions: { 'fine:other-tab': 5 } };
  const api = { localGet: async (k) => ({ [k]: disk[k] }), localSet: async (o) => Object.assign(disk, o) };
  const d = D.createDecisions(api);
  await d.ready;
  await d.record('fine', 'fpX', 'https://a.example');
  assert.ok(disk.decisions['fine:fpX']);
  assert.ok(disk.decisions['fine:other-tab'], 'a decision made in another tab survives');
  assert.equal(d.isSilenced('fpX', 'https://z.example'), true);
});
