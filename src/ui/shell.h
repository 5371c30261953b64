#pragma once
#include <cstdint>
#include <string_view>

#include "core/workspace.h"
#include "ui/commands_out.h"
#include "ui/fonts.h"
#include "ui/theme.h"

namespace cairn::ui {

// What the shell shows but does not own.
struct ShellInfo {
  std::string_view version;
  std::string_view platform;  // "web" or "desktop"
  bool can_quit = false;      // a browser tab is closed by the browser, not by us
  Theme theme = Theme::Light;
  std::uint64_t frames = 0;
  const Fonts* fonts = nullptr;
  const Workspace* workspace = nullptr;
  IdSource* ids = nullptr;
  std::string_view undo_label;  // empty: nothing to undo
  std::string_view redo_label;
  std::string_view save_status;   // "Saved 14:03 UTC", "Saving…", "Save failed: …"
  bool save_failed = false;
};

// What the user asked for this frame. The shell never changes state itself.
struct ShellActions {
  bool quit = false;
  bool toggle_theme = false;
  bool undo = false;
  bool redo = false;
  CommandSink commands;
};

// Transient UI state of the shell (open popups), kept between frames.
struct ShellState {
  bool show_about = false;
};

// The main window: menu bar, home view and status bar, filling the viewport.
ShellActions draw_shell(ShellState& state, const ShellInfo& info);

}  // namespace cairn::ui
