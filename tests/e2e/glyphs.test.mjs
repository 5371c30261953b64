// Characters beyond the embedded Latin font (src/ui/fonts.h): Chinese and
// Cyrillic pasted into a field are drawn from the fallback fonts, fetched
// only once text needs them, and kept by the service worker for offline use.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startServer } from '../../scripts/serve.mjs';
import { freshProfile, openApp, screenshotStats, shortcut, sleep, waitReady, webDir } from './helpers.mjs';

const glyphs = (page) => page.evaluate(() => window.cairn.state().glyphs);
// Distinct URLs: the page's fetch and the service worker's are both seen.
const fontRequests = (requests) => [...new Set(requests.filter((url) => new URL(url).pathname.includes('/fonts/')))];

test('glyphs: 中文 and Кириллица pasted into a name are drawn from the fallback fonts, also offline', async () => {
  const profile = freshProfile();
  const server = await startServer({ root: webDir, port: 0 });
  let app = await openApp({ profile, server });
  try {
    let { page } = app;
    await waitReady(page);
    await page.mouse.click(316, 290);  // "Computer vision" on the welcome
    await page.waitForFunction(() => window.cairn.state().counts.task === 12, null, { timeout: 10000 });
    // Latin text only: nothing is fetched.
    assert.deepEqual(await glyphs(page), { needed: 0, missing: 0, fallback: 'unneeded', error: '' });
    assert.deepEqual(fontRequests(app.requests), []);

    // Paste a name in Chinese and Russian into the charter's name field.
    await page.evaluate(() => navigator.clipboard.writeText('数据标注 Разметка'));
    await page.keyboard.press('2');
    await sleep(300);
    await page.mouse.click(270, 84);
    await sleep(100);
    await shortcut(page, ['Control'], 'a');
    await shortcut(page, ['Control'], 'v');
    await page.waitForFunction(() => window.cairn.state().projects[0].name === '数据标注 Разметка', null, { timeout: 10000 });
    await page.mouse.click(900, 700);  // leave the field
    await page.waitForFunction(() => window.cairn.state().glyphs.fallback === 'ready', null, { timeout: 20000 });
    await sleep(300);
    // 数 据 标 注 and Р а з м е т к: all drawable now, none left as "?".
    assert.deepEqual(await glyphs(page), { needed: 11, missing: 0, fallback: 'ready', error: '' });
    assert.equal(fontRequests(app.requests).length, 2, 'Inter in full and Droid Sans Fallback, once each');
    const charter = await screenshotStats(page, 'glyphs-charter');
    assert.ok(charter.distinctColours >= 64, `blank charter (${charter.file})`);
    await page.keyboard.press('Escape');
    await page.mouse.click(80, 60);  // "← All projects": the name on the home screen too
    await page.waitForFunction(() => window.cairn.state().ui.view === 'home', null, { timeout: 10000 });
    await sleep(300);
    await screenshotStats(page, 'glyphs-home');
    assert.deepEqual(app.problems, []);

    // Offline, after a browser restart: the fonts come from the service worker's cache.
    await page.waitForFunction(() => /^Saved/.test(window.cairn.state().save.status), null, { timeout: 10000 });
    await page.waitForFunction(async () => (await (await caches.open('fonts-v1')).keys()).length === 2, null,
      { timeout: 10000 });
    await app.close();
    await server.close();
    app = await openApp({ profile, server: { url: server.url, close: async () => {} } });
    page = app.page;
    await app.context.setOffline(true);
    await waitReady(page);
    await page.waitForFunction(() => window.cairn.state().glyphs.fallback === 'ready', null, { timeout: 20000 });
    assert.equal((await glyphs(page)).missing, 0);
    assert.equal((await page.evaluate(() => window.cairn.state())).projects[0].name, '数据标注 Разметка');
    await screenshotStats(page, 'glyphs-offline');
  } finally {
    await app.close();
    await server.close().catch(() => {});
  }
});

test('a fallback font that could not be downloaded is tried again, and the text is drawn once it arrives', async () => {
  // The page's first two font downloads (both files of the first try) fail, as offline.
  const initScript = () => {
    let failures = 2;
    const original = window.fetch;
    window.fetch = (input, init) => {
      const url = String((input && input.url) || input);
      if (url.includes('fonts/') && failures > 0) {
        failures -= 1;
        return Promise.reject(new TypeError('Failed to fetch'));
      }
      return original(input, init);
    };
  };
  const app = await openApp({ initScript });
  try {
    const { page } = app;
    await waitReady(page);
    await page.evaluate(() => cairn.exec({ op: 'create', kind: 'project', fields: { name: '数据标注' } }));
    await page.waitForFunction(() => window.cairn.state().glyphs.fallback === 'failed', null, { timeout: 20000 });
    const failed = await glyphs(page);
    assert.equal(failed.missing, 4, JSON.stringify(failed));
    assert.match(failed.error, /DroidSansFallbackFull\.ttf: Failed to fetch/);
    // Tried again after 5 s, without any input: drawn now.
    const started = Date.now();
    await page.waitForFunction(() => window.cairn.state().glyphs.fallback === 'ready', null, { timeout: 20000 });
    assert.ok(Date.now() - started >= 3000, 'not tried again at once');
    await sleep(300);
    assert.deepEqual(await glyphs(page), { needed: 4, missing: 0, fallback: 'ready', error: '' });
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});

test('text input: keys, characters no key sends (é, 中文) and an input method\'s composition reach the field once', async () => {
  const app = await openApp();
  const { page } = app;
  const name = () => page.evaluate(() => window.cairn.state().projects[0].name);
  try {
    await waitReady(page);
    await page.mouse.click(316, 290);  // "Computer vision" on the welcome
    await page.waitForFunction(() => window.cairn.state().counts.task === 12, null, { timeout: 10000 });
    await page.keyboard.press('2');
    await sleep(300);
    await page.mouse.click(270, 84);  // the charter's name field
    await sleep(100);
    await shortcut(page, ['Control'], 'a');
    // Plain keys go through SDL's key events and must not arrive twice.
    await page.keyboard.type('Plan ', { delay: 30 });
    // Not on the keyboard: Playwright inserts them as text, as dictation or
    // an on-screen keyboard would.
    await page.keyboard.type('é中文', { delay: 30 });
    await page.waitForFunction(() => window.cairn.state().projects[0].name === 'Plan é中文', null, { timeout: 5000 })
      .catch(async () => assert.fail(`typed "Plan é中文", the name is "${await name()}"`));
    // An input method: "zhong" being composed changes nothing, the committed 中 arrives.
    const cdp = await app.context.newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'zhong', selectionStart: 5, selectionEnd: 5 });
    await sleep(300);
    assert.equal(await name(), 'Plan é中文');
    await cdp.send('Input.insertText', { text: '中' });
    await page.waitForFunction(() => window.cairn.state().projects[0].name === 'Plan é中文中', null, { timeout: 5000 })
      .catch(async () => assert.fail(`composed 中, the name is "${await name()}"`));
    await page.keyboard.press('Backspace');  // after the composition, keys edit the field again
    await page.waitForFunction(() => window.cairn.state().projects[0].name === 'Plan é中文', null, { timeout: 5000 });
    await page.mouse.click(900, 700);  // leave the field: the hidden textarea lets go of the focus
    await sleep(300);
    assert.notEqual(await page.evaluate(() => document.activeElement && document.activeElement.id), 'cairn-text-input');
    await page.keyboard.press('1');  // and keys are shortcuts again
    await page.waitForFunction(() => window.cairn.state().ui.view === 'Dashboard', null, { timeout: 5000 });
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});
