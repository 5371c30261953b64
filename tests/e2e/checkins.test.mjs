// Check-in deadlines in each person's time zone, as the browser build
// computes them (through the page's Intl API; the desktop reads tzdata):
// compared with node's own time-zone data for this week's deadline.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, screenshotStats, sleep, waitReady } from './helpers.mjs';

// Friday 16:00 UTC of this week (weeks start on Monday): the template's deadline.
function thisWeeksDeadline() {
  const now = new Date();
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const mondayBased = (new Date(day).getUTCDay() + 6) % 7;
  return new Date(day + (4 - mondayBased) * 86400000 + 16 * 3600000);
}

const localTime = (instant, timeZone) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);

test('check-ins: each deadline in UTC and in the person\'s zone; an unknown zone is named', async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await waitReady(page);
    await page.mouse.click(316, 290);  // "Computer vision" on the welcome
    await page.waitForFunction(() => window.cairn.state().counts.person === 5, null, { timeout: 10000 });
    const zones = ['America/Los_Angeles', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Mars/Olympus', 'Europe/Berlin'];
    const people = JSON.parse(await page.evaluate(() => cairn.exportJSON())).items.filter((i) => i.kind === 'person');
    await page.evaluate(([ids, zs]) => ids.forEach((id, k) => cairn.exec({ op: 'set', id, field: 'time_zone', value: zs[k] })),
      [people.map((p) => p.id), zones]);
    await page.mouse.click(73, 410);  // "Check-ins" in the navigation
    await page.waitForFunction(() => window.cairn.state().ui.checkins.length === 5, null, { timeout: 10000 });
    await sleep(300);
    await screenshotStats(page, 'checkins-time-zones');
    const deadline = thisWeeksDeadline();
    const before = Date.now();
    const rows = (await page.evaluate(() => window.cairn.state())).ui.checkins;
    const after = Date.now();
    // Not written yet: "missing" before the deadline, "overdue" once it has passed
    // (from Friday 16:00 UTC to the end of the week).
    const allowed = new Set([before, after].map((t) => (t > deadline.getTime() ? 'overdue' : 'missing')));
    for (const row of rows) {
      assert.ok(row.deadline.startsWith(`Fri ${deadline.getUTCDate()} `), row.deadline);
      assert.ok(row.deadline.includes(' 16:00 UTC'), row.deadline);
      assert.ok(allowed.has(row.status), `${row.status}, expected ${[...allowed].join(' or ')}`);
      if (row.timeZone === 'Mars/Olympus') {
        assert.match(row.deadline, /Mars\/Olympus: no such time zone/);
      } else {
        assert.ok(row.deadline.endsWith(`${localTime(deadline, row.timeZone)} ${row.timeZone}`), `${row.timeZone}: ${row.deadline}`);
      }
    }
    // Independent of any time-zone database: India has no daylight saving time.
    assert.ok(rows.find((r) => r.timeZone === 'Asia/Kolkata').deadline.endsWith('21:30 Asia/Kolkata'));
    // Lord Howe is a day ahead: its line names the day.
    assert.match(rows.find((r) => r.timeZone === 'Australia/Lord_Howe').deadline, /· Sat \d+ \w+ 0[23]:00 Australia\/Lord_Howe$/);
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});
