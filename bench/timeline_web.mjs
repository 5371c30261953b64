// Timeline frame times in headless Chromium (SwiftShader WebGL2) with 10k and
// 100k tasks: a project of N tasks is imported through the automation API,
// the timeline opened, frames driven by mouse moves over the chart, and the
// app's own frame times read back (state().frameMs: CPU time to build the UI
// and issue its GL calls). Prints a table, writes
// bench/results/timeline-web.json (run by scripts/bench.sh).
//   node bench/timeline_web.mjs [10000 100000]
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openApp, repoRoot, screenshotStats, shortcut, sleep, waitReady } from '../tests/e2e/helpers.mjs';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
if (sizes.length === 0) sizes.push(10000, 100000);

// A project of `n` tasks: estimates on all, dates on 60 %, a finish-to-start
// link on every tenth task to one of the 50 tasks before it.
function projectJson(base, n) {
  const doc = JSON.parse(base);
  const project = doc.items.find((i) => i.kind === 'project');
  project.fields.name = `Timeline ${n}`;
  const statuses = ['backlog', 'todo', 'in_progress', 'blocked', 'done'];
  const stages = ['data_collection', 'labelling', 'features', 'training', 'evaluation', 'deployment', 'monitoring', 'research_spike', 'other'];
  const day0 = Date.parse('2026-11-01T00:00:00Z');
  const iso = (offset) => new Date(day0 + offset * 86400000).toISOString().slice(0, 10);
  const ids = [];
  for (let k = 0; k < n; ++k) {
    const id = crypto.randomUUID();
    ids.push(id);
    const fields = { title: `Task ${k}`, status: statuses[k % 5], stage: stages[k % 9], order: 1000 + k,
      optimistic_days: 1, likely_days: 1 + (k % 5), pessimistic_days: 3 + (k % 7) };
    if (k % 5 < 3) { const s = (k * 7) % 300; fields.start = iso(s); fields.due = iso(s + 2 + (k % 9)); }
    doc.items.push({ kind: 'task', id, parent: project.id, fields });
    if (k % 10 === 9 && k > 50) {
      doc.items.push({ kind: 'dependency', id: crypto.randomUUID(), parent: id,
        fields: { predecessor: ids[k - 1 - (k % 50)], type: 'finish_to_start', lag_days: 0 } });
    }
  }
  return JSON.stringify(doc);
}

const results = [];
for (const n of sizes) {
  const app = await openApp();
  const { page } = app;
  try {
    await waitReady(page);
    await page.mouse.click(316, 290);  // a template project, as the base of the file
    await page.waitForFunction(() => window.cairn.state().counts.task === 12);
    const base = await page.evaluate(() => cairn.exportJSON(cairn.state().projects[0].id));
    const text = projectJson(base, n);
    const t0 = Date.now();
    const imported = await page.evaluate((t) => cairn.importJSON(t), text);
    if (!imported.ok) throw new Error(`import: ${imported.error}`);
    const importMs = Date.now() - t0;
    await sleep(300);
    await shortcut(page, ['Control'], 'k');
    await page.keyboard.type(`Timeline ${n}`, { delay: 10 });
    await sleep(300);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.cairn.state().ui.project !== '');
    await sleep(300);
    const switchStart = Date.now();
    await page.keyboard.press('9');
    await page.waitForFunction(() => window.cairn.state().ui.view === 'Timeline', null, { timeout: 60000 });
    const firstFrameWallMs = Date.now() - switchStart;
    await sleep(500);
    let s = await page.evaluate(() => window.cairn.state());
    // 40 frames of pointer movement over the chart (hover highlights, tooltips).
    for (let i = 0; i < 40; ++i) {
      await page.mouse.move(600 + (i % 20) * 25, 200 + (i % 7) * 30);
      await sleep(35);
    }
    await sleep(300);
    s = await page.evaluate(() => window.cairn.state());
    await screenshotStats(page, `timeline-perf-${n}`);
    const r = { tasks: n, bars: s.ui.timeline.bars, renderer: s.ui.timeline.renderer, rebuildMs: s.ui.timeline.rebuildMs,
      frameMedianMs: s.frameMs.median, frameP90Ms: s.frameMs.p90, framesSampled: s.frameMs.count, importMs, firstFrameWallMs };
    results.push(r);
    console.log(JSON.stringify(r));
  } finally {
    await app.close();
  }
}
const resultsDir = path.join(repoRoot, 'bench/results');
fs.mkdirSync(resultsDir, { recursive: true });
fs.writeFileSync(path.join(resultsDir, 'timeline-web.json'), JSON.stringify({ measuredAt: new Date().toISOString(), results }, null, 2));
console.log('\n| tasks | bars | renderer | frame median ms | p90 ms | rebuild ms (once per change) |');
console.log('| ---: | ---: | --- | ---: | ---: | ---: |');
for (const r of results) {
  console.log(`| ${r.tasks} | ${r.bars} | ${r.renderer} | ${r.frameMedianMs.toFixed(2)} | ${r.frameP90Ms.toFixed(2)} | ${r.rebuildMs.toFixed(0)} |`);
}
