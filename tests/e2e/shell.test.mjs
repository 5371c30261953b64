// The app shell in real headless Chromium: loads, draws, idles, reacts,
// explains failures in words.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startServer } from '../../scripts/serve.mjs';
import { differingShare, freshProfile, openApp, screenshotStats, shortcut, sleep, waitReady, webDir } from './helpers.mjs';

const LIGHT_BACKGROUND = [246, 245, 242];
const DARK_BACKGROUND = [22, 24, 28];

test('the page loads, cairn.ready resolves, the canvas shows the UI, no console errors', async () => {
  const app = await openApp();
  try {
    await waitReady(app.page);
    const info = await app.page.evaluate(() => ({
      version: window.cairn.version, build: window.cairn.build, frames: window.cairn.frames,
      loadingHidden: document.getElementById('loading').hidden,
    }));
    assert.match(info.version, /^\d+\.\d+\.\d+$/);
    assert.match(info.build, /^[0-9a-f]{12}$/);
    assert.ok(info.frames >= 1, `frames after ready: ${info.frames}`);
    assert.ok(info.loadingHidden, 'loading indicator still shown after the first frame');

    const shot = await screenshotStats(app.page, 'shell-light');
    assert.ok(shot.distinctColours >= 64, `only ${shot.distinctColours} colours: blank canvas? (${shot.file})`);
    assert.ok(shot.share(...LIGHT_BACKGROUND) > 0.25, `light theme background missing (${shot.file})`);
    assert.deepEqual(app.problems, []);
    // Nothing is requested from another origin.
    const origin = new URL(app.server.url).origin;
    assert.deepEqual(app.requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:')), []);
  } finally {
    await app.close();
  }
});

test('the dark theme follows the browser colour-scheme preference', async () => {
  const app = await openApp({ colorScheme: 'dark' });
  try {
    await waitReady(app.page);
    const shot = await screenshotStats(app.page, 'shell-dark');
    assert.ok(shot.share(...DARK_BACKGROUND) > 0.25, `dark theme background missing (${shot.file})`);
    assert.ok(shot.share(...LIGHT_BACKGROUND) < 0.01, 'light background in the dark theme');
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});

test('idle means idle: no frame without input, a mouse move draws again', async () => {
  const app = await openApp();
  try {
    await waitReady(app.page);
    await sleep(500);  // grace frames and the service worker settle
    const before = await app.page.evaluate(() => window.cairn.frames);
    await sleep(2000);
    const idle = await app.page.evaluate(() => window.cairn.frames);
    assert.equal(idle, before, `${idle - before} frames drawn in 2 s without input`);

    await app.page.mouse.move(400, 300);
    await app.page.mouse.move(420, 310, { steps: 5 });
    await sleep(300);
    const after = await app.page.evaluate(() => window.cairn.frames);
    assert.ok(after > idle, 'a mouse move did not draw a frame');
  } finally {
    await app.close();
  }
});

test('the menu bar answers real clicks: View > Dark theme switches the theme', async () => {
  const app = await openApp();
  try {
    await waitReady(app.page);
    await app.page.mouse.click(122, 14);  // "View" in the menu bar (File, Edit, View, Help)
    await sleep(300);
    await screenshotStats(app.page, 'menu-view-open');
    await app.page.mouse.click(155, 72);  // "Dark theme", second item of the menu
    await sleep(500);
    const shot = await screenshotStats(app.page, 'menu-dark-theme');
    assert.ok(shot.share(...DARK_BACKGROUND) > 0.25, `theme did not switch to dark (${shot.file})`);
  } finally {
    await app.close();
  }
});

test('HiDPI: the canvas backing store follows devicePixelRatio', async () => {
  const app = await openApp({ deviceScaleFactor: 2, viewport: { width: 800, height: 600 } });
  try {
    await waitReady(app.page);
    const size = await app.page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { width: c.width, height: c.height, cssWidth: c.clientWidth, ratio: window.devicePixelRatio };
    });
    assert.equal(size.ratio, 2);
    assert.equal(size.width, size.cssWidth * 2, `backing store ${size.width} for CSS width ${size.cssWidth}`);
    const shot = await screenshotStats(app.page, 'shell-hidpi');
    assert.ok(shot.distinctColours >= 64, `blank canvas at 2x (${shot.file})`);

    // Resizing the window re-sizes the backing store.
    await app.page.setViewportSize({ width: 1000, height: 700 });
    await app.page.waitForFunction(() => document.getElementById('canvas').width === 2000, null, { timeout: 5000 });
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});

test('a devicePixelRatio change re-rasterizes the fonts: same pixels as a page opened at that ratio', async () => {
  const size = { width: 900, height: 600 };
  const fresh = await openApp({ deviceScaleFactor: 2, viewport: size });
  let reference;
  try {
    await waitReady(fresh.page);
    await fresh.page.mouse.move(899, 599);  // same pointer position as below
    await sleep(300);
    reference = await screenshotStats(fresh.page, 'dpr-2-fresh');
  } finally {
    await fresh.close();
  }

  const app = await openApp({ deviceScaleFactor: 1, viewport: size });
  try {
    await waitReady(app.page);
    // What browser zoom or moving the window to a HiDPI screen does. The
    // DevTools emulation changes the ratio but raises no event, so send the
    // resize event a zoom would.
    const cdp = await app.context.newCDPSession(app.page);
    await cdp.send('Emulation.setDeviceMetricsOverride', { ...size, deviceScaleFactor: 2, mobile: false });
    await app.page.evaluate(() => window.dispatchEvent(new Event('resize')));
    await app.page.waitForFunction(() => document.getElementById('canvas').width === 1800, null, { timeout: 5000 });
    await app.page.mouse.move(899, 599);
    await sleep(300);
    // Playwright's screenshot keeps the context's scale: ask DevTools directly.
    const { data } = await cdp.send('Page.captureScreenshot', { format: 'png' });
    const changed = await screenshotStats(app.page, 'dpr-1-to-2', Buffer.from(data, 'base64'));
    // Only the status bar's frame counter may differ; blurry upscaled
    // glyphs would differ all over the page.
    const share = differingShare(reference.png, changed.png);
    assert.ok(share < 0.005, `${(share * 100).toFixed(2)} % of pixels differ from a fresh 2x page (${changed.file})`);
  } finally {
    await app.close();
  }
});

test('without WebGL2 the page says so instead of staying blank', async () => {
  const app = await openApp({
    initScript: () => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        return type === 'webgl2' ? null : original.call(this, type, ...rest);
      };
    },
  });
  try {
    await app.page.waitForSelector('#error:not([hidden])', { timeout: 15000 });
    const text = await app.page.textContent('#error');
    assert.match(text, /WebGL2 is not available/);
    assert.equal(await app.page.evaluate(() => window.cairn.ready.then(() => 'ok', (e) => e.message)),
      'This browser cannot draw Cairn: WebGL2 is not available. Turn on hardware acceleration in the browser settings, or try another browser.');
  } finally {
    await app.close();
  }
});

