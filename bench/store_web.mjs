// Save and load of a workspace with 1k, 10k and 100k tasks in headless
// Chromium: serialize (C++ encode + hand-off to JS, state().save.saveCallMs),
// IndexedDB write (storeTimings.writeMs) and, after a reload, IndexedDB read
// (storeTimings.readMs) and decode (state().save.loadMs); medians. Writes
// bench/results/store-web.json, prints a Markdown table and the web/native
// ratios (from bench/results/store-native.json, see bench/store_bench.cpp).
// `node bench/store_web.mjs 1000 10000` measures only the sizes given.
//
// It also records what a first touch of fresh memory costs in the page (a
// page fault: ~13 µs a 4 KB page on the 2-core VM this was written on, well
// under 1 µs on most machines) and the fresh heap each load took
// (state().save.loadHeapBytes), so that their product, the part of a load
// spent in page faults, can be told apart from the decoding itself.
import fs from 'node:fs';
import path from 'node:path';
import { openApp, repoRoot, waitReady, webDir } from '../tests/e2e/helpers.mjs';

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
if (sizes.length === 0) sizes.push(1000, 10000, 100000);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const MAX_IMPORT_BYTES = 64 * 1024 * 1024;  // importJSON's limit (src/core/json_io.h)

// Runs inside the page: microseconds per 4 KB page to write one byte into
// 64 MB of fresh WebAssembly memory, then again into the same pages.
function measurePageTouch() {
  const memory = new WebAssembly.Memory({ initial: 1024 });  // 64 KB pages
  const bytes = new Uint8Array(memory.buffer);
  const pages = bytes.length / 4096;
  const touch = (value) => {
    const started = performance.now();
    for (let i = 0; i < bytes.length; i += 4096) bytes[i] = value;
    return ((performance.now() - started) * 1000) / pages;
  };
  const firstUs = touch(1);
  return { firstUs, againUs: touch(2), mb: bytes.length / 1048576 };
}

