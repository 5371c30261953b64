#pragma once
#include <string>

#include "ui/view_context.h"

namespace cairn::ui {

// Shell commands the palette can run (the shell owns them).
enum class ShellCommand { none, new_project, new_task, import_file, export_workspace, settings, toggle_theme, undo, redo, help };

struct PaletteState {
  bool open = false;
  bool just_opened = false;
  std::string query;
  int selected = 0;
};

// The command palette (Ctrl+K): fuzzy search over commands, views,
// projects, tasks, gates and risks. Choosing a project, task, gate or risk
// navigates there; choosing a command returns it for the shell to run.
ShellCommand draw_palette(PaletteState& state, ViewContext& ctx);

// The keyboard shortcut overlay (?).
void draw_help(bool& open);

}  // namespace cairn::ui
