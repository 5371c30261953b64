// Import and export through the browser's own file handling: the download,
// the file picker and a file dropped on the page; and the settings view.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { differingShare, openApp, screenshotStats, shortcut, sleep, waitReady } from './helpers.mjs';

const state = (page) => page.evaluate(() => window.cairn.state());

async function waitSaved(page) {
  await page.waitForFunction(() => {
    const s = window.cairn.state().save;
    return !s.dirty && s.status.startsWith('Saved');
  }, null, { timeout: 10000 });
}

// Waits for a notice with `title` whose body differs from `previousBody`.
async function waitNotice(page, title, previousBody = '') {
  await page.waitForFunction(([t, b]) => {
    const n = window.cairn.state().notice;
    return n.title === t && n.body !== b;
  }, [title, previousBody], { timeout: 10000 });
  return (await state(page)).notice;
}

// Focus the canvas (a click on an empty spot) so the keys go to the app.
const focusApp = (page) => page.mouse.click(900, 650);

test('Ctrl+E downloads the workspace; Ctrl+O imports that file through the picker, and it survives a reload', async () => {
  const app = await openApp();
  try {
    await waitReady(app.page);
    const project = await app.page.evaluate(() => cairn.exec({ op: 'create', kind: 'project', fields: { name: 'Détection 中文' } }).created[0]);
    await app.page.evaluate((id) => cairn.exec({ op: 'create', kind: 'task', parent: id, fields: { title: 'Label, "quoted"\nnext line', stage: 'labelling', likely_days: 4 } }), project);
    await waitSaved(app.page);
    await focusApp(app.page);

    const [download] = await Promise.all([app.page.waitForEvent('download'), shortcut(app.page, ['Control'], 'e')]);
    assert.match(download.suggestedFilename(), /^cairn-workspace-\d{4}-\d\d-\d\d\.json$/);
    // Playwright stores downloads under random names: keep the suggested one.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-download-')), download.suggestedFilename());
    await download.saveAs(file);
    const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(exported.format, 'cairn');
    assert.deepEqual(exported.items.map((i) => i.kind).sort(), ['project', 'task']);
    assert.equal(exported.items.find((i) => i.kind === 'project').fields.name, 'Détection 中文');

    const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), shortcut(app.page, ['Control'], 'o')]);
    await chooser.setFiles(file);
    const notice = await waitNotice(app.page, 'Imported');
    assert.equal(notice.error, false);
    assert.match(notice.body, /Imported 1 project \(2 items in all\) from cairn-workspace-/);
    await sleep(300);
    await screenshotStats(app.page, 'files-imported-notice');
    await app.page.keyboard.press('Enter');  // dismiss the notice
    await app.page.waitForFunction(() => !window.cairn.state().notice.open, null, { timeout: 5000 });

    const s = await state(app.page);
    assert.deepEqual(s.projects.map((p) => p.name), ['Détection 中文', 'Détection 中文']);
    assert.equal(s.counts.task, 2);
    assert.match(s.undo, /Import/);
    await waitSaved(app.page);
    await app.page.reload();
    await waitReady(app.page);
    assert.equal((await state(app.page)).counts.task, 2);
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});

test('a broken, foreign or non-UTF-8 file is refused with the reason, and nothing changes', async () => {
  const app = await openApp();
  try {
    await waitReady(app.page);
    await app.page.evaluate(() => cairn.exec({ op: 'create', kind: 'project', fields: { name: 'Untouched' } }));
    await waitSaved(app.page);
    const before = await state(app.page);
    const cases = [
      { name: 'broken.json', buffer: Buffer.from('{"format": "cairn", "version": 1,\n  "items": [ oops'), reason: /broken\.json: .*line 2/ },
      { name: 'jira.json', buffer: Buffer.from('{"issues": []}'), reason: /jira\.json: / },
      { name: 'latin1.json', buffer: Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]), reason: /latin1\.json is not UTF-8/ },
    ];
    let previous = '';
    for (const c of cases) {
      await focusApp(app.page);
      const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), shortcut(app.page, ['Control'], 'o')]);
      await chooser.setFiles({ name: c.name, mimeType: 'application/json', buffer: c.buffer });
      const notice = await waitNotice(app.page, 'Import failed', previous);
      previous = notice.body;
      assert.equal(notice.error, true);
      assert.match(notice.body, c.reason);
      assert.match(notice.body, /Nothing was changed/);
      if (c.name === 'broken.json') {
        await sleep(300);
        await screenshotStats(app.page, 'files-import-refused');
      }
      await app.page.keyboard.press('Enter');  // dismiss
      await app.page.waitForFunction(() => !window.cairn.state().notice.open, null, { timeout: 5000 });
      const after = await state(app.page);
      assert.equal(after.revision, before.revision);
      assert.deepEqual(after.counts, before.counts);
    }
  } finally {
    await app.close();
  }
});

test('a file dropped on the page is imported', async () => {
  const app = await openApp();
  try {
    await waitReady(app.page);
    const text = JSON.stringify({ format: 'cairn', version: 1, items: [
      { kind: 'project', id: '6f1c2a40-3b5d-4e8f-9a0b-1c2d3e4f5a6b', fields: { name: 'Dropped' } }] });
    await app.page.evaluate((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], 'dropped.json', { type: 'application/json' }));
      const canvas = document.getElementById('canvas');
      canvas.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      canvas.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, text);
    const notice = await waitNotice(app.page, 'Imported');
    assert.match(notice.body, /from dropped\.json/);
    assert.deepEqual((await state(app.page)).projects.map((p) => p.name), ['Dropped']);
  } finally {
    await app.close();
  }
});

test('Settings show where the data is kept, whether it is persistent, usage and quota', async () => {
  const app = await openApp();
  try {
    await waitReady(app.page);
    await app.page.evaluate(() => cairn.exec({ op: 'create', kind: 'project', fields: { name: 'Measured' } }));
    await waitSaved(app.page);
    await app.page.waitForFunction(() => window.cairn.state().storage.quotaBytes > 0, null, { timeout: 10000 });
    const { storage } = await state(app.page);
    assert.equal(storage.location, 'this browser (IndexedDB)');
    assert.match(storage.persistence, /^(persistent|best effort)/);
    assert.ok(storage.usedBytes > 0, `usedBytes ${storage.usedBytes}`);
    assert.ok(storage.quotaBytes > storage.usedBytes);
    assert.ok(storage.generation >= 1);

    await focusApp(app.page);
    const closed = await screenshotStats(app.page, 'settings-closed');
    await shortcut(app.page, ['Control'], ',');
    await sleep(300);
    const open = await screenshotStats(app.page, 'settings-open');
    // The settings window covers part of the home view.
    assert.ok(differingShare(closed.png, open.png) > 0.05, 'the settings window did not appear');
  } finally {
    await app.close();
  }
});

test('a file just over the 64 MB limit is refused with its real size, not "64 MB; files over 64 MB"', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-big-'));
  const file = path.join(dir, 'big.json');
  fs.writeFileSync(file, Buffer.alloc(64 * 1024 * 1024 + 1, 0x20));
  const app = await openApp();
  try {
    await waitReady(app.page);
    await focusApp(app.page);
    const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), shortcut(app.page, ['Control'], 'o')]);
    await chooser.setFiles(file);
    const notice = await waitNotice(app.page, 'Import failed');
    assert.equal(notice.error, true);
    assert.match(notice.body, /big\.json is 67,108,865 bytes; files over 64 MB \(67,108,864 bytes\) are refused/);
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
