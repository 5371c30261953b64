// Web app figures for docs/performance.md: download size, time to first frame in
// headless Chromium (median of 5 fresh profiles), idle frames per second.
// Writes bench/results/web-metrics.json and prints a Markdown table.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { openApp, repoRoot, sleep, waitReady, webDir } from '../tests/e2e/helpers.mjs';

const gzip = (file) => zlib.gzipSync(fs.readFileSync(path.join(webDir, file)), { level: 9 }).length;
const raw = (file) => fs.statSync(path.join(webDir, file)).size;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const pageFiles = ['index.html', 'boot.js', 'shell.css', 'cairn.js', 'cairn.wasm'];
const size = {
  wasm: { raw: raw('cairn.wasm'), gzip: gzip('cairn.wasm') },
  js: { raw: raw('cairn.js'), gzip: gzip('cairn.js') },
  page_total_gzip: pageFiles.reduce((sum, file) => sum + gzip(file), 0),
};

const firstFrames = [];
for (let run = 0; run < 5; ++run) {
  const app = await openApp();
  await waitReady(app.page);
  firstFrames.push(await app.page.evaluate(() => window.cairn.firstFrameMs));
  await app.close();
}

const app = await openApp();
await waitReady(app.page);
await sleep(1000);
const before = await app.page.evaluate(() => window.cairn.frames);
const idleSeconds = 5;
await sleep(idleSeconds * 1000);
const after = await app.page.evaluate(() => window.cairn.frames);
await app.close();

const result = {
  date: new Date().toISOString(),
  build: fs.readFileSync(path.join(webDir, 'build-id.txt'), 'utf8').trim(),
  size,
  first_frame_ms: { median: median(firstFrames), runs: firstFrames },
  idle_fps: (after - before) / idleSeconds,
};
const outDir = path.join(repoRoot, 'bench/results');
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 'web-metrics.json'), JSON.stringify(result, null, 2) + '\n');

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
console.log(`| figure | value |
| --- | --- |
| cairn.wasm (gzip -9) | ${kb(size.wasm.gzip)} (${kb(size.wasm.raw)} raw) |
| cairn.js (gzip -9) | ${kb(size.js.gzip)} (${kb(size.js.raw)} raw) |
| wasm + js gzip | ${kb(size.wasm.gzip + size.js.gzip)} |
| everything the page loads, gzip | ${kb(size.page_total_gzip)} |
| navigation to first frame, median of 5 | ${result.first_frame_ms.median.toFixed(0)} ms (runs: ${firstFrames.map((v) => v.toFixed(0)).join(', ')}) |
| idle frames per second (over ${idleSeconds} s) | ${result.idle_fps} |`);
