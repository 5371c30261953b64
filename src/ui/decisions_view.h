#pragma once
#include "ui/file_to_save.h"
#include "ui/view_context.h"

namespace cairn::ui {

struct DecisionsState {
  FileToSave download;  // the log as CSV or Markdown; the App saves it
};

// The decision log: gate decisions and other decisions, chronological,
// editable in place (gates' own decisions in the gates view), exportable.
void draw_decisions(ViewContext& ctx, DecisionsState& state);

}  // namespace cairn::ui
