// The toolbar: per-tab badge with the number of medium+ hints, and a global error state
// (grey icon, "!" badge, explaining title) when the engine cannot load.
import '../lib/browser-api.js';
import { badgeText, badgeColour } from './tab-hints.js';

const { api } = globalThis.LureLens;
const action = () => api.raw.action;

const ERROR_ICONS = {
  16: '/icons/lens-error-16.png', 32: '/icons/lens-error-32.png', 48: '/icons/lens-error-48.png',
};

export async function showTabCount(tabId, count, topLevel) {
  try {
    await action().setBadgeText({ tabId, text: badgeText(count) });
    if (count) await action().setBadgeBackgroundColor({ tabId, color: badgeColour(topLevel) });
  } catch {
    // The tab closed meanwhile.
  }
}

export async function showEngineDown(error) {
  try {
    await action().setIcon({ path: ERROR_ICONS });
    await action().setBadgeText({ text: '!' });
    await action().setBadgeBackgroundColor({ color: '#6b7280' });
    await action().setTitle({ title: `${api.t('engine_down_title')}${error ? ` (${error})` : ''}` });
  } catch (err) {
    console.warn('LureLens: could not show the error state', err);
  }
}
