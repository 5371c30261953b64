#pragma once
#include <string>

#include "core/foreign_import.h"
#include "ui/commands_out.h"
#include "ui/file_dialogs.h"
#include "ui/view_context.h"

namespace cairn::ui {

// The import of a Jira or Linear CSV or a Trello board (core/foreign_import.h):
// a modal with the detected tool, the target project, a column per Cairn
// field, the preview of every task and the list of what is skipped and why.
// Nothing is written until Import, which pushes ONE command (one undo step).
struct ImportDialogState {
  bool open_requested = false;
  bool visible = false;  // on screen in the last frame
  ForeignSource source;
  ForeignImportOptions options;
  ForeignPlan plan;       // the preview for the current options
  bool stale = true;      // options changed: plan again before drawing
  int target = 0;         // 0: a new project; k: the k-th project in `targets`
  std::vector<Id> targets;

  void open(ForeignSource s) {
    source = std::move(s);
    options = default_options(source);
    plan = {};
    stale = true;
    target = 0;
    open_requested = true;
  }
};

// Draws the dialog while it is open; on Import pushes the command into `out`,
// opens the imported project's backlog and says what happened in `notice`.
void draw_import_dialog(ImportDialogState& state, const Workspace& ws, IdSource& ids, CommandSink& out,
                        Notice& notice, Navigation& nav);

}  // namespace cairn::ui
