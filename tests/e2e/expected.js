// What each sample page must show, as hint targets (message block id, or link href) and the
// level each must have. "Exactly": no other hint may appear, and the toolbar badge equals the
// number of medium+ hints.
export const EXPECTED = {
  // p2 (befriend + gift) and p5 (probe) are low on their own and stay quiet by default; the
  // conversation as a whole turns at p4, where its trajectory hint shows.
  forum: [
    { target: 'p4', level: 'high', kind: 'thread' },
    { target: 'p6', level: 'high' },
    { target: 'http://secure-login.gov-cn.verify-account.com/upload', level: 'high' },
  ],
  benign: [],
  // The message body lives in an iframe: its hints come from that frame. The reader's header
  // names the attachment, a program dressed as a PDF.
  webmail: {
    top: [{ target: 'attachment', level: 'high' }],
    body: [
      { target: 'notice', level: 'medium' },
      { target: 'notice-en', level: 'medium' },
      { target: 'http://oa.gov.cn.login-verify.net/sso/login', level: 'high' },
      { target: 'http://files.planning-notice.top/规划通知.pdf.exe', level: 'high' },
    ],
  },
  strictCsp: [
    { target: 's2', level: 'high' },
    { target: 'http://192.0.2.44/login/verify.php', level: 'medium' },
  ],
};

const RANK = { none: 0, low: 1, medium: 2, high: 3 };
export const atLeast = (level, floor) => RANK[level] >= RANK[floor];
