// The schedule benchmark (bench/schedule_bench.cpp) natively and as
// WebAssembly in headless Chromium, one right after the other, so that the
// wasm/native ratios come from one run on the same machine state. Critical
// path on 1k/10k/100k tasks, Monte Carlo 10k iterations over 1k tasks.
// Writes bench/results/schedule-web.json (both sides and the ratios) and
// prints a Markdown table. Run by scripts/bench.sh after building
// cairn_schedule_bench (native-release) and cairn_schedule_bench_web
// (web-release).
//   node bench/schedule_web.mjs [NATIVE_BINARY WEB_FOLDER]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startServer } from '../scripts/serve.mjs';
import { launchBrowser, repoRoot } from '../tests/e2e/helpers.mjs';

const nativeBinary = process.argv[2] || path.join(repoRoot, 'build/native-release/bench/cairn_schedule_bench');
const webFolder = process.argv[3] || path.join(repoRoot, 'build/web-release/bench');
const webScript = 'cairn_schedule_bench_web.js';
const outDir = path.join(repoRoot, 'bench/results');
for (const needed of [nativeBinary, path.join(webFolder, webScript)]) {
  if (!fs.existsSync(needed)) throw new Error(`${needed} is missing: see the comment at the top of this file`);
}

// Native: the program writes bench/results/schedule-native.json.
console.error('schedule bench: native...');
execFileSync(nativeBinary, [], { stdio: ['ignore', 'inherit', 'inherit'] });
const native = JSON.parse(fs.readFileSync(path.join(outDir, 'schedule-native.json'), 'utf8'));

// WebAssembly: a bare page that runs the program; its stdout arrives as
// console messages, the JSON between two marker lines.
console.error('schedule bench: WebAssembly in headless Chromium...');
const server = await startServer({ root: webFolder, port: 0 });
const browser = await launchBrowser();
let web;
try {
  const page = await browser.newPage();
  const lines = [];
  let exited = null;
  page.on('console', (message) => lines.push(message.text()));
  page.on('pageerror', (error) => { exited = `page error: ${error.message}`; });
  await page.route('**/bench.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><meta charset="utf-8"><title>schedule bench</title>
<script>var Module = { onExit: (code) => { window.benchExit = code; } };</script>
<script src="${webScript}"></script>`,
  }));
  await page.goto(new URL("bench.html", server.url).href);
  await page.waitForFunction(() => window.benchExit !== undefined, null, { timeout: 15 * 60 * 1000, polling: 500 });
  const code = await page.evaluate(() => window.benchExit);
  if (exited || code !== 0) throw new Error(exited || `the wasm benchmark exited with ${code}:\n${lines.join('\n')}`);
  const text = lines.join('\n');
  const begin = text.indexOf('--- schedule-bench-json ---');
  const end = text.indexOf('--- end ---');
  if (begin < 0 || end < begin) throw new Error(`no JSON in the page's output:\n${text}`);
  web = JSON.parse(text.slice(begin + '--- schedule-bench-json ---'.length, end));
  console.log(text.slice(end + '--- end ---'.length).trim());
  web.userAgent = await page.evaluate(() => navigator.userAgent);
} finally {
  await browser.close();
  await server.close();
}

const ratio = (w, n) => Number((w / n).toFixed(2));
const rows = native.critical_path.map((n) => {
  const w = web.critical_path.find((x) => x.tasks === n.tasks);
  // Warm allocator on both sides: the wasm heap never shrinks.
  return { tasks: n.tasks, native_ms: n.compute_warm_allocator_ms.median, web_ms: w.compute_warm_allocator_ms.median,
    ratio: ratio(w.compute_warm_allocator_ms.median, n.compute_warm_allocator_ms.median),
    same_answer: w.duration_days === n.duration_days && w.critical_tasks === n.critical_tasks };
});
const forecast = {
  tasks: native.forecast.tasks, iterations: native.forecast.iterations,
  native_ms: native.forecast.run_ms.median, web_ms: web.forecast.run_ms.median,
  ratio: ratio(web.forecast.run_ms.median, native.forecast.run_ms.median),
  same_answer: web.forecast.p50_days === native.forecast.p50_days && web.forecast.p80_days === native.forecast.p80_days &&
    web.forecast.p95_days === native.forecast.p95_days,
  goal: 'under 1000 ms in the browser, wasm/native under 1.5',
};
forecast.goal_met = forecast.web_ms < 1000 && forecast.ratio < 1.5;

const result = { date: new Date().toISOString(), critical_path: rows, forecast, native, web };
fs.writeFileSync(path.join(outDir, 'schedule-web.json'), JSON.stringify(result, null, 2) + '\n');

const ms = (v) => (v < 10 ? v.toFixed(2) : v.toFixed(0)) + ' ms';
console.log('\nSchedule engine, native and WebAssembly in headless Chromium (medians, one run)\n');
console.log('| work | native | WebAssembly | wasm/native | same answer |');
console.log('| --- | ---: | ---: | ---: | --- |');
for (const r of rows) console.log(`| critical path, ${r.tasks} tasks | ${ms(r.native_ms)} | ${ms(r.web_ms)} | ${r.ratio} | ${r.same_answer ? 'yes' : 'NO'} |`);
console.log(`| Monte Carlo, ${forecast.iterations} runs over ${forecast.tasks} tasks | ${ms(forecast.native_ms)} | ` +
  `${ms(forecast.web_ms)} | ${forecast.ratio} | ${forecast.same_answer ? 'yes' : 'NO'} |`);
console.log(`\nForecast goal (${forecast.goal}): ${forecast.goal_met ? 'met' : 'NOT met'}`);
if (!rows.every((r) => r.same_answer) || !forecast.same_answer) {
  console.error('the WebAssembly build computed a different schedule or forecast than the native one');
  process.exitCode = 1;
}
