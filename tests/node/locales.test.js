// Lint: _locales/en and _locales/zh_CN are complete, and every message name the extension
// uses (manifest, HTML, JS, the engine's rule keys) exists in both.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { EXT, ROOT, loadLureLens } from './helpers.js';

const { explain, levels } = await loadLureLens();
const LOCALES = ['en', 'zh_CN'];
const messages = Object.fromEntries(LOCALES.map((l) =>
  [l, JSON.parse(fs.readFileSync(path.join(EXT, '_locales', l, 'messages.json'), 'utf8'))]));

function walk(dir, exts) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) { if (entry.name !== 'pkg' && entry.name !== '_locales') out.push(...walk(full, exts)); }
    else if (exts.some((e) => entry.name.endsWith(e))) out.push(full);
  }
  return out;
}

/** Message names used literally anywhere in the extension's source. */
function usedNames() {
  const used = new Map();
  const add = (name, where) => { if (!used.has(name)) used.set(name, where); };
  const manifest = fs.readFileSync(path.join(EXT, 'manifest.json'), 'utf8');
  for (const m of manifest.matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)) add(m[1], 'manifest.json');
  for (const file of walk(EXT, ['.html'])) {
    const html = fs.readFileSync(file, 'utf8');
    for (const m of html.matchAll(/data-i18n="([^"]+)"/g)) add(m[1], file);
    for (const m of html.matchAll(/data-i18n-attr="([^"]+)"/g)) {
      for (const pair of m[1].split(';')) add(pair.split(':')[1].trim(), file);
    }
  }
  for (const file of walk(EXT, ['.js'])) {
    const js = fs.readFileSync(file, 'utf8');
    for (const m of js.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) add(m[1], file);
  }
  // Names built at run time from fixed lists.
  for (const f of [...explain.FAMILIES, 'generic']) {
    add(`family_${f}`, 'explain.js'); add(`family_${f}_title`, 'explain.js'); add(`family_${f}_advice`, 'explain.js');
  }
  for (const s of explain.STAGES) add(`stage_${explain.messageName(s)}`, 'explain.js');
  for (const l of levels.ORDER) add(`level_${l}`, 'levels.js');
  for (const k of ['link', 'message', 'thread', 'email', 'compose']) add(`kind_${k}`, 'hint-ui.js');
  return used;
}

/** The engine's explanation keys (src/rules/*.json "key" fields), when the engine is there. */
function engineKeys() {
  const dir = path.join(ROOT, 'src', 'rules');
  if (!fs.existsSync(dir)) return [];
  const keys = new Set();
  const visit = (node) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      if (typeof node.key === 'string' && (node.id || node.family || node.families)) keys.add(node.key);
      Object.values(node).forEach(visit);
    }
  };
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    visit(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
  }
  // Link and email rules are built in code; docs/engine-api.md lists their ids, and their
  // keys are "rule_" + the id with dots as underscores.
  const api = path.join(ROOT, 'docs', 'engine-api.md');
  if (fs.existsSync(api)) {
    for (const m of fs.readFileSync(api, 'utf8').matchAll(/`((?:link|email)\.[a-z_]+)`/g)) {
      keys.add(`rule_${m[1].replace('.', '_')}`);
    }
  }
  return [...keys].map(explain.messageName);
}

test('both locales have exactly the same message names', () => {
  const en = Object.keys(messages.en).sort();
  const zh = Object.keys(messages.zh_CN).sort();
  assert.deepEqual(en.filter((k) => !zh.includes(k)), [], 'missing in zh_CN');
  assert.deepEqual(zh.filter((k) => !en.includes(k)), [], 'missing in en');
});

test('every message is non-empty and its placeholders match across locales', () => {
  for (const [name, entry] of Object.entries(messages.en)) {
    for (const l of LOCALES) {
      const e = messages[l][name];
      assert.ok(e.message && e.message.trim(), `${l}/${name} is empty`);
      const used = [...e.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1].toLowerCase()).sort();
      assert.deepEqual(used, Object.keys(e.placeholders || {}).sort(), `${l}/${name} placeholders`);
    }
    assert.deepEqual(Object.keys(messages.zh_CN[name].placeholders || {}).sort(),
      Object.keys(entry.placeholders || {}).sort(), `${name}: placeholder names differ`);
  }
});

test('names are valid chrome.i18n message names', () => {
  for (const name of Object.keys(messages.en)) assert.match(name, /^[A-Za-z0-9_]+$/);
});

test('every message name used by the extension exists in both locales', () => {
  const missing = [];
  for (const [name, where] of usedNames()) {
    if (name.startsWith('@@')) continue; // predefined by the browser
    for (const l of LOCALES) if (!messages[l][name]) missing.push(`${l}/${name} (used in ${path.relative(ROOT, where)})`);
  }
  assert.deepEqual(missing, []);
});

test('every explanation key of the engine rules has words in both locales', (t) => {
  const keys = engineKeys();
  if (!keys.length) { t.skip('src/rules/ not present'); return; }
  const missing = [];
  for (const key of keys) for (const l of LOCALES) if (!messages[l][key]) missing.push(`${l}/${key}`);
  assert.deepEqual(missing, []);
});

test('Chinese messages are Chinese', () => {
  const latinOnly = Object.entries(messages.zh_CN)
    .filter(([name, e]) => !/[\u4e00-\u9fff]/.test(e.message) && !['extName'].includes(name) &&
      messages.en[name].message !== e.message);
  assert.deepEqual(latinOnly.map(([n]) => n), []);
});
