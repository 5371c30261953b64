#pragma once
#include <string>
#include <string_view>

#include "core/export_formats.h"
#include "core/id.h"

namespace cairn::ui {

// On the desktop, import and export ask for a path (the browser uses its
// download and file picker instead, outside ImGui).
struct PathDialog {
  enum class Mode { closed, import_file, export_file, save_text };  // save_text: the App holds the text
  Mode mode = Mode::closed;
  Id project;         // export: the project, or nil for the whole workspace
  ExportFormat format = ExportFormat::json;  // export: what to write
  std::string title;  // "Export “Churn model”"
  std::string path;
  bool open_requested = false;
  bool place_cursor = false;  // put the cursor after the suggested path once

  void open(Mode m, Id p, std::string t, std::string initial_path) {
    mode = m;
    project = p;
    title = std::move(t);
    path = std::move(initial_path);
    open_requested = true;
    format = ExportFormat::json;
  }
};

struct PathChoice {
  bool confirmed = false;
  PathDialog::Mode mode = PathDialog::Mode::closed;
  Id project;
  std::string path;
  ExportFormat format = ExportFormat::json;
};

PathChoice draw_path_dialog(PathDialog& dialog);

// The outcome of an import or export, shown until dismissed.
struct Notice {
  std::string title;
  std::string body;
  bool error = false;
  bool open_requested = false;
  bool visible = false;  // on screen in the last frame

  void show(std::string t, std::string b, bool is_error) {
    title = std::move(t);
    body = std::move(b);
    error = is_error;
    open_requested = true;
  }
};

void draw_notice(Notice& notice);

}  // namespace cairn::ui
