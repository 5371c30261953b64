// Gate forecasts in the gates view and on the timeline, project holidays,
// and over-allocated weeks on the timeline, on the 10k-task project.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "checked_ui.h"
#include "ui/forecast_runner.h"
#include "ui/timeline_view.h"

namespace cairn::uitest {
namespace {

// The project's first gate with a due date, and one of its open tasks.
struct Picked {
  Id gate, task;
};

Picked pick(const PlanningWorkspace& p) {
  Picked out;
  for (const Id id : p.workspace.children_of(p.project)) {
    if (const Gate* g = p.workspace.find<Gate>(id); g && g->due && out.gate.nil()) out.gate = id;
    if (const Task* t = p.workspace.find<Task>(id); t && t->status == TaskStatus::todo && t->likely_days && out.task.nil())
      out.task = id;
  }
  return out;
}

}  // namespace

TEST_SUITE("input") {

TEST_CASE("gates: linking a gate to a task forecasts it over frames; unlinking removes it; one undo step each") {
  const PlanningWorkspace& p = shared_planning();
  const Picked picked = pick(p);
  REQUIRE(!picked.gate.nil());
  REQUIRE(!picked.task.nil());
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::gates);
  c.scene = "gate forecast";
  c.ui.frames(3);
  const ui::ForecastRunner& runner = c.ui.state().views.forecast;
  CHECK(!runner.forecast);  // no gate waits for a task: nothing runs

  Command link;
  link.label = "Link gate";
  link.ops.push_back(SetField{picked.gate, "milestone", picked.task});
  REQUIRE(c.ui.exec(link).ok);
  c.ui.frames(2);
  REQUIRE(runner.forecast);
  CHECK(runner.forecast->iterations() < runner.target_runs);  // spread over frames, not all at once
  int frames = 0;
  while (!runner.done() && frames < 2000) {
    c.ui.frame();
    ++frames;
  }
  REQUIRE(runner.done());
  c.ui.frames(1);
  const GateForecast* f = runner.gate(picked.gate);
  REQUIRE(f != nullptr);
  CHECK(f->task == picked.task);
  CHECK(f->finish.p50 <= f->finish.p80);
  CHECK(f->finish.p80 <= f->finish.p95);
  REQUIRE(f->chance_by_due.has_value());
  CHECK(*f->chance_by_due >= 0.0);
  CHECK(*f->chance_by_due <= 1.0);
  CHECK(c.items.find("##milestone") != nullptr);

  // The timeline shares the runner: no new runs when it opens.
  const std::size_t runs = runner.forecast->iterations();
  c.show(p.project, ui::View::timeline);
  c.ui.frames(2);
  CHECK(runner.forecast->iterations() == runs);
  CHECK(runner.gate(picked.gate) != nullptr);

  c.ui.undo();
  c.ui.frames(2);
  CHECK(p.workspace.find<Gate>(picked.gate)->milestone.nil());
  CHECK(!runner.forecast);
  CHECK(runner.gate(picked.gate) == nullptr);
  check_clean(c);
}

TEST_CASE("timeline: over-allocated weeks are listed; holidays move the schedule") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::timeline);
  c.scene = "timeline over-allocation";
  c.ui.frames(3);
  const ui::TimelineState& t = c.ui.state().views.timeline;
  // 10k tasks on a handful of people, scheduled in parallel: plenty of overload.
  REQUIRE(!t.over_allocated.empty());
  for (const WeekLoad& w : t.over_allocated) CHECK(w.assigned_days > w.capacity_days);
  CHECK(c.click_item("Over-allocated: ", {}, /*prefix=*/true));
  c.ui.frames(2);
  CHECK(c.items.find("Person") != nullptr);  // the popup's table header
  CHECK(t.overloads_drawn == 0);  // rows in project order: no person lanes
  // Assignee lanes: the weeks are marked on their person's lane.
  c.ui.key(ImGuiKey_Escape);  // closes the popup (a click outside would only do that)
  REQUIRE(c.click_item("Assignee lanes"));
  CHECK(t.grouping == TimelineGrouping::assignee);
  c.ui.frames(3);
  REQUIRE(!t.overload_marks.empty());
  CHECK(t.overload_marks.size() == t.over_allocated.size());
  CHECK(t.overloads_drawn > 0);
  CHECK(t.overloads_drawn <= t.overload_marks.size());
  CHECK(c.click_item("Project order"));
  c.ui.frames(2);
  CHECK(t.overload_marks.empty());

  // Holidays on the schedule's first and last working days: it starts a day
  // later, and the work of the last day moves past it.
  const Date finish_before = t.schedule.finish_date;
  const Date first = t.schedule.start_date;
  Command holiday;
  holiday.label = "Holiday";
  holiday.ops.push_back(SetField{p.project, "holidays", StringList{format_date(first), format_date(finish_before)}});
  REQUIRE(c.ui.exec(holiday).ok);
  c.ui.frames(2);
  CHECK(t.holidays.size() == 2);
  CHECK(t.schedule.start_date > first);
  CHECK(t.schedule.finish_date > finish_before);
  check_clean(c);
}

}  // TEST_SUITE
}  // namespace cairn::uitest
