// Turns an engine hint into words from _locales. Naming scheme (shared with the engine):
// a verdict's `hint.key` maps to the messages.json name made by replacing every character
// outside [A-Za-z0-9_] with "_" (chrome.i18n names allow nothing else), e.g.
// "request_data.internal" → "request_data_internal". When a rule has no message of its own,
// the family's message stands in: "family_<family>", then "family_generic".
(function (root) {
  'use strict';
  const ns = root.LureLens || (root.LureLens = {});

  const FAMILIES = ['befriend', 'overseas', 'gift', 'ideology', 'social', 'probe_work',
    'request_data', 'reward', 'secrecy', 'impersonation', 'attachment', 'credential_link',
    'outgoing_leak', 'combo'];
  const STAGES = ['approach', 'cultivate', 'probe', 'extract', 'delivery', 'self-exposure'];

  function messageName(key) {
    return String(key || '').replace(/[^A-Za-z0-9_]/g, '_');
  }

  function familyName(family) {
    return FAMILIES.includes(family) ? family : 'generic';
  }

  /** `t(name)` returns the message or '' (chrome.i18n.getMessage semantics). */
  function explainHint(hint, t) {
    const family = familyName(hint.family);
    const own = hint.key ? t(messageName(hint.key)) : '';
    return {
      family,
      title: t(`family_${family}_title`) || t('family_generic_title'),
      explanation: own || t(`family_${family}`) || t('family_generic'),
      advice: t(`family_${family}_advice`) || t('family_generic_advice'),
      usedFallback: !own,
    };
  }

  /**
   * One `<li>` per distinct explanation (several rules often share one), title in `<strong>`,
   * explanation in `<p>`, and the rule id in `<code>` when `showRule`. Text only via textContent.
   */
  function reasonItems(doc, hints, t, { showRule = false } = {}) {
    const seen = new Set();
    const items = [];
    for (const hint of hints) {
      const words = explainHint(hint, t);
      if (seen.has(words.explanation)) continue;
      seen.add(words.explanation);
      const li = doc.createElement('li');
      const strong = doc.createElement('strong');
      strong.textContent = words.title;
      const p = doc.createElement('p');
      p.textContent = words.explanation;
      li.append(strong, p);
      if (showRule) {
        const code = doc.createElement('code');
        code.textContent = hint.rule;
        li.append(code);
      }
      items.push(li);
    }
    return items;
  }

  function stageLabel(stage, t) {
    const name = `stage_${messageName(stage)}`;
    return (STAGES.includes(stage) && t(name)) || stage;
  }

  function levelLabel(level, t) {
    return t(`level_${level}`) || level;
  }

  ns.explain = Object.freeze({ FAMILIES, STAGES, messageName, explainHint, reasonItems, stageLabel, levelLabel });
})(globalThis);
