// The browser store: IndexedDB, one writer tab, fallbacks and quota errors.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startServer } from '../../scripts/serve.mjs';
import { freshProfile, openApp, shortcut, sleep, waitReady, webDir } from './helpers.mjs';

const state = (page) => page.evaluate(() => window.cairn.state());

async function waitSaved(page) {
  try {
    await page.waitForFunction(() => {
      const s = window.cairn.state().save;
      return !s.dirty && s.status.startsWith('Saved');
    }, null, { timeout: 10000 });
  } catch (error) {
    throw new Error(`not saved within 10 s: ${JSON.stringify((await state(page)).save)}`);
  }
}

test('edits through the API and through real keys survive a reload and a browser restart', async () => {
  const profile = freshProfile();
  const server = await startServer({ root: webDir, port: 0 });
  let app = await openApp({ profile, server });
  try {
    await waitReady(app.page);
    assert.equal((await state(app.page)).save.persistent, true);
    await app.page.mouse.click(277, 137);  // "+ New project"
    await sleep(300);
    await app.page.mouse.click(400, 189);  // its name cell
    await shortcut(app.page, ['Control'], 'a');
    await app.page.keyboard.type('Typed by hand', { delay: 20 });
    await app.page.mouse.click(640, 700);
    await app.page.evaluate(() => cairn.exec({ op: 'create', kind: 'project', fields: { name: 'Scripted' } }));
    await waitSaved(app.page);
    const names = (await state(app.page)).projects.map((p) => p.name).sort();
    assert.deepEqual(names, ['Scripted', 'Typed by hand']);

    await app.page.reload();
    await waitReady(app.page);
    assert.deepEqual((await state(app.page)).projects.map((p) => p.name).sort(), names);
    await app.close();

    app = await openApp({ profile, server });
    await waitReady(app.page);
    assert.deepEqual((await state(app.page)).projects.map((p) => p.name).sort(), names);
    assert.deepEqual(app.problems, []);
  } finally {
    await app.close();
    await server.close();
  }
});

