// Deterministic content for the stress page and the benchmark: which items are lures is known,
// so a test can wait for exactly that many hints. Plain script: sets globalThis.LureLensStress.
(function (root) {
  'use strict';
  const QUIET = [
    'The build is green again after the dependency bump. Thanks for the quick review!',
    '下周二上午十点在三楼会议室开周例会，请提前准备进度汇报。',
    'Reminder: the quarterly report draft is due on the 15th.',
    '周末一起去爬山吗？天气预报说周六是晴天。',
    'Has anyone tried the new damping model on the frame test rig?',
  ];
  // Each of these scores medium or high on its own (checked against the engine).
  const LURES = [
    '收到资料我马上给你转2000元，内部资料报酬更高。这事别告诉别人，聊完把记录删了。',
    'I hit a bottleneck at work. Could you send me the internal project data and drawings? I can transfer 2000 yuan. Keep this between us and delete the chat.',
  ];
  const QUIET_LINKS = ['https://www.wikipedia.org/wiki/Truss', 'https://github.com/rust-lang/rust', 'https://developer.mozilla.org/docs/Web', 'https://www.baidu.com/s?wd=x'];
  const LURE_LINKS = ['http://secure-login.gov-cn.verify-account.com/upload', 'http://files.planning-notice.top/notice.pdf.exe'];
  const LURE_EVERY = 50;

  function message(i) {
    const lure = i % LURE_EVERY === LURE_EVERY - 1;
    return { from: lure ? 'Anying Dark' : `user${i % 97}`, text: lure ? LURES[i % LURES.length] : `${QUIET[i % QUIET.length]} (#${i})`, lure };
  }
  function link(i) {
    const lure = i % (LURE_EVERY * 4) === LURE_EVERY * 4 - 1;
    const href = lure ? LURE_LINKS[i % LURE_LINKS.length] : `${QUIET_LINKS[i % QUIET_LINKS.length]}${i}`;
    return { href, text: lure ? 'shared file' : `reference ${i}`, lure };
  }
  function expectedHints(messages, links) {
    let n = 0;
    for (let i = 0; i < messages; i++) if (message(i).lure) n++;
    for (let i = 0; i < links; i++) if (link(i).lure) n++;
    return n;
  }
  root.LureLensStress = { message, link, expectedHints };
})(globalThis);
