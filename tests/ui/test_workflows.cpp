// What people do in each view, by mouse and keyboard, on the 10k-task
// project: every command a view pushes must be one the model accepts.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "checked_ui.h"
#include "ui/backlog_view.h"
#include "ui/dashboard_view.h"
#include "ui/timeline_view.h"

namespace cairn::uitest {
namespace {

std::size_t tasks_in_sprint(const Workspace& ws, Id sprint) {
  std::size_t n = 0;
  for (const auto& [id, t] : ws.all<Task>()) n += t.sprint == sprint ? 1 : 0;
  return n;
}

// The first visible item of the last frame matching `test`.
template <class Test>
const ItemRecord* first_visible(const CheckedUi& c, Test test) {
  for (const ItemRecord& r : c.items.items())
    if (r.visible() && test(r)) return &r;
  return nullptr;
}

}  // namespace

TEST_SUITE("input") {

TEST_CASE("sprints: plan three backlog tasks into a sprint, roll one over") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::sprints);
  c.ui.frames(3);
  REQUIRE(c.click_item("Plan from backlog\xE2\x80\xA6", "view"));
  const Id sprint = c.ui.state().views.sprints.planning;
  REQUIRE_FALSE(sprint.nil());
  c.ui.frames(2);
  for (int i = 0; i < 3; ++i) {
    const ItemRecord* box = first_visible(c, [](const ItemRecord& r) {
      return (r.flags & ImGuiItemStatusFlags_Checkable) && !(r.flags & ImGuiItemStatusFlags_Checked) &&
             r.window.find("/backlog_") != std::string::npos;
    });
    REQUIRE(box != nullptr);
    c.ui.click(box->center());
  }
  CHECK(c.ui.state().views.sprints.chosen.size() == 3);
  const std::size_t before = tasks_in_sprint(c.ui.workspace(), sprint);
  REQUIRE(c.click_item("Add 3 to ", "view", true));
  CHECK(tasks_in_sprint(c.ui.workspace(), sprint) == before + 3);
  CHECK(c.ui.stack().undo_label() == "Plan sprint");
  // Opened again, Escape closes it.
  c.ui.frames(2);
  REQUIRE(c.click_item("Plan from backlog\xE2\x80\xA6", "view"));
  CHECK_FALSE(c.ui.state().views.sprints.planning.nil());
  c.ui.key(ImGuiKey_Escape);
  c.ui.frames(2);
  CHECK(c.ui.state().views.sprints.planning.nil());

  c.ui.frames(2);
  REQUIRE(c.click_item("End sprint: roll over unfinished work\xE2\x80\xA6", "view"));
  c.ui.frames(2);
  REQUIRE(c.click_item("Sprint 9", "##Popup"));  // the unfinished tasks move there
  c.ui.frames(2);
  check_clean(c);
}

