// chrome.i18n-compatible lookups for the demo page, over the extension's own messages.json.
// $NAME$ placeholders resolve through their "content" ($1, $2 …) to the substitutions.

export function makeTranslator(messages) {
  return function t(key, substitutions) {
    const entry = messages[key];
    if (!entry) return '';
    const subs = [].concat(substitutions === undefined ? [] : substitutions).map(String);
    const placeholders = entry.placeholders || {};
    return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name) => {
      const ph = placeholders[name.toLowerCase()];
      if (!ph) return whole;
      return ph.content.replace(/\$(\d)/g, (_, n) => subs[Number(n) - 1] ?? '');
    }).replace(/\$\$/g, '$');
  };
}

export async function loadMessages(base, lang) {
  const res = await fetch(`${base}/_locales/${lang}/messages.json`);
  if (!res.ok) throw new Error(`messages for ${lang}: HTTP ${res.status}`);
  return res.json();
}

/** zh_CN for any Chinese browser language, else en. */
export function pickLanguage(languages) {
  for (const l of languages || []) {
    if (/^zh/i.test(l)) return 'zh_CN';
    if (/^en/i.test(l)) return 'en';
  }
  return 'en';
}