// Runs inside the page (Playwright sends its source, so it must be self-contained).
// The same workspace as build_workspace() in bench/store_bench.cpp: the same
// mulberry32 streams drawn in the same order, so the snapshots match byte for byte.
function generateWorkspace(n) {
  const stream = (seed) => {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6D2B79F5) >>> 0;
      let t = Math.imul(a ^ (a >>> 15), a | 1);
      t = (t + Math.imul(t ^ (t >>> 7), t | 61)) ^ t;
      return (t ^ (t >>> 14)) >>> 0;
    };
  };
  const next = stream(0xC0FFEE);
  const nextId = stream(0x1D5EED);
  const below = (k) => next() % k;
  const pick = (list) => list[below(list.length)];
  const half = (lo, hi) => (lo * 2 + below((hi - lo) * 2 + 1)) / 2;
  const VERBS = ['Label', 'Clean', 'Audit', 'Train', 'Evaluate', 'Deploy', 'Monitor', 'Benchmark', 'Document', 'Review',
    'Collect', 'Tune', 'Profile', 'Validate', 'Refactor', 'Export'];
  const NOUNS = ['call transcripts', 'churn features', 'baseline model', 'training set', 'evaluation harness',
    'feature store', 'labelling guide', 'drift dashboard', 'inference service', 'data contract', 'annotation batch',
    'holdout split', 'latency budget', 'GPU cluster', 'consent records', 'model card'];
  const WORDS = ['the', 'data', 'model', 'labels', 'pipeline', 'metrics', 'recall', 'precision', 'baseline', 'latency',
    'p95', 'budget', 'stakeholders', 'review', 'sample', 'bias', 'drift', 'schema', 'features', 'training', 'validation',
    'holdout', 'cohort', 'segment', 'weekly', 'owner', 'risk', 'threshold', 'experiment', 'dataset', 'version', 'GPU',
    'hours', 'cost', 'quality', 'coverage', 'annotators', 'guidelines', 'agreement', 'errors', 'edge', 'cases',
    'rollout', 'shadow', 'traffic', 'monitoring', 'alerts', 'retraining'];
  const PEOPLE = ['Ana Lima', 'José Álvarez', 'Mei Chen', 'Tom Berg', 'Priya Nair', 'Lukas Weber'];
  const TAGS = ['data', 'infra', 'quality', 'labelling', 'eval', 'blocked-by-legal'];
  const STATUS = ['backlog', 'todo', 'in_progress', 'blocked', 'done'];
  const STAGES = ['data_collection', 'labelling', 'features', 'training', 'evaluation', 'deployment', 'monitoring',
    'research_spike', 'other'];
  const RISKS = ['bias_fairness', 'privacy_compliance', 'model_drift', 'data_quality', 'cost', 'schedule', 'other'];
  const BASE_DAY = 20458;  // 2026-01-05
  const date = (days) => new Date(days * 86400000).toISOString().slice(0, 10);
  const day = (spread) => date(BASE_DAY + below(spread));
  const sentence = (lo, hi) => {
    const target = lo + below(hi - lo + 1);
    let s = pick(WORDS);
    s = s[0].toUpperCase() + s.slice(1);
    while (s.length < target) s += ' ' + pick(WORDS);
    return s + '.';
  };
  const title = () => {
    const verb = pick(VERBS);
    const noun = pick(NOUNS);
    return `${verb} ${noun} for ${pick(NOUNS)}`;
  };
  const hex8 = (x) => x.toString(16).padStart(8, '0');
  let items;
  const add = (kind, parent, fields) => {
    const a = nextId();
    const b = ((nextId() & 0xFFFF0FFF) | 0x4000) >>> 0;  // UUID version 4
    const c = ((nextId() & 0x3FFFFFFF) | 0x80000000) >>> 0;  // variant 10
    const d = nextId();
    const id = `${hex8(a)}-${hex8(b).slice(0, 4)}-${hex8(b).slice(4)}-${hex8(c).slice(0, 4)}-${hex8(c).slice(4)}${hex8(d)}`;
    items.push({ kind, id, parent, fields });
    return id;
  };

  const projects = [];
  const edited = [];
  const projectCount = Math.max(1, Math.floor(n / 5000));
  const tasks = Math.floor(n / projectCount);
  for (let p = 0; p < projectCount; ++p) {
    items = [];
    const pid = add('project', null, { name: `Project ${p + 1}: ${pick(NOUNS)}`, domain: 'tabular', phase: 'modelling',
      problem: sentence(150, 300), business_goal: sentence(80, 160), scope_in: sentence(80, 200),
      scope_out: sentence(60, 150), latency_p95_ms: 120, budget: 50000 + 1000 * p, budget_currency: 'EUR',
      compliance: ['GDPR'] });
    const people = PEOPLE.map((name) => add('person', pid, { name, role: 'ML engineer', time_zone: 'Europe/Berlin',
      responsibility: sentence(40, 100), capacity_days_per_week: 4 }));
    const metrics = [];
    for (let m = 0; m < 3; ++m) {
      metrics.push(add('metric', pid, { name: pick(WORDS) + ' score', level: 'ml', unit: '%', baseline: 70, target: 85 }));
      for (let k = 0; k < 4; ++k) add('metric_reading', metrics[m], { on: day(300), value: half(60, 90), note: sentence(20, 60) });
    }
    for (let s = 0; s < 2; ++s) {
      add('data_source', pid, { name: pick(NOUNS), owner: pick(PEOPLE), licence: 'internal', personal_data: true,
        status: 'available', notes: sentence(40, 120) });
    }
    const sprintCount = Math.max(2, Math.floor((tasks + 199) / 200));
    const sprints = [];
    for (let s = 0; s < sprintCount; ++s) {
      sprints.push(add('sprint', pid, { name: `Sprint ${s + 1}`, kind: 'delivery', goal: sentence(40, 120),
        start: date(BASE_DAY + 14 * s), end: date(BASE_DAY + 14 * s + 13) }));
    }
    const gates = [];
    for (let g = 0; g < 4; ++g) {
      gates.push(add('gate', pid, { name: `Gate ${g + 1}`, due: day(365), decision: 'pending', rationale: sentence(60, 160) }));
      for (let c = 0; c < 2; ++c) add('gate_criterion', gates[g], { metric: metrics[c], comparison: 'at_least', threshold: 80 });
    }
    const scaled = Math.max(5, Math.floor(tasks / 100));
    for (let k = 0; k < scaled; ++k) {
      add('risk', pid, { title: sentence(30, 70), category: pick(RISKS), likelihood: 1 + below(5), impact: 1 + below(5),
        owner: pick(PEOPLE), mitigation: sentence(80, 200), next_review: day(365) });
    }
    for (let k = 0; k < scaled; ++k) {
      const e = add('experiment', pid, { title: title(), hypothesis: sentence(80, 200), status: 'succeeded',
        dataset_version: `v1.${k}`, model_version: `m${k}`, parameters: 'lr=0.001 batch=64 epochs=10',
        gpu_hours: half(1, 40), notes: sentence(40, 120), on: day(365) });
      for (let m = 0; m < 2; ++m) add('experiment_result', e, { metric: metrics[m], value: half(60, 90) });
      add('external_run', e, { system: 'mlflow', run_id: `run-${next()}`, url: `https://mlflow.example.com/runs/${k}` });
    }
    for (let k = 0; k < 5; ++k) {
      add('decision', pid, { title: sentence(30, 70), on: day(365), decision: sentence(40, 120),
        rationale: sentence(60, 160), gate: gates[k % 4] });
    }
    let previous = null;
    for (let i = 0; i < tasks; ++i) {
      const status = pick(STATUS);
      const f = { title: title(), description: sentence(100, 300), status, stage: pick(STAGES), assignee: people[below(6)],
        optimistic_days: half(1, 3), likely_days: half(3, 6), pessimistic_days: half(6, 15), start: day(300),
        due: day(365), tags: [pick(TAGS), pick(TAGS)], sprint: sprints[i % sprintCount], order: i };
      if (status === 'done') f.actual_days = half(1, 15);
      const task = add('task', pid, f);
      for (let c = 0; c <= i % 3; ++c) add('checklist_item', task, { text: sentence(20, 60), done: status === 'done', order: c });
      if (i % 4 === 3) add('dependency', task, { predecessor: previous, type: 'finish_to_start', lag_days: 0 });
      if (i % 4 === 0) edited.push(task);
      previous = task;
    }
    projects.push(items);
  }
  return { projects, edited };
}

