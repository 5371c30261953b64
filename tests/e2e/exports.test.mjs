// The File menu's export formats as real browser downloads: tasks (CSV),
// calendar (iCalendar) and the status report (Markdown), chosen with the
// mouse; each file's name, and content that only that format has.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { startServer } from '../../scripts/serve.mjs';
import { freshProfile, openApp, sleep, waitReady, webDir } from './helpers.mjs';

// File > Export workspace > the format at `y` (a menu row; the submenu opens
// to the right of "Export workspace", so the pointer moves right, then down).
async function exportWith(page, y) {
  await page.mouse.click(31, 14);
  await sleep(300);
  await page.mouse.move(70, 104);
  await sleep(400);
  await page.mouse.move(520, 104, { steps: 8 });
  await sleep(200);
  await page.mouse.move(520, y, { steps: 4 });
  await sleep(200);
  const [download] = await Promise.all([page.waitForEvent('download'), page.mouse.click(520, y)]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-export-')), download.suggestedFilename());
  await download.saveAs(file);
  return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

test('File > Export workspace: tasks CSV, calendar and status report download with their own content', async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await waitReady(page);
    await page.evaluate(() => {
      const project = cairn.exec({ op: 'create', kind: 'project', fields: { name: 'Défaut detection' } }).created[0];
      cairn.exec({ op: 'create', kind: 'task', parent: project,
        fields: { title: 'Label, "hard" cases\nsecond line', likely_days: 3, due: '2026-12-18' } });
      cairn.exec({ op: 'create', kind: 'gate', parent: project, fields: { name: 'Go; no-go, data', due: '2026-12-11' } });
    });
    await sleep(500);

    const csv = await exportWith(page, 128);
    assert.match(csv.name, /^cairn-workspace-\d{4}-\d\d-\d\d\.csv$/);
    const [header] = csv.text.split('\r\n');
    assert.ok(header.startsWith('id,project_id,project,title,'), header);
    // RFC 4180: the comma, the doubled quotes and the line break stay inside one quoted field.
    assert.ok(csv.text.includes('"Label, ""hard"" cases\nsecond line"'), csv.text);
    assert.ok(csv.text.includes('Défaut detection'));

    const ics = await exportWith(page, 152);
    assert.match(ics.name, /\.ics$/);
    assert.ok(ics.text.startsWith('BEGIN:VCALENDAR\r\n'), ics.text.slice(0, 80));
    assert.ok(ics.text.includes('Go\\; no-go\\, data'), 'the gate, with RFC 5545 escaping');
    assert.ok(ics.text.includes('DTSTART;VALUE=DATE:20261211'));
    assert.ok(ics.text.trimEnd().endsWith('END:VCALENDAR'));

    const md = await exportWith(page, 176);
    assert.match(md.name, /\.md$/);
    assert.ok(md.text.startsWith('# Status report: Défaut detection'), md.text.slice(0, 80));
    assert.ok(md.text.includes('Go; no-go, data'), 'the next gate is in the report');
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});

// A file whose items are in an order the store never reads them in: a
// project's children neither by kind nor by id, a task's checklist by
// descending id. The store's loader adds items kind by kind in id order.
function scrambledExport() {
  const id = (n) => `a0000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
  const project = id(0x10);
  const items = [{ kind: 'project', id: project, parent: null, fields: { name: 'Order test' } }];
  const child = (kind, n, parent, fields) => items.push({ kind, id: id(n), parent, fields });
  child('task', 0x29, project, { title: 'Train', likely_days: 3 });
  child('person', 0x23, project, { name: 'Ada' });
  child('task', 0x25, project, { title: 'Label', likely_days: 2 });
  child('risk', 0x22, project, { title: 'Drift', likelihood: 3, impact: 4 });
  child('metric', 0x21, project, { name: 'F1', unit: '' });
  child('checklist_item', 0x3c, id(0x25), { text: 'Second', order: 1 });
  child('checklist_item', 0x3a, id(0x25), { text: 'First', order: 0 });
  child('dependency', 0x3b, id(0x29), { predecessor: id(0x25) });
  child('task', 0x24, project, { title: 'Collect', likely_days: 1 });
  return JSON.stringify({ format: 'cairn', version: 1, items });
}

async function waitSaved(page) {
  await page.waitForFunction(() => {
    const s = window.cairn.state().save;
    return !s.dirty && s.status.startsWith('Saved');
  }, null, { timeout: 10000 });
}

test('the JSON export is the same bytes before and after a reload, and after a browser restart', async () => {
  const profile = freshProfile();
  const server = await startServer({ root: webDir, port: 0 });
  let app = await openApp({ profile, server });
  try {
    await waitReady(app.page);
    const result = await app.page.evaluate((text) => cairn.importJSON(text), scrambledExport());
    assert.equal(result.ok, true, JSON.stringify(result));
    const before = await app.page.evaluate(() => cairn.exportJSON());
    const items = JSON.parse(before).items;
    assert.equal(items.length, 10);
    // Parents first; a parent's children by kind (person, metric, task,
    // checklist item, dependency, risk: the order of the kinds in
    // docs/file-format.md), then by id.
    assert.deepEqual(items.map((i) => `${i.kind} ${i.id.slice(-2)}`), [
      'project 10', 'person 23', 'metric 21', 'task 24', 'task 25', 'task 29', 'risk 22',
      'checklist_item 3a', 'checklist_item 3c', 'dependency 3b']);
    await waitSaved(app.page);

    await app.page.reload();
    await waitReady(app.page);
    assert.equal(await app.page.evaluate(() => cairn.exportJSON()), before, 'after a reload');
    await app.close();

    app = await openApp({ profile, server });
    await waitReady(app.page);
    assert.equal(await app.page.evaluate(() => cairn.exportJSON()), before, 'after a browser restart');
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
    await server.close();
  }
});
