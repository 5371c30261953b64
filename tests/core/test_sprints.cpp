#include <doctest/doctest.h>

#include "core/commands.h"
#include "core/sprints.h"

using namespace cairn;
using namespace std::string_literals;

namespace {

Date day(const char* iso) { return parse_date(iso).value(); }

struct SprintFixture {
  Workspace ws;
  IdSource ids{51};
  Id project = make("project", {}, {{"name", "Churn model"s}});
  // Friday 2026-11-27 to Thursday 2026-12-03: a weekend inside, 5 working days.
  Id sprint = make("sprint", project, {{"name", "S1"s}, {"start", day("2026-11-27")}, {"end", day("2026-12-03")}});
  Id next = make("sprint", project, {{"name", "S2"s}});

  Id make(const char* kind, Id parent, std::vector<std::pair<std::string, Value>> fields) {
    const Id id = ids.next();
    Command c;
    c.ops.push_back(CreateItem{kind, id, parent, std::move(fields)});
    const ApplyResult r = apply(ws, c);
    REQUIRE_MESSAGE(r.ok, r.error);
    return id;
  }
  Id task(const char* title, std::vector<std::pair<std::string, Value>> fields = {}) {
    fields.emplace_back("title", std::string(title));
    return make("task", project, std::move(fields));
  }
  void run(const Command& c) {
    const ApplyResult r = apply(ws, c);
    REQUIRE_MESSAGE(r.ok, r.error);
  }
  const Task& t(Id id) const { return *ws.find<Task>(id); }
};

}  // namespace

TEST_CASE("sprints: working days count Monday to Friday, both ends included") {
  CHECK(working_days(day("2026-11-23"), day("2026-11-27")) == 5);   // Monday to Friday
  CHECK(working_days(day("2026-11-23"), day("2026-11-29")) == 5);   // a whole week
  CHECK(working_days(day("2026-11-23"), day("2026-12-06")) == 10);  // two weeks
  CHECK(working_days(day("2026-11-28"), day("2026-11-29")) == 0);   // a weekend
  CHECK(working_days(day("2026-11-28"), day("2026-11-28")) == 0);   // a Saturday
  CHECK(working_days(day("2026-11-27"), day("2026-11-30")) == 2);   // Friday to Monday
  CHECK(working_days(day("2026-11-26"), day("2026-11-26")) == 1);   // a Thursday
  CHECK(working_days(day("2026-11-27"), day("2026-11-26")) == 0);   // end before start
  CHECK(working_days(day("1969-12-29"), day("1970-01-04")) == 5);   // before day 0 too
  CHECK(working_days(day("1969-12-27"), day("1969-12-28")) == 0);
}

TEST_CASE_FIXTURE(SprintFixture, "sprints: capacity from people and working days, planned work from buffered estimates") {
  make("person", project, {{"name", "Ada"s}});                                        // 5 days a week
  make("person", project, {{"name", "Bo"s}, {"capacity_days_per_week", 2.5}});
  const Id other = make("project", {}, {{"name", "Other"s}});
  make("person", other, {{"name", "Elsewhere"s}});

  task("Label", {{"stage", "labelling"s}, {"likely_days", 4.0}, {"sprint", sprint}, {"status", "todo"s}});
  task("Baseline", {{"likely_days", 2.0}, {"sprint", sprint}, {"status", "done"s}});
  task("Spike", {{"sprint", sprint}});
  task("Later", {{"likely_days", 9.0}, {"sprint", next}});
  task("Backlog", {{"likely_days", 9.0}});

  const SprintLoad load = sprint_load(ws, sprint);
  CHECK(load.working_days == 5);
  CHECK(load.capacity_days == 7.5);  // 5 x 5/5 + 2.5 x 5/5
  CHECK(load.planned_days == 8.0);   // 4 x 1.5 + 2
  CHECK(load.remaining_days == 6.0);
  CHECK(load.tasks == 3);
  CHECK(load.unestimated == 1);
  CHECK(load.done == 1);

  // A sprint over a weekend only has no capacity; one without dates neither.
  Command weekend;
  weekend.ops.push_back(SetField{sprint, "start", day("2026-11-28")});
  weekend.ops.push_back(SetField{sprint, "end", day("2026-11-29")});
  run(weekend);
  CHECK(sprint_load(ws, sprint).capacity_days == 0.0);
  CHECK(sprint_load(ws, sprint).planned_days == 8.0);
  const SprintLoad undated = sprint_load(ws, next);
  CHECK(undated.capacity_days == 0.0);
  CHECK(undated.planned_days == 9.0);
  CHECK(undated.tasks == 1);

  // Two weeks, Monday to Friday of the next week: 10 days.
  Command two_weeks;
  two_weeks.ops.push_back(SetField{sprint, "start", day("2026-11-23")});
  two_weeks.ops.push_back(SetField{sprint, "end", day("2026-12-04")});
  run(two_weeks);
  CHECK(sprint_load(ws, sprint).capacity_days == 15.0);

  const SprintLoad unknown = sprint_load(ws, ids.next());
  CHECK(unknown.tasks == 0);
  CHECK(unknown.capacity_days == 0.0);
}

