// Importing a Jira CSV through the browser's real file input: the preview
// dialog opens, Enter imports, the tasks exist and survive a reload; files
// that cannot be imported are refused with the reason and change nothing.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { openApp, repoRoot, screenshotStats, shortcut, sleep, waitReady } from './helpers.mjs';

const fixtures = path.join(repoRoot, 'tests/fixtures/import');
const state = (page) => page.evaluate(() => window.cairn.state());
const focusApp = (page) => page.mouse.click(900, 650);

async function waitSaved(page) {
  await page.waitForFunction(() => {
    const s = window.cairn.state().save;
    return !s.dirty && s.status.startsWith('Saved');
  }, null, { timeout: 10000 });
}

async function waitNotice(page, title, previousBody = '') {
  await page.waitForFunction(([t, b]) => {
    const n = window.cairn.state().notice;
    return n.open && n.title === t && n.body !== b;
  }, [title, previousBody], { timeout: 10000 });
  return (await state(page)).notice;
}

async function chooseFile(page, file) {
  await focusApp(page);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), shortcut(page, ['Control'], 'o')]);
  await chooser.setFiles(file);
}

const tasksOf = (exported) => exported.items.filter((i) => i.kind === 'task').map((i) => i.fields);

test('a Jira CSV uploaded through the file input is previewed, imported in one step and kept after a reload', async () => {
  const app = await openApp();
  try {
    await waitReady(app.page);
    // An existing project (the empty workspace shows the welcome screen); the import makes its own.
    await app.page.evaluate(() => cairn.exec({ op: 'create', kind: 'project', fields: { name: 'Existing' } }));
    await waitSaved(app.page);
    await chooseFile(app.page, path.join(fixtures, 'jira-issues.csv'));
    await app.page.waitForFunction(() => {
      const d = window.cairn.state().importDialog;
      return d.open && d.tasks > 0;
    }, null, { timeout: 10000 });
    const dialog = (await state(app.page)).importDialog;
    assert.equal(dialog.tool, 'Jira');
    assert.equal(dialog.tasks, 6);
    assert.ok(dialog.skipped >= 5, `skipped ${dialog.skipped}`);
    assert.equal((await state(app.page)).counts.task, 0);  // nothing written before Import
    await sleep(400);
    await screenshotStats(app.page, 'import-preview-dialog');

    await app.page.keyboard.press('Enter');  // Import
    const notice = await waitNotice(app.page, 'Imported');
    assert.equal(notice.error, false);
    assert.match(notice.body, /^Imported 6 tasks from jira-issues\.csv into “jira-issues”, with 3 new people and 3 dependencies\. Undo with Ctrl\+Z\./);
    assert.match(notice.body, /Waiting for legal/);
    await sleep(300);
    await screenshotStats(app.page, 'import-done-notice');
    await app.page.keyboard.press('Enter');  // dismiss the notice
    await app.page.waitForFunction(() => !window.cairn.state().notice.open, null, { timeout: 5000 });

    const s = await state(app.page);
    assert.equal(s.importDialog.open, false);
    assert.deepEqual(s.projects.map((p) => p.name).sort(), ['Existing', 'jira-issues']);
    assert.equal(s.counts.task, 6);
    assert.equal(s.counts.person, 3);
    assert.equal(s.counts.dependency, 3);
    assert.equal(s.undo, 'Import jira-issues.csv');
    const exported = JSON.parse(await app.page.evaluate(() => window.cairn.exportJSON()));
    const collect = tasksOf(exported).find((t) => t.title === 'Collect raw events, dedupe');
    assert.ok(collect, 'the task with a comma in its summary');
    assert.equal(collect.status, 'done');
    assert.equal(collect.likely_days, 4);
    assert.match(collect.description, /Pull the "events" table, then:\n- drop duplicates/);
    assert.ok(exported.items.some((i) => i.kind === 'person' && i.fields.name === 'José Álvarez'));

    await waitSaved(app.page);
    await app.page.reload();
    await waitReady(app.page);
    const after = await state(app.page);
    assert.equal(after.counts.task, 6);
    assert.equal(after.counts.dependency, 3);
    const reloaded = JSON.parse(await app.page.evaluate(() => window.cairn.exportJSON()));
    assert.deepEqual(tasksOf(reloaded).map((t) => t.title).sort(), tasksOf(exported).map((t) => t.title).sort());
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});

test('CSV files in another encoding or without a title column are refused with the reason; nothing changes', async () => {
  const app = await openApp();
  try {
    await waitReady(app.page);
    await app.page.evaluate(() => cairn.exec({ op: 'create', kind: 'project', fields: { name: 'Untouched' } }));
    await waitSaved(app.page);
    const before = await state(app.page);
    const cases = [
      { file: 'latin1.csv', reason: /latin1\.csv is not UTF-8 text, perhaps Latin-1\/Windows-1252: save it as UTF-8/ },
      { file: 'utf16.csv', reason: /utf16\.csv is saved as UTF-16/ },
      { file: 'missing-title-column.csv', reason: /missing-title-column\.csv: no title column: .*Issue key, Issue id/ },
      { file: 'unterminated-quote.csv', reason: /unterminated-quote\.csv: line 3: a quoted field is never closed/ },
    ];
    let previous = '';
    for (const c of cases) {
      await chooseFile(app.page, path.join(fixtures, c.file));
      const notice = await waitNotice(app.page, 'Import failed', previous);
      previous = notice.body;
      assert.equal(notice.error, true);
      assert.match(notice.body, c.reason);
      assert.match(notice.body, /Nothing was changed/);
      await app.page.keyboard.press('Enter');
      await app.page.waitForFunction(() => !window.cairn.state().notice.open, null, { timeout: 5000 });
      const after = await state(app.page);
      assert.equal(after.revision, before.revision);
      assert.deepEqual(after.counts, before.counts);
      assert.equal(after.importDialog.open, false);
    }
  } finally {
    await app.close();
  }
});
