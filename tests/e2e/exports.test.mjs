// The File menu's export formats as real browser downloads: tasks (CSV),
// calendar (iCalendar) and the status report (Markdown), chosen with the
// mouse; each file's name, and content that only that format has.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { openApp, sleep, waitReady } from './helpers.mjs';

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
