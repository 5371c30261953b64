// The browser store: IndexedDB, one writer tab, fallbacks and quota errors.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startServer } from '../../scripts/serve.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { freshProfile, openApp, repoRoot, shortcut, sleep, waitReady, webDir } from './helpers.mjs';

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

// Flips one byte of the newest generation, as a failing disk would: in a
// chunk that generation wrote, or in its manifest.
function damageNewest(part) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('cairn');
    open.onsuccess = () => {
      const tx = open.result.transaction(['manifests', 'chunks', 'meta'], 'readwrite');
      const flip = (store, key) => {
        const get = store.get(key);
        get.onsuccess = () => {
          const record = get.result;
          const bytes = new Uint8Array(part === 'manifest' ? record.bytes : record);
          bytes[bytes.length - 5] ^= 0x20;
          store.put(part === 'manifest' ? { ...record, bytes: bytes.buffer } : bytes.buffer, key);
        };
      };
      const head = tx.objectStore('meta').get('head');
      head.onsuccess = () => {
        const manifests = tx.objectStore('manifests');
        if (part === 'manifest') { flip(manifests, head.result); return; }
        manifests.get(head.result).onsuccess = (event) => {
          const written = event.target.result.chunks.filter((key) => Math.floor(key / 4096) === head.result);
          if (written.length === 0) { reject(new Error('the newest save wrote no chunk')); return; }
          flip(tx.objectStore('chunks'), written[0]);
        };
      };
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  });
}

for (const part of ['chunk', 'manifest']) {
  test(`a damaged ${part} of the newest save falls back to the previous generation and says so`, async () => {
    const app = await openApp();
    try {
      await waitReady(app.page);
      const id = await app.page.evaluate(() => cairn.exec({ op: 'create', kind: 'project', fields: { name: 'First' } }).created[0]);
      await waitSaved(app.page);
      await app.page.evaluate((pid) => cairn.exec({ op: 'set', id: pid, field: 'name', value: 'Second' }), id);
      await waitSaved(app.page);
      await app.page.evaluate(damageNewest, part);
      await app.page.reload();
      await waitReady(app.page);
      const s = await state(app.page);
      assert.deepEqual(s.projects.map((p) => p.name), ['First']);
      assert.match(s.save.notice, /generation 2\) is damaged.*checksum.*loaded generation 1/);
      // Saving goes on from there.
      await app.page.evaluate((pid) => cairn.exec({ op: 'set', id: pid, field: 'name', value: 'Third' }), id);
      await waitSaved(app.page);
      await app.page.reload();
      await waitReady(app.page);
      assert.deepEqual((await state(app.page)).projects.map((p) => p.name), ['Third']);
      assert.equal((await state(app.page)).save.notice, '');
    } finally {
      await app.close();
    }
  });
}

// Runs in the page: a project with `count` tasks, added in one command; returns the first task's id.
function addProjectWithTasks([name, count]) {
  const project = cairn.exec({ op: 'create', kind: 'project', fields: { name } }).created[0];
  const ops = [];
  for (let i = 0; i < count; ++i) ops.push({ op: 'create', kind: 'task', parent: project, fields: { title: `Task ${i}` } });
  return cairn.exec({ label: 'Add tasks', ops }).created[1];
}

