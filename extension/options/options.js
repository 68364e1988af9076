// Options: sensitivity, low hints, allow list. Values set by the organisation show locked.
// Saving writes only the user's own keys; managed values are merged over them by the worker.
import { localise, t } from '../lib/i18n-dom.js';
import '../lib/messages.js';
import '../lib/settings.js';

const { api, MSG, settings: S } = globalThis.LureLens;
const DECISIONS_KEY = 'decisions';
const form = document.getElementById('form');

function fill(settings, locked) {
  for (const input of form.querySelectorAll('input[name="sensitivity"]')) input.checked = input.value === settings.sensitivity;
  form.elements.show_low.checked = Boolean(settings.show_low);
  form.elements.allow.value = settings.allow.join('\n');
  for (const fieldset of form.querySelectorAll('fieldset[data-key]')) {
    const isLocked = locked.includes(fieldset.dataset.key);
    fieldset.disabled = isLocked;
    fieldset.querySelector('.locked').hidden = !isLocked;
  }
}

function showErrors(errors) {
  const list = document.getElementById('errors');
  list.replaceChildren();
  for (const e of errors || []) {
    const li = document.createElement('li');
    li.textContent = t('options_setting_error', [e.key, e.message]);
    list.appendChild(li);
  }
}

async function load() {
  const reply = await api.send({ type: MSG.GET_SETTINGS });
  if (!reply || !reply.settings) return;
  document.getElementById('engine-down').hidden = !reply.engineDown;
  fill(reply.settings, reply.locked || []);
  showErrors(reply.errors);
  const stored = await api.localGet(DECISIONS_KEY);
  const count = Object.keys((stored && stored[DECISIONS_KEY]) || {}).length;
  document.getElementById('decision-count').textContent = t('options_decision_count', [String(count)]);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const got = await api.localGet(S.STORAGE_KEY);
  const user = Object.assign({}, (got && got[S.STORAGE_KEY]) || {});
  const checked = form.querySelector('input[name="sensitivity"]:checked');
  if (checked) user.sensitivity = checked.value;
  user.show_low = form.elements.show_low.checked;
  user.allow = S.parseAllowList(form.elements.allow.value);
  await api.localSet({ [S.STORAGE_KEY]: user });
  document.getElementById('status').textContent = t('options_saved');
  setTimeout(load, 300);
});

document.getElementById('forget').addEventListener('click', async () => {
  await api.localSet({ [DECISIONS_KEY]: {} });
  load();
});

localise();
load();
api.send({ type: MSG.GET_ENGINE_STATUS }).then((s) => {
  if (s && s.version) document.getElementById('about').textContent = t('options_about', [s.version]);
});
api.onStorageChanged((changes, area) => { if (area === 'managed') setTimeout(load, 200); });
