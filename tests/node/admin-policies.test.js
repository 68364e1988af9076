// The deployment samples in docs/policies/: each one, read the way its browser reads it,
// must hold exactly the example policy, and that policy must pass the managed schema (as
// Chrome applies it) and the extension's own key-by-key checks. The engine's acceptance of
// example-policy.json is checked in Rust (tests/policy_schema.rs).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse as parsePlist } from 'plist';
import { DOMParser } from '@xmldom/xmldom';
import { ROOT, EXT, loadLureLens, chromiumExtensionId } from './helpers.js';

const { settings: S } = await loadLureLens();
const DOCS = path.join(ROOT, 'docs', 'policies');
const manifest = JSON.parse(fs.readFileSync(path.join(EXT, 'manifest.json'), 'utf8'));
const schema = JSON.parse(fs.readFileSync(path.join(EXT, manifest.storage.managed_schema), 'utf8'));
const example = JSON.parse(fs.readFileSync(path.join(DOCS, 'example-policy.json'), 'utf8'));
const GECKO_ID = manifest.browser_specific_settings.gecko.id;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

const ID = await chromiumExtensionId(manifest);

function assertGoodPolicy(policy, where) {
  assert.ok(validate(policy), `${where}: ${JSON.stringify(validate.errors)}`);
  assert.deepEqual(S.merge({}, policy).errors, [], `${where}: settings checks`);
  assert.deepEqual(policy, example, `${where} holds the example policy`);
}

const read = (name) => fs.readFileSync(path.join(DOCS, name));

test('the example policy itself passes the schema and the settings checks', () => {
  assertGoodPolicy(example, 'example-policy.json');
});

test('Chromium on Linux: force-installed, and the policy under 3rdparty', () => {
  const doc = JSON.parse(read('chromium-linux.json'));
  assert.equal(doc.ExtensionSettings[ID].installation_mode, 'force_installed');
  assert.match(doc.ExtensionSettings[ID].update_url, /^https:\/\//);
  assertGoodPolicy(doc['3rdparty'].extensions[ID], 'chromium-linux.json');
});

test('Firefox policies.json: force-installed, and the policy under 3rdparty', () => {
  const doc = JSON.parse(read('firefox-policies.json')).policies;
  assert.equal(doc.ExtensionSettings[GECKO_ID].installation_mode, 'force_installed');
  assertGoodPolicy(doc['3rdparty'].Extensions[GECKO_ID], 'firefox-policies.json');
});

/**
 * A .reg file as Chrome's registry loader reads the policy key: values by type, a subkey of
 * numbered values as a list, and a string where the schema wants a list or object as JSON.
 */
function readReg(buffer) {
  const text = buffer[0] === 0xff && buffer[1] === 0xfe
    ? new TextDecoder('utf-16le').decode(buffer.subarray(2)) : buffer.toString('utf8');
  const keys = new Map();
  let current = null;
  for (const line of text.split(/\r?\n/)) {
    const section = /^\[(.+)\]$/.exec(line);
    if (section) { current = new Map(); keys.set(section[1], current); continue; }
    const value = /^"((?:[^"\\]|\\.)*)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-f]{8}))$/.exec(line);
    if (value && current) {
      const unescape = (s) => s.replace(/\\(.)/g, '$1');
      current.set(unescape(value[1]), value[3] !== undefined ? parseInt(value[3], 16) : unescape(value[2]));
    }
  }
  return keys;
}

function policyFromRegistry(keys, root) {
  const base = `${root}\\3rdparty\\extensions\\${ID}\\policy`;
  const values = keys.get(base);
  assert.ok(values, `no ${base}`);
  const policy = {};
  for (const [name, prop] of Object.entries(schema.properties)) {
    const sub = keys.get(`${base}\\${name}`);
    if (prop.type === 'array' && sub) {
      policy[name] = [...sub.entries()].sort((a, b) => Number(a[0]) - Number(b[0])).map(([, v]) => v);
    } else if (values.has(name)) {
      const v = values.get(name);
      policy[name] = prop.type === 'boolean' ? v !== 0 : prop.type === 'array' ? JSON.parse(v) : v;
    }
  }
  const forced = keys.get(`${root}\\ExtensionInstallForcelist`);
  assert.ok([...forced.values()].some((v) => v.startsWith(`${ID};https://`)), 'force-install entry');
  return policy;
}