test('a save after one edit writes only the changed part of a large workspace', async () => {
  const app = await openApp();
  try {
    await waitReady(app.page);
    const task = await app.page.evaluate(addProjectWithTasks, ['Big', 3000]);
    await waitSaved(app.page);
    const full = await app.page.evaluate(() => cairn.storeTimings);
    assert.ok(full.chunks >= 4, `the first save wrote ${full.chunks} chunks`);
    await app.page.evaluate((id) => cairn.exec({ op: 'set', id, field: 'title', value: 'Renamed' }), task);
    await waitSaved(app.page);
    const one = await app.page.evaluate(() => cairn.storeTimings);
    assert.equal(one.chunks, 1);
    assert.ok(one.bytes * 3 < full.bytes, `an edit wrote ${one.bytes} bytes, the whole save ${full.bytes}`);
    await app.page.reload();
    await waitReady(app.page);
    const titles = await app.page.evaluate((id) => JSON.parse(cairn.exportJSON()).items.filter((i) => i.kind === 'task').map((i) => i.id === id ? i.fields.title : null).filter(Boolean), task);
    assert.deepEqual(titles, ['Renamed']);
    assert.equal((await state(app.page)).counts.task, 3000);
    // The benchmark's figure of fresh heap the load took: at least the tasks' own bytes.
    const heap = (await state(app.page)).save.loadHeapBytes;
    assert.ok(heap > 3000 * 200 && heap < 64 * 1048576, `the load took ${heap} bytes of fresh heap`);
  } finally {
    await app.close();
  }
});

// Runs in the page: rewrites the newest manifest in IndexedDB as an older
// Cairn wrote it (manifest schema 2: no id ranges; docs/file-format.md),
// naming the same chunks, and resolves with its generation and chunk count.
function rewriteNewestManifestAsSchema2() {
  const crcTable = new Uint32Array(256).map((_, n) => {
    let c = n;
    for (let k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (bytes) => {
    let c = 0xFFFFFFFF;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xFF] ^ (c >>> 8);
    return (c ^ 0xFFFFFFFF) >>> 0;
  };
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('cairn');
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('manifests', 'readwrite');
      const store = tx.objectStore('manifests');
      const cursor = store.openCursor(null, 'prev');
      let result = null;
      cursor.onsuccess = () => {
        const { key, value } = cursor.result;
        const old = new DataView(value.bytes);
        const schema = old.getUint16(10, true);
        const count = old.getUint32(40, true);
        const refs = new Uint8Array(value.bytes, 44 + (count - 1) * 16, count * 20);  // after the range starts
        const payload = new Uint8Array(8 + count * 20);
        payload.set(new Uint8Array(value.bytes, 36, 8));  // tag and count
        payload.set(refs, 8);
        const bytes = new Uint8Array(36 + payload.length);
        bytes.set(new Uint8Array(value.bytes, 0, 32));  // magic, format, schema, generation, length
        const view = new DataView(bytes.buffer);
        view.setUint16(10, 2, true);
        view.setBigUint64(24, BigInt(payload.length), true);
        bytes.set(payload, 36);
        const sealed = new Uint8Array(32 + payload.length);
        sealed.set(bytes.subarray(0, 32));
        sealed.set(payload, 32);
        view.setUint32(32, crc32(sealed), true);
        store.put({ bytes: bytes.buffer, chunks: value.chunks }, key);
        result = { generation: key, count, schemaBefore: schema };
      };
      tx.oncomplete = () => { db.close(); resolve(result); };
      tx.onerror = () => reject(tx.error);
    };
    open.onerror = () => reject(open.error);
  });
}

// Runs in the page: the newest manifest's schema and the generations of the chunks it names.
function newestManifest() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('cairn');
    open.onsuccess = () => {
      const db = open.result;
      const cursor = db.transaction('manifests', 'readonly').objectStore('manifests').openCursor(null, 'prev');
      cursor.onsuccess = () => {
        const { key, value } = cursor.result;
        const view = new DataView(value.bytes);
        const schema = view.getUint16(10, true);
        const count = view.getUint32(40, true);
        const refsAt = 44 + (schema >= 3 ? (count - 1) * 16 : 0);
        const chunkGenerations = [];
        for (let c = 0; c < count; ++c) chunkGenerations.push(Number(view.getBigUint64(refsAt + c * 20, true)));
        db.close();
        resolve({ generation: key, schema, chunkGenerations });
      };
      cursor.onerror = () => reject(cursor.error);
    };
    open.onerror = () => reject(open.error);
  });
}

