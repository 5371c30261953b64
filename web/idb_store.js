// IndexedDB storage for the web build (linked with --js-library).
//
// Database "cairn", object store "snapshots" keyed by generation, and a
// "meta" store whose "head" record names the newest generation. A save is one
// readwrite transaction that checks the head is still the generation this tab
// last wrote, writes snapshot gen+1 and the new head, and drops generations
// older than the last three; it counts as done only on the transaction's
// `complete`. A Web Lock makes one tab the writer; the others open read-only
// and follow the writer's saves through a BroadcastChannel.
mergeInto(LibraryManager.library, {
  $CairnIdb: {
    db: null,
    writer: false,
    channel: null,
    keep: 3,
    // Read and write times for benchmarks (window.cairn.storeTimings).
    timings: { readMs: 0, writeMs: 0, bytes: 0 },
    open: function () {
      return new Promise(function (resolve, reject) {
        var request = indexedDB.open('cairn', 1);
        request.onupgradeneeded = function () {
          var db = request.result;
          db.createObjectStore('snapshots');
          db.createObjectStore('meta');
        };
        request.onsuccess = function () { resolve(request.result); };
        request.onerror = function () { reject(request.error); };
        request.onblocked = function () { reject(new Error('the database is blocked by another tab')); };
      });
    },
    // Hands stored snapshots to C++ newest first, one record at a time, and
    // stops at the first one C++ can use: older generations are read only
    // when a newer one is damaged. Resolves with the milliseconds spent in
    // C++ (decoding), so that the read itself can be timed apart.
    readNewest: function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction('snapshots', 'readonly');
        var request = tx.objectStore('snapshots').openCursor(null, 'prev');
        var seen = 0;
        var decodeMs = 0;
        request.onsuccess = function () {
          var cursor = request.result;
          if (!cursor || seen >= CairnIdb.keep) { resolve(decodeMs); return; }
          ++seen;
          var started = performance.now();
          var usable = CairnIdb.candidate(new Uint8Array(cursor.value), cursor.key);
          decodeMs += performance.now() - started;
          if (usable) resolve(decodeMs);
          else cursor.continue();
        };
        request.onerror = function () { reject(request.error); };
      });
    },
    candidate: function (bytes, generation) {
      var pointer = _malloc(bytes.length || 1);
      HEAPU8.set(bytes, pointer);
      var usable = _cairn_store_candidate(pointer, bytes.length, generation);
      _free(pointer);
      return usable !== 0;
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
    function start(writer) {
      CairnIdb.writer = writer;
      var readStarted = performance.now();
      CairnIdb.open().then(function (db) {
        CairnIdb.db = db;
        return CairnIdb.readNewest(db);
      }).then(function (decodeMs) {
        CairnIdb.timings.readMs = performance.now() - readStarted - decodeMs;
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

  cairn_idb_save__deps: ['$CairnIdb'],
  cairn_idb_save: function (pointer, length, generation) {
    var bytes = HEAPU8.slice(pointer, pointer + length).buffer;  // copied: the heap may move
    var db = CairnIdb.db;
    if (!db || !CairnIdb.writer) {
      CairnIdb.reportSaved(generation, false, 'this tab is read-only');
      return;
    }
    var failed = null;
    var started = performance.now();
    var tx;
    try {
      tx = db.transaction(['snapshots', 'meta'], 'readwrite');
    } catch (error) {
      CairnIdb.reportSaved(generation, false, String(error && error.message || error));
      return;
    }
    var meta = tx.objectStore('meta');
    var snapshots = tx.objectStore('snapshots');
    var head = meta.get('head');
    head.onsuccess = function () {
      var current = head.result || 0;
      if (current !== generation - 1) {
        failed = 'the stored workspace changed under this tab (generation ' + current + ', expected ' + (generation - 1) + ')';
        tx.abort();
        return;
      }
      try {
        snapshots.put(bytes, generation);
        meta.put(generation, 'head');
        if (generation > CairnIdb.keep) snapshots.delete(IDBKeyRange.upperBound(generation - CairnIdb.keep));
      } catch (error) {  // put() throws synchronously for quota and clone errors
        failed = error && error.name === 'QuotaExceededError' ? 'the browser storage quota is full'
          : String(error && (error.message || error.name));
        tx.abort();
      }
    };
    tx.oncomplete = function () {
      CairnIdb.timings.writeMs = performance.now() - started;
      CairnIdb.timings.bytes = bytes.byteLength;
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
