// The size budget of the WASM engine (issue: ≤ 350 KB gzipped). Every start of the extension's
// service worker compiles this file, so growth past the budget fails here, not in a benchmark
// nobody reads. Node's zlib at level 9 gives about 1.4 % more than `gzip -9`; the budget holds
// for both.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { EXT } from './helpers.js';

test('the WASM engine is at most 350 KB gzipped', () => {
  const wasm = fs.readFileSync(path.join(EXT, 'pkg', 'lurelens_bg.wasm'));
  const gzipped = zlib.gzipSync(wasm, { level: 9 }).length;
  assert.ok(gzipped <= 350_000, `${gzipped} B gzipped (${wasm.length} B raw)`);
});