test('without WebAssembly the page says so', async () => {
  const app = await openApp({ initScript: () => { delete window.WebAssembly; } });
  try {
    await app.page.waitForSelector('#error:not([hidden])', { timeout: 15000 });
    assert.match(await app.page.textContent('#error'), /WebAssembly is not available/);
  } finally {
    await app.close();
  }
});

test('a module that fails to download gives a readable error', async () => {
  const app = await openApp({
    route: { pattern: /cairn\.wasm/, handler: (route) => route.fulfill({ status: 404, body: 'not found' }) },
  });
  try {
    await app.page.waitForSelector('#error:not([hidden])', { timeout: 30000 });
    assert.equal(await app.page.textContent('#error-title'), 'Cairn could not be loaded');
    assert.match(await app.page.textContent('#error-detail'), /cairn\.wasm\) did not download/);
    await screenshotStats(app.page, 'error-module-missing');
  } finally {
    await app.close();
  }
});

test('text size and theme are this browser\'s preferences: Ctrl+= and View > Dark theme survive a reload', async () => {
  const profile = freshProfile();
  const server = await startServer({ root: webDir, port: 0 });  // one origin: localStorage is per origin
  let app = await openApp({ profile, server });
  try {
    await waitReady(app.page);
    const before = await screenshotStats(app.page, 'prefs-text-100');
    await app.page.mouse.click(640, 790);  // the status bar: gives the canvas the keyboard, changes nothing
    await shortcut(app.page, ['Control'], 'Equal');
    await shortcut(app.page, ['Control'], 'Equal');
    await app.page.waitForFunction(() => window.cairn.state().preferences.uiScale === 1.3, null, { timeout: 5000 });
    await sleep(300);
    const larger = await screenshotStats(app.page, 'prefs-text-130');
    assert.ok(differingShare(before.png, larger.png) > 0.05, 'the page looks the same after Ctrl+= twice');
    await app.page.mouse.click(158, 17);  // "View": further right at 130 %
    await sleep(300);
    const view = await screenshotStats(app.page, 'prefs-view-menu-130');
    assert.ok(view.distinctColours >= 64, `blank menu (${view.file})`);
    await app.page.keyboard.press('Escape');
    await sleep(200);
    const stored = await app.page.evaluate(() => localStorage.getItem('cairn.preferences'));
    assert.equal(stored, '{"theme":"system","uiScale":1.3,"weekStart":"monday","displayZone":""}');
  } finally {
    await app.close();
  }
  // A new browser session on the same profile: the text size is back, and a
  // dark theme chosen in the menu wins over the light colour scheme.
  app = await openApp({ profile, server });
  try {
    await waitReady(app.page);
    const state = await app.page.evaluate(() => window.cairn.state());
    assert.equal(state.preferences.uiScale, 1.3);
    assert.equal(state.theme, 'light');
    await app.page.mouse.click(158, 17);  // "View"
    await sleep(300);
    await app.page.mouse.click(190, 91);  // "Dark theme": the menu's rows are taller at 130 %
    await app.page.waitForFunction(() => window.cairn.state().theme === 'dark', null, { timeout: 5000 });
  } finally {
    await app.close();
  }
  app = await openApp({ profile, server });
  try {
    await waitReady(app.page);
    const state = await app.page.evaluate(() => window.cairn.state());
    assert.deepEqual(state.preferences, { theme: 'dark', uiScale: 1.3, weekStart: 'monday', displayZone: '' });
    assert.equal(state.theme, 'dark');
    const shot = await screenshotStats(app.page, 'prefs-dark-130-after-restart');
    assert.ok(shot.share(...DARK_BACKGROUND) > 0.25, `not dark after a restart (${shot.file})`);
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
    await server.close();
  }
});
