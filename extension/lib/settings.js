// Settings: the defaults, how each key is checked, and the merge
// defaults < user (storage.local) < managed (enterprise policy), key by key.
// The same object, minus the UI-only keys, is the engine's policy (docs/engine-api.md).
(function (root) {
  'use strict';
  const ns = root.LureLens || (root.LureLens = {});

  const DEFAULTS = Object.freeze({
    protected_domains: [],
    brands: [],
    keywords: [],
    allow: [],
    disabled_rules: [],
    extra_rules: [],
    sensitivity: 'normal',
    show_low: false,
    report: '',
    interstitial: 'warn',
    locked: [],
  });

  /** Keys the engine itself reads; the rest only steer the extension. */
  const ENGINE_KEYS = ['protected_domains', 'brands', 'keywords', 'allow', 'disabled_rules',
    'extra_rules', 'sensitivity'];

  /** Keys a person may change in the options page (unless a managed policy locks them). */
  const USER_KEYS = ['sensitivity', 'show_low', 'allow'];

  const isStringList = (v) => Array.isArray(v) && v.every((s) => typeof s === 'string');
  const oneOf = (...allowed) => (v) => allowed.includes(v);

  const CHECKS = {
    protected_domains: isStringList,
    brands: isStringList,
    keywords: isStringList,
    allow: isStringList,
    disabled_rules: isStringList,
    extra_rules: (v) => Array.isArray(v) && v.every((r) => r && typeof r === 'object'),
    sensitivity: oneOf('low', 'normal', 'high'),
    show_low: (v) => typeof v === 'boolean',
    report: (v) => v === '' || (typeof v === 'string' && /^(https:\/\/|mailto:)\S+$/i.test(v)),
    interstitial: oneOf('warn', 'block'),
    locked: (v) => isStringList(v) && v.every((k) => k in DEFAULTS),
  };

  /** Returns an error message for a bad value, or '' when the key/value pair is fine. */
  function check(key, value) {
    if (!(key in DEFAULTS)) return 'unknown key';
    return CHECKS[key](value) ? '' : 'invalid value';
  }

  function copy(value) {
    return Array.isArray(value) ? value.slice() : value;
  }

  /**
   * Merges the layers. Bad or unknown keys are skipped and listed in `errors` (the layer
   * below stays in force). Keys set by the managed layer, and those it names in `locked`,
   * are locked: user values for them are ignored.
   */
  function merge(user, managed) {
    const settings = {};
    for (const [k, v] of Object.entries(DEFAULTS)) settings[k] = copy(v);
    const errors = [];
    const locked = new Set();
    const layers = [['managed', managed || {}], ['user', user || {}]];
    const managedValid = {};
    for (const [key, value] of Object.entries(layers[0][1])) {
      const problem = check(key, value);
      if (problem) errors.push({ source: 'managed', key, message: problem });
      else managedValid[key] = value;
    }
    for (const key of managedValid.locked || []) locked.add(key);
    for (const key of Object.keys(managedValid)) if (key !== 'locked') locked.add(key);
    for (const [key, value] of Object.entries(layers[1][1])) {
      if (!USER_KEYS.includes(key)) continue;
      const problem = check(key, value);
      if (problem) errors.push({ source: 'user', key, message: problem });
      else if (!locked.has(key)) settings[key] = copy(value);
    }
    for (const [key, value] of Object.entries(managedValid)) settings[key] = copy(value);
    settings.locked = [...locked].sort();
    return { settings, locked: settings.locked, errors };
  }

  /** The engine policy JSON for merged settings (only the keys the engine reads). */
  function enginePolicy(settings) {
    const policy = {};
    for (const key of ENGINE_KEYS) policy[key] = settings[key];
    return policy;
  }

  /**
   * The engine's own findings ([{key, message}], keys like `extra_rules[2]`) as setting errors:
   * a key the organisation set (so it is locked) is the organisation's mistake, else the user's.
   */
  function attributeErrors(engineErrors, locked) {
    return (engineErrors || []).map(({ key, message }) => {
      const base = String(key || '').replace(/\[.*$/, '');
      return { source: (locked || []).includes(base) ? 'managed' : 'user', key, message };
    });
  }

  /** Parses the allow-list textarea: one host per line, blanks and # comments skipped. */
  function parseAllowList(text) {
    return String(text)
      .split(/[\n,]/)
      .map((line) => line.replace(/#.*/, '').trim().toLowerCase())
      .filter(Boolean);
  }

  ns.settings = Object.freeze({
    DEFAULTS, ENGINE_KEYS, USER_KEYS, STORAGE_KEY: 'settings', check, merge, enginePolicy,
    attributeErrors, parseAllowList,
  });
})(globalThis);
