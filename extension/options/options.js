// Options: sensitivity, low hints, allow list. Values set by the organisation show locked, its
// other settings are listed read-only, and policy errors are shown. Saving writes only the
// user's own unlocked keys; managed values are merged over them by the worker.
import { localise, t } from '../lib/i18n-dom.js';
import '../lib/messages.js';
import '../lib/settings.js';

const { api, MSG, settings: S } = globalThis.LureLens;
const DECISIONS_KEY = 'decisions';
const form = document.getElementById('form');
let lockedNow = [];

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
    li.setAttribute('data-key', e.key);
    const key = e.source === 'managed' ? 'options_managed_error' : 'options_setting_error';
    li.textContent = t(key, [e.key, e.message]);
    list.appendChild(li);
  }
}

/**
 * The organisation's own settings, read-only. Keyword and rule lists show as counts: they
 * may name confidential projects, which need not sit on screen.
 */
const ORG_ROWS = [
  ['protected_domains', (v) => v.join(', ')],
  ['brands', (v) => v.join(', ')],
  ['keywords', (v) => t('options_org_count', [String(v.length)])],
  ['disabled_rules', (v) => v.join(', ')],
  ['extra_rules', (v) => t('options_org_count', [String(v.length)])],
  ['report', (v) => v],
  ['interstitial', (v) => t(`options_org_interstitial_${v}`)],
];

function showOrganisation(settings, locked) {
  const list = document.getElementById('org-list');
  list.replaceChildren();
  for (const [key, show] of ORG_ROWS) {
    if (!locked.includes(key)) continue;
    const dt = document.createElement('dt');
    dt.textContent = t(`options_org_${key}`);
    const dd = document.createElement('dd');
    dd.setAttribute('data-key', key);
    dd.textContent = show(settings[key]) || '—';
    list.append(dt, dd);
  }
  document.getElementById('org').hidden = !list.firstChild;
}

async function load() {
  const reply = await api.send({ type: MSG.GET_SETTINGS });
  if (!reply || !reply.settings) return;
  document.getElementById('engine-down').hidden = !reply.engineDown;
  fill(reply.settings, reply.locked || []);
  showOrganisation(reply.settings, reply.locked || []);
  showErrors(reply.errors);
  lockedNow = reply.locked || [];
  const stored = await api.localGet(DECISIONS_KEY);
  const count = Object.keys((stored && stored[DECISIONS_KEY]) || {}).length;
  document.getElementById('decision-count').textContent = t('options_decision_count', [String(count)]);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const got = await api.localGet(S.STORAGE_KEY);
  const user = Object.assign({}, (got && got[S.STORAGE_KEY]) || {});
  // A locked field shows the organisation's value: saving it would overwrite the user's own,
  // which must come back if the policy is lifted. Only unlocked keys are written.
  const mine = (key) => !lockedNow.includes(key);
  const checked = form.querySelector('input[name="sensitivity"]:checked');
  if (checked && mine('sensitivity')) user.sensitivity = checked.value;
  if (mine('show_low')) user.show_low = form.elements.show_low.checked;
  if (mine('allow')) user.allow = S.parseAllowList(form.elements.allow.value);
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