test('a store chunked by an older Cairn (manifest schema 2) loads, and its first save rewrites every chunk as id ranges', async () => {
  const app = await openApp();
  try {
    await waitReady(app.page);
    const task = await app.page.evaluate(addProjectWithTasks, ['Older layout', 1200]);
    await waitSaved(app.page);
    const rewritten = await app.page.evaluate(rewriteNewestManifestAsSchema2);
    assert.equal(rewritten.schemaBefore, 3);
    assert.ok(rewritten.count >= 4, `${rewritten.count} chunks`);
    assert.deepEqual(await app.page.evaluate(newestManifest),
      { generation: rewritten.generation, schema: 2, chunkGenerations: Array(rewritten.count).fill(rewritten.generation) });

    await app.page.reload();
    await waitReady(app.page);
    let s = await state(app.page);
    assert.equal(s.counts.task, 1200);
    assert.equal(s.save.notice, '');
    assert.equal(s.save.readOnly, false);
    // One edit: on the old layout it would write one chunk and leave the task's old copy in another.
    await app.page.evaluate((id) => cairn.exec({ op: 'set', id, field: 'title', value: 'After the upgrade' }), task);
    await waitSaved(app.page);
    const upgraded = await app.page.evaluate(newestManifest);
    assert.equal(upgraded.schema, 3);
    assert.equal(upgraded.generation, rewritten.generation + 1);
    assert.deepEqual(upgraded.chunkGenerations, Array(upgraded.chunkGenerations.length).fill(upgraded.generation));
    // And from then on only what changes.
    await app.page.evaluate((id) => cairn.exec({ op: 'set', id, field: 'title', value: 'Later' }), task);
    await waitSaved(app.page);
    assert.equal((await app.page.evaluate(() => cairn.storeTimings)).chunks, 1);

    await app.page.reload();
    await waitReady(app.page);
    s = await state(app.page);
    assert.equal(s.counts.task, 1200);
    assert.equal(s.save.notice, '');
    const titles = await app.page.evaluate((id) => JSON.parse(cairn.exportJSON()).items.filter((i) => i.id === id).map((i) => i.fields.title), task);
    assert.deepEqual(titles, ['Later']);
  } finally {
    await app.close();
  }
});

test('a workspace saved whole by an earlier version (database version 1) loads and is saved in chunks from then on', async () => {
  const golden = fs.readFileSync(path.join(repoRoot, 'tests/golden/workspace-schema2.cairn'));
  const server = await startServer({ root: webDir, port: 0 });
  const profile = freshProfile();
  try {
    // Lay out the database as the earlier version did, from a page of the same origin without the app.
    let app = await openApp({ server, profile, path: 'manifest.webmanifest' });
    await app.page.evaluate((bytes) => new Promise((resolve, reject) => {
      const open = indexedDB.open('cairn', 1);
      open.onupgradeneeded = () => { open.result.createObjectStore('snapshots'); open.result.createObjectStore('meta'); };
      open.onsuccess = () => {
        const tx = open.result.transaction(['snapshots', 'meta'], 'readwrite');
        tx.objectStore('snapshots').put(new Uint8Array(bytes).buffer, 7);
        tx.objectStore('meta').put(7, 'head');
        tx.oncomplete = () => { open.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    }), [...golden]);
    await app.close();
    app = await openApp({ server, profile });
    await waitReady(app.page);
    const before = await state(app.page);
    assert.ok(before.projects.length > 0, 'the old snapshot was read');
    assert.equal(before.save.notice, '');
    const id = before.projects[0].id;
    await app.page.evaluate((pid) => cairn.exec({ op: 'set', id: pid, field: 'name', value: 'Carried over' }), id);
    await waitSaved(app.page);
    const layout = await app.page.evaluate(() => new Promise((resolve) => {
      const open = indexedDB.open('cairn');
      open.onsuccess = () => {
        const tx = open.result.transaction(['manifests', 'meta'], 'readonly');
        const keys = tx.objectStore('manifests').getAllKeys();
        const head = tx.objectStore('meta').get('head');
        tx.oncomplete = () => { resolve({ version: open.result.version, manifests: keys.result, head: head.result }); open.result.close(); };
      };
    }));
    assert.deepEqual(layout, { version: 2, manifests: [8], head: 8 });
    await app.close();
    app = await openApp({ server, profile });
    await waitReady(app.page);
    const after = await state(app.page);
    assert.equal(after.projects.find((p) => p.id === id).name, 'Carried over');
    assert.equal(after.projects.length, before.projects.length);
    await app.close();
  } finally {
    await server.close();
  }
});

// The origin's quota forced low through the DevTools protocol, as the
// browser does when the disk fills up: `headroom` bytes above what the
// origin uses now (the service worker's cache counts too); null lifts it.
async function forceQuota(app, headroom) {
  const cdp = await app.context.newCDPSession(app.page);
  const origin = new URL(app.server.url).origin;
  if (headroom === null) {
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  } else {
    const { usage } = await cdp.send('Storage.getUsageAndQuota', { origin });
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + headroom });
  }
  const { overrideActive } = await cdp.send('Storage.getUsageAndQuota', { origin });
  assert.equal(overrideActive, headroom !== null);
}

