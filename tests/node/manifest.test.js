import test from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { EXT, ROOT } from './helpers.js';

const manifest = JSON.parse(fs.readFileSync(path.join(EXT, 'manifest.json'), 'utf8'));

/** Chromium's extension id: sha256 of the public key DER, first 32 hex digits mapped 0-f → a-p. */
export function extensionId(keyBase64) {
  const hex = crypto.createHash('sha256').update(Buffer.from(keyBase64, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

test('the stable extension id is the one documented in extension/README.md', () => {
  const id = extensionId(manifest.key);
  const readme = fs.readFileSync(path.join(EXT, 'README.md'), 'utf8');
  assert.ok(readme.includes(id), `extension/README.md must name the id ${id}`);
});

test('Manifest V3 for Chromium and Firefox from one file', () => {
  assert.equal(manifest.manifest_version, 3);
  assert.ok(manifest.background.service_worker);
  assert.deepEqual(manifest.background.scripts, [manifest.background.service_worker]);
  assert.equal(manifest.background.type, 'module');
  assert.match(manifest.browser_specific_settings.gecko.id, /@/);
  assert.match(manifest.content_security_policy.extension_pages, /'wasm-unsafe-eval'/);
});

test('content scripts run in every frame, including about:blank ones', () => {
  const [cs] = manifest.content_scripts;
  assert.equal(cs.all_frames, true);
  assert.equal(cs.match_about_blank, true);
  assert.deepEqual(cs.matches, ['<all_urls>']);
});

test('every file the manifest names exists', () => {
  const files = [
    ...manifest.content_scripts.flatMap((c) => c.js),
    manifest.background.service_worker, manifest.action.default_popup, manifest.options_ui.page,
    manifest.storage.managed_schema,
    ...Object.values(manifest.icons), ...Object.values(manifest.action.default_icon),
  ];
  for (const f of files) assert.ok(fs.existsSync(path.join(EXT, f)), f);
});

test('the extension asks for no more than it needs and exposes nothing to pages', () => {
  assert.deepEqual(manifest.permissions, ['storage']);
  assert.equal(manifest.host_permissions, undefined);
  assert.equal(manifest.web_accessible_resources, undefined);
});

test('icons are real PNGs of the size their key says', () => {
  for (const [size, file] of Object.entries(manifest.icons)) {
    const buf = fs.readFileSync(path.join(EXT, file));
    assert.equal(buf.subarray(1, 4).toString(), 'PNG');
    assert.equal(buf.readUInt32BE(16), Number(size));
    assert.equal(buf.readUInt32BE(20), Number(size));
  }
});

test('no extension source fetches the network or parses HTML from strings', () => {
  const offenders = [];
  const visit = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) { if (e.name !== 'pkg') visit(full); continue; }
      if (!e.name.endsWith('.js')) continue;
      const src = fs.readFileSync(full, 'utf8');
      for (const bad of [/\binnerHTML\b/, /\bouterHTML\b/, /insertAdjacentHTML/, /\bXMLHttpRequest\b/, /\bWebSocket\b/,
        /sendBeacon/, /\beval\(/, /new Function\(/, /document\.write/]) {
        if (bad.test(src)) offenders.push(`${path.relative(ROOT, full)}: ${bad}`);
      }
      // The worker's only fetch is the engine's own .wasm file (inside wasm-bindgen's init).
      if (/\bfetch\(/.test(src)) offenders.push(`${path.relative(ROOT, full)}: fetch`);
    }
  };
  visit(EXT);
  assert.deepEqual(offenders, []);
});

test('the managed schema covers every setting', async () => {
  const schema = JSON.parse(fs.readFileSync(path.join(EXT, manifest.storage.managed_schema), 'utf8'));
  await import('../../extension/lib/settings.js');
  const keys = Object.keys(globalThis.LureLens.settings.DEFAULTS).sort();
  assert.deepEqual(Object.keys(schema.properties).sort(), keys);
  for (const [k, v] of Object.entries(schema.properties)) assert.ok(v.title && v.description, k);
});
