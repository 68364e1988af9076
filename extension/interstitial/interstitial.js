// The interstitial for a `high` link: explains the hint, "go back" is the default,
// "continue" opens the link (only http/https; never in block mode).
import { localise, t } from '../lib/i18n-dom.js';
import '../lib/explain.js';

const { explain } = globalThis.LureLens;
const params = new URLSearchParams(location.search);
const target = params.get('u') || '';
const rules = (params.get('r') || '').split(' ').filter(Boolean);
const keys = (params.get('k') || '').split(' ');
const families = (params.get('f') || '').split(' ');
const blockMode = params.get('m') === 'block';
const openedInNewTab = params.get('t') === 'new';

localise();
document.getElementById('destination').textContent = target;

const list = document.getElementById('reasons');
const hints = rules.map((rule, i) => ({ rule, key: keys[i], family: families[i] }));
list.append(...explain.reasonItems(document, hints, t, { showRule: true }));

let safeTarget = null;
try {
  const url = new URL(target);
  if (url.protocol === 'http:' || url.protocol === 'https:') safeTarget = url.href;
} catch { /* malformed: nowhere to continue to */ }

const continueButton = document.getElementById('continue');
if (blockMode || !safeTarget) {
  continueButton.hidden = true;
  if (blockMode) document.getElementById('blocked').hidden = false;
}

document.getElementById('back').addEventListener('click', () => {
  if (openedInNewTab || history.length <= 1) window.close();
  else history.back();
});
continueButton.addEventListener('click', () => {
  if (safeTarget && !blockMode) location.replace(safeTarget);
});
document.getElementById('back').focus();