// Imports the generated workspace as one document if importJSON takes it,
// else one document per project; then one command starts every 4th task
// (as bench/store_bench.cpp does). Runs in the page, in one task, so one
// autosave covers it all.
function importWorkspace(n) {
  const { projects, edited } = window.cairnBenchGenerate(n);
  const doc = (items) => JSON.stringify({ format: 'cairn', version: 1, items });
  const whole = doc(projects.flat());
  const wholeBytes = new TextEncoder().encode(whole).length;
  let started = performance.now();
  let result = cairn.importJSON(whole);
  let refused = null;
  let documents = 1;
  if (!result.ok) {
    refused = result.error;
    const texts = projects.map(doc);
    documents = texts.length;
    started = performance.now();
    for (const text of texts) {
      result = cairn.importJSON(text);
      if (!result.ok) return { ok: false, error: `import: ${result.error}`, refused };
    }
  }
  const edit = cairn.exec({ label: 'Start tasks', ops: edited.map((id) => ({ op: 'set', id, field: 'status', value: 'in_progress' })) });
  if (!edit.ok) return { ok: false, error: `edit: ${edit.error}` };
  const importMs = performance.now() - started;
  window.cairnBenchImported = performance.now();
  return { ok: true, wholeBytes, refused, documents, importMs, firstTask: edited[0] };
}

const itemCount = (state) => Object.values(state.counts).reduce((sum, count) => sum + count, 0);

// Waits for the autosave to finish and returns its figures.
async function savedFigures(page) {
  await page.waitForFunction(() => {
    const save = cairn.state().save;
    if (save.error) throw new Error(`save failed: ${save.error}`);
    return !save.dirty && save.status.startsWith('Saved');
  }, null, { polling: 20, timeout: 600000 });
  return page.evaluate(() => ({ saveCallMs: cairn.state().save.saveCallMs, ...cairn.storeTimings,
    sinceImportMs: performance.now() - window.cairnBenchImported }));
}