for (const [file, root] of [
  ['chrome-windows.reg', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome'],
  ['edge-windows.reg', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge'],
]) {
  test(`Windows registry (${file}): force-installed, and the policy under 3rdparty`, () => {
    const buffer = read(file);
    assert.match(new TextDecoder('utf-16le').decode(buffer.subarray(2, 80)), /^Windows Registry Editor Version 5\.00/);
    assertGoodPolicy(policyFromRegistry(readReg(buffer), root), file);
  });
}

test('macOS .mobileconfig: each browser force-installs and gets the policy', () => {
  const profile = parsePlist(read('lurelens.mobileconfig').toString('utf8'));
  assert.equal(profile.PayloadType, 'Configuration');
  const uuids = new Set([profile.PayloadUUID]);
  for (const domain of ['com.google.Chrome', 'com.microsoft.Edge']) {
    const install = profile.PayloadContent.find((p) => p.PayloadType === domain);
    assert.ok(install.ExtensionInstallForcelist.some((v) => v.startsWith(`${ID};https://`)), domain);
    const payload = profile.PayloadContent.find((p) => p.PayloadType === `${domain}.extensions.${ID}`);
    const policy = Object.fromEntries(Object.entries(payload).filter(([k]) => !k.startsWith('Payload')));
    assertGoodPolicy(policy, `${domain} payload`);
  }
  for (const p of profile.PayloadContent) {
    assert.ok(!uuids.has(p.PayloadUUID), 'payload UUIDs are unique');
    uuids.add(p.PayloadUUID);
  }
});

const xml = (file) => new DOMParser().parseFromString(read(file).toString('utf8'), 'text/xml');
const byTag = (node, tag) => Array.from(node.getElementsByTagName(tag));

for (const [browser, root] of [['chrome', 'Software\\Policies\\Google\\Chrome'], ['edge', 'Software\\Policies\\Microsoft\\Edge']]) {
  test(`ADMX/ADML (${browser}): one policy per setting, of the schema's type, every string in both languages`, () => {
    const admx = xml(`admx/${browser}/lurelens-${browser}.admx`);
    const key = `${root}\\3rdparty\\extensions\\${ID}\\policy`;
    const policies = byTag(admx, 'policy');
    assert.deepEqual(policies.map((p) => p.getAttribute('name')).sort(), Object.keys(schema.properties).sort());
    const refs = { string: new Set(), presentation: new Set() };
    for (const p of policies) {
      const name = p.getAttribute('name');
      const prop = schema.properties[name];
      assert.equal(p.getAttribute('key'), key, name);
      for (const attr of ['displayName', 'explainText', 'presentation']) {
        const m = /^\$\((string|presentation)\.(.+)\)$/.exec(p.getAttribute(attr) || '');
        if (m) refs[m[1]].add(m[2]);
      }
      const list = byTag(p, 'list')[0];
      const choices = byTag(p, 'enum')[0];
      const text = byTag(p, 'text')[0];
      if (prop.type === 'boolean') {
        assert.equal(p.getAttribute('valueName'), name);
      } else if (choices) {
        assert.equal(choices.getAttribute('valueName'), name);
        for (const item of byTag(choices, 'item')) {
          refs.string.add(/^\$\(string\.(.+)\)$/.exec(item.getAttribute('displayName'))[1]);
          const value = byTag(item, 'string')[0].textContent;
          assert.equal(S.check(name, value), '', `${name}: ${value}`);
        }
      } else if (list) {
        assert.equal(prop.items.type, 'string', `${name} is a list of strings`);
        assert.equal(list.getAttribute('key'), `${key}\\${name}`);
        assert.equal(list.getAttribute('valuePrefix'), '', 'values named 1, 2, 3');
      } else {
        assert.ok(text, `${name} has an element`);
        assert.equal(text.getAttribute('valueName'), name);
        // A string, or a list of objects that Chrome parses from JSON text.
        assert.ok(prop.type === 'string' || (prop.type === 'array' && prop.items.type === 'object'), name);
      }
    }
    for (const d of byTag(admx, 'definition')) refs.string.add(/^\$\(string\.(.+)\)$/.exec(d.getAttribute('displayName'))[1]);
    for (const c of byTag(admx, 'category')) refs.string.add(/^\$\(string\.(.+)\)$/.exec(c.getAttribute('displayName'))[1]);
    for (const lang of ['en-US', 'zh-CN']) {
      const adml = xml(`admx/${browser}/${lang}/lurelens-${browser}.adml`);
      const strings = new Set(byTag(adml, 'string').map((s) => s.getAttribute('id')));
      const presentations = new Set(byTag(adml, 'presentation').map((s) => s.getAttribute('id')));
      for (const id of refs.string) assert.ok(strings.has(id), `${lang}: string ${id}`);
      for (const id of refs.presentation) assert.ok(presentations.has(id), `${lang}: presentation ${id}`);
      for (const s of byTag(adml, 'string')) assert.ok(s.textContent.trim(), `${lang}: ${s.getAttribute('id')} is empty`);
    }
  });
}
