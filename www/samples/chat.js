// Sample chat: scripted incoming messages arrive over time (or on "Next"); Enter or the Send
// button posts what you typed. window.chatSample is for the end-to-end tests.
(function () {
  'use strict';
  const script = [
    ['Anying Dark', '你好！我也是做结构设计的同行，在论坛上看到你的帖子，交个朋友吧。'],
    ['Anying Dark', 'I have some advanced data models from abroad, free for you. Science has no borders.'],
    ['Anying Dark', '最近工作忙吗？你们单位在做哪个项目？你具体负责什么？'],
    ['Anying Dark', '我这边遇到瓶颈了，能不能把你们项目的内部资料和图纸发我参考一下？很急。'],
    ['Anying Dark', '收到资料我马上给你转2000元，内部资料报酬更高。这事别告诉别人，聊完把记录删了。'],
  ];
  const log = document.getElementById('log');
  const box = document.getElementById('composer');
  let next = 0;

  function append(from, text, mine) {
    const msg = document.createElement('div');
    msg.className = mine ? 'msg me' : 'msg';
    const nick = document.createElement('span');
    nick.className = 'nick';
    nick.textContent = from;
    const body = document.createElement('span');
    body.className = 'text';
    body.textContent = text;
    msg.append(nick, body);
    log.appendChild(msg);
    log.scrollTop = log.scrollHeight;
    return msg;
  }

  function nextIncoming() {
    if (next >= script.length) return null;
    const [from, text] = script[next++];
    return append(from, text, false);
  }

  function send() {
    const text = box.textContent.trim();
    if (!text) return;
    append('Me', text, true);
    box.textContent = '';
    window.chatSample.sent.push(text);
  }

  box.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); send(); }
  });
  document.getElementById('send').addEventListener('click', send);
  document.getElementById('next').addEventListener('click', nextIncoming);

  append('Me', '大家好，有没有桁架动力分析的参考资料？', true);
  window.chatSample = { next: nextIncoming, append, sent: [], remaining: () => script.length - next };
  const auto = new URLSearchParams(location.search).get('auto') !== '0';
  if (auto) {
    nextIncoming();
    const timer = setInterval(() => { if (!nextIncoming()) clearInterval(timer); }, 4000);
  }
})();
