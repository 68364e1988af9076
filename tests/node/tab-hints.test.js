import test from 'node:test';
import assert from 'node:assert/strict';
import { createTabHints, badgeText } from '../../extension/background/tab-hints.js';

const h = (level) => ({ id: 'x', level, kind: 'link', rules: [], families: [], keys: [], label: '' });

test('the badge counts medium and high hints over all frames of a tab', () => {
  const tabs = createTabHints();
  tabs.report(1, 0, { hints: [h('high'), h('low')] });
  tabs.report(1, 7, { hints: [h('medium')] });
  tabs.report(2, 0, { hints: [h('high')] });
  assert.equal(tabs.badgeCount(1), 2);
  assert.equal(tabs.topLevel(1), 'high');
  assert.deepEqual(tabs.hints(1).map((x) => x.level), ['high', 'medium', 'low']);
});

test('a frame report replaces that frame; navigation clears the tab', () => {
  const tabs = createTabHints();
  tabs.report(1, 0, { hints: [h('high'), h('high')] });
  tabs.report(1, 0, { hints: [h('medium')] });
  assert.equal(tabs.badgeCount(1), 1);
  tabs.clearTab(1);
  assert.equal(tabs.badgeCount(1), 0);
});

test('state survives a worker restart through JSON', () => {
  const tabs = createTabHints();
  tabs.report(3, 0, { hints: [h('high')] });
  const again = createTabHints();
  again.restore(JSON.parse(JSON.stringify(tabs.toJSON())));
  assert.equal(again.badgeCount(3), 1);
});

test('badge text', () => {
  assert.equal(badgeText(0), '');
  assert.equal(badgeText(7), '7');
  assert.equal(badgeText(120), '99+');
});
