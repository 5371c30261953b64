// Keyboard shortcuts right after the page opens, with no click first, and
// after a text field or the file picker let go of the focus.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, shortcut, sleep, waitReady } from './helpers.mjs';

const focused = (page) => page.evaluate(() => document.activeElement && (document.activeElement.id || document.activeElement.tagName));
const paletteOpen = (page) => page.evaluate(() => window.cairn.state().ui.palette);

async function waitFor(page, fn, what) {
  try {
    await page.waitForFunction(fn, null, { timeout: 5000 });
  } catch {
    throw new Error(`timed out waiting for ${what}; focus on ${await focused(page)}`);
  }
}

test('Ctrl+K opens the palette right after cairn.ready, with no click first; Ctrl+O opens the file picker', async () => {
  const app = await openApp();
  const { page } = app;
  try {
    await waitReady(page);
    assert.equal(await focused(page), 'canvas', 'the canvas has the focus at the first frame');
    assert.equal(await paletteOpen(page), false);
    await shortcut(page, ['Control'], 'k');  // no click anywhere before
    await waitFor(page, () => window.cairn.state().ui.palette, 'the palette after Ctrl+K');

    // The palette's text field takes the focus (its hidden textarea); once
    // it closes, the canvas has it again and the shortcuts still work.
    await page.keyboard.press('Escape');
    await waitFor(page, () => !window.cairn.state().ui.palette, 'the palette to close');
    await sleep(100);
    assert.equal(await focused(page), 'canvas', 'focus after the palette closed');

    const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 5000 }), shortcut(page, ['Control'], 'o')]);
    assert.ok(chooser, 'Ctrl+O asks for a file');
    await chooser.setFiles([]);  // the picker closes with no file
    await sleep(200);
    assert.equal(await focused(page), 'canvas', 'focus after the file picker');
    await shortcut(page, ['Control'], 'k');
    await waitFor(page, () => window.cairn.state().ui.palette, 'the palette after the file picker');
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
  }
});
