// Baselines (core/baseline.h): saving one, undoing it, the variance in
// working days against it, and its trip through JSON export and import.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/baseline.h"
#include "core/json_io.h"

using namespace cairn;

namespace {

Date day(const char* iso) { return parse_date(iso).value(); }
Id id_of(int name) { return Id{0xBA5E, static_cast<std::uint64_t>(name)}; }

// Monday 2026-11-02: the schedule's day 0 (weekends off).
const Date kToday = day("2026-11-02");
const Timestamp kNow = parse_timestamp("2026-11-02T09:00:00Z").value();

// A project whose tasks are named by number: A(1) 3 days, B(2) 2 days after
// A, C(3) written 2026-11-09..13, E(5) 1 day, F(6) 1 day. Planned:
// A Mon 2 - Wed 4, B Thu 5 - Fri 6, C Mon 9 - Fri 13, E and F Mon 2.
struct Fixture {
  Workspace ws;
  IdSource ids{7};
  const Id project = id_of(100);

  Fixture() {
    run({CreateItem{"project", project, {}, {{"name", std::string("Churn")}}}});
    task(1, "A", 3);
    task(2, "B", 2);
    run({CreateItem{"dependency", id_of(20), id_of(2), {{"predecessor", id_of(1)}}}});
    task(3, "C", 5);
    set(3, "start", day("2026-11-09"));
    set(3, "due", day("2026-11-13"));
    task(5, "E", 1);
    task(6, "F", 1);
  }

  ApplyResult run(std::vector<Operation> ops) {
    ApplyResult r = apply(ws, Command{std::move(ops), {}, {}, "test"});
    REQUIRE_MESSAGE(r.ok, r.error);
    return r;
  }
  ApplyResult run(const Command& c) {
    ApplyResult r = apply(ws, c);
    REQUIRE_MESSAGE(r.ok, r.error);
    return r;
  }
  void task(int n, const char* title, double likely) {
    run({CreateItem{"task", id_of(n), project, {{"title", std::string(title)}, {"likely_days", likely}, {"order", double(n)}}}});
  }
  void set(int n, const char* field, Value value) { run({SetField{id_of(n), field, std::move(value)}}); }

  Id save() {
    Id created;
    run(save_baseline_command(project, planned_dates(ws, project, kToday), "Kick-off", kNow, ids, &created));
    return created;
  }
};

const TaskVariance* find(const BaselineVariance& v, int n) {
  for (const TaskVariance& t : v.tasks)
    if (t.task == id_of(n)) return &t;
  return nullptr;
}

std::size_t baseline_tasks_of(const Workspace& ws, Id baseline) {
  std::size_t n = 0;
  for (const Id id : ws.children_of(baseline)) n += ws.find<BaselineTask>(id) ? 1 : 0;
  return n;
}

}  // namespace

