// Boots the Cairn web app: checks that the browser can run it, shows a
// loading indicator or a readable error, loads the WebAssembly module,
// keeps the app offline-capable through a service worker, and exposes
// window.cairn (documented in docs/automation.md).
'use strict';

(function () {
  const meta = (name) => document.querySelector(`meta[name="${name}"]`).content;
  const build = meta('cairn-build');
  const version = meta('cairn-version');
  const canvas = document.getElementById('canvas');
  const loading = document.getElementById('loading');

  let resolveReady;
  let rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  ready.catch(() => {});  // a failure is shown on the page; scripts that await `ready` still see it

  // Calls an exported C function with one UTF-8 string (on the heap, since
  // imports can be megabytes) and returns the string it answers.
  function callWithText(name, text) {
    const module = window.Module;
    if (!module || !module.calledRun) throw new Error('Cairn is not running yet: await cairn.ready first');
    if (text === undefined) return module.UTF8ToString(module[name]());
    const size = module.lengthBytesUTF8(text) + 1;
    const pointer = module._malloc(size);
    try {
      module.stringToUTF8(text, pointer, size);
      return module.UTF8ToString(module[name](pointer));
    } finally {
      module._free(pointer);
    }
  }

  let failed = false;
  function fail(title, detail) {
    if (failed) return;
    failed = true;
    loading.hidden = true;
    canvas.hidden = true;
    document.getElementById('error-title').textContent = title;
    document.getElementById('error-detail').textContent = detail;
    document.getElementById('error').hidden = false;
    rejectReady(new Error(`${title}: ${detail}`));
  }

  // --- window.cairn: the automation surface --------------------------------
  window.cairn = {
    version,
    build,
    ready,
    get frames() {
      return window.Module && typeof window.Module._cairn_frames === 'function' ? window.Module._cairn_frames() : 0;
    },
    updateReady: false,  // a newer build is cached and opens on the next load
    // Model access (docs/automation.md). Each call goes through the command
    // stack like a click would: undoable, recorded in history, autosaved.
    exec: (command) => JSON.parse(callWithText('_cairn_exec', typeof command === 'string' ? command : JSON.stringify(command))),
    state: () => JSON.parse(callWithText('_cairn_state')),
    exportJSON: (projectId) => callWithText('_cairn_export', projectId || ''),
    importJSON: (text) => JSON.parse(callWithText('_cairn_import', String(text))),
    firstFrameMs: null,  // milliseconds from navigation start to the first frame
    // IndexedDB read at start and the last write (ms, bytes), for benchmarks.
    get storeTimings() {
      return window.Module && window.Module.cairnStoreTimings ? { ...window.Module.cairnStoreTimings } : null;
    },
  };

  // --- Feature checks ---------------------------------------------------------
  function missingFeature() {
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
      return ['This browser cannot run Cairn', 'WebAssembly is not available (it may be turned off by a policy or an extension).'];
    }
    const probe = document.createElement('canvas').getContext('webgl2');
    if (!probe) {
      return ['This browser cannot draw Cairn', 'WebGL2 is not available. Turn on hardware acceleration in the browser settings, or try another browser.'];
    }
    const lose = probe.getExtension('WEBGL_lose_context');
    if (lose) lose.loseContext();
    return null;
  }

  // --- Keyboard focus ------------------------------------------------------------
  // Shortcuts work without a click first: the canvas (tabindex 0) takes the
  // focus at the first frame, and again whenever the page is left with none
  // (the hidden textarea of a text field let go of it, the file picker or
  // another window closed). Never taken from another element that has it.
  function focusCanvas() {
    const active = document.activeElement;
    if (canvas.hidden || (active && active !== document.body && active !== document.documentElement)) return;
    canvas.focus({ preventScroll: true });
  }

  // --- Wake the paused main loop on any page event -------------------------
  // While idle the C++ main loop is paused (no animation frames at all); SDL's
  // own listeners queue the event, this one makes the loop run again.
  function wake() {
    if (window.Module && typeof window.Module._cairn_wake === 'function') window.Module._cairn_wake();
  }
  function listenForWake() {
    const events = ['pointerdown', 'pointerup', 'pointermove', 'pointercancel', 'mousedown', 'mouseup',
      'mousemove', 'wheel', 'keydown', 'keyup', 'keypress', 'touchstart', 'touchmove', 'touchend', 'focus',
      'blur', 'resize', 'paste', 'copy', 'cut', 'compositionend', 'input'];
    for (const type of events) window.addEventListener(type, wake, { capture: true, passive: true });
    document.addEventListener('visibilitychange', wake);
    // Back from the file picker, a download prompt or another window.
    window.addEventListener('focus', () => setTimeout(focusCanvas, 0));
    // Save at once when the page is hidden or closed (autosave waits 0.5 s).
    const saveNow = () => {
      if (window.Module && typeof window.Module._cairn_save_now === 'function') window.Module._cairn_save_now();
    };
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') saveNow(); });
    window.addEventListener('pagehide', saveNow);
    // devicePixelRatio changes (browser zoom, moving to another screen). A
    // move to another screen fires no resize event, so raise one: SDL then
    // re-sizes the canvas backing store and the app re-rasterizes its fonts.
    const watchRatio = () => {
      matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`).addEventListener('change', () => {
        window.dispatchEvent(new Event('resize'));
        wake();
        watchRatio();
      }, { once: true });
    };
    watchRatio();
  }

  // --- Service worker: offline, and updates on the next load -----------------
  // A new build's worker installs and activates in the background; this page
  // keeps running its own (complete) build, the next load opens the new one.
  function registerServiceWorker() {
    if (!('serviceWorker' in navigator)) return;
    const hadController = navigator.serviceWorker.controller !== null;
    navigator.serviceWorker.register('sw.js', { updateViaCache: 'none' }).then((registration) => {
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        if (!worker || !hadController) return;
        worker.addEventListener('statechange', () => {
          if (worker.state === 'activated') window.cairn.updateReady = true;
        });
      });
    }).catch((error) => console.warn(`Cairn works online only: ${error.message}`));
  }

  // Emscripten's abort messages are for developers; say what it means.
  function explainAbort(what) {
    if (/fetching of the wasm failed|failed to asynchronously prepare wasm|wasm.*(404|not found)/i.test(what)) {
      fail('Cairn could not be loaded', 'The application code (cairn.wasm) did not download. ' +
        'Check the connection and reload the page.');
    } else {
      fail('Cairn stopped unexpectedly', what);
    }
    console.warn(`cairn: aborted: ${what}`);
  }

  // --- Read the stored workspace while the module downloads and compiles -------
  // The newest manifest and the chunk records it names, read in one
  // readonly transaction. A chunk record never changes once written (its
  // key names the save that wrote it), so web/idb_store.js uses these bytes
  // when the newest manifest is still this one, and reads anything else
  // itself. Never creates the database: a fresh profile has nothing to read.
  function prefetchStore() {
    const started = performance.now();
    return new Promise((resolve) => {
      let request;
      try {
        request = indexedDB.open('cairn');
      } catch {
        resolve(null);
        return;
      }
      request.onupgradeneeded = () => request.transaction.abort();  // nothing stored yet
      request.onerror = () => resolve(null);
      request.onblocked = () => resolve(null);
      request.onsuccess = () => {
        const db = request.result;
        const done = (result) => {
          db.close();  // before the app opens (and perhaps upgrades) the database
          resolve(result && { ...result, ms: performance.now() - started, doneAt: performance.now() });
        };
        if (!db.objectStoreNames.contains('manifests') || !db.objectStoreNames.contains('chunks')) {
          done(null);
          return;
        }
        const tx = db.transaction(['manifests', 'chunks'], 'readonly');
        const chunks = new Map();
        let newest = null;
        const cursor = tx.objectStore('manifests').openCursor(null, 'prev');
        cursor.onsuccess = () => {
          if (!cursor.result) return;
          newest = { generation: cursor.result.key, manifest: cursor.result.value && cursor.result.value.bytes };
          const names = cursor.result.value && cursor.result.value.chunks || [];
          const store = tx.objectStore('chunks');
          for (const key of names) {
            const get = store.get(key);
            get.onsuccess = () => { if (get.result) chunks.set(key, get.result); };
          }
        };
        tx.oncomplete = () => done(newest && newest.manifest ? { ...newest, chunks } : null);
        tx.onabort = () => done(null);
      };
    });
  }

  // --- Load the module ---------------------------------------------------------
  function loadModule() {
    const prefersDark = matchMedia('(prefers-color-scheme: dark)').matches;
    window.Module = {
      canvas,
      arguments: ['--theme', prefersDark ? 'dark' : 'light'],
      // Every file of one build carries its id: a cache can only answer with
      // a file of the same build.
      locateFile: (path) => `${path}?v=${build}`,
      print: (text) => console.log(text),
      printErr: (text) => console.warn(text),
      onAbort: (what) => explainAbort(String(what)),
      onCairnFatal: (message) => fail('Cairn could not start', message),
      // For web/text_input.js and web/files.js, when a field or a dialog lets go of the focus.
      cairnFocusCanvas: focusCanvas,
      // Read by web/idb_store.js before it opens the database itself.
      cairnStorePrefetch: typeof indexedDB === 'undefined' ? Promise.resolve(null) : prefetchStore(),
      onCairnFirstFrame: () => {
        window.cairn.firstFrameMs = performance.now();
        loading.hidden = true;
        focusCanvas();
        resolveReady();
      },
    };
    const script = document.createElement('script');
    script.src = `cairn.js?v=${build}`;
    script.onerror = () => fail('Cairn could not be loaded',
      'The application file cairn.js did not download. Check the connection and reload the page.');
    document.body.appendChild(script);
  }

  function boot() {
    const missing = missingFeature();
    if (missing) {
      fail(missing[0], missing[1]);
      return;
    }
    listenForWake();
    loadModule();
    registerServiceWorker();
  }

  window.addEventListener('error', (event) => {
    if (!window.Module || !Module.calledRun) fail('Cairn could not start', event.message || 'a script failed');
  });
  boot();
})();
