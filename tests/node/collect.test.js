import test from 'node:test';
import assert from 'node:assert/strict';
import { loadLureLens, dom } from './helpers.js';

const { collect: C, text: T } = await loadLureLens();

const FORUM = `
<section class="posts">
  <article id="a1"><header><span class="author">Anying Dark</span></header>
    <div class="content"><p>Hi, fellow designer here!</p><p>I share models for free.</p><p>Third paragraph.</p></div></article>
  <article id="a2"><header><span class="author">Li Wei</span></header><div class="content"><p>Thanks all.</p></div></article>
</section>`;

test('text inside an article belongs to the article, not to its paragraphs', () => {
  const { document } = dom(FORUM);
  const p = document.querySelector('#a1 p:nth-child(2)');
  assert.equal(C.messageBlockOf(p.firstChild), document.getElementById('a1'));
});

test('sender and body are read apart; the sender line is not message text', () => {
  const { document } = dom(FORUM);
  const msg = C.readMessage(document.getElementById('a1'), 4000);
  assert.equal(msg.from, 'Anying Dark');
  assert.equal(msg.text, 'Hi, fellow designer here! I share models for free. Third paragraph.');
  assert.equal(msg.self, false);
});

test('repeated sibling blocks are messages even without semantic markup', () => {
  const { document } = dom(`<div id="wall">
    <div class="m"><b class="nick">A</b> <span class="text">one message here</span></div>
    <div class="m"><b class="nick">B</b> <span class="text">two message here</span></div>
    <div class="m me"><b class="nick">Me</b> <span class="text">three message here</span></div></div>`);
  const third = document.querySelectorAll('.m')[2];
  assert.equal(C.messageBlockOf(third.querySelector('.text').firstChild), third);
  assert.equal(C.isSelf(third), true);
  assert.equal(C.threadOf(third), document.getElementById('wall'));
  assert.equal(C.readMessage(third, 100).from, 'Me');
});

test('paragraph siblings are text flow, not separate messages', () => {
  const { document } = dom('<div id="body"><p>one one one</p><p>two two two</p><p>three three</p></div>');
  const p = document.querySelector('p');
  assert.equal(C.messageBlockOf(p.firstChild), null);
  assert.equal(C.plainBlockOf(p.firstChild), p);
});

test('children of role=log are messages and the log is their thread', () => {
  const { document } = dom('<div role="log" id="log"><div><span class="nick">X</span><span class="text">hello there friend</span></div></div>');
  const msg = document.querySelector('#log > div');
  assert.equal(C.messageBlockOf(msg.querySelector('.text').firstChild), msg);
  assert.equal(C.threadOf(msg), document.getElementById('log'));
});

test('links to other sites are scored; same-origin, mailto and fragments are not', () => {
  const origin = 'https://forum.example';
  assert.equal(C.isScorableLink('https://evil.example/login', origin), true);
  assert.equal(C.isScorableLink('https://forum.example/thread/2', origin), false);
  assert.equal(C.isScorableLink('mailto:a@b.c', origin), false);
  assert.equal(C.isScorableLink('javascript:alert(1)', origin), true);
  assert.equal(C.isScorableLink('data:text/html,hi', origin), true);
  assert.equal(C.isScorableLink('http://[bad', origin), true);
});

test('compose boxes: textarea and contenteditable, and the outermost editable root', () => {
  const { document } = dom('<textarea id="t"></textarea><div id="ce" contenteditable="true"><p id="inner">x</p></div><textarea id="ro" readonly></textarea>');
  assert.equal(C.isComposeBox(document.getElementById('t')), true);
  assert.equal(C.isComposeBox(document.getElementById('ro')), false);
  assert.equal(C.composeRootOf(document.getElementById('inner')), document.getElementById('ce'));
  document.getElementById('t').value = 'draft';
  assert.equal(C.composeText(document.getElementById('t'), 100), 'draft');
});

test('capped text never reads past the cap, even for a 10 MB text node', () => {
  const { document } = dom('<div id="big"></div>');
  const big = document.getElementById('big');
  big.appendChild(document.createTextNode('x'.repeat(10 * 1024 * 1024)));
  const started = performance.now();
  const { text, truncated } = T.cappedText(big, 4000);
  assert.equal(text.length, 4000);
  assert.equal(truncated, true);
  assert.ok(performance.now() - started < 100, 'capped read stays fast');
});

test('capped text collapses whitespace and skips scripts, styles and our own hint hosts', () => {
  const { document } = dom('<div id="d">  a \n b<script>evil()</script><style>.x{}</style><lurelens-hint data-lurelens-ui>!</lurelens-hint>  c </div>');
  assert.equal(T.cappedText(document.getElementById('d')).text, 'a b c');
});

test('fingerprints differ when text differs', () => {
  assert.notEqual(T.fingerprint('msg', 'a'), T.fingerprint('msg', 'b'));
  assert.equal(T.fingerprint('msg', 'a'), T.fingerprint('msg', 'a'));
  assert.notEqual(T.fingerprint('ab', 'c'), T.fingerprint('a', 'bc'));
});

test('text on either side of a block never runs together', () => {
  const { document } = dom('<div id="d"><p>end.</p>Next<br>line <b>bo</b>ld</div>');
  assert.equal(T.cappedText(document.getElementById('d')).text, 'end. Next line bold');
});
