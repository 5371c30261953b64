// Functions the C++ side calls in the page (linked with --js-library).
// The page's boot.js installs the Module.onCairn* hooks.
mergeInto(LibraryManager.library, {
  cairn_js_first_frame: function () {
    if (Module.onCairnFirstFrame) Module.onCairnFirstFrame();
  },
  // Fetches the fallback fonts (src/ui/fonts.h: characters beyond the
  // embedded Latin font), in order, and hands each to C++, then says which
  // failed. Only asked for when the workspace needs such a character; the
  // service worker keeps them for offline use.
  cairn_js_fetch_fonts__deps: ['malloc', 'free'],
  cairn_js_fetch_fonts: function () {
    var files = ['fonts/Inter-Regular.otf', 'fonts/DroidSansFallbackFull.ttf'];
    var errors = [];
    var withString = function (text, use) {
      var size = lengthBytesUTF8(text) + 1;
      var pointer = _malloc(size);
      stringToUTF8(text, pointer, size);
      use(pointer);
      _free(pointer);
    };
    var fetchOne = function (index) {
      if (index === files.length) {
        withString(errors.join('; '), function (pointer) { _cairn_fallback_fonts_done(pointer); });
        return;
      }
      fetch(files[index]).then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.arrayBuffer();
      }).then(function (buffer) {
        var bytes = new Uint8Array(buffer);
        var pointer = _malloc(bytes.length);
        HEAPU8.set(bytes, pointer);
        _cairn_fallback_font(index, pointer, bytes.length);  // copies
        _free(pointer);
      }).catch(function (e) {
        errors.push(files[index] + ': ' + ((e && e.message) || e));
      }).then(function () { fetchOne(index + 1); });
    };
    fetchOne(0);
  },
  // This device's preferences (theme, text size): localStorage, not the
  // workspace store, so that they stay with this browser. Returns a string
  // the caller frees; "" when none are saved or storage is blocked.
  cairn_js_load_preferences__deps: ['malloc'],
  cairn_js_load_preferences: function () {
    var text = '';
    try { text = window.localStorage.getItem('cairn.preferences') || ''; } catch (e) {}
    var size = lengthBytesUTF8(text) + 1;
    var pointer = _malloc(size);
    stringToUTF8(text, pointer, size);
    return pointer;
  },
  // The browser's time zone ("Europe/Berlin"; "" when it does not say), for
  // the settings' "this device" choice. Returns a string the caller frees.
  cairn_js_device_zone__deps: ['malloc'],
  cairn_js_device_zone: function () {
    var zone = '';
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ''; } catch (e) {}
    var size = lengthBytesUTF8(zone) + 1;
    var pointer = _malloc(size);
    stringToUTF8(zone, pointer, size);
    return pointer;
  },
  cairn_js_save_preferences: function (json) {
    try {
      window.localStorage.setItem('cairn.preferences', UTF8ToString(json));
    } catch (e) {
      console.warn('cairn: the preferences could not be saved (' + (e && e.name) + ')');
    }
  },
  cairn_js_fatal: function (message) {
    var text = UTF8ToString(message);
    if (Module.onCairnFatal) Module.onCairnFatal(text);
    else console.error('cairn: ' + text);
  },
});