TEST_SUITE("baseline") {

TEST_CASE("working-day slip skips weekends and holidays, and has a sign") {
  CHECK(working_days_slip(day("2026-11-06"), day("2026-11-06")) == 0);
  CHECK(working_days_slip(day("2026-11-06"), day("2026-11-09")) == 1);   // Fri -> Mon
  CHECK(working_days_slip(day("2026-11-02"), day("2026-11-06")) == 4);   // Mon -> Fri
  CHECK(working_days_slip(day("2026-11-06"), day("2026-11-13")) == 5);   // a week
  CHECK(working_days_slip(day("2026-11-13"), day("2026-11-04")) == -7);  // earlier
  CHECK(working_days_slip(day("2026-11-06"), day("2026-11-07")) == 1);   // a Saturday counts as the Monday after
  WorkCalendar holidays;
  holidays.holidays = {day("2026-11-09")};
  CHECK(working_days_slip(day("2026-11-06"), day("2026-11-10"), holidays) == 1);
  WorkCalendar every_day;
  every_day.skip_weekends = false;
  CHECK(working_days_slip(day("2026-11-06"), day("2026-11-10"), every_day) == 4);
}

TEST_CASE("the planned dates are the timeline's: written dates, else the schedule's") {
  Fixture f;
  f.task(8, "Milestone", 0);
  f.set(8, "due", day("2026-11-12"));
  const PlannedDates p = planned_dates(f.ws, f.project, kToday);
  REQUIRE(p.tasks.size() == 6);
  CHECK(p.tasks[5].task == id_of(8));
  CHECK(p.tasks[5].start == day("2026-11-12"));  // one day for both
  CHECK(p.tasks[5].finish == day("2026-11-12"));
  CHECK(p.tasks[0].task == id_of(1));
  CHECK(p.tasks[0].start == day("2026-11-02"));
  CHECK(p.tasks[0].finish == day("2026-11-04"));
  CHECK(p.tasks[1].start == day("2026-11-05"));
  CHECK(p.tasks[1].finish == day("2026-11-06"));
  CHECK(p.tasks[2].start == day("2026-11-09"));
  CHECK(p.tasks[2].finish == day("2026-11-13"));
  CHECK(p.tasks[0].estimate_days == doctest::Approx(3));
  REQUIRE(p.finish.has_value());
  CHECK(*p.finish == day("2026-11-13"));
}

TEST_CASE("saving a baseline is one command; undo removes it and everything in it") {
  Fixture f;
  const std::size_t before = f.ws.size();
  Id created;
  const Command save = save_baseline_command(f.project, planned_dates(f.ws, f.project, kToday), "Kick-off", kNow, f.ids, &created);
  CHECK(save.label == "Save baseline");
  const ApplyResult r = f.run(save);
  const Baseline* b = f.ws.find<Baseline>(created);
  REQUIRE(b != nullptr);
  CHECK(b->parent == f.project);
  CHECK(b->name == "Kick-off");
  CHECK(b->taken_at == kNow);
  CHECK(b->finish == day("2026-11-13"));
  CHECK(baseline_tasks_of(f.ws, created) == 5);
  CHECK(f.ws.size() == before + 6);
  CHECK(baselines_of(f.ws, f.project).size() == 1);
  CHECK(next_baseline_name(f.ws, f.project, kToday) == "Baseline 2026-11-02");

  f.run(r.inverse);
  CHECK(f.ws.find<Baseline>(created) == nullptr);
  CHECK(f.ws.all<BaselineTask>().empty());
  CHECK(f.ws.size() == before);
}

TEST_CASE("variance: slip per task and for the project in working days, tasks added and removed") {
  Fixture f;
  const Id baseline = f.save();
  // Unchanged plan: no slip anywhere.
  BaselineVariance v = variance(f.ws, f.project, baseline, kToday);
  CHECK(v.tasks.size() == 5);
  CHECK(v.added.empty());
  CHECK(v.removed.empty());
  for (const TaskVariance& t : v.tasks) CHECK(t.finish_slip == 0);
  REQUIRE(v.finish_slip.has_value());
  CHECK(*v.finish_slip == 0);

  f.set(1, "likely_days", 5.0);               // A: Mon 2 - Fri 6, finish 2 working days later
  f.set(3, "due", day("2026-11-18"));         // C: finish Fri 13 -> Wed 18, 3 working days
  f.task(7, "D", 1);                          // added
  f.run({RemoveItem{id_of(5)}});              // E: removed
  f.set(6, "status", std::string("done"));    // F: done without dates, no bar now
  v = variance(f.ws, f.project, baseline, kToday);

  REQUIRE(v.tasks.size() == 3);
  CHECK(v.tasks[0].task == id_of(3));  // most slipped first
  CHECK(v.tasks[0].finish_slip == 3);
  CHECK(v.tasks[0].start_slip == 0);
  const TaskVariance* a = find(v, 1);
  REQUIRE(a != nullptr);
  CHECK(a->finish_slip == 2);
  CHECK(a->start_slip == 0);
  // B follows A: Thu 5 - Fri 6 becomes Mon 9 - Tue 10, 4 calendar days but 2 working days.
  const TaskVariance* b = find(v, 2);
  REQUIRE(b != nullptr);
  CHECK(b->start == day("2026-11-09"));
  CHECK(b->finish == day("2026-11-10"));
  CHECK(b->start_slip == 2);
  CHECK(b->finish_slip == 2);
  CHECK(v.added == std::vector<Id>{id_of(7)});
  CHECK(v.removed == std::vector<Id>{id_of(5)});
  CHECK(v.unplanned == std::vector<Id>{id_of(6)});
  CHECK(v.baseline_finish == day("2026-11-13"));
  CHECK(v.finish == day("2026-11-18"));
  REQUIRE(v.finish_slip.has_value());
  CHECK(*v.finish_slip == 3);

  const std::vector<std::string> lines = describe_variance(f.ws, v, 2);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] ==
        "Finish moved 3 working days later than the baseline of 2026-11-02 (2026-11-13 \xE2\x86\x92 2026-11-18): "
        "'C' slipped 3 working days, 'A' 2 and 1 more.");
  CHECK(lines[1] == "1 task added since: 'D'.");
  CHECK(lines[2] == "1 task in the baseline no longer in the project.");
  CHECK(lines[3] == "1 task has no dates now (done, or dates cleared): 'F'.");
}