TEST_CASE("dashboard: the forecast runs across frames without holding one up, and restarts when the plan changes") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::dashboard);
  c.ui.frames(1);
  const ui::DashboardState& d = c.ui.state().views.dashboard;
  REQUIRE(d.forecast != nullptr);
  CHECK(d.target_runs == ui::forecast_runs_for(d.plan.input.tasks.size()));
  CHECK(d.target_runs == 1000);  // 10k tasks: fewer runs than a small plan gets
  const std::size_t after_one = d.forecast->iterations();
  CHECK(after_one > 0);
  CHECK(after_one < d.target_runs);  // not all in one frame
  CHECK(c.ui.last_busy());           // so the app draws again
  // Each frame adds some runs (about 1 ms of them; times are not asserted:
  // this machine is shared, see the frame benchmark for figures).
  int frames = 1;
  std::size_t before = after_one;
  while (d.forecast->iterations() < d.target_runs && frames < 5000) {
    c.ui.frame();
    ++frames;
    CHECK(d.forecast->iterations() > before);
    before = d.forecast->iterations();
  }
  CHECK(d.forecast->iterations() == d.target_runs);
  c.ui.frame();
  CHECK_FALSE(c.ui.last_busy());  // done: idle again
  const FinishForecast f = d.forecast->project();
  CHECK(f.p50 <= f.p80);
  CHECK(f.p80 <= f.p95);
  CHECK(d.schedule.finish_date >= c.ui.state().views.dashboard.today);
  MESSAGE("10k-task forecast: " << d.target_runs << " runs over " << frames << " frames");

  // An edit restarts it.
  const Id task = p.workspace.all<Task>().begin()->first;
  c.ui.exec(Command{{SetField{task, "likely_days", 30.0}}, {}, {}, "Edit"});
  c.ui.frame();
  CHECK(d.forecast->iterations() < d.target_runs);

  // Progress is counted once per change, and follows it.
  const int done = d.progress.done;
  int tasks = 0;
  Id open_task;
  for (const Id id : c.ui.workspace().children_of(p.project))
    if (const Task* t = c.ui.workspace().find<Task>(id)) {
      ++tasks;
      if (t->status != TaskStatus::done) open_task = id;
    }
  CHECK(d.progress.total == tasks);
  REQUIRE_FALSE(open_task.nil());
  c.ui.exec(Command{{SetField{open_task, "status", std::string("done")}}, {}, {}, "Done"});
  c.ui.frame();
  CHECK(d.progress.done == done + 1);
  check_clean(c);
}

TEST_CASE("dashboard: save a baseline, see its ghost bars on the timeline, undo removes it") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::dashboard);
  c.ui.frames(2);
  REQUIRE(c.click_item("Save baseline", "view"));
  const Workspace& ws = c.ui.workspace();
  REQUIRE(ws.all<Baseline>().size() == 1);
  const Baseline baseline = ws.all<Baseline>().begin()->second;
  CHECK(baseline.parent == p.project);
  CHECK(ws.children_of(baseline.id).size() == ws.all<BaselineTask>().size());
  CHECK(ws.all<BaselineTask>().size() > 100);
  CHECK(c.ui.stack().undo_label() == "Save baseline");
  c.ui.frames(2);
  const ui::DashboardState& d = c.ui.state().views.dashboard;
  CHECK(d.variance_of == baseline.id);
  REQUIRE_FALSE(d.variance_lines.empty());
  CHECK(d.variance_lines.front().starts_with("Finish is on the baseline of"));  // nothing moved yet

  c.show(p.project, ui::View::timeline);
  c.ui.frames(3);
  const ui::TimelineState& t = c.ui.state().views.timeline;
  CHECK(t.ghost_baseline == baseline.id);
  REQUIRE(t.ghosts.size() == t.layout.bars.size());
  std::size_t ghosts = 0;
  for (std::size_t i = 0; i < t.ghosts.size(); ++i)
    if (t.ghosts[i].end > t.ghosts[i].start) {
      ++ghosts;
      CHECK(t.ghosts[i].end == t.layout.bars[i].end);  // an unchanged plan: each ghost ends with its bar
    }
  CHECK(ghosts == ws.all<BaselineTask>().size());

  c.ui.key(ImGuiMod_Ctrl | ImGuiKey_Z);
  CHECK(c.ui.workspace().all<Baseline>().empty());
  CHECK(c.ui.workspace().all<BaselineTask>().empty());
  c.ui.frames(2);
  CHECK(t.ghost_baseline.nil());
  CHECK(t.ghosts.empty());
  check_clean(c);
}

TEST_CASE("gates: record a go decision with a rationale") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::gates);
  c.ui.frames(3);
  REQUIRE(c.click_item("Record decision\xE2\x80\xA6", "view"));
  const Id gate = c.ui.state().views.gates.deciding;
  REQUIRE_FALSE(gate.nil());
  c.ui.frames(2);
  REQUIRE(c.click_item("Rationale", "view"));
  c.ui.type("Recall 93% on the hold-out set; shadow mode next.");
  c.ui.frames(2);
  REQUIRE(c.click_item("Go", "view"));
  CHECK(c.ui.workspace().find<Gate>(gate)->decision == GateDecision::go);
  CHECK(c.ui.state().views.gates.deciding.nil());
  c.ui.frames(2);
  check_clean(c);
}

