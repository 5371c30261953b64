// The timeline view in the browser: drawn by the WebGL2 renderer, a bar
// dragged with the real mouse, the new dates checked through the automation
// API, kept after a reload; undone with Ctrl+Z. Screenshots in artifacts/.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, screenshotStats, shortcut, sleep, waitReady } from './helpers.mjs';

const state = (page) => page.evaluate(() => window.cairn.state());
const task = async (page, id) => JSON.parse(await page.evaluate(() => cairn.exportJSON())).items.find((i) => i.id === id);

async function waitFor(page, predicate, arg, what) {
  try {
    await page.waitForFunction(predicate, arg, { timeout: 10000 });
  } catch (error) {
    throw new Error(`${what}: not within 10 s (${JSON.stringify((await state(page)).ui)})`);
  }
}

// "2026-11-26" + n days.
function addDays(iso, n) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

// Until the app stops drawing.
async function waitIdle(page) {
  let last = -1;
  for (let i = 0; i < 60; ++i) {
    const frames = await page.evaluate(() => window.cairn.frames);
    if (frames === last) return;
    last = frames;
    await sleep(200);
  }
}

async function drag(page, from, to) {
  await page.mouse.move(from[0], from[1]);
  await sleep(80);
  await page.mouse.down();
  for (let i = 1; i <= 10; ++i) {
    await page.mouse.move(from[0] + ((to[0] - from[0]) * i) / 10, from[1] + ((to[1] - from[1]) * i) / 10);
    await sleep(40);
  }
  await sleep(150);
  await screenshotStats(page, 'timeline-during-drag');
  await page.mouse.up();
  await sleep(300);
}

// Share of pixels in any of the light theme's bar fills (src/ui/timeline_view.cpp).
const BAR_FILLS = [[176, 182, 192], [126, 166, 222], [61, 125, 216], [232, 156, 80], [130, 186, 126]];
const barShare = (shot) => BAR_FILLS.reduce((sum, [r, g, b]) => sum + shot.share(r, g, b), 0);

test('timeline: WebGL2 bars, a bar dragged with the mouse, dates changed, kept after a reload, undone', async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await waitReady(page);
    await page.mouse.click(316, 290);  // "Computer vision" on the welcome
    await waitFor(page, () => window.cairn.state().counts.task === 12, null, 'project from the template');
    await sleep(300);
    await page.keyboard.press('9');
    await waitFor(page, () => window.cairn.state().ui.view === 'Timeline', null, 'the timeline (key 9)');
    await waitIdle(page);
    let s = await state(page);
    assert.equal(s.ui.timeline.renderer, 'GL instanced', 'the WebGL2 renderer draws the bars');
    assert.equal(s.ui.timeline.zoom, 'Week');
    assert.ok(s.ui.timeline.shown.length >= 5, `bars on screen: ${s.ui.timeline.shown.length}`);
    const before = await screenshotStats(page, 'timeline-week');
    assert.ok(barShare(before) > 0.002, `bar colours cover ${barShare(before)} of the screen: bars not drawn?`);

    // Drag the widest bar three days to the right (10 px a day at week zoom).
    const bar = [...s.ui.timeline.shown].sort((a, b) => (b.x1 - b.x0) - (a.x1 - a.x0))[0];
    const y = (bar.y0 + bar.y1) / 2;
    const x = bar.x0 + (bar.x1 - bar.x0) * 0.4;
    const px = s.ui.timeline.pxPerDay;
    const wantStart = addDays(bar.start, 3), wantDue = addDays(bar.due, 3);
    await drag(page, [x, y], [x + 3 * px, y]);
    await waitFor(page, ([id, start, due]) => {
      const t = JSON.parse(cairn.exportJSON()).items.find((i) => i.id === id);
      return t.fields.start === start && t.fields.due === due;
    }, [bar.id, wantStart, wantDue], `the dragged task's dates ${wantStart} .. ${wantDue}`);
    s = await state(page);
    assert.match(s.undo, /^Move task/);
    // Each task the command pushed has dates written now (the template's tasks start without any).
    const pushed = Number((s.undo.match(/\((\d+) dependent/) || [0, 0])[1]);
    const dated = JSON.parse(await page.evaluate(() => cairn.exportJSON())).items.filter((i) => i.kind === 'task' && i.fields.start);
    assert.equal(dated.length, 1 + pushed, `tasks with dates: ${dated.length}, undo label: ${s.undo}`);
    assert.equal(s.ui.openTask, '', 'a drag does not open the task');
    await waitIdle(page);
    const after = await screenshotStats(page, 'timeline-after-drag');
    assert.ok(barShare(after) > 0.002);

    // Saved, then a reload: the dates are still there.
    await waitFor(page, () => { const v = window.cairn.state().save; return !v.dirty && v.status.startsWith('Saved'); }, null, 'saved');
    await page.reload();
    await waitReady(page);
    const reloaded = await task(page, bar.id);
    assert.equal(reloaded.fields.start, wantStart);
    assert.equal(reloaded.fields.due, wantDue);
    // Back on the timeline (through the command palette): the bar is drawn at its new place.
    await shortcut(page, ['Control'], 'k');
    await page.keyboard.type('Computer vision project', { delay: 20 });
    await sleep(200);
    await page.keyboard.press('Enter');
    await waitFor(page, () => window.cairn.state().ui.project !== '', null, 'the project opened from the palette');
    await sleep(200);
    await page.keyboard.press('9');
    await waitFor(page, () => window.cairn.state().ui.view === 'Timeline', null, 'the timeline after the reload');
    await waitIdle(page);
    s = await state(page);
    const moved = s.ui.timeline.shown.find((b) => b.id === bar.id);
    assert.ok(moved, 'the dragged bar on screen after the reload');
    assert.equal(moved.start, wantStart);
    assert.equal(moved.due, wantDue);
    const reloadedShot = await screenshotStats(page, 'timeline-after-reload');
    assert.ok(barShare(reloadedShot) > 0.002);

    // Undo (Ctrl+Z) of a fresh drag, by hand: the dates come back.
    const again = s.ui.timeline.shown.find((b) => b.id === bar.id);
    const ax = again.x0 + (again.x1 - again.x0) * 0.4, ay = (again.y0 + again.y1) / 2;
    await drag(page, [ax, ay], [ax + 2 * px, ay]);
    await waitFor(page, ([id, start]) => JSON.parse(cairn.exportJSON()).items.find((i) => i.id === id).fields.start === start,
      [bar.id, addDays(wantStart, 2)], 'the second drag');
    await page.mouse.move(700, 700);
    await shortcut(page, ['Control'], 'z');
    await waitFor(page, ([id, start]) => JSON.parse(cairn.exportJSON()).items.find((i) => i.id === id).fields.start === start,
      [bar.id, wantStart], 'the second drag undone');
    // The wheel over the chart zooms in to days; the assignee lanes by a click.
    await page.mouse.move(800, 450);
    await page.mouse.wheel(0, -120);
    await waitFor(page, () => window.cairn.state().ui.timeline.zoom === 'Day', null, 'zoomed in to days by the wheel');
    await waitIdle(page);
    await screenshotStats(page, 'timeline-day');
    await page.mouse.click(866, 54);  // "Assignee lanes"
    await waitFor(page, () => window.cairn.state().ui.timeline.grouping === 'assignee', null, 'assignee lanes');
    await waitIdle(page);
    await screenshotStats(page, 'timeline-assignee-lanes');
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});
