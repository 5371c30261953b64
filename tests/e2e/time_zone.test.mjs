// The display time zone with the browser's own zone: Settings offers "This
// device (<zone>)" from the page's Intl, choosing it shows the save time in
// that zone, and the choice is kept on this device across a reload.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startServer } from '../../scripts/serve.mjs';
import { freshProfile, openApp, screenshotStats, sleep, waitReady, webDir } from './helpers.mjs';

const savedStatus = (page) => page.evaluate(() => window.cairn.state().save.status);

async function openSettings(page) {
  await page.mouse.click(122, 14);   // View
  await sleep(200);
  await page.mouse.click(144, 184);  // Settings…
  await sleep(400);
}

test('display time zone: this device\'s zone (Asia/Tokyo) is offered, taken and kept', async () => {
  const profile = freshProfile();
  const server = await startServer({ root: webDir, port: 0 });  // one origin: preferences are per origin
  const app = await openApp({ profile, server, timezoneId: 'Asia/Tokyo' });
  const { page } = app;
  let reopened;
  try {
    await waitReady(page);
    await page.mouse.click(316, 290);  // "Computer vision" on the welcome
    await page.waitForFunction(() => window.cairn.state().counts.task === 12, null, { timeout: 10000 });
    await page.waitForFunction(() => / UTC$/.test(window.cairn.state().save.status), null, { timeout: 10000 });

    await openSettings(page);
    await page.mouse.click(580, 225);  // "This device (Asia/Tokyo)"
    await sleep(300);
    await screenshotStats(page, 'settings-time-zone');
    assert.equal((await page.evaluate(() => window.cairn.state())).preferences.displayZone, 'device');

    // The next save is stamped in Tokyo's time (UTC+09:00 all year).
    const project = (await page.evaluate(() => window.cairn.state())).projects[0].id;
    await page.evaluate((id) => cairn.exec({ op: 'set', id, field: 'name', value: 'Tokyo time' }), project);
    await page.waitForFunction(() => /^Saved \d\d:\d\d:\d\d UTC\+09:00$/.test(window.cairn.state().save.status), null,
      { timeout: 10000 });
    const [, hh] = (await savedStatus(page)).match(/^Saved (\d\d):/);
    const tokyoHour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', hourCycle: 'h23' })
      .format(new Date()));
    assert.ok(Math.abs(Number(hh) - tokyoHour) <= 1 || Math.abs(Number(hh) - tokyoHour) === 23, `${hh} vs ${tokyoHour}`);
    assert.deepEqual(app.problems, []);
    await app.close();

    // Kept on this device: a reload of the same profile still shows Tokyo's time.
    reopened = await openApp({ profile, server, timezoneId: 'Asia/Tokyo' });
    await waitReady(reopened.page);
    assert.equal((await reopened.page.evaluate(() => window.cairn.state())).preferences.displayZone, 'device');
    await reopened.page.evaluate((id) => cairn.exec({ op: 'set', id, field: 'name', value: 'Tokyo time again' }), project);
    await reopened.page.waitForFunction(() => / UTC\+09:00$/.test(window.cairn.state().save.status), null, { timeout: 10000 });

    // Back to UTC from the settings.
    await openSettings(reopened.page);
    await reopened.page.mouse.click(506, 225);  // "UTC"
    await sleep(300);
    assert.equal((await reopened.page.evaluate(() => window.cairn.state())).preferences.displayZone, '');
    assert.deepEqual(reopened.problems, []);
  } finally {
    await app.close().catch(() => {});
    if (reopened) await reopened.close();
    await server.close();
  }
});
