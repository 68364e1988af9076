import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadLureLens, EXT, translatorFor, dom } from './helpers.js';

const { explain } = await loadLureLens();
const en = JSON.parse(fs.readFileSync(path.join(EXT, '_locales/en/messages.json'), 'utf8'));
const zh = JSON.parse(fs.readFileSync(path.join(EXT, '_locales/zh_CN/messages.json'), 'utf8'));

test('a verdict key maps to a chrome.i18n message name', () => {
  assert.equal(explain.messageName('rule_request_data_internal'), 'rule_request_data_internal');
  assert.equal(explain.messageName('request_data.internal'), 'request_data_internal');
  assert.equal(explain.messageName('link.ip-host'), 'link_ip_host');
});

test('a rule without its own message falls back to its family, then to the generic one', () => {
  const t = translatorFor(en);
  const own = explain.explainHint({ rule: 'x.y', family: 'reward', key: 'no_such_key_anywhere' }, t);
  assert.equal(own.usedFallback, true);
  assert.equal(own.explanation, en.family_reward.message);
  assert.equal(own.title, en.family_reward_title.message);
  const unknown = explain.explainHint({ rule: 'x.y', family: 'martian', key: '' }, t);
  assert.equal(unknown.explanation, en.family_generic.message);
  assert.equal(unknown.advice, en.family_generic_advice.message);
});

test('explanations come out in Chinese with the zh_CN messages', () => {
  const words = explain.explainHint({ rule: 'request_data.internal', family: 'request_data' }, translatorFor(zh));
  assert.match(words.title, /[\u4e00-\u9fff]/);
  assert.match(words.explanation, /[\u4e00-\u9fff]/);
});

test('stages and levels have labels', () => {
  const t = translatorFor(en);
  for (const s of explain.STAGES) assert.notEqual(explain.stageLabel(s, t), '');
  assert.equal(explain.stageLabel('self-exposure', translatorFor(zh)), zh.stage_self_exposure.message);
  assert.equal(explain.levelLabel('high', t), en.level_high.message);
});

test('reason list: one item per distinct explanation, rule ids only when asked, markup inert', () => {
  const window = dom('<ul></ul>');
  const t = (name) => (name === 'family_reward_title' ? '<img src=x onerror=alert(1)>' : translatorFor(en)(name));
  const hints = [
    { rule: 'reward.cash', family: 'reward', key: 'no_such_key' },
    { rule: 'reward.job', family: 'reward', key: 'no_such_key_either' }, // same family fallback text
    { rule: 'secrecy.delete', family: 'secrecy', key: '' },
  ];
  const plain = explain.reasonItems(window.document, hints, t);
  assert.equal(plain.length, 2);
  assert.equal(plain[0].querySelector('code'), null);
  assert.equal(plain[0].querySelector('strong').textContent, '<img src=x onerror=alert(1)>');
  assert.equal(plain[0].querySelector('img'), null);
  assert.equal(plain[1].querySelector('p').textContent, en.family_secrecy.message);
  const withRules = explain.reasonItems(window.document, hints, t, { showRule: true });
  assert.deepEqual(withRules.map((li) => li.querySelector('code').textContent), ['reward.cash', 'secrecy.delete']);
});
