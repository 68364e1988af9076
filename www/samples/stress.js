// Builds the stress page synchronously while loading, so the DOM is complete before the
// extension's content script starts (at document idle). window.__built marks the end.
(function () {
  'use strict';
  const q = new URLSearchParams(location.search);
  const messages = Number(q.get('messages') || 5000);
  const links = Number(q.get('links') || 20000);
  const bigMb = Number(q.get('bigtext') || 0);
  const { message, link, expectedHints } = window.LureLensStress;

  const board = document.getElementById('board');
  const frag = document.createDocumentFragment();
  for (let i = 0; i < messages; i++) {
    const m = message(i);
    const post = document.createElement('div');
    post.className = 'post';
    const who = document.createElement('b');
    who.className = 'author';
    who.textContent = m.from;
    const body = document.createElement('div');
    body.className = 'content';
    body.textContent = m.text;
    post.append(who, body);
    frag.appendChild(post);
  }
  board.appendChild(frag);

  // Links as a list, one per item, like a directory or search-results page.
  const list = document.getElementById('links');
  const lfrag = document.createDocumentFragment();
  for (let i = 0; i < links; i++) {
    const l = link(i);
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = l.href;
    a.textContent = l.text;
    li.appendChild(a);
    lfrag.appendChild(li);
  }
  list.appendChild(lfrag);

  if (bigMb > 0) {
    const chunk = 'lorem ipsum dolor sit amet 项目 资料 ';
    document.getElementById('big').textContent = chunk.repeat(Math.ceil((bigMb * 1024 * 1024) / chunk.length));
  }
  window.__expectedHints = expectedHints(messages, links);
  window.__built = performance.now();
})();
