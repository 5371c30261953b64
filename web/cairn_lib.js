// Functions the C++ side calls in the page (linked with --js-library).
// The page's boot.js installs the Module.onCairn* hooks.
mergeInto(LibraryManager.library, {
  cairn_js_first_frame: function () {
    if (Module.onCairnFirstFrame) Module.onCairnFirstFrame();
  },
  cairn_js_fatal: function (message) {
    var text = UTF8ToString(message);
    if (Module.onCairnFatal) Module.onCairnFatal(text);
    else console.error('cairn: ' + text);
  },
});
