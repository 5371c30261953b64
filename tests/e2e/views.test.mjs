// The planning views driven like a person drives them: real mouse and
// keyboard only (the automation API only reads the result).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, screenshotStats, shortcut, sleep, waitReady } from './helpers.mjs';

const state = (page) => page.evaluate(() => window.cairn.state());
const items = async (page) => JSON.parse(await page.evaluate(() => cairn.exportJSON())).items;

async function waitFor(page, predicate, arg, what) {
  try {
    await page.waitForFunction(predicate, arg, { timeout: 10000 });
  } catch (error) {
    throw new Error(`${what}: not within 10 s (${JSON.stringify((await state(page)).counts)})`);
  }
}

// Until the app stops drawing: every queued key and click has been handled.
async function waitIdle(page) {
  let last = -1;
  for (let i = 0; i < 100; ++i) {
    const frames = await page.evaluate(() => window.cairn.frames);
    if (frames === last) return;
    last = frames;
    await sleep(250);
  }
}

async function waitSaved(page) {
  await waitFor(page, () => { const s = window.cairn.state().save; return !s.dirty && s.status.startsWith('Saved'); }, null, 'saved');
}

// The n-th card of a column, in the board's order: by `order`, then id (as
// src/ui/board_view.cpp sorts).
function nthCard(all, status, n) {
  return all.filter((i) => i.kind === 'task' && i.fields.status === status)
    .sort((a, b) => (a.fields.order - b.fields.order) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[n];
}

// Drags with the mouse button held, in small steps, as a hand would.
async function drag(page, from, to) {
  await page.mouse.move(from[0], from[1]);
  await page.mouse.down();
  for (let i = 1; i <= 12; ++i) {
    await page.mouse.move(from[0] + ((to[0] - from[0]) * i) / 12, from[1] + ((to[1] - from[1]) * i) / 12);
    await sleep(30);
  }
  await sleep(100);
  if (process.env.DEBUG_DRAG) await screenshotStats(page, 'views-during-drag');
  await page.mouse.up();
  await sleep(300);
}

test('template, palette, drag, checklist, gate decision, undo/redo, paste: all by hand, all persisted', async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.url });
    await waitReady(page);
    // 1. First run: the welcome offers templates; one click makes a project.
    await screenshotStats(page, 'views-welcome');
    await page.mouse.click(316, 290);  // "Computer vision"
    await waitFor(page, () => window.cairn.state().counts.task === 12, null, 'project from the template');
    await sleep(300);
    const views = ['dashboard', 'charter', 'board', 'backlog', 'sprints', 'gates', 'risks', 'experiments'];
    for (let i = 0; i < views.length; ++i) {
      await page.keyboard.press(String(i + 1));
      await sleep(250);
      const shot = await screenshotStats(page, `views-${views[i]}`);
      assert.ok(shot.distinctColours > 20, `${views[i]} looks empty`);
    }

    // 2. A task through the command palette.
    await shortcut(page, ['Control'], 'k');
    await page.keyboard.type('new task', { delay: 20 });
    await sleep(200);
    await page.keyboard.press('Enter');
    await waitFor(page, () => window.cairn.state().counts.task === 13 && window.cairn.state().ui.openTask !== '', null, 'task from the palette, open');
    await sleep(200);
    await page.keyboard.press('Escape');  // closes the task editor
    await waitFor(page, () => window.cairn.state().ui.openTask === '', null, 'the editor closed by Escape');

    // 3. Drag the second "To do" card (a template task with done criteria) to "In progress".
    await page.keyboard.press('3');
    await waitFor(page, () => window.cairn.state().ui.view === 'Board', null, 'the board');
    await sleep(200);
    const card = nthCard(await items(page), 'todo', 1);
    assert.notEqual(card.fields.title, 'New task');
    await drag(page, [530, 212], [760, 320]);
    await waitFor(page, (id) => JSON.parse(cairn.exportJSON()).items.find((i) => i.id === id).fields.status === 'in_progress',
      card.id, 'the dragged card in progress');
    await screenshotStats(page, 'views-board-after-drag');

    // 4. Open it and tick its first done criterion.
    await page.mouse.click(760, 140);
    await waitFor(page, (id) => window.cairn.state().ui.openTask === id, card.id, 'the editor of the dragged card');
    await sleep(200);
    await screenshotStats(page, 'views-task-editor');
    await page.mouse.click(830, 582);
    await waitFor(page, (id) => JSON.parse(cairn.exportJSON()).items.some((i) => i.kind === 'checklist_item' && i.parent === id && i.fields.done),
      card.id, 'a ticked done criterion');
    await page.keyboard.press('Escape');
    await waitFor(page, () => window.cairn.state().ui.openTask === '', null, 'the editor closed');

    // 5. Record a go decision on the first gate, with a rationale.
    await page.keyboard.press('6');
    await sleep(300);
    await page.mouse.click(267, 282);  // "Record decision…" (below "Waits for" and two criteria)
    await sleep(300);
    await page.mouse.click(700, 316);  // the rationale
    await page.keyboard.type('Agreement is good enough on the pilot; recall measured next sprint.', { delay: 5 });
    await sleep(200);
    await waitIdle(page);
    await screenshotStats(page, 'views-gate-rationale');
    await page.mouse.click(220, 362);  // "Go"
    const decisionIs = (wanted) => JSON.parse(cairn.exportJSON()).items
      .find((i) => i.kind === 'gate' && i.fields.name === 'Data feasibility go/no-go').fields.decision === wanted;
    await waitFor(page, decisionIs, 'go', 'the go decision');
    await screenshotStats(page, 'views-gate-decided');
    assert.equal((await state(page)).counts.decision, 1);  // logged

    // 6. Undo and redo it with the keyboard.
    await page.mouse.click(900, 700);  // leave the text field
    await shortcut(page, ['Control'], 'z');
    await waitFor(page, decisionIs, 'pending', 'undo');
    assert.equal((await state(page)).counts.decision, 0);
    await shortcut(page, ['Control', 'Shift'], 'z');
    await waitFor(page, decisionIs, 'go', 'redo');

    // 7. Paste from the system clipboard into the project name.
    await page.evaluate(() => navigator.clipboard.writeText('Défauts de soudure 中文'));
    await page.keyboard.press('2');
    await sleep(300);
    await page.mouse.click(270, 84);  // the name field
    await sleep(100);
    await shortcut(page, ['Control'], 'a');
    await shortcut(page, ['Control'], 'v');
    await waitFor(page, () => window.cairn.state().projects[0].name === 'Défauts de soudure 中文', null, 'the pasted name');
    await page.mouse.click(900, 700);

    // 8. All of it survives a reload.
    await waitSaved(page);
    await page.reload();
    await waitReady(page);
    const s = await state(page);
    assert.equal(s.projects[0].name, 'Défauts de soudure 中文');
    assert.equal(s.counts.task, 13);
    assert.equal(s.counts.decision, 1);
    const after = await items(page);
    assert.equal(after.find((i) => i.id === card.id).fields.status, 'in_progress');
    assert.ok(after.some((i) => i.kind === 'checklist_item' && i.parent === card.id && i.fields.done));
    assert.equal(after.find((i) => i.kind === 'gate' && i.fields.name === 'Data feasibility go/no-go').fields.decision, 'go');
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});