TEST_CASE("risks: filter by a heat-map cell, create the due review tasks") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::risks);
  c.ui.frames(3);
  const ItemRecord* cell = first_visible(c, [](const ItemRecord& r) {
    return r.label.size() > 4 && r.label.compare(r.label.size() - 4, 4, "##33") == 0;
  });
  REQUIRE(cell != nullptr);
  c.ui.click(cell->center());
  CHECK(c.ui.state().views.risks.likelihood == 3);
  CHECK(c.ui.state().views.risks.impact == 3);
  const std::size_t tasks_before = c.ui.workspace().all<Task>().size();
  const std::size_t due = c.ui.state().views.risks.due_reviews;
  CHECK(due > 0);
  REQUIRE(c.click_item("Create due review tasks", "view"));
  CHECK(c.ui.workspace().all<Task>().size() > tasks_before);
  c.ui.frames(2);
  // The count is cached between frames: it follows the change.
  CHECK(c.ui.state().views.risks.due_reviews == 0);
  const std::size_t risks = c.ui.state().views.risks.risks.size();
  REQUIRE(c.click_item("+ Risk", "view"));
  c.ui.frames(2);
  CHECK(c.ui.state().views.risks.risks.size() == risks + 1);
  c.ui.frames(2);
  check_clean(c);
}

TEST_CASE("charter: add a metric reading through its popup; add a person") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::charter);
  c.ui.frames(3);
  const std::size_t readings = c.ui.workspace().all<MetricReading>().size();
  REQUIRE(c.click_item("+ reading", "view"));
  c.ui.frames(2);
  REQUIRE(c.click_item("Value"));
  c.ui.type("0.91");
  c.ui.frames(2);
  REQUIRE(c.click_item("Add"));
  CHECK(c.ui.workspace().all<MetricReading>().size() == readings + 1);
  const std::size_t people = c.ui.workspace().all<Person>().size();
  c.ui.frames(2);
  REQUIRE(c.click_item("+ Person", "view"));
  CHECK(c.ui.workspace().all<Person>().size() == people + 1);
  c.ui.frames(2);
  check_clean(c);
}

TEST_CASE("experiments: add one, add a result and a run link to it") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::experiments);
  c.ui.frames(3);
  const std::size_t before = c.ui.workspace().all<Experiment>().size();
  REQUIRE(c.click_item("+ Experiment", "view"));
  CHECK(c.ui.workspace().all<Experiment>().size() == before + 1);
  c.ui.frames(2);
  if (c.click_item("+ Result", "view")) c.ui.frames(2);
  if (c.click_item("+ Run link", "view")) c.ui.frames(2);
  c.ui.frames(2);
  check_clean(c);
}

TEST_CASE("board: a new task, everything added to it in the editor, then deleted") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::board);
  c.ui.frames(3);
  const std::size_t tasks = c.ui.workspace().all<Task>().size();
  REQUIRE(c.click_item("+ Task", "view"));
  REQUIRE(c.ui.workspace().all<Task>().size() == tasks + 1);
  Id created;  // the newest task (the editor does not open on it: a known bug, below)
  for (const auto& [id, t] : c.ui.workspace().all<Task>())
    if (t.title == "New task" && t.status == TaskStatus::todo) created = id;
  REQUIRE_FALSE(created.nil());
  c.ui.state().nav.open_task = created;
  c.ui.frames(2);
  for (const char* add : {"+ Done criterion", "+ Dependency", "+ Blocker"}) {
    INFO(std::string(add));
    CHECK(c.click_item(add, "Task##editor"));
  }
  CHECK(c.ui.workspace().children_of(created).size() == 3);
  c.ui.frames(2);
  REQUIRE(c.click_item("Delete task", "Task##editor"));
  CHECK(c.ui.workspace().find<Task>(created) == nullptr);
  CHECK(c.ui.state().nav.open_task.nil());
  CHECK(c.ui.workspace().all<Task>().size() == tasks);
  // Ctrl+Z back through all of it.
  for (int i = 0; i < 5; ++i) c.ui.key(ImGuiMod_Ctrl | ImGuiKey_Z);
  CHECK(c.ui.workspace().all<Task>().size() == tasks);
  CHECK(c.ui.workspace().find<Task>(created) == nullptr);
  c.ui.frames(2);
  check_clean(c);
}

