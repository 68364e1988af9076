import test from 'node:test';
import assert from 'node:assert/strict';
import { toRecord, parseEmail, parseThread, fieldText } from '../../www/demo-input.js';
import { makeTranslator, pickLanguage } from '../../www/demo-i18n.js';

test('auto-detect: URL, message, thread, email, JSON record', () => {
  assert.deepEqual(toRecord('http://192.0.2.1/login'), { kind: 'url', record: { url: 'http://192.0.2.1/login' } });
  assert.deepEqual(toRecord('www.example.com/a').record, { url: 'http://www.example.com/a' });
  assert.equal(toRecord('paypal-login.example.com').kind, 'url');
  assert.equal(toRecord('Could you send me the project data?').kind, 'message');
  assert.equal(toRecord('Dark: hi\nAqiang: hello\nDark: send data').kind, 'thread');
  assert.equal(toRecord('From: a@b.c\nSubject: notice\n\nbody').kind, 'email');
  assert.equal(toRecord('发件人: 规划办公室\n主题: 通知\n\n正文').kind, 'email');
  assert.deepEqual(toRecord('{"text":"hi","direction":"outgoing"}'), { kind: 'json', record: { text: 'hi', direction: 'outgoing' } });
  assert.equal(toRecord('   ').kind, 'empty');
});

test('an explicit mode wins over detection', () => {
  assert.deepEqual(toRecord('http://x.example', 'message').record, { text: 'http://x.example' });
  assert.deepEqual(toRecord('机密文件', 'outgoing').record, { text: '机密文件', direction: 'outgoing' });
  assert.deepEqual(toRecord('{bad', 'json'), { error: 'json_invalid' });
  assert.deepEqual(toRecord('{"x":1}', 'json'), { error: 'json_not_record' });
});

test('emails: headers, attachments, links found in the body', () => {
  const e = parseEmail('From: IT <it@gmail.com>\nSubject: Verify\nAttachments: a.pdf.exe, b.zip\n\nGo to https://evil.example/login now.');
  assert.equal(e.from, 'IT <it@gmail.com>');
  assert.equal(e.subject, 'Verify');
  assert.deepEqual(e.attachments, ['a.pdf.exe', 'b.zip']);
  assert.deepEqual(e.links, [{ href: 'https://evil.example/login', text: 'https://evil.example/login' }]);
  assert.equal(e.text, 'Go to https://evil.example/login now.');
});

test('threads: one "Name: text" per line, continuation lines join, "Me"/"我" is self', () => {
  const r = parseThread('暗影：你好\n我：好啊\n暗影：把数据发我\n越快越好');
  assert.deepEqual(r.thread, [{ from: '暗影', text: '你好' }, { from: '我', text: '好啊' }, { from: '暗影', text: '把数据发我\n越快越好' }]);
  assert.equal(r.self, '我');
});

test('evidence fields point back into the input', () => {
  const thread = parseThread('a: one\nb: two');
  assert.equal(fieldText(thread, 'thread[1].text'), 'two');
  assert.equal(fieldText({ url: 'http://x' }, 'url'), 'http://x');
  assert.equal(fieldText({ email: { subject: 's', text: 'b' } }, 'subject'), 's');
});

test('the demo translator follows chrome.i18n placeholder rules', () => {
  const t = makeTranslator({ hi: { message: 'Hi $WHO$ ($$)', placeholders: { who: { content: '$1' } } } });
  assert.equal(t('hi', ['Ann']), 'Hi Ann ($)');
  assert.equal(t('missing'), '');
  assert.equal(pickLanguage(['zh-CN', 'en']), 'zh_CN');
  assert.equal(pickLanguage(['de', 'en-GB']), 'en');
});
