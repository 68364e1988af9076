// The browser's ASCII form of each host in tests/cases/idn_hosts.tsv is what Node's
// url.domainToASCII (WHATWG URL, full UTS 46) gives today. src/link/idn.rs checks LureLens's
// lighter mapping against the same file, so a browser-side change shows in one place.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { domainToASCII } from 'node:url';
import { ROOT } from './helpers.js';

const rows = fs.readFileSync(path.join(ROOT, 'tests', 'cases', 'idn_hosts.tsv'), 'utf8')
  .split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));

test('the file holds the browser\'s ASCII form of every host', () => {
  assert.ok(rows.length >= 40);
  for (const [host, whatwg] of rows) assert.equal(domainToASCII(host), whatwg ?? '', host);
});

test('LureLens differs from the browser on few hosts', () => {
  const differing = rows.filter((r) => r.length > 2);
  assert.ok(differing.length <= rows.length / 20, `${differing.length} known differences`);
});