// The WIP buttons of the board's status columns, left to right (todo, in
// progress, blocked).
std::vector<ItemRecord> wip_buttons(const CheckedUi& c) {
  std::vector<ItemRecord> found;
  for (const ItemRecord& r : c.items.items())
    if (r.visible() && r.label.starts_with("WIP")) found.push_back(r);
  std::sort(found.begin(), found.end(), [](const ItemRecord& a, const ItemRecord& b) { return a.rect.Min.x < b.rect.Min.x; });
  return found;
}

TEST_CASE("board: set a WIP limit on a column by typing it, see it exceeded, remove it") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::board);
  c.ui.frames(3);
  std::vector<ItemRecord> buttons = wip_buttons(c);
  REQUIRE(buttons.size() == 3);
  CHECK(buttons[1].label == "WIP limit###wip");
  c.ui.click(buttons[1].center());  // "In progress"
  c.ui.frames(2);
  c.ui.type("2");
  c.ui.frames(2);
  const Project* project = c.ui.workspace().find<Project>(p.project);
  REQUIRE(project->wip_in_progress.has_value());
  CHECK(*project->wip_in_progress == 2);
  CHECK_FALSE(project->wip_todo.has_value());
  c.ui.key(ImGuiKey_Enter);   // Escape in the field would revert the typing
  c.ui.key(ImGuiKey_Escape);  // closes the popup
  c.ui.frames(2);
  CHECK(c.ui.workspace().find<Project>(p.project)->wip_in_progress == 2);
  buttons = wip_buttons(c);
  REQUIRE(buttons.size() == 3);
  std::size_t in_progress = 0;
  for (const auto& [id, t] : c.ui.workspace().all<Task>())
    in_progress += t.parent == p.project && t.status == TaskStatus::in_progress ? 1 : 0;
  REQUIRE(in_progress > 2);  // so the column is over its limit
  CHECK(buttons[1].label == "WIP " + std::to_string(in_progress) + "/2###wip");

  c.ui.click(buttons[1].center());
  c.ui.frames(2);
  REQUIRE(c.click_item("No limit"));
  CHECK_FALSE(c.ui.workspace().find<Project>(p.project)->wip_in_progress.has_value());
  c.ui.key(ImGuiMod_Ctrl | ImGuiKey_Z);
  CHECK(c.ui.workspace().find<Project>(p.project)->wip_in_progress == 2);
  c.ui.frames(2);
  check_clean(c);
}

TEST_CASE("board by stage: every stage column takes a WIP limit, typed in its popup and undone") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::board);
  c.ui.state().views.board.by_stage = true;
  c.ui.frames(3);
  std::vector<ItemRecord> buttons = wip_buttons(c);
  REQUIRE(buttons.size() >= 2);  // the columns on screen: the board scrolls sideways
  c.ui.click(buttons[1].center());  // "Labelling"
  c.ui.frames(2);
  c.ui.type("1");
  c.ui.key(ImGuiKey_Enter);
  c.ui.key(ImGuiKey_Escape);
  c.ui.frames(2);
  const Project* project = c.ui.workspace().find<Project>(p.project);
  CHECK(project->wip_stage_labelling == 1);
  CHECK_FALSE(project->wip_stage_data_collection.has_value());
  std::size_t labelling = 0;
  for (const auto& [id, t] : c.ui.workspace().all<Task>()) labelling += t.parent == p.project && t.stage == Stage::labelling ? 1 : 0;
  REQUIRE(labelling > 1);
  buttons = wip_buttons(c);
  CHECK(buttons[1].label == "WIP " + std::to_string(labelling) + "/1###wip");
  c.ui.key(ImGuiMod_Ctrl | ImGuiKey_Z);
  CHECK_FALSE(c.ui.workspace().find<Project>(p.project)->wip_stage_labelling.has_value());
  c.ui.frames(2);
  check_clean(c);
}

