// Files in and out of the web app (linked with --js-library): exports leave
// as downloads, imports come from the browser's file picker or a file
// dropped on the page. Every import reaches C++ through _cairn_import_file
// (name, text, error); a file that cannot be read arrives with an error and
// no text, so the app can say why and change nothing.
mergeInto(LibraryManager.library, {
  $CairnFiles: {
    maxBytes: 64 * 1024 * 1024,  // the JSON import limit (core/json_io.h)
    withString: function (text, use) {
      var size = lengthBytesUTF8(text) + 1;
      var pointer = _malloc(size);
      try {
        stringToUTF8(text, pointer, size);
        return use(pointer);
      } finally {
        _free(pointer);
      }
    },
    deliver: function (name, text, error) {
      CairnFiles.withString(name, function (namePointer) {
        CairnFiles.withString(text, function (textPointer) {
          CairnFiles.withString(error, function (errorPointer) {
            _cairn_import_file(namePointer, textPointer, errorPointer);
          });
        });
      });
    },
    // A size over a limit and the limit, as core/byte_size.cpp words them:
    // "64.2 MB" beside "64 MB"; in bytes when tenths of a megabyte would read
    // as the limit ("67,108,865 bytes" beside "64 MB (67,108,864 bytes)").
    sizeOverLimit: function (size, limit) {
      var megabyte = 1048576;
      var bytes = function (n) {
        return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (n === 1 ? ' byte' : ' bytes');
      };
      var tenths = function (n) { return Math.floor(n / megabyte) * 10 + Math.floor((n % megabyte) * 10 / megabyte); };
      var text = function (n) {
        if (n < megabyte) return bytes(n);
        if (n % megabyte === 0) return (n / megabyte) + ' MB';
        var t = tenths(n);
        return Math.floor(t / 10) + '.' + (t % 10) + ' MB';
      };
      if (limit >= megabyte && tenths(size) > tenths(limit)) return [text(size), text(limit)];
      return [bytes(size), limit >= megabyte ? text(limit) + ' (' + bytes(limit) + ')' : bytes(limit)];
    },
    // Strict UTF-8: a file in another encoding is refused, not garbled.
    read: function (file) {
      if (file.size > CairnFiles.maxBytes) {
        var sizes = CairnFiles.sizeOverLimit(file.size, CairnFiles.maxBytes);
        CairnFiles.deliver(file.name, '', file.name + ' is ' + sizes[0] + '; files over ' + sizes[1] + ' are refused');
        return;
      }
      file.arrayBuffer().then(function (buffer) {
        var text;
        // UTF-16 (a byte-order mark or NUL bytes) would not survive the
        // C string the text travels in: say what it is.
        var bytes = new Uint8Array(buffer);
        if ((bytes[0] === 0xFF && bytes[1] === 0xFE) || (bytes[0] === 0xFE && bytes[1] === 0xFF) || bytes.indexOf(0) >= 0) {
          CairnFiles.deliver(file.name, '', file.name + ' is saved as UTF-16 (or is not a text file): save it as UTF-8');
          return;
        }
        try {
          text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
        } catch (e) {
          CairnFiles.deliver(file.name, '', file.name + ' is not UTF-8 text, perhaps Latin-1/Windows-1252: save it as UTF-8');
          return;
        }
        CairnFiles.deliver(file.name, text, '');
      }, function (error) {
        CairnFiles.deliver(file.name, '', 'cannot read ' + file.name + ': ' + (error && error.message || error));
      });
    },
    // Paste from the system clipboard. SDL swallows Ctrl+V (it prevents the
    // default of every Ctrl key), so the browser would never paste: take
    // Ctrl+V before SDL sees it, let the browser fire its paste event, and
    // hand the text to C++, which replays Ctrl+V to ImGui with it.
    installPaste: function () {
      window.addEventListener('keydown', function (event) {
        if ((event.ctrlKey || event.metaKey) && !event.altKey && (event.key === 'v' || event.key === 'V'))
          event.stopImmediatePropagation();
      }, true);
      document.addEventListener('paste', function (event) {
        var text = event.clipboardData ? event.clipboardData.getData('text/plain') : '';
        if (!text) return;
        event.preventDefault();
        CairnFiles.withString(text, function (pointer) { _cairn_paste_text(pointer); });
      });
    },
    installDrop: function () {
      var target = document.getElementById('canvas') || document.body;
      target.addEventListener('dragover', function (event) {
        if (event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, 'Files') >= 0) {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
        }
      });
      target.addEventListener('drop', function (event) {
        var files = event.dataTransfer && event.dataTransfer.files;
        if (!files || files.length === 0) return;
        event.preventDefault();
        for (var i = 0; i < files.length; ++i) CairnFiles.read(files[i]);
      });
    },
  },

  cairn_js_files_init__deps: ['$CairnFiles', 'malloc', 'free'],
  cairn_js_files_init: function () {
    CairnFiles.installDrop();
    CairnFiles.installPaste();
  },

  // Copy and cut in a text field: ImGui hands the text over; the system
  // clipboard takes it (the key press that caused it counts as the user's
  // permission).
  cairn_js_copy: function (text) {
    var value = UTF8ToString(text);
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(value).catch(function () {});
  },

  cairn_js_download__deps: ['$CairnFiles'],
  cairn_js_download: function (name, text) {
    // The type follows the name's suffix (core/export_formats.cpp has the same table).
    var types = { csv: 'text/csv', ics: 'text/calendar', md: 'text/markdown', json: 'application/json' };
    var suffix = UTF8ToString(name).split('.').pop().toLowerCase();
    var blob = new Blob([UTF8ToString(text)], { type: (types[suffix] || 'application/json') + ';charset=utf-8' });
    var url = URL.createObjectURL(blob);
    var link = document.createElement('a');
    link.href = url;
    link.download = UTF8ToString(name);
    link.style.display = 'none';
    document.body.appendChild(link);
    link.click();
    link.remove();
    if (Module.cairnFocusCanvas) Module.cairnFocusCanvas();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  },

  // Run links: a new tab that cannot reach back into this page.
  cairn_js_open_url: function (url) {
    var text = UTF8ToString(url);
    if (/^https?:\/\//i.test(text)) window.open(text, '_blank', 'noopener,noreferrer');
  },

  // Called from a frame that handled the click; Chromium still counts the
  // click as the user activation the picker needs.
  cairn_js_pick_file__deps: ['$CairnFiles'],
  cairn_js_pick_file: function () {
    var input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,application/json,.csv,text/csv';  // Cairn JSON, Jira/Linear CSV, Trello JSON
    input.style.display = 'none';
    var done = function () {
      input.remove();
      if (Module.cairnFocusCanvas) Module.cairnFocusCanvas();  // the shortcuts work again at once
    };
    input.addEventListener('change', function () {
      if (input.files && input.files[0]) CairnFiles.read(input.files[0]);
      done();
    });
    input.addEventListener('cancel', done);
    document.body.appendChild(input);
    input.click();
  },
});