test('home: each project with health and next gate; duplicate and archive by click, undone with Ctrl+Z', async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await waitReady(page);
    await page.mouse.click(316, 290);  // "Computer vision" from the welcome
    await waitFor(page, () => window.cairn.state().counts.task === 12, null, 'project from the template');
    await page.mouse.click(80, 60);  // "← All projects"
    await waitFor(page, () => window.cairn.state().ui.view === 'home', null, 'home');
    await waitIdle(page);  // a new table lays out its columns over its first frames
    // Rows follow state().projects (both in id order); one project: row 1.
    await page.mouse.click(930, 189);  // "Duplicate"
    await waitFor(page, () => window.cairn.state().projects.length === 2, null, 'the duplicate');
    const s = await state(page);
    assert.deepEqual(s.projects.map((p) => p.name).sort(), ['Computer vision project', 'Computer vision project (copy)']);
    assert.equal(s.counts.task, 24);  // everything under it was copied
    await waitIdle(page);
    await screenshotStats(page, 'views-home-two-projects');

    const archivedOf = async () => JSON.parse(await page.evaluate(() => cairn.exportJSON())).items
      .filter((i) => i.kind === 'project' && i.fields.archived).map((i) => i.id);
    const first = s.projects[0].id;
    await page.mouse.click(1014, 189);  // "Archive" on row 1
    await waitFor(page, (id) => JSON.parse(cairn.exportJSON()).items.some((i) => i.id === id && i.fields.archived), first, 'archived');
    assert.deepEqual(await archivedOf(), [first]);
    await page.mouse.click(640, 700);
    await shortcut(page, ['Control'], 'z');
    await waitFor(page, () => !JSON.parse(cairn.exportJSON()).items.some((i) => i.kind === 'project' && i.fields.archived), null, 'unarchived by undo');
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});