TEST_CASE_FIXTURE(SprintFixture, "sprints: planning sets the sprint, and todo for backlog tasks") {
  const Id a = task("A");
  const Id b = task("B", {{"status", "in_progress"s}});
  const Id c = task("C", {{"sprint", sprint}, {"status", "todo"s}});

  const Command cmd = plan_into_sprint(ws, {a, b, c, a, ids.next()}, sprint);
  CHECK(cmd.label == "Plan sprint");
  CHECK(cmd.ops.size() == 3);  // a: sprint and status; b: sprint; c: already there; duplicates and unknowns skipped
  run(cmd);
  CHECK(t(a).sprint == sprint);
  CHECK(t(a).status == TaskStatus::todo);
  CHECK(t(b).sprint == sprint);
  CHECK(t(b).status == TaskStatus::in_progress);
  CHECK(t(c).sprint == sprint);
  CHECK(sprint_load(ws, sprint).tasks == 3);

  CHECK(plan_into_sprint(ws, {a}, ids.next()).ops.empty());  // no such sprint
  CHECK(plan_into_sprint(ws, {a, c}, sprint).ops.empty());   // nothing to do
}

TEST_CASE_FIXTURE(SprintFixture, "sprints: roll over moves the unfinished tasks to the next sprint") {
  const Id done = task("Done", {{"sprint", sprint}, {"status", "done"s}});
  const Id todo = task("Todo", {{"sprint", sprint}, {"status", "todo"s}});
  const Id doing = task("Doing", {{"sprint", sprint}, {"status", "in_progress"s}});

  const Command cmd = roll_over(ws, sprint, next);
  CHECK(cmd.label == "Roll over 2 unfinished tasks");
  CHECK(cmd.ops.size() == 2);
  run(cmd);
  CHECK(t(done).sprint == sprint);
  CHECK(t(todo).sprint == next);
  CHECK(t(todo).status == TaskStatus::todo);
  CHECK(t(doing).sprint == next);
  CHECK(sprint_load(ws, sprint).tasks == 1);
  CHECK(sprint_load(ws, next).tasks == 2);

  const Command nothing = roll_over(ws, sprint, next);
  CHECK(nothing.ops.empty());
  CHECK(nothing.label == "Roll over 0 unfinished tasks");
  CHECK(roll_over(ws, next, ids.next()).ops.empty());  // no such next sprint
  CHECK(roll_over(ws, next, next).ops.empty());
}

TEST_CASE_FIXTURE(SprintFixture, "sprints: roll over to nil sends the tasks back to the backlog") {
  const Id todo = task("Todo", {{"sprint", sprint}, {"status", "todo"s}});
  const Id blocked = task("Blocked", {{"sprint", sprint}, {"status", "blocked"s}});
  Command cmd = roll_over(ws, sprint, Id{});
  CHECK(cmd.label == "Roll over 2 unfinished tasks");
  run(cmd);
  CHECK(t(todo).sprint.nil());
  CHECK(t(todo).status == TaskStatus::backlog);
  CHECK(t(blocked).sprint.nil());
  CHECK(t(blocked).status == TaskStatus::blocked);  // started work keeps its status

  const Id last = task("Last", {{"sprint", sprint}, {"status", "in_progress"s}});
  cmd = roll_over(ws, sprint, Id{});
  CHECK(cmd.label == "Roll over 1 unfinished task");
  run(cmd);
  CHECK(t(last).sprint.nil());
}

TEST_CASE_FIXTURE(SprintFixture, "sprints: all loads of a project in one pass equal each sprint's own load") {
  make("person", project, {{"name", "Ana"s}, {"capacity_days_per_week", 4.0}});
  task("Label", {{"stage", "labelling"s}, {"likely_days", 2.0}, {"sprint", sprint}});
  task("Train", {{"likely_days", 3.0}, {"sprint", sprint}, {"status", "done"s}});
  task("Eval", {{"sprint", next}});
  task("Loose", {{"likely_days", 1.0}});
  const auto loads = sprint_loads(ws, project);
  REQUIRE(loads.size() == 2);
  for (const Id s : {sprint, next}) {
    const SprintLoad one = sprint_load(ws, s);
    const SprintLoad& all = loads.at(s);
    CHECK(all.tasks == one.tasks);
    CHECK(all.planned_days == one.planned_days);
    CHECK(all.capacity_days == one.capacity_days);
    CHECK(all.unestimated == one.unestimated);
  }
  CHECK(loads.at(sprint).tasks == 2);
  CHECK(loads.at(sprint).planned_days == doctest::Approx(2 * 1.5 + 3));  // labelling buffer x1.5
  CHECK(loads.at(sprint).remaining_days == doctest::Approx(3));
  CHECK(loads.at(sprint).capacity_days == doctest::Approx(4.0));  // 4 days a week, 5 working days
  CHECK(loads.at(next).unestimated == 1);
  CHECK(sprint_loads(ws, ids.next()).empty());  // not a project
}
