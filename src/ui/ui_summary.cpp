#include "ui/ui_summary.h"

#include "ui/shell.h"
#include "ui/view_registry.h"

namespace cairn::ui {
namespace {

const char* grouping_name(TimelineGrouping g) {
  return g == TimelineGrouping::order ? "order" : g == TimelineGrouping::stage ? "stage" : "assignee";
}

}  // namespace

UiSummary summarize(const ShellState& state) {
  UiSummary s;
  const Navigation& nav = state.nav;
  s.project = nav.project.nil() ? "" : nav.project.to_string();
  s.view = nav.project.nil() ? "home" : view_title(nav.view);
  s.open_task = nav.open_task.nil() ? "" : nav.open_task.to_string();
  s.palette_open = state.palette.open;

  const TimelineState& t = state.views.timeline;
  s.timeline = {zoom_name(t.zoom), grouping_name(t.grouping), t.axis.px_per_day, t.layout.rows, t.layout.bars.size(),
                t.rebuild_ms, t.shown};
  s.checkins = state.views.checkins.shown;

  s.notice = {state.notice.title, state.notice.body, state.notice.error,
              state.notice.visible || state.notice.open_requested};
  const ImportDialogState& import = state.import_dialog;
  s.import_dialog.open = import.visible || import.open_requested;
  s.import_dialog.tool = import.source.file_name.empty() ? "" : std::string(tool_name(import.source.tool));
  s.import_dialog.tasks = import.plan.tasks.size();
  s.import_dialog.skipped = import.plan.skipped.size();
  return s;
}

}  // namespace cairn::ui
