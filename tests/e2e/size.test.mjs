// The download a first visit costs: cairn.wasm + cairn.js, gzipped as a
// server would send them. The goal is < 700 KB and is NOT met (762 KB on
// 2026-11-28, README "Measurements"). The module grew by 100 KB once without
// anyone noticing; this budget catches the next growth. Lower it as the
// module shrinks, never raise it without saying why in the README. Raised
// from 750 to 790 KB on 2026-11-27: inlining in the store and the core files
// its decoder calls (src/CMakeLists.txt) made loading 10k tasks ~30% faster
// for 35 KB. Lowered to 770 KB on 2026-11-28 (762 KB without iostreams).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { test } from 'node:test';
import { webDir } from './helpers.mjs';

const BUDGET_BYTES = 770 * 1024;

test('wasm + js, gzipped, stay within the size budget', () => {
  const gzip = (file) => zlib.gzipSync(fs.readFileSync(path.join(webDir, file)), { level: 9 }).length;
  const total = gzip('cairn.wasm') + gzip('cairn.js');
  assert.ok(total <= BUDGET_BYTES,
    `cairn.wasm + cairn.js are ${(total / 1024).toFixed(0)} KB gzipped, over the ${BUDGET_BYTES / 1024} KB budget`);
});
