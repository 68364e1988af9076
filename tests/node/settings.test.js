import test from 'node:test';
import assert from 'node:assert/strict';
import { loadLureLens } from './helpers.js';

const { settings: S } = await loadLureLens();

test('defaults stand when nothing is set', () => {
  const { settings, locked, errors } = S.merge({}, {});
  assert.equal(settings.sensitivity, 'normal');
  assert.equal(settings.show_low, false);
  assert.deepEqual(settings.allow, []);
  assert.deepEqual(locked, []);
  assert.deepEqual(errors, []);
});

test('user values override defaults, managed values override user values, key by key', () => {
  const { settings, locked } = S.merge(
    { sensitivity: 'high', show_low: true, allow: ['a.example'] },
    { sensitivity: 'low', keywords: ['天河'] },
  );
  assert.equal(settings.sensitivity, 'low');
  assert.equal(settings.show_low, true);
  assert.deepEqual(settings.allow, ['a.example']);
  assert.deepEqual(settings.keywords, ['天河']);
  assert.deepEqual(locked, ['keywords', 'sensitivity']);
});

test('managed "locked" locks a key at its default, ignoring the user value', () => {
  const { settings, locked } = S.merge({ show_low: true }, { locked: ['show_low'] });
  assert.equal(settings.show_low, false);
  assert.ok(locked.includes('show_low'));
});

test('an invalid managed value is dropped with an error and the layer below stays', () => {
  const { settings, errors } = S.merge({ sensitivity: 'high' }, { sensitivity: 'extreme', bogus: 1 });
  assert.equal(settings.sensitivity, 'high');
  assert.deepEqual(errors.map((e) => [e.source, e.key]).sort(), [['managed', 'bogus'], ['managed', 'sensitivity']]);
});

test('users cannot set organisation-only keys', () => {
  const { settings } = S.merge({ keywords: ['x'], report: 'https://evil.example' }, {});
  assert.deepEqual(settings.keywords, []);
  assert.equal(settings.report, '');
});

test('report must be https: or mailto:', () => {
  assert.equal(S.check('report', 'mailto:sec@example.com'), '');
  assert.equal(S.check('report', 'https://report.example/form'), '');
  assert.notEqual(S.check('report', 'http://report.example'), '');
  assert.notEqual(S.check('report', 'javascript:alert(1)'), '');
});

test('merge never aliases arrays of the defaults', () => {
  const { settings } = S.merge({}, {});
  settings.allow.push('x');
  assert.deepEqual(S.DEFAULTS.allow, []);
  assert.deepEqual(S.merge({}, {}).settings.allow, []);
});

test('engine policy carries only the engine keys', () => {
  const policy = S.enginePolicy(S.merge({ show_low: true }, { report: 'mailto:a@b.c' }).settings);
  assert.deepEqual(Object.keys(policy).sort(), [...S.ENGINE_KEYS].sort());
});

test('the allow list parser keeps hosts, drops blanks and comments', () => {
  assert.deepEqual(S.parseAllowList('Partner.Example.com\n\n# ours\nintranet.example , b.example'),
    ['partner.example.com', 'intranet.example', 'b.example']);
});

test('engine findings are blamed on the layer that set the key', () => {
  const found = [{ key: 'extra_rules[2]', message: 'unknown concept' }, { key: 'allow', message: 'entry 0 is not a domain name' }];
  assert.deepEqual(S.attributeErrors(found, ['extra_rules', 'sensitivity']), [
    { source: 'managed', key: 'extra_rules[2]', message: 'unknown concept' },
    { source: 'user', key: 'allow', message: 'entry 0 is not a domain name' },
  ]);
  assert.deepEqual(S.attributeErrors(undefined, []), []);
});