// About two megabytes of tasks in one undoable step: more than the forced quota.
function addBigTasks() {
  const project = cairn.state().projects[0].id;
  const ops = [];
  for (let i = 0; i < 5000; ++i) ops.push({ op: 'create', kind: 'task', parent: project, fields: { title: `Task ${i} ${'x'.repeat(400)}` } });
  return cairn.exec({ label: 'Add many tasks', ops }).ok;
}

test('with the quota forced low a failed save is shown, nothing is lost in memory, and saving resumes when space returns', async () => {
  const app = await openApp();
  try {
    await waitReady(app.page);
    await forceQuota(app, 300000);
    await app.page.evaluate(() => cairn.exec({ op: 'create', kind: 'project', fields: { name: 'Small' } }));
    await waitSaved(app.page);
    assert.equal(await app.page.evaluate(addBigTasks), true);
    await app.page.waitForFunction(() => window.cairn.state().save.error !== '', null, { timeout: 15000 });
    const s = await state(app.page);
    assert.equal(s.save.error, 'the browser storage quota is full');
    assert.match(s.save.status, /Save failed, retrying: the browser storage quota is full/);
    assert.equal(s.save.dirty, true);
    assert.equal(s.counts.task, 5000);  // nothing lost in memory

    // Space comes back: the retry saves everything.
    await forceQuota(app, null);
    await app.page.waitForFunction(() => window.cairn.state().save.status.startsWith('Saved'), null, { timeout: 20000 });
    await app.page.reload();
    await waitReady(app.page);
    assert.equal((await state(app.page)).counts.task, 5000);
  } finally {
    await app.close();
  }
});