async function bench(n) {
  const saveRuns = n >= 100000 ? 3 : 5;
  const loadRuns = n >= 100000 ? 3 : 5;
  const app = await openApp();
  const { page } = app;
  try {
    await waitReady(page);
    // Playwright evaluates this over the DevTools protocol: the page's CSP does not apply.
    await page.evaluate(`window.cairnBenchGenerate = ${generateWorkspace.toString()}`);
    const imported = await page.evaluate(importWorkspace, n);
    if (!imported.ok) return { tasks: n, failed: imported.error, refused: imported.refused };
    const items = itemCount(await page.evaluate(() => cairn.state()));
    const first = await savedFigures(page);  // the save of the import (after the 0.5 s autosave delay)

    // Small edits, each saved on its own: the steady cost of saving this workspace.
    const saves = [];
    for (let i = 0; i < saveRuns; ++i) {
      await page.evaluate(([id, value]) => cairn.exec({ op: 'set', id, field: 'title', value }), [imported.firstTask, `x${i}`]);
      saves.push(await savedFigures(page));
    }

    // Load: reload on the same profile, as when the app is opened again.
    const loads = [];
    for (let i = 0; i < loadRuns; ++i) {
      await page.reload();
      await waitReady(page, 600000);
      const figures = await page.evaluate(() => ({ ...cairn.storeTimings, loadMs: cairn.state().save.loadMs,
        loadHeapBytes: cairn.state().save.loadHeapBytes,
        firstFrameMs: cairn.firstFrameMs, notice: cairn.state().save.notice, state: cairn.state() }));
      if (itemCount(figures.state) !== items) throw new Error(`reload found ${itemCount(figures.state)} items, not ${items}`);
      // The histories are decoded after the first frame, between frames.
      figures.historiesPendingAtFirstFrame = figures.state.save.historiesPending;
      figures.historiesDoneAfterFirstFrameMs = await page.evaluate(async () => {
        while (cairn.state().save.historiesPending) await new Promise((resolve) => setTimeout(resolve, 20));
        return performance.now() - cairn.firstFrameMs;
      });
      delete figures.state;
      loads.push(figures);
    }
    const pageTouch = await page.evaluate(measurePageTouch);
    if (app.problems.length) console.warn(`page problems at ${n} tasks:\n  ${app.problems.join('\n  ')}`);
    const med = (list, key) => median(list.map((x) => x[key]));
    return {
      tasks: n, items, import: imported, first_save: first, saves, loads,
      bytes: saves.at(-1).bytes,
      serialize_ms: med(saves, 'saveCallMs'),
      idb_write_ms: med(saves, 'writeMs'),
      save_total_ms: median(saves.map((s) => s.saveCallMs + s.writeMs)),
      idb_read_ms: med(loads, 'readMs'),
      decode_ms: med(loads, 'loadMs'),
      load_total_ms: median(loads.map((l) => l.readMs + l.loadMs)),
      first_frame_ms: med(loads, 'firstFrameMs'),
      idb_read_beside_compile_ms: med(loads, 'prefetchMs'),
      histories_done_after_first_frame_ms: med(loads, 'historiesDoneAfterFirstFrameMs'),
      page_touch: pageTouch,
      load_heap_mb: med(loads, 'loadHeapBytes') / 1048576,
      // The part of a load's decode that first touches of its fresh heap
      // cost at this machine's price per page (an estimate, not a timing).
      load_page_faults_ms: (med(loads, 'loadHeapBytes') / 4096) * pageTouch.firstUs / 1000,
    };
  } catch (error) {
    return { tasks: n, failed: String(error && error.message || error) };
  } finally {
    await app.close().catch(() => {});
    fs.rmSync(app.profile, { recursive: true, force: true });  // 100k leaves hundreds of MB
  }
}

const results = [];
for (const n of sizes) {
  console.error(`store web bench: ${n} tasks...`);
  results.push(await bench(n));
}

const outDir = path.join(repoRoot, 'bench/results');
fs.mkdirSync(outDir, { recursive: true });
const buildFile = path.join(webDir, 'build-id.txt');
const build = fs.existsSync(buildFile) ? fs.readFileSync(buildFile, 'utf8').trim() : null;
fs.writeFileSync(path.join(outDir, 'store-web.json'),
  JSON.stringify({ date: new Date().toISOString(), build, sizes: results }, null, 2) + '\n');

