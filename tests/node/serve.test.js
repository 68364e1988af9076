import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start, resolvePath } from '../../www/serve.mjs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lurelens-serve-'));
fs.mkdirSync(path.join(dir, 'samples'));
fs.writeFileSync(path.join(dir, 'index.html'), '<p>home</p>');
fs.writeFileSync(path.join(dir, 'samples', 'strict-csp.html'), '<p>csp</p>');
fs.writeFileSync(path.join(dir, 'samples', 'forum.html'), '<p>forum</p>');
fs.writeFileSync(path.join(dir, 'engine.wasm'), Buffer.from([0, 97, 115, 109]));

const { server, url } = await start({ port: 0, root: dir });
test.after(() => server.close());

test('the strict-CSP sample page carries its policy header; others do not', async () => {
  const csp = await fetch(`${url}/samples/strict-csp.html`);
  assert.equal(csp.headers.get('content-security-policy'), "default-src 'none'; script-src 'self'");
  const forum = await fetch(`${url}/samples/forum.html`);
  assert.equal(forum.headers.get('content-security-policy'), null);
});

test('.wasm is served as application/wasm, directories as index.html', async () => {
  assert.equal((await fetch(`${url}/engine.wasm`)).headers.get('content-type'), 'application/wasm');
  assert.equal(await (await fetch(`${url}/`)).text(), '<p>home</p>');
});

test('nothing outside the root is served', async () => {
  assert.equal(resolvePath(dir, '/../../etc/passwd'), null);
  assert.equal(resolvePath(dir, '/%2e%2e/%2e%2e/etc/passwd'), null);
  const res = await fetch(`${url}/%2e%2e/%2e%2e/etc/passwd`);
  assert.notEqual(res.status, 200);
  assert.equal((await fetch(`${url}/missing.html`)).status, 404);
});

test('only GET and HEAD', async () => {
  assert.equal((await fetch(`${url}/`, { method: 'POST' })).status, 405);
});
