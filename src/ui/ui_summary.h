#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "ui/checkins_view.h"
#include "ui/timeline_view.h"

namespace cairn::ui {

struct ShellState;  // ui/shell.h

// What the UI shows, as plain values, for the automation API (scripts and
// browser tests read it as JSON): the views expose this instead of their
// state between frames.
struct UiSummary {
  std::string project;    // open project's id; "" on the home screen
  std::string view;       // the open view's title, or "home"
  std::string open_task;  // the task editor's task; "" when closed
  bool palette_open = false;

  struct Timeline {  // as last drawn
    std::string zoom, grouping;
    double px_per_day = 0;
    int rows = 0;
    std::size_t bars = 0;
    double rebuild_ms = 0;
    std::vector<TimelineState::ShownBar> shown;  // bars on screen, in screen pixels
  } timeline;
  std::vector<CheckinsState::ShownRow> checkins;  // the check-ins view's rows as last drawn

  struct Notice {  // the last import/export outcome shown
    std::string title, body;
    bool error = false, open = false;
  } notice;
  struct ImportDialog {  // a Jira/Linear CSV or Trello board being imported
    bool open = false;
    std::string tool;
    std::size_t tasks = 0, skipped = 0;
  } import_dialog;
};

UiSummary summarize(const ShellState& state);

}  // namespace cairn::ui
