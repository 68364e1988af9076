import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadLureLens, EXT, translatorFor } from './helpers.js';

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