const ms = (v) => `${v.toFixed(1)} ms`;
const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;
console.log(`Browser store, headless Chromium: medians of ${sizes.map((n) => (n >= 100000 ? 3 : 5)).join('/')} saves and reloads.
Serialize = C++ encode + hand-off to JS; total = serialize + write, read + decode (medians of the per-run sums).
IndexedDB read = what the app waited for the database: the page reads the newest generation while the module downloads and
compiles (that read's own time is the "beside compile" column), the app then checks the manifest and reads what is missing.
Decode = C++ time to rebuild the workspace; item histories are decoded after the first frame (the last column).

| tasks | items | snapshot | serialize | IndexedDB write | total save | IndexedDB read | decode | total load | first frame after reload | read beside compile | histories decoded after first frame |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
for (const r of results) {
  if (r.failed) {
    console.log(`| ${r.tasks} | — | — | failed: ${r.failed.split('\n')[0]} | | | | | | | | |`);
    process.exitCode = 1;
    continue;
  }
  console.log(`| ${r.tasks} | ${r.items} | ${mb(r.bytes)} | ${ms(r.serialize_ms)} | ${ms(r.idb_write_ms)} | ${ms(r.save_total_ms)} | ` +
    `${ms(r.idb_read_ms)} | ${ms(r.decode_ms)} | ${ms(r.load_total_ms)} | ${ms(r.first_frame_ms)} | ` +
    `${ms(r.idb_read_beside_compile_ms)} | +${ms(r.histories_done_after_first_frame_ms)} |`);
}
for (const r of results) {
  if (r.failed) continue;
  const how = r.import.refused ? `${r.import.documents} documents, one per project: one document of ${mb(r.import.wholeBytes)} was refused (${r.import.refused})`
    : `one document of ${mb(r.import.wholeBytes)}`;
  console.log(`\n${r.tasks} tasks: imported as ${how} in ${ms(r.import.importMs)}; first save ${ms(r.first_save.saveCallMs)} + ${ms(r.first_save.writeMs)}, saved ${ms(r.first_save.sinceImportMs)} after the import returned (0.5 s autosave delay included).`);
}

// Goals of the issue, and how the browser compares with native code.
const at10k = results.find((r) => r.tasks === 10000 && !r.failed);
if (at10k) {
  const verdict = (value, goal) => `${ms(value)} (goal < ${goal} ms: ${value < goal ? 'met' : 'NOT met'})`;
  console.log(`\nGoals at 10k tasks: save ${verdict(at10k.save_total_ms, 50)}, load ${verdict(at10k.load_total_ms, 100)}.`);
  const touch = at10k.page_touch;
  console.log(`First touches of memory here: ${touch.firstUs.toFixed(2)} µs a 4 KB page (again: ${touch.againUs.toFixed(3)} µs); ` +
    `the load took ${at10k.load_heap_mb.toFixed(1)} MB of fresh heap, so ~${ms(at10k.load_page_faults_ms)} of its decode are page faults.`);
}
const nativeFile = path.join(outDir, 'store-native.json');
const native = fs.existsSync(nativeFile) ? JSON.parse(fs.readFileSync(nativeFile, 'utf8')) : null;
const native10k = native && native.sizes.find((s) => s.tasks === 10000);
if (at10k && native10k) {
  console.log(`Web/native at 10k tasks: encode ${ms(at10k.serialize_ms)} / ${ms(native10k.encode_ms.median)} = ` +
    `${(at10k.serialize_ms / native10k.encode_ms.median).toFixed(1)}x, decode ${ms(at10k.decode_ms)} / ` +
    `${ms(native10k.decode_ms.median)} = ${(at10k.decode_ms / native10k.decode_ms.median).toFixed(1)}x; ` +
    `snapshot bytes ${at10k.first_save.bytes === native10k.bytes ? 'identical' : `differ (${at10k.first_save.bytes} vs ${native10k.bytes})`}.`);
} else if (at10k) {
  console.log('No native figures at 10k tasks: run build/native-release/bench/cairn_store_bench first for the web/native ratios.');
}
