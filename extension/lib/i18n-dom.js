// Fills extension pages with words from _locales: data-i18n="key" sets the text,
// data-i18n-attr="attr:key;attr:key" sets attributes. Only ever textContent.
import './browser-api.js';

const { api } = globalThis.LureLens;

export function localise(root = document) {
  const lang = api.uiLanguage() || 'en';
  document.documentElement.lang = lang;
  document.documentElement.dir = api.t('@@bidi_dir') || 'ltr';
  for (const el of root.querySelectorAll('[data-i18n]')) {
    const words = api.t(el.getAttribute('data-i18n'));
    if (words) el.textContent = words;
  }
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.getAttribute('data-i18n-attr').split(';')) {
      const [attr, key] = pair.split(':').map((s) => s.trim());
      const words = attr && key ? api.t(key) : '';
      if (words) el.setAttribute(attr, words);
    }
  }
}

export const t = (key, subs) => api.t(key, subs);
