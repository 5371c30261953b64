#include "ui/view_registry.h"

#include <cassert>

#include "ui/backlog_view.h"
#include "ui/board_view.h"
#include "ui/charter_view.h"
#include "ui/checkins_view.h"
#include "ui/dashboard_view.h"
#include "ui/decisions_view.h"
#include "ui/experiments_view.h"
#include "ui/gates_view.h"
#include "ui/postmortems_view.h"
#include "ui/project_view.h"
#include "ui/report_view.h"
#include "ui/risks_view.h"
#include "ui/sprints_view.h"
#include "ui/timeline_view.h"

namespace cairn::ui {
namespace {

using S = ViewSection;

constexpr ViewDef kViews[] = {
    {View::dashboard, "Dashboard", 1, S::planning, false, [](ViewContext& c, ViewStates& s) { draw_dashboard(c, s.dashboard); }, nullptr},
    {View::charter, "Charter", 2, S::planning, false, [](ViewContext& c, ViewStates&) { draw_charter(c); }, nullptr},
    {View::board, "Board", 3, S::planning, false, [](ViewContext& c, ViewStates& s) { draw_board(c, s.board); }, nullptr},
    {View::backlog, "Backlog", 4, S::planning, false, [](ViewContext& c, ViewStates& s) { draw_backlog(c, s.backlog); }, nullptr},
    {View::sprints, "Sprints", 5, S::planning, false, [](ViewContext& c, ViewStates& s) { draw_sprints(c, s.sprints); }, nullptr},
    {View::gates, "Gates", 6, S::planning, false, [](ViewContext& c, ViewStates& s) { draw_gates(c, s.gates); }, nullptr},
    {View::risks, "Risks", 7, S::planning, false, [](ViewContext& c, ViewStates& s) { draw_risks(c, s.risks); }, nullptr},
    {View::experiments, "Experiments", 8, S::planning, false,
     [](ViewContext& c, ViewStates& s) { draw_experiments(c, s.experiments); }, nullptr},
    {View::timeline, "Timeline", 9, S::planning, false, [](ViewContext& c, ViewStates& s) { draw_timeline(c, s.timeline); }, nullptr},
    {View::report, "Status report", 0, S::communication, true, [](ViewContext& c, ViewStates& s) { draw_report(c, s.report); },
     [](ViewStates& s) { return &s.report.download; }},
    {View::checkins, "Check-ins", 0, S::communication, true, [](ViewContext& c, ViewStates& s) { draw_checkins(c, s.checkins); },
     nullptr},
    {View::postmortems, "Post-mortems", 0, S::communication, false,
     [](ViewContext& c, ViewStates& s) { draw_postmortems(c, s.postmortems); }, nullptr},
    {View::decisions, "Decision log", 0, S::communication, false,
     [](ViewContext& c, ViewStates& s) { draw_decisions(c, s.decisions); }, [](ViewStates& s) { return &s.decisions.download; }},
};

// The table is indexed by View: each row sits at its id's place.
constexpr bool rows_in_enum_order() {
  for (std::size_t i = 0; i < std::size(kViews); ++i)
    if (static_cast<std::size_t>(kViews[i].id) != i) return false;
  return true;
}
static_assert(rows_in_enum_order(), "kViews lists the views in the order of enum View");

}  // namespace

const char* section_title(ViewSection section) {
  return section == ViewSection::planning ? "Planning" : "Communication";
}

std::span<const ViewDef> view_registry() { return kViews; }

const ViewDef& view_def(View view) {
  const auto index = static_cast<std::size_t>(view);
  assert(index < std::size(kViews));
  return kViews[index];
}

const char* view_title(View view) { return view_def(view).title; }

const ViewDef* view_for_digit(int digit) {
  for (const ViewDef& v : kViews)
    if (v.digit_key != 0 && v.digit_key == digit) return &v;
  return nullptr;
}

std::string digit_key_views() {
  std::string line;
  for (const ViewDef& v : kViews) {
    if (v.digit_key == 0) continue;
    if (!line.empty()) line += ", ";
    line += v.title;
  }
  return line;
}

}  // namespace cairn::ui
