// Offline: after one visit the app opens with the network cut off, even after
// a browser restart; a new build replaces the cached one on the next load
// without ever mixing files of two builds.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { startServer } from '../../scripts/serve.mjs';
import { freshProfile, openApp, repoRoot, screenshotStats, sleep, waitReady, webDir } from './helpers.mjs';

async function waitControlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null,
    null, { timeout: 30000 });
}

// Polls across navigations (a reload may happen while we wait).
async function waitFor(page, predicate, arg, timeout = 30000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      if (await page.evaluate(predicate, arg)) return;
    } catch { /* the page navigated under us: ask again */ }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${predicate}`);
    await sleep(200);
  }
}

function resourceVersions(page) {
  return page.evaluate(() => performance.getEntriesByType('resource')
    .map((entry) => new URL(entry.name))
    .filter((url) => /\.(js|css|wasm)$/.test(url.pathname))
    .map((url) => `${url.pathname.slice(1)}?v=${url.searchParams.get('v')}`));
}

test('after one visit the app loads with the network cut off, also after a browser restart', async () => {
  const profile = freshProfile();
  const server = await startServer({ root: webDir, port: 0 });
  let app = await openApp({ profile, server });
  try {
    await waitReady(app.page);
    await waitControlled(app.page);

    // Cut the network: the server is gone and the browser is offline.
    await server.close();
    await app.context.setOffline(true);
    await app.page.reload();
    await waitReady(app.page);
    const shot = await screenshotStats(app.page, 'offline-reload');
    assert.ok(shot.distinctColours >= 64, `offline reload shows a blank page (${shot.file})`);
    await app.close();

    // A new browser on the same profile, still without a server.
    app = await openApp({ profile, server: { url: server.url, close: async () => {} } });
    await waitReady(app.page);
    assert.ok(await app.page.evaluate(() => window.cairn.frames) >= 1);
    const restarted = await screenshotStats(app.page, 'offline-restart');
    assert.ok(restarted.distinctColours >= 64, `offline restart shows a blank page (${restarted.file})`);
  } finally {
    await app.close();
  }
});

test('a new build replaces the cached one on the next load, never mixing files', async () => {
  // A private copy of the built folder, so we can "deploy" a new build into it.
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-site-'));
  fs.cpSync(webDir, site, { recursive: true });
  const oldBuild = fs.readFileSync(path.join(site, 'build-id.txt'), 'utf8').trim();
  const server = await startServer({ root: site, port: 0 });
  const app = await openApp({ server });
  try {
    await waitReady(app.page);
    await waitControlled(app.page);
    assert.equal(await app.page.evaluate(() => window.cairn.build), oldBuild);

    // Deploy build 2: a changed boot.js, stamped by the same script as the real build.
    const source = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-src-'));
    fs.cpSync(path.join(repoRoot, 'web'), source, { recursive: true });
    fs.appendFileSync(path.join(source, 'boot.js'), '\n// build 2\n');
    execFileSync('cmake', [`-DSRC=${source}`, `-DASSETS=${path.join(repoRoot, 'assets')}`, `-DOUT=${site}`,
      '-DVERSION=9.9.9', '-P', path.join(repoRoot, 'cmake/StampWeb.cmake')]);
    const newBuild = fs.readFileSync(path.join(site, 'build-id.txt'), 'utf8').trim();
    assert.notEqual(newBuild, oldBuild);

    // Next load: still the cached build (complete and consistent), while the
    // new one downloads and activates in the background.
    await app.page.reload();
    await waitReady(app.page);
    assert.equal(await app.page.evaluate(() => window.cairn.build), oldBuild);
    for (const file of await resourceVersions(app.page)) assert.match(file, new RegExp(`v=${oldBuild}$`));
    await waitFor(app.page, () => window.cairn.updateReady === true);

    // The load after that runs the new build, every file from it.
    await app.page.reload();
    await waitFor(app.page, (build) => window.cairn && window.cairn.build === build, newBuild);
    await waitReady(app.page);
    assert.equal(await app.page.evaluate(() => window.cairn.version), '9.9.9');
    const files = await resourceVersions(app.page);
    assert.ok(files.length >= 3, `resources seen: ${files}`);
    for (const file of files) assert.match(file, new RegExp(`v=${newBuild}$`));
    // The new build's cache, and the previous one for tabs still running it.
    const caches = await app.page.evaluate(() => caches.keys());
    assert.deepEqual([...caches].sort(), [`cairn-${newBuild}`, `cairn-${oldBuild}`].sort());
  } finally {
    await app.close();
    await server.close();
  }
});
