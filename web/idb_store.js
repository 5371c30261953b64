// IndexedDB storage for the web build (linked with --js-library).
//
// Database "cairn" (version 2):
//   "chunks"     parts of a saved workspace, keyed by generation * 4096 + index
//   "manifests"  per generation: { bytes: the manifest (an envelope naming each
//                chunk's generation, length and checksum), chunks: their keys }
//   "meta"       "head": the newest generation
//   "snapshots"  whole snapshots keyed by generation, written by versions
//                before chunks; still read, and dropped once old enough.
// A save is one readwrite transaction that checks the head is still the
// generation this tab last wrote, writes the changed chunks, manifest gen+1
// and the new head, drops manifests older than the last three and every
// chunk none of the kept manifests names; it counts as done only on the
// transaction's `complete`. C++ decides what to write and checks what is
// read (src/store/chunks.h). A Web Lock makes one tab the writer; the others
// open read-only and follow the writer's saves through a BroadcastChannel.
// web/boot.js reads the newest generation's records while the module
// compiles; the read here takes those bytes when its newest manifest is
// still the one they were read for.
mergeInto(LibraryManager.library, {
  $CairnIdb: {
    db: null,
    writer: false,
    channel: null,
    keep: 3,
    kept: new Map(),   // generation -> chunk keys its manifest names, for the manifests stored
    stored: new Set(), // keys of the chunk records stored
    // Read and write times for benchmarks (window.cairn.storeTimings).
    // prefetchMs: web/boot.js's early read (beside the module's download and
    // compile); prefetchUsed: its bytes were used; readMs: what the app waited.
    // prefetchDoneMs, appStartMs: when the early read ended and when the app
    // asked for the workspace (ms since navigation): which waited for which.
    timings: { readMs: 0, writeMs: 0, bytes: 0, prefetchMs: 0, prefetchUsed: false, heldReads: 0, prefetchDoneMs: 0,
      appStartMs: 0 },
    open: function () {
      return new Promise(function (resolve, reject) {
        var request = indexedDB.open('cairn', 2);
        request.onupgradeneeded = function () {
          var db = request.result;
          ['snapshots', 'meta', 'manifests', 'chunks'].forEach(function (name) {
            if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
          });
        };
        request.onsuccess = function () {
          var db = request.result;
          // A newer Cairn in another tab upgrades the database: let it, and
          // stop writing here (this copy no longer knows the layout).
          db.onversionchange = function () {
            db.close();
            CairnIdb.db = null;
          };
          resolve(db);
        };
        request.onerror = function () { reject(request.error); };
        request.onblocked = function () { reject(new Error('the database is blocked by another tab')); };
      });
    },
    // Hands stored generations to C++ newest first and stops at the first
    // one C++ can use: manifests with their chunks, then (stores written
    // before chunks) whole snapshots. Resolves with the milliseconds spent
    // in C++ (decoding), so that the reading itself can be timed apart.
    readNewest: function (db) {
      var clock = { decodeMs: 0 };
      return CairnIdb.readManifests(db, clock).then(function (found) {
        return found ? clock.decodeMs : CairnIdb.readSnapshots(db, clock);
      });
    },
    timed: function (clock, call) {
      var started = performance.now();
      var result = call();
      clock.decodeMs += performance.now() - started;
      return result;
    },
    withBytes: function (bytes, call) {
      var pointer = _malloc(bytes.length || 1);
      HEAPU8.set(bytes, pointer);
      try { return call(pointer, bytes.length); } finally { _free(pointer); }
    },
    request: function (req) {
      return new Promise(function (resolve, reject) {
        req.onsuccess = function () { resolve(req.result); };
        req.onerror = function () { reject(req.error); };
      });
    },
    // Resolves true when a generation was taken (or refused: read no further).
    readManifests: function (db, clock) {
      var tx = db.transaction(['manifests', 'chunks'], 'readonly');
      var store = tx.objectStore('manifests');
      return Promise.all([CairnIdb.request(store.getAllKeys()), CairnIdb.request(store.getAll()),
        CairnIdb.request(tx.objectStore('chunks').getAllKeys())]).then(function (all) {
        var keys = all[0], records = all[1];
        // What a save needs to drop unnamed chunks without reading first.
        CairnIdb.kept = new Map();
        keys.forEach(function (generation, i) { CairnIdb.kept.set(generation, records[i] && records[i].chunks || []); });
        CairnIdb.stored = new Set(all[2]);
        var index = keys.length - 1;
        function next() {
          if (index < 0 || keys.length - 1 - index >= CairnIdb.keep) return Promise.resolve(false);
          var generation = keys[index];
          var record = records[index--];
          var bytes = new Uint8Array(record && record.bytes || new ArrayBuffer(0));
          var prefetched = CairnIdb.takePrefetch(generation, bytes);
          var hold = CairnIdb.hold();
          var count = CairnIdb.timed(clock, function () {
            return CairnIdb.withBytes(bytes, function (p, n) { return _cairn_store_manifest(p, n, generation, hold); });
          });
          if (count < 0) return Promise.resolve(true);
          if (count === 0) return next();
          return CairnIdb.readChunks(db, count, clock, prefetched, hold).then(function () {
            return CairnIdb.timed(clock, function () { return _cairn_store_manifest_done(); }) ? true : next();
          });
        }
        return next();
      });
    },
    // The chunks web/boot.js read while the module compiled, if they were
    // read for this very manifest (same generation, same bytes); once only.
    prefetch: null,
    takePrefetch: function (generation, manifest) {
      var p = CairnIdb.prefetch;
      CairnIdb.prefetch = null;
      if (!p || p.generation !== generation) return null;
      var stored = new Uint8Array(p.manifest);
      if (stored.length !== manifest.length) return null;
      for (var i = 0; i < stored.length; ++i) if (stored[i] !== manifest[i]) return null;
      CairnIdb.timings.prefetchUsed = true;
      return p.chunks;
    },
    // Chunk records kept for C++ (hold number -> Map key -> ArrayBuffer):
    // the histories in them are decoded after the first frame, copied from
    // here rather than kept in the module's memory. C++ owns each hold from
    // the manifest on and releases it when nothing needs it any more.
    holds: null,  // made at run time: library objects are written out as source text
    lastHold: 0,
    hold: function () {
      if (!CairnIdb.holds) CairnIdb.holds = new Map();
      CairnIdb.holds.set(++CairnIdb.lastHold, new Map());
      CairnIdb.timings.heldReads = CairnIdb.holds.size;
      return CairnIdb.lastHold;
    },
    // Reads the chunks C++ names, handing each over as it arrives; those in
    // `prefetched` (a Map key -> ArrayBuffer, or null) at once.
    readChunks: function (db, count, clock, prefetched, hold) {
      return new Promise(function (resolve, reject) {
        var failed = false;
        function hand(key, buffer) {
          if (failed) return;
          var held = CairnIdb.holds && CairnIdb.holds.get(hold);
          if (held && buffer) held.set(key, buffer);
          var bytes = new Uint8Array(buffer || new ArrayBuffer(0));
          failed = !CairnIdb.timed(clock, function () {
            return CairnIdb.withBytes(bytes, function (p, n) { return _cairn_store_chunk(p, n, key); });
          });
        }
        var missing = [];
        for (var i = 0; i < count; ++i) {
          var key = _cairn_store_chunk_key(i);
          if (prefetched && prefetched.has(key)) hand(key, prefetched.get(key));
          else missing.push(key);
        }
        if (missing.length === 0 || failed) { resolve(); return; }
        var tx = db.transaction('chunks', 'readonly');
        var store = tx.objectStore('chunks');
        missing.forEach(function (key) {
          var request = store.get(key);
          request.onsuccess = function () { hand(key, request.result); };
        });
        tx.oncomplete = function () { resolve(); };
        tx.onerror = function () { reject(tx.error); };
      });
    },
    // Whole snapshots (written before chunks), newest first, one at a time.
    readSnapshots: function (db, clock) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction('snapshots', 'readonly');
        var request = tx.objectStore('snapshots').openCursor(null, 'prev');
        var seen = 0;
        request.onsuccess = function () {
          var cursor = request.result;
          if (!cursor || seen >= CairnIdb.keep) { resolve(clock.decodeMs); return; }
          ++seen;
          var usable = CairnIdb.timed(clock, function () {
            return CairnIdb.candidate(new Uint8Array(cursor.value), cursor.key);
          });
          if (usable) resolve(clock.decodeMs);
          else cursor.continue();
        };
        request.onerror = function () { reject(request.error); };
      });
    },
    candidate: function (bytes, generation) {
      return CairnIdb.withBytes(bytes, function (p, n) { return _cairn_store_candidate(p, n, generation); }) !== 0;
    },
    // Starts the app (the snapshots were handed over by readNewest).
    ready: function (readOnly, message) {
      var text = message || '';
      var size = lengthBytesUTF8(text) + 1;
      var textPointer = _malloc(size);
      stringToUTF8(text, textPointer, size);
      _cairn_store_ready(readOnly ? 1 : 0, textPointer);
      _free(textPointer);
    },
    // Tells C++ what the browser says about persistence and space.
    estimate: function () {
      if (!navigator.storage || !navigator.storage.estimate) return;
      navigator.storage.estimate().then(function (e) {
        _cairn_store_estimate(CairnIdb.persisted, e.usage || 0, e.quota || 0);
      }, function () {});
    },
    persisted: -1,  // -1: not answered (yet) or not supported
    // A read-only tab re-reads the store after the writer saved.
    follow: function () {
      if (CairnIdb.writer || !CairnIdb.db || CairnIdb.following) return;
      CairnIdb.following = true;
      CairnIdb.readNewest(CairnIdb.db).then(function () {
        _cairn_store_reload();
        CairnIdb.following = false;
        if (CairnIdb.followAgain) { CairnIdb.followAgain = false; CairnIdb.follow(); }
      }, function () { CairnIdb.following = false; });
    },
    following: false,
    followAgain: false,
    reportSaved: function (generation, ok, message) {
      var text = message || '';
      var size = lengthBytesUTF8(text) + 1;
      var pointer = _malloc(size);
      stringToUTF8(text, pointer, size);
      _cairn_store_saved(generation, ok ? 1 : 0, pointer);
      _free(pointer);
    },
  },

  cairn_idb_start__deps: ['$CairnIdb', 'malloc', 'free'],  // also calls _cairn_store_* (exported)
  cairn_idb_start: function () {
    Module.cairnStoreTimings = CairnIdb.timings;
    CairnIdb.timings.appStartMs = performance.now();
    function start(writer) {
      CairnIdb.writer = writer;
      var readStarted = performance.now();
      // Waits for web/boot.js's early read: its connection must be closed
      // before this one may upgrade the database.
      var prefetch = Module.cairnStorePrefetch || Promise.resolve(null);
      Module.cairnStorePrefetch = null;
      prefetch.then(function (p) {
        CairnIdb.prefetch = p;
        if (p) CairnIdb.timings.prefetchMs = p.ms;
        if (p) CairnIdb.timings.prefetchDoneMs = p.doneAt;
        return CairnIdb.open();
      }).then(function (db) {
        CairnIdb.db = db;
        return CairnIdb.readNewest(db);
      }).then(function (decodeMs) {
        CairnIdb.timings.readMs = performance.now() - readStarted - decodeMs;
        CairnIdb.prefetch = null;  // unused when no manifest was read: let its bytes go
        if (typeof BroadcastChannel === 'function') {
          CairnIdb.channel = new BroadcastChannel('cairn');
          CairnIdb.channel.onmessage = function (event) {
            if (CairnIdb.writer || !event.data || !event.data.saved) return;
            if (CairnIdb.following) CairnIdb.followAgain = true;  // read once more when this read ends
            else CairnIdb.follow();
          };
        }
        CairnIdb.ready(!writer, writer ? '' : 'Cairn is open in another tab: this tab is read-only and shows that tab\'s saves. Close the other tab and reload to edit here.');
        CairnIdb.estimate();
      }).catch(function (error) {
        CairnIdb.prefetch = null;
        CairnIdb.ready(true, 'Browser storage is not available (' + (error && error.message || error) + '); nothing will be saved.');
      });
    }
    if (typeof indexedDB === 'undefined') {
      CairnIdb.ready(true, 'This browser offers no IndexedDB storage; nothing will be saved.');
      return;
    }
    if (navigator.locks && navigator.locks.request) {
      // Held for the life of the tab: the promise never resolves.
      navigator.locks.request('cairn-writer', { ifAvailable: true }, function (lock) {
        start(lock !== null);
        return lock ? new Promise(function () {}) : undefined;
      });
    } else {
      start(true);
    }
    if (navigator.storage && navigator.storage.persist) {
      navigator.storage.persist().then(function (granted) {
        CairnIdb.persisted = granted ? 1 : 0;
        CairnIdb.estimate();
      }, function () {});
    }
  },

  // Deferred histories (src/store/idb_store.cpp, PageHeldChunks).
  cairn_idb_copy_held__deps: ['$CairnIdb'],
  cairn_idb_copy_held: function (hold, key, offset, length, out) {
    var held = CairnIdb.holds && CairnIdb.holds.get(hold);
    var buffer = held && held.get(key);
    if (!buffer || offset + length > buffer.byteLength) return 0;
    HEAPU8.set(new Uint8Array(buffer, offset, length), out);
    return 1;
  },
  cairn_idb_release_held__deps: ['$CairnIdb'],
  cairn_idb_release_held: function (hold) {
    if (!CairnIdb.holds) return;
    CairnIdb.holds.delete(hold);
    CairnIdb.timings.heldReads = CairnIdb.holds.size;
  },

  cairn_idb_save_chunks__deps: ['$CairnIdb'],
  cairn_idb_save_chunks: function (manifestPointer, manifestLength, generation, count, keysPointer, chunksPointer, lengthsPointer,
    namedCount, namedPointer) {
    // Copied out of the heap now: it may move before the transaction runs.
    var manifest = HEAPU8.slice(manifestPointer, manifestPointer + manifestLength).buffer;
    var keys = [], chunks = [], named = [], bytes = manifestLength;
    for (var k = 0; k < namedCount; ++k) named.push(HEAPF64[(namedPointer >> 3) + k]);
    for (var i = 0; i < count; ++i) {
      var pointer = HEAPU32[(chunksPointer >> 2) + i];
      var length = HEAPU32[(lengthsPointer >> 2) + i];
      keys.push(HEAPF64[(keysPointer >> 3) + i]);
      chunks.push(HEAPU8.slice(pointer, pointer + length).buffer);
      bytes += length;
    }
    var db = CairnIdb.db;
    if (!db || !CairnIdb.writer) {
      CairnIdb.reportSaved(generation, false, db ? 'this tab is read-only' : 'a newer version of Cairn opened the storage in another tab; reload this tab');
      return;
    }
    var failed = null;
    var started = performance.now();
    var tx;
    try {
      tx = db.transaction(['snapshots', 'meta', 'manifests', 'chunks'], 'readwrite');
    } catch (error) {
      CairnIdb.reportSaved(generation, false, String(error && error.message || error));
      return;
    }
    // Everything is asked for at once: the head check comes first in the
    // transaction, and a mismatch aborts it, undoing the writes queued after
    // it. (Each extra round trip would wait for the page's main thread.)
    var oldest = generation - CairnIdb.keep;  // manifests up to this one go
    var kept = new Map();
    CairnIdb.kept.forEach(function (names, g) { if (g > oldest) kept.set(g, names); });
    kept.set(generation, named);
    var wanted = new Set();
    kept.forEach(function (names) { names.forEach(function (key) { wanted.add(key); }); });
    var dropped = [];
    CairnIdb.stored.forEach(function (key) { if (!wanted.has(key)) dropped.push(key); });
    var head = tx.objectStore('meta').get('head');
    head.onsuccess = function () {
      var current = head.result || 0;
      if (current !== generation - 1) {
        failed = 'the stored workspace changed under this tab (generation ' + current + ', expected ' + (generation - 1) + ')';
        tx.abort();
      }
    };
    try {
      var chunkStore = tx.objectStore('chunks');
      var manifests = tx.objectStore('manifests');
      for (var i = 0; i < keys.length; ++i) chunkStore.put(chunks[i], keys[i]);
      manifests.put({ bytes: manifest, chunks: named }, generation);
      tx.objectStore('meta').put(generation, 'head');
      if (oldest > 0) {
        manifests.delete(IDBKeyRange.upperBound(oldest));
        tx.objectStore('snapshots').delete(IDBKeyRange.upperBound(oldest));
      }
      dropped.forEach(function (key) { chunkStore.delete(key); });
    } catch (error) {  // put() throws synchronously for quota and clone errors
      failed = error && error.name === 'QuotaExceededError' ? 'the browser storage quota is full'
        : String(error && (error.message || error.name));
      tx.abort();
    }
    tx.oncomplete = function () {
      CairnIdb.kept = kept;
      dropped.forEach(function (key) { CairnIdb.stored.delete(key); });
      keys.forEach(function (key) { CairnIdb.stored.add(key); });
      CairnIdb.timings.writeMs = performance.now() - started;
      CairnIdb.timings.bytes = bytes;
      CairnIdb.timings.chunks = keys.length;
      CairnIdb.reportSaved(generation, true, '');
      CairnIdb.estimate();
      if (CairnIdb.channel) CairnIdb.channel.postMessage({ saved: generation });
    };
    tx.onabort = function () {
      var error = tx.error;
      var reason = failed || (error && error.name === 'QuotaExceededError'
        ? 'the browser storage quota is full' : String(error && (error.message || error.name) || 'the save was aborted'));
      CairnIdb.reportSaved(generation, false, reason);
    };
  },
});
