// Text that does not arrive as key presses (linked with --js-library): an
// input method composing Chinese or Japanese, dead keys (é), dictation, an
// on-screen keyboard. SDL 2.26 reads only keypress events, which these never
// send, so while ImGui edits a text field a hidden textarea at the cursor
// holds the focus; what is committed in it goes to C++ (_cairn_text_input)
// and the textarea is emptied again. Plain key presses still go to SDL: it
// cancels their keypress, so they never reach the textarea twice.
mergeInto(LibraryManager.library, {
  $CairnTextInput: {
    area: null,
    active: false,
    composing: false,
    send: function (text) {
      if (!text) return;
      var size = lengthBytesUTF8(text) + 1;
      var pointer = _malloc(size);
      stringToUTF8(text, pointer, size);
      _cairn_text_input(pointer);
      _free(pointer);
    },
    make: function () {
      var area = document.createElement('textarea');
      area.id = 'cairn-text-input';
      area.setAttribute('aria-hidden', 'true');
      area.setAttribute('autocomplete', 'off');
      area.setAttribute('autocapitalize', 'off');
      area.setAttribute('spellcheck', 'false');
      // Invisible but focusable, with the input method's window at the cursor.
      area.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1em;padding:0;border:0;margin:0;' +
        'opacity:0;resize:none;overflow:hidden;background:transparent;color:transparent;z-index:-1';
      area.addEventListener('compositionstart', function () { CairnTextInput.composing = true; });
      area.addEventListener('compositionend', function (event) {
        CairnTextInput.composing = false;
        CairnTextInput.send(event.data);
        area.value = '';
      });
      area.addEventListener('input', function (event) {
        if (event.isComposing || CairnTextInput.composing) return;  // compositionend sends it
        if (event.inputType === 'insertText' || event.inputType === 'insertReplacementText') CairnTextInput.send(event.data);
        area.value = '';
      });
      // Keys that edit the composition (Backspace, arrows, Enter to commit)
      // belong to the input method: SDL, listening on the window, must not
      // see them as edits of the field.
      area.addEventListener('keydown', function (event) {
        if (event.isComposing || event.keyCode === 229) event.stopPropagation();
      });
      area.addEventListener('keyup', function (event) {
        if (event.isComposing || event.keyCode === 229) event.stopPropagation();
      });
      // A click on the canvas takes the focus from the textarea; while a field
      // is still being edited, give it back (ImGui only reports changes).
      window.addEventListener('pointerup', function () {
        if (CairnTextInput.active) setTimeout(function () {
          if (CairnTextInput.active && document.activeElement !== area) area.focus({ preventScroll: true });
        }, 0);
      }, true);
      document.body.appendChild(area);
      return area;
    },
  },

  // ImGui started or stopped editing text (x, y: the cursor in CSS pixels of
  // the canvas; height: its line).
  cairn_js_text_input__deps: ['$CairnTextInput', 'malloc', 'free'],
  cairn_js_text_input: function (active, x, y, height) {
    var area = CairnTextInput.area || (CairnTextInput.area = CairnTextInput.make());
    CairnTextInput.active = !!active;
    if (active) {
      var canvas = document.getElementById('canvas');
      var box = canvas ? canvas.getBoundingClientRect() : { left: 0, top: 0 };
      area.style.left = (box.left + x) + 'px';
      area.style.top = (box.top + y) + 'px';
      area.style.height = height + 'px';
      area.style.fontSize = height + 'px';
      if (document.activeElement !== area) area.focus({ preventScroll: true });
    } else if (document.activeElement === area) {
      area.blur();
      if (Module.cairnFocusCanvas) Module.cairnFocusCanvas();  // keys go on reaching the app's shortcuts
      area.value = '';
      CairnTextInput.composing = false;
    }
  },
});