test('a damaged newest record falls back to the previous generation and says so', async () => {
  const app = await openApp();
  try {
    await waitReady(app.page);
    const id = await app.page.evaluate(() => cairn.exec({ op: 'create', kind: 'project', fields: { name: 'First' } }).created[0]);
    await waitSaved(app.page);
    await app.page.evaluate((pid) => cairn.exec({ op: 'set', id: pid, field: 'name', value: 'Second' }), id);
    await waitSaved(app.page);
    // Flip one byte in the newest snapshot, as a failing disk would.
    await app.page.evaluate(() => new Promise((resolve, reject) => {
      const open = indexedDB.open('cairn');
      open.onsuccess = () => {
        const tx = open.result.transaction(['snapshots', 'meta'], 'readwrite');
        const meta = tx.objectStore('meta').get('head');
        meta.onsuccess = () => {
          const store = tx.objectStore('snapshots');
          const get = store.get(meta.result);
          get.onsuccess = () => {
            const bytes = new Uint8Array(get.result);
            bytes[bytes.length - 5] ^= 0x20;
            store.put(bytes.buffer, meta.result);
          };
        };
        tx.oncomplete = () => { open.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    }));
    await app.page.reload();
    await waitReady(app.page);
    const s = await state(app.page);
    assert.deepEqual(s.projects.map((p) => p.name), ['First']);
    assert.match(s.save.notice, /damaged.*checksum.*loaded generation 1/);
    // Saving goes on from there.
    await app.page.evaluate((pid) => cairn.exec({ op: 'set', id: pid, field: 'name', value: 'Third' }), id);
    await waitSaved(app.page);
    await app.page.reload();
    await waitReady(app.page);
    assert.deepEqual((await state(app.page)).projects.map((p) => p.name), ['Third']);
  } finally {
    await app.close();
  }
});

// Lets a test make the snapshot store full: window.__quotaFull = true.
function quotaSwitch() {
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (...args) {
    if (window.__quotaFull && this.name === 'snapshots') throw new DOMException('Quota exceeded', 'QuotaExceededError');
    return put.apply(this, args);
  };
}

// Chromium 156's Storage.overrideQuotaForOrigin did not make IndexedDB
// writes of an existing database fail here (it does for a new database), so
// the quota error is raised the way IndexedDB raises it: put() throws a
// QuotaExceededError DOMException.
test('a full storage quota is shown, the data stays in memory, and the stored data is intact', async () => {
  const app = await openApp({
    initScript: quotaSwitch,
  });
  try {
    await waitReady(app.page);
    await app.page.evaluate(() => cairn.exec({ op: 'create', kind: 'project', fields: { name: 'Small' } }));
    await waitSaved(app.page);
    await app.page.evaluate(() => {
      window.__quotaFull = true;
      cairn.exec({ op: 'create', kind: 'project', fields: { name: 'Big' } });
    });
    await app.page.waitForFunction(() => window.cairn.state().save.error !== '', null, { timeout: 15000 });
    const s = await state(app.page);
    assert.equal(s.save.error, 'the browser storage quota is full');
    assert.match(s.save.status, /Save failed, retrying: the browser storage quota is full/);
    assert.equal(s.save.dirty, true);
    assert.equal(s.projects.length, 2);  // nothing lost in memory

    // Space comes back: the retry saves everything.
    await app.page.evaluate(() => { window.__quotaFull = false; });
    await app.page.waitForFunction(() => window.cairn.state().save.status.startsWith('Saved'), null, { timeout: 15000 });
    await app.page.reload();
    await waitReady(app.page);
    assert.deepEqual((await state(app.page)).projects.map((p) => p.name).sort(), ['Big', 'Small']);
  } finally {
    await app.close();
  }
});

test('after a failed save the stored data is the last good save', async () => {
  const app = await openApp({
    initScript: quotaSwitch,
  });
  try {
    await waitReady(app.page);
    await app.page.evaluate(() => cairn.exec({ op: 'create', kind: 'project', fields: { name: 'Kept' } }));
    await waitSaved(app.page);
    await app.page.evaluate(() => { window.__quotaFull = true; cairn.exec({ op: 'create', kind: 'project', fields: { name: 'Lost on reload' } }); });
    await app.page.waitForFunction(() => window.cairn.state().save.error !== '', null, { timeout: 15000 });
    await app.page.reload();
    await waitReady(app.page);
    assert.deepEqual((await state(app.page)).projects.map((p) => p.name), ['Kept']);
  } finally {
    await app.close();
  }
});

test('a second tab opens read-only, says so, follows the writer\'s saves and never overwrites them', async () => {
  const app = await openApp();
  try {
    await waitReady(app.page);
    await app.page.evaluate(() => cairn.exec({ op: 'create', kind: 'project', fields: { name: 'Writer' } }));
    await waitSaved(app.page);
    const second = await app.context.newPage();
    await second.goto(app.server.url);
    await waitReady(second);
    const s = await state(second);
    assert.equal(s.save.readOnly, true);
    assert.match(s.save.status, /Read-only: Cairn is open in another tab/);
    assert.deepEqual(s.projects.map((p) => p.name), ['Writer']);
    const refused = await second.evaluate(() => cairn.exec({ op: 'create', kind: 'project', fields: { name: 'Intruder' } }));
    assert.equal(refused.ok, false);
    assert.match(refused.error, /read-only/);
    // The writer keeps writing; the reader shows each save.
    await app.page.evaluate(() => cairn.exec({ op: 'create', kind: 'project', fields: { name: 'Still writing' } }));
    await waitSaved(app.page);
    await second.waitForFunction(() => window.cairn.state().projects.length === 2, null, { timeout: 10000 });
    const followed = await state(second);
    assert.deepEqual(followed.projects.map((p) => p.name).sort(), ['Still writing', 'Writer']);
    assert.match(followed.save.status, /Showing the other tab's save of \d\d:\d\d:\d\d UTC/);
    assert.equal(followed.save.readOnly, true);
    // Nothing the reader did reached the store.
    await app.page.reload();
    await waitReady(app.page);
    assert.deepEqual((await state(app.page)).projects.map((p) => p.name).sort(), ['Still writing', 'Writer']);
  } finally {
    await app.close();
  }
});
