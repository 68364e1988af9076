import test from 'node:test';
import assert from 'node:assert/strict';
import { loadLureLens, dom, translatorFor, EXT } from './helpers.js';
import fs from 'node:fs';
import path from 'node:path';

const L = await loadLureLens();
const en = JSON.parse(fs.readFileSync(path.join(EXT, '_locales/en/messages.json'), 'utf8'));

test('a target shows the stronger of its own and its thread verdict, with both hints', () => {
  const own = { kind: 'message', level: 'low', hints: [{ rule: 'gift.free', family: 'gift' }], stages: [] };
  const thread = { kind: 'thread', level: 'high', hints: [{ rule: 'gift.free', family: 'gift' }, { rule: 'reward.transfer', family: 'reward' }], stages: ['approach', 'extract'] };
  const m = L.scanner.combine({ own, thread });
  assert.equal(m.level, 'high');
  assert.equal(m.kind, 'thread');
  assert.deepEqual(m.hints.map((h) => h.rule), ['gift.free', 'reward.transfer']);
  assert.deepEqual(m.stages, ['approach', 'extract']);
  assert.equal(L.scanner.combine({ own: { level: 'none', hints: [] } }), null);
});

test('low hints show only when asked; silenced hints never', () => {
  const low = { level: 'low', hints: [] };
  assert.equal(L.scanner.shouldShow(low, { show_low: false }, false), false);
  assert.equal(L.scanner.shouldShow(low, { show_low: true }, false), true);
  assert.equal(L.scanner.shouldShow({ level: 'high', hints: [] }, { show_low: false }, true), false);
});

test('Enter sends from chat boxes, not from multi-line textareas', () => {
  const { document } = dom('<textarea id="multi" rows="6"></textarea><textarea id="one" rows="1"></textarea><div id="ce" contenteditable></div>');
  const key = (o) => Object.assign({ key: 'Enter', shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, isComposing: false }, o);
  assert.equal(L.outgoing.isSendKey(key({}), document.getElementById('multi')), false);
  assert.equal(L.outgoing.isSendKey(key({ ctrlKey: true }), document.getElementById('multi')), true);
  assert.equal(L.outgoing.isSendKey(key({}), document.getElementById('one')), true);
  assert.equal(L.outgoing.isSendKey(key({}), document.getElementById('ce')), true);
  assert.equal(L.outgoing.isSendKey(key({ shiftKey: true }), document.getElementById('ce')), false);
  assert.equal(L.outgoing.isSendKey(key({ isComposing: true }), document.getElementById('ce')), false);
});

test('a send button finds the compose box of its form or its neighbourhood', () => {
  const { document } = dom('<form><textarea id="a"></textarea><button id="b">Send</button></form><div><div><div id="c" contenteditable="true"></div></div><button id="d">Send</button></div>');
  assert.deepEqual(L.outgoing.composeBoxesFor(document.getElementById('b')).map((e) => e.id), ['a']);
  assert.deepEqual(L.outgoing.composeBoxesFor(document.getElementById('d')).map((e) => e.id), ['c']);
});

test('a hint renders in a closed shadow root, page text as text only', () => {
  const win = dom('<p id="msg">x</p>');
  const doc = win.document;
  const model = {
    id: 'h1', kind: 'message', level: 'high', stages: [], field: 'text',
    fieldText: 'send it <img src=x onerror=alert(1)>',
    hints: [{ rule: 'request_data.internal', family: 'request_data', key: 'nope', evidence: [{ field: 'text', start: 0, end: 7 }] }],
  };
  const ui = L.hintUi.createHint(doc, model, { t: translatorFor(en), onAction() {}, reportEnabled: false });
  L.hintUi.placeHost(ui.host, doc.getElementById('msg'), 'message');
  assert.equal(ui.host.shadowRoot, null, 'closed: the page cannot reach in');
  assert.equal(ui.host.getAttribute('data-level'), 'high');
  assert.equal(ui.host.getAttribute('data-rules'), 'request_data.internal');
  assert.equal(doc.getElementById('msg').firstChild, ui.host);
  assert.equal(doc.querySelectorAll('img').length, 0);
});

test('report links carry rule ids and the link, and page text only when the reader ticks it', () => {
  const model = { kind: 'link', level: 'high', url: 'http://evil.example/x', fieldText: 'secret words', hints: [{ rule: 'link.ip_host' }] };
  const mail = L.report.buildReportUrl('mailto:sec@example.com', model, 'https://forum.example/t/1');
  assert.match(mail, /^mailto:sec@example\.com\?subject=/);
  assert.match(decodeURIComponent(mail), /link\.ip_host/);
  assert.doesNotMatch(decodeURIComponent(mail), /secret words/);
  const web = new URL(L.report.buildReportUrl('https://report.example/form', model, ''));
  assert.equal(web.searchParams.get('rules'), 'link.ip_host');
  assert.equal(L.report.buildReportUrl('', model, ''), '');
  assert.equal(L.report.buildReportUrl('javascript:alert(1)', model, ''), '');
  const ticked = { includeText: true };
  assert.match(decodeURIComponent(L.report.buildReportUrl('mailto:sec@example.com', model, '', ticked)), /secret words/);
  const webText = new URL(L.report.buildReportUrl('https://report.example/form', model, '', ticked));
  assert.equal(webText.searchParams.get('text'), 'secret words');
  const long = Object.assign({}, model, { fieldText: 'x'.repeat(5000) });
  assert.ok(L.report.buildReportUrl('mailto:sec@example.com', long, '', ticked).length < 1300, 'capped');
});

test('the report button passes the "include text" tick, off by default', () => {
  const win = dom('<p id="msg">x</p>');
  const doc = win.document;
  // The root is closed to the page; the test keeps a handle on it the way a debugger would.
  let root = null;
  const attach = win.Element.prototype.attachShadow;
  win.Element.prototype.attachShadow = function (init) { root = attach.call(this, init); return root; };
  const model = {
    id: 'h2', kind: 'message', level: 'high', stages: [], field: 'text', fieldText: 'send the drawings',
    hints: [{ rule: 'request_data.internal', family: 'request_data', key: 'nope', evidence: [] }],
  };
  const choices = [];
  L.hintUi.createHint(doc, model, { t: translatorFor(en), reportEnabled: true, onAction: (act, m, choice) => choices.push([act, choice.includeText]) });
  const box = root.querySelector('input[data-include-text]');
  const report = root.querySelector('button[data-act="report"]');
  assert.equal(box.checked, false);
  report.click();
  box.checked = true;
  report.click();
  assert.deepEqual(choices, [['report', false], ['report', true]]);
});
