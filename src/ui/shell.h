#pragma once
#include <cstdint>
#include <string_view>

#include "core/workspace.h"
#include "ui/commands_out.h"
#include "ui/file_dialogs.h"
#include "ui/fonts.h"
#include "ui/home_view.h"
#include "ui/import_dialog.h"
#include "ui/palette.h"
#include "ui/project_view.h"
#include "ui/settings.h"
#include "ui/theme.h"

namespace cairn::ui {

// What the shell shows but does not own.
struct ShellInfo {
  std::string_view version;
  std::string_view platform;  // "web" or "desktop"
  bool can_quit = false;      // a browser tab is closed by the browser, not by us
  Theme theme = Theme::Light;
  Preferences preferences;
  std::uint64_t revision = 0;  // of the workspace (CommandStack::revision)
  std::uint64_t frames = 0;      // drawn so far (the frame statistics)
  double frame_ms_last = 0;      // CPU time of the last drawn frame
  double frame_ms_median = 0;    // and of the recent ones
  const Fonts* fonts = nullptr;
  const Workspace* workspace = nullptr;
  IdSource* ids = nullptr;
  std::string_view undo_label;  // empty: nothing to undo
  std::string_view redo_label;
  std::string_view save_status;   // "Saved 14:03 UTC", "Saving…", "Save failed: …"
  bool save_failed = false;
  bool read_only = false;         // another tab writes: nothing can be imported
  // Desktop: import and export ask for a path, starting in export_folder.
  // Browser: downloads and the browser's file picker.
  bool files_by_path = false;
  std::string_view export_folder;
  std::string_view today;  // "2026-11-26", for suggested file names
  Date today_date;
  Timestamp now;                       // this frame's time (UTC)
  const TimeZones* time_zones = nullptr;  // null: only UTC is known
  std::string_view display_zone;  // times are shown in it ("": UTC; see core/display_time.h)
  std::string_view device_zone;   // this device's zone, for the settings ("": unknown)
  StorageFacts storage;
  BarRenderer* bar_renderer = nullptr;  // the timeline's GPU bars (the runner's); null: drawn by ImDrawList
};

// What the user asked for this frame. The shell never changes state itself.
struct ShellActions {
  bool quit = false;
  bool toggle_theme = false;
  bool undo = false;
  bool redo = false;
  CommandSink commands;
  SettingsChoice settings;
  // Browser: open the file picker / download an export now.
  bool pick_import_file = false;
  bool download_export = false;
  Id export_project;  // nil: the whole workspace
  ExportFormat export_format = ExportFormat::json;
  // Desktop: a path was confirmed in the path dialog.
  PathChoice path;
  std::string open_url;  // a link to open outside the app
  bool busy = false;     // a view is working across frames (a forecast): draw again soon
  bool wants_histories = false;  // a view needs the stored histories still being decoded
};

// Transient UI state of the shell (open popups), kept between frames.
struct ShellState {
  bool show_about = false;
  bool show_settings = false;
  ZoneField zone_field;  // the settings' time zone name being typed
  PathDialog path_dialog;
  Notice notice;  // the App fills it with the outcome of an import or export
  ImportDialogState import_dialog;  // a Jira/Linear CSV or Trello board being imported
  Navigation nav;
  HomeState home;
  ViewStates views;
  PaletteState palette;
  bool show_help = false;
  bool show_frame_statistics = false;  // the corner overlay with frame counts and times
};

// The main window: menu bar, home view and status bar, filling the viewport.
ShellActions draw_shell(ShellState& state, const ShellInfo& info);

}  // namespace cairn::ui
