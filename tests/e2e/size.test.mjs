// The download a first visit costs: cairn.wasm + cairn.js, gzipped as a
// server would send them. The goal is < 700 KB and is not met (770 KB,
// docs/performance.md "Web page"). The budget sits just above the current
// size so that any growth fails here and is seen. Lower it as the module
// shrinks; raise it only for a gain worth the bytes, and say which in
// docs/performance.md (as for the 35 KB of -O2 -finline-functions in the
// store and the core files its decoder calls, src/CMakeLists.txt: loading
// 10k tasks ~30% faster).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { test } from 'node:test';
import { webDir } from './helpers.mjs';

const BUDGET_BYTES = 775 * 1024;

test('wasm + js, gzipped, stay within the size budget', () => {
  const gzip = (file) => zlib.gzipSync(fs.readFileSync(path.join(webDir, file)), { level: 9 }).length;
  const total = gzip('cairn.wasm') + gzip('cairn.js');
  assert.ok(total <= BUDGET_BYTES,
    `cairn.wasm + cairn.js are ${(total / 1024).toFixed(0)} KB gzipped, over the ${BUDGET_BYTES / 1024} KB budget`);
});
