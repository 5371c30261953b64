#pragma once
#include <optional>
#include <string>

#include "ui/shell_commands.h"
#include "ui/view_context.h"

namespace cairn::ui {

struct PaletteState {
  bool open = false;
  bool just_opened = false;
  std::string query;
  int selected = 0;
};

// The command palette (Ctrl+K): fuzzy search over commands, views,
// projects, tasks, gates and risks. Choosing a project, task, gate or risk
// navigates there; choosing a command returns it for the shell to run.
std::optional<ShellCommand> draw_palette(PaletteState& state, ViewContext& ctx);

// The keyboard shortcut overlay (?), listing ui/shell_commands.h's keys.
void draw_help(bool& open, bool can_quit);

}  // namespace cairn::ui