test('after a save failed on quota the stored data is the last good save, intact', async () => {
  const app = await openApp();
  try {
    await waitReady(app.page);
    await forceQuota(app, 300000);
    await app.page.evaluate(() => cairn.exec({ op: 'create', kind: 'project', fields: { name: 'Kept' } }));
    await waitSaved(app.page);
    await app.page.evaluate(addBigTasks);
    await app.page.waitForFunction(() => window.cairn.state().save.error !== '', null, { timeout: 15000 });
    await app.page.reload();
    await waitReady(app.page);
    const s = await state(app.page);
    assert.deepEqual(s.projects.map((p) => p.name), ['Kept']);
    assert.equal(s.counts.task, 0);
    assert.equal(s.save.notice, '');  // the newest generation loaded: no fallback needed
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

test('the stored workspace is read while the module compiles, and those bytes are what loads', async () => {
  const app = await openApp();
  try {
    await waitReady(app.page);
    await app.page.evaluate(() => cairn.exec({ op: 'create', kind: 'project', fields: { name: 'Read early' } }));
    await waitSaved(app.page);
    await app.page.reload();
    await waitReady(app.page);
    const timings = await app.page.evaluate(() => cairn.storeTimings);
    assert.equal(timings.prefetchUsed, true, JSON.stringify(timings));
    assert.ok(timings.prefetchMs > 0);
    assert.deepEqual((await state(app.page)).projects.map((p) => p.name), ['Read early']);
  } finally {
    await app.close();
  }
});

// Holds web/boot.js's early read until the test releases it, so that a save
// can land between that read and the app's own look at the database.
function holdEarlyRead() {
  let module;
  Object.defineProperty(window, 'Module', {
    configurable: true,
    get: () => module,
    set: (value) => {
      module = value;
      if (value && value.cairnStorePrefetch && !value.heldByTest) {
        const read = value.cairnStorePrefetch;
        value.heldByTest = true;
        window.earlyRead = read;
        value.cairnStorePrefetch = new Promise((resolve) => { window.releaseEarlyRead = () => resolve(read); });
      }
    },
  });
}

test('an early read overtaken by a newer save is not used: the newer save loads', async () => {
  const app = await openApp();
  try {
    await waitReady(app.page);
    await app.page.evaluate(() => cairn.exec({ op: 'create', kind: 'project', fields: { name: 'First' } }));
    await waitSaved(app.page);
    const second = await app.context.newPage();
    await second.addInitScript(holdEarlyRead);
    await second.goto(app.server.url);
    await second.waitForFunction(() => window.releaseEarlyRead, null, { timeout: 30000 });
    const early = await second.evaluate(() => window.earlyRead.then((read) => read && read.generation));
    assert.ok(early >= 1, `the early read found generation ${early}`);
    await app.page.evaluate(() => cairn.exec({ op: 'create', kind: 'project', fields: { name: 'Second' } }));
    await waitSaved(app.page);
    await second.evaluate(() => window.releaseEarlyRead());
    await waitReady(second);
    const s = await state(second);
    assert.deepEqual(s.projects.map((p) => p.name).sort(), ['First', 'Second']);
    assert.equal((await second.evaluate(() => cairn.storeTimings)).prefetchUsed, false);
  } finally {
    await app.close();
  }
});

test('item histories come back after a reload: decoded after the first frame, every change kept', async () => {
  const app = await openApp();
  try {
    await waitReady(app.page);
    const created = await app.page.evaluate(() => cairn.exec({ op: 'create', kind: 'project', fields: { name: 'History' } }));
    for (const name of ['History 2', 'History 3', 'History 4']) {
      await app.page.evaluate(([id, value]) => cairn.exec({ op: 'set', id, field: 'name', value }), [created.created[0], name]);
    }
    await waitSaved(app.page);
    const before = (await state(app.page)).save.historyChanges;
    assert.ok(before >= 4, `changes before the reload: ${before}`);
    await app.page.reload();
    await waitReady(app.page);
    // Left for after the first frame (whether they are still pending by now depends on timing).
    assert.equal((await state(app.page)).save.historiesDeferred, true);
    await app.page.waitForFunction(() => !window.cairn.state().save.historiesPending, null, { timeout: 10000 });
    const after = (await state(app.page)).save;
    assert.equal(after.historyChanges, before);
    assert.equal(after.notice, '');
    // They were copied from the chunk records the page kept, which it has let go now.
    assert.equal((await app.page.evaluate(() => cairn.storeTimings)).heldReads, 0);
    // An edit after the reload adds to the history read back.
    await app.page.evaluate((id) => cairn.exec({ op: 'set', id, field: 'name', value: 'History 5' }), created.created[0]);
    assert.equal((await state(app.page)).save.historyChanges, before + 1);
  } finally {
    await app.close();
  }
});
