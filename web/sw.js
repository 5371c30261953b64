// Cairn service worker: after one visit the app opens without a network.
// Each build has its own cache, named after the build id, and every file of a
// build is requested with ?v=<build id>, so files of two builds never mix.
// A new build installs in the background and takes over on the next load
// (boot.js asks the waiting worker to activate before loading anything).
'use strict';

const BUILD = '@BUILD_ID@';
const CACHE = `cairn-${BUILD}`;
const FILES = [
  './',
  `boot.js?v=${BUILD}`,
  `shell.css?v=${BUILD}`,
  `cairn.js?v=${BUILD}`,
  `cairn.wasm?v=${BUILD}`,
  'manifest.webmanifest',
  'icon.svg',
];

self.addEventListener('install', (event) => {
  // cache: 'reload' skips the HTTP cache so a build is never cached half old.
  event.waitUntil(caches.open(CACHE).then((cache) =>
    cache.addAll(FILES.map((file) => new Request(file, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('cairn-') && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // Any page URL (/, /index.html, /?query) is the app's one page.
    const cached = request.mode === 'navigate' ? await cache.match('./') : await cache.match(request);
    return cached || fetch(request);
  })());
});
