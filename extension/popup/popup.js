// The toolbar popup: the hints on the current tab, most severe first.
import { localise, t } from '../lib/i18n-dom.js';
import '../lib/messages.js';
import '../lib/explain.js';

const { api, MSG, explain } = globalThis.LureLens;

function row(hint) {
  const li = document.createElement('li');
  li.setAttribute('data-level', hint.level);
  const level = document.createElement('span');
  level.className = `level level-${hint.level}`;
  level.textContent = `${explain.levelLabel(hint.level, t)} · ${t(`kind_${hint.kind}`) || hint.kind}`;
  const title = document.createElement('span');
  title.className = 'title';
  const words = explain.explainHint({ rule: hint.rules[0], key: hint.keys[0], family: hint.families[0] }, t);
  title.textContent = words.title;
  const why = document.createElement('span');
  why.textContent = words.explanation;
  const label = document.createElement('span');
  label.className = 'label';
  label.textContent = hint.label;
  li.append(level, title, why, label);
  return li;
}

async function show() {
  localise();
  document.getElementById('options').addEventListener('click', (e) => {
    e.preventDefault();
    api.raw.runtime.openOptionsPage();
  });
  const params = new URLSearchParams(location.search);
  let tabId = Number(params.get('tab'));
  if (!tabId) {
    const [tab] = await api.raw.tabs.query({ active: true, currentWindow: true });
    tabId = tab ? tab.id : -1;
  }
  const reply = await api.send({ type: MSG.GET_TAB_HINTS, tabId });
  if (reply && reply.engine && reply.engine.state === 'down') {
    document.getElementById('engine-down').hidden = false;
    return;
  }
  const hints = (reply && reply.hints) || [];
  const list = document.getElementById('hints');
  for (const hint of hints) list.appendChild(row(hint));
  document.getElementById('summary').textContent = t('popup_summary', [String(reply ? reply.badge : 0)]);
  document.getElementById('empty').hidden = hints.length > 0;
}

show();