TEST_CASE("backlog: save the current filter under a name, apply it again later, delete it") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::backlog);
  c.ui.frames(3);
  ui::BacklogFilter& filter = c.ui.state().views.backlog.filter;
  filter.status = static_cast<int>(TaskStatus::blocked);
  filter.stage = static_cast<int>(Stage::labelling);
  c.ui.frames(2);
  REQUIRE(c.click_item("Save filter\xE2\x80\xA6", "view"));
  c.ui.frames(2);
  c.ui.type("Blocked labelling");
  c.ui.key(ImGuiKey_Enter);
  c.ui.frames(2);
  const SavedFilter* saved = nullptr;
  for (const auto& [id, f] : c.ui.workspace().all<SavedFilter>()) saved = &f;
  REQUIRE(saved != nullptr);
  CHECK(saved->parent == p.project);
  CHECK(saved->name == "Blocked labelling");
  CHECK(saved->status == TaskStatus::blocked);
  CHECK(saved->stage == Stage::labelling);
  CHECK(saved->assignee.nil());  // "anyone" stays unset
  CHECK(c.ui.stack().undo_label() == "Save filter");
  const Id saved_id = saved->id;

  REQUIRE(c.click_item("Clear", "view"));
  CHECK(c.ui.state().views.backlog.filter == ui::BacklogFilter{});
  c.ui.frames(2);
  REQUIRE(c.click_item("##saved-filters", "view"));
  c.ui.frames(2);
  REQUIRE(c.click_item("Blocked labelling"));
  CHECK(c.ui.state().views.backlog.filter.status == static_cast<int>(TaskStatus::blocked));
  CHECK(c.ui.state().views.backlog.filter.stage == static_cast<int>(Stage::labelling));
  c.ui.frames(2);
  REQUIRE(c.click_item("Delete filter", "view"));
  CHECK(c.ui.workspace().find<SavedFilter>(saved_id) == nullptr);
  c.ui.key(ImGuiMod_Ctrl | ImGuiKey_Z);
  CHECK(c.ui.workspace().find<SavedFilter>(saved_id) != nullptr);
  c.ui.frames(2);
  check_clean(c);
}

// The board and the backlog set nav.open_task to the id of the task their
// "+ Task" command will create; the task editor, drawn in the same frame
// before the App runs the command, finds no such task and clears it.
TEST_CASE("\"+ Task\" on the board and in the backlog opens the new task") {
  const PlanningWorkspace& p = shared_planning();
  for (const ui::View view : {ui::View::board, ui::View::backlog}) {
    CheckedUi c{p.workspace};
    c.show(p.project, view);
    c.ui.frames(3);
    const std::size_t tasks = c.ui.workspace().all<Task>().size();
    REQUIRE(c.click_item("+ Task", "view"));
    CHECK(c.ui.workspace().all<Task>().size() == tasks + 1);  // created...
    CHECK_MESSAGE(c.ui.workspace().find<Task>(c.ui.state().nav.open_task) != nullptr,
                  c.scene << ": the new task is not open in the editor");  // ...but not opened
    check_clean(c);
  }
}

TEST_CASE("home: open the project, make a new one from a template") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(Id{}, ui::View::dashboard);
  c.ui.frames(3);
  REQUIRE(c.click_item("Open", "projects"));
  CHECK(c.ui.state().nav.project == p.project);
  c.ui.key(ImGuiKey_Escape);
  REQUIRE(c.click_item("\xE2\x86\x90 All projects"));
  CHECK(c.ui.state().nav.project.nil());
  c.ui.frames(2);
  REQUIRE(c.click_item("Tabular prediction"));
  c.ui.frames(2);
  CHECK(c.ui.workspace().all<Project>().size() == 2);
  CHECK_FALSE(c.ui.state().nav.project.nil());
  CHECK(c.ui.state().nav.project != p.project);
  c.ui.frames(2);
  check_clean(c);
}

}  // TEST_SUITE

}  // namespace cairn::uitest