TEST_CASE("variance: a plan ahead of its baseline has negative slip") {
  Fixture f;
  const Id baseline = f.save();
  f.set(3, "due", day("2026-11-11"));  // C: Fri 13 -> Wed 11
  const BaselineVariance v = variance(f.ws, f.project, baseline, kToday);
  REQUIRE(v.finish_slip.has_value());
  CHECK(*v.finish_slip == -2);
  CHECK(v.tasks.back().task == id_of(3));
  CHECK(v.tasks.back().finish_slip == -2);
  CHECK(describe_variance(f.ws, v).front() ==
        "Finish moved 2 working days earlier than the baseline of 2026-11-02 (2026-11-13 \xE2\x86\x92 2026-11-11).");
}

TEST_CASE("baseline fields are checked like any other") {
  Fixture f;
  const Id baseline = f.save();
  const Id record = f.ws.children_of(baseline).front();
  Workspace& ws = f.ws;
  auto refused = [&](Id id, const char* field, Value value) {
    return !apply(ws, Command{{SetField{id, field, std::move(value)}}, {}, {}, "test"}).ok;
  };
  CHECK(refused(record, "estimate_days", -1.0));
  CHECK(refused(record, "start", std::string("2026-13-01")));
  CHECK(refused(baseline, "taken_at", std::string("yesterday")));
  CHECK_FALSE(refused(baseline, "taken_at", std::string("2026-11-03T10:00:00Z")));
  CHECK(f.ws.find<Baseline>(baseline)->taken_at == parse_timestamp("2026-11-03T10:00:00Z").value());
  // A baseline belongs to a project, its records to a baseline.
  CHECK_FALSE(apply(ws, Command{{CreateItem{"baseline_task", f.ids.next(), f.project, {}}}, {}, {}, "test"}).ok);
  CHECK_FALSE(apply(ws, Command{{CreateItem{"baseline", f.ids.next(), id_of(1), {}}}, {}, {}, "test"}).ok);
}

TEST_CASE("baselines survive JSON export and import, and a copy points at the copied tasks") {
  Fixture f;
  const Id baseline = f.save();
  const std::string json = export_json(f.ws);
  CHECK(json.find("\"taken_at\":\"2026-11-02T09:00:00.000Z\"") != std::string::npos);

  Workspace fresh;
  IdSource ids(3);
  ImportPlan plan = plan_import(json, fresh, ids);
  REQUIRE_MESSAGE(plan.ok, plan.error);
  CHECK(plan.warnings.empty());
  REQUIRE(apply(fresh, plan.command).ok);
  CHECK(fresh.same_items(f.ws));

  // Into the same workspace: every id is taken, so the copy gets new ones,
  // and its baseline records name the copy's tasks.
  plan = plan_import(json, f.ws, ids);
  REQUIRE(plan.ok);
  REQUIRE(apply(f.ws, plan.command).ok);
  REQUIRE(f.ws.all<Baseline>().size() == 2);
  for (const auto& [id, b] : f.ws.all<Baseline>()) {
    if (id == baseline) continue;
    for (const Id child : f.ws.children_of(id)) {
      const BaselineTask* record = f.ws.find<BaselineTask>(child);
      REQUIRE(record != nullptr);
      const Task* task = f.ws.find<Task>(record->task);
      REQUIRE(task != nullptr);
      CHECK(task->parent == b.parent);
    }
    const BaselineVariance v = variance(f.ws, b.parent, id, kToday);
    CHECK(v.tasks.size() == 5);
    CHECK(v.removed.empty());
  }
}

}  // TEST_SUITE
