// Sample webmail behaviour: open a message (its body in an iframe), compose and send.
(function () {
  'use strict';
  const bodies = {
    directive: ['关于2025年度规划的通知', 'Planning Office <notice.planning.office@163.com>', 'mail/directive.html', '规划通知.pdf.exe'],
    lunch: ['Lunch on Friday?', 'Chen Jing <chen.jing@example.org>', 'mail/lunch.html', ''],
    build: ['Nightly build passed', 'CI bot <ci@example.org>', 'mail/build.html', ''],
    minutes: ['周例会纪要', 'Zhao Lei <zhao.lei@example.org>', 'mail/minutes.html', 'minutes.pdf'],
  };
  for (const row of document.querySelectorAll('.inbox tr')) {
    row.addEventListener('click', () => {
      const [subject, from, src, attachment] = bodies[row.dataset.mail];
      document.getElementById('subject').textContent = subject;
      document.getElementById('from').textContent = from;
      document.querySelector('.attachment').textContent = attachment || '—';
      document.getElementById('body').src = src;
      row.classList.remove('unread');
    });
  }
  const compose = document.getElementById('compose');
  document.getElementById('new-mail').addEventListener('click', () => {
    compose.hidden = false;
    document.getElementById('compose-text').focus();
  });
  document.getElementById('discard').addEventListener('click', () => { compose.hidden = true; });
})();
