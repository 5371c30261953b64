#pragma once
#include <imgui.h>

#include <array>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace cairn::ui {

// What the shell can be asked to do from a menu, the command palette or a
// key. The shell runs them (ui/shell.cpp).
enum class ShellCommand {
  palette, help, undo, redo, import_file, export_workspace, settings, larger_text, smaller_text, reset_text,
  toggle_theme, new_project, new_task, frame_statistics, quit,
};

// When a command's keys work.
enum class KeyScope {
  anywhere,       // also while a text field is being typed in and over dialogs (quit)
  over_dialogs,   // not in a text field (it has its own undo), but over dialogs
  main_window,    // not in a text field and not while a dialog is open
};

// One shell command. The menus, the palette, the shortcut help (?) and the
// key handling all read this table.
struct ShellCommandDef {
  ShellCommand id;
  const char* palette_label;  // null: not in the palette
  const char* keys;           // as shown ("Ctrl+Shift+Z, Ctrl+Y"); null: no keys
  const char* help;           // the shortcut help's description
  std::array<ImGuiKeyChord, 3> chords{};  // the key presses that run it (0: none)
  KeyScope scope = KeyScope::main_window;
  bool repeats = false;       // held down, it runs again (undo, redo)
  bool needs_project = false; // only while a project is open
  bool desktop_only = false;  // only where the app can quit itself
};

std::span<const ShellCommandDef> shell_commands();
const ShellCommandDef& shell_command(ShellCommand id);
// The first of a command's keys, as a menu shows it ("Ctrl+Shift+Z"); null: none.
const char* menu_keys(ShellCommand id);

// The command whose keys were pressed this frame, if any.
std::optional<ShellCommand> pressed_shell_command(bool can_quit);

// The rows of the shortcut help: the commands with keys, the view keys
// (from the view registry) and keys that belong to views and text fields.
struct ShortcutRow {
  std::string keys;
  std::string what;
};
std::vector<ShortcutRow> shortcut_rows(bool can_quit);

}  // namespace cairn::ui
