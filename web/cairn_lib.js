// Functions the C++ side calls in the page (linked with --js-library).
// The page's boot.js installs the Module.onCairn* hooks.
mergeInto(LibraryManager.library, {
  cairn_js_first_frame: function () {
    if (Module.onCairnFirstFrame) Module.onCairnFirstFrame();
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
