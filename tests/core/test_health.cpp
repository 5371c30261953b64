#include <doctest/doctest.h>

#include "core/commands.h"
#include "core/health.h"

using namespace cairn;
using namespace std::string_literals;

namespace {

Date day(const char* iso) { return parse_date(iso).value(); }

struct HealthFixture {
  Workspace ws;
  IdSource ids{41};
  Date today = day("2026-11-26");
  Id project = make("project", {}, {{"name", "Churn model"s}});

  Id make(const char* kind, Id parent, std::vector<std::pair<std::string, Value>> fields) {
    const Id id = ids.next();
    Command c;
    c.ops.push_back(CreateItem{kind, id, parent, std::move(fields)});
    const ApplyResult r = apply(ws, c);
    REQUIRE_MESSAGE(r.ok, r.error);
    return id;
  }
  void set(Id id, const char* field, Value value) {
    Command c;
    c.ops.push_back(SetField{id, field, std::move(value)});
    const ApplyResult r = apply(ws, c);
    REQUIRE_MESSAGE(r.ok, r.error);
  }
  Id task(const char* title, std::vector<std::pair<std::string, Value>> fields = {}) {
    fields.emplace_back("title", std::string(title));
    return make("task", project, std::move(fields));
  }
  Id blocker(Id task, const char* text, std::optional<Date> since) {
    return make("blocker", task, {{"text", std::string(text)}, {"since", since ? Value{*since} : Value{Null{}}}});
  }
  HealthReport health() const { return project_health(ws, project, today); }
};

}  // namespace

TEST_CASE("health: names") {
  CHECK(std::string(health_name(Health::on_track)) == "On track");
  CHECK(std::string(health_name(Health::at_risk)) == "At risk");
  CHECK(std::string(health_name(Health::off_track)) == "Off track");
}

TEST_CASE_FIXTURE(HealthFixture, "health: an empty project is on track") {
  const HealthReport r = health();
  CHECK(r.health == Health::on_track);
  CHECK(r.reasons.empty());
}

TEST_CASE_FIXTURE(HealthFixture, "health: a gate past its date without a decision is off track") {
  const Id g = make("gate", project, {{"name", "Data feasibility"s}, {"due", day("2026-11-26")}});
  CHECK(health().health == Health::on_track);  // due today: not missed yet

  set(g, "due", day("2026-11-20"));
  HealthReport r = health();
  CHECK(r.health == Health::off_track);
  REQUIRE(r.reasons.size() == 1);
  CHECK(r.reasons[0] == "Gate \u201c" "Data feasibility\u201d passed its date (2026-11-20) without a decision");

  set(g, "decision", "kill"s);
  CHECK(health().health == Health::on_track);
}

TEST_CASE_FIXTURE(HealthFixture, "health: blockers older than 7 days put the project at risk, 3 of them off track") {
  const Id train = task("Train baseline");
  const Id b1 = blocker(train, "GPU quota", day("2026-11-19"));  // 7 days: not yet
  blocker(train, "No date", std::nullopt);
  CHECK(health().health == Health::on_track);

  set(b1, "since", day("2026-11-18"));
  HealthReport r = health();
  CHECK(r.health == Health::at_risk);
  REQUIRE(r.reasons.size() == 1);
  CHECK(r.reasons[0] == "Blocker \u201cGPU quota\u201d on \u201cTrain baseline\u201d unresolved for 8 days");

  const Id label = task("Label sample");
  blocker(label, "Vendor contract", day("2026-11-06"));
  r = health();
  CHECK(r.health == Health::at_risk);
  CHECK(r.reasons[0] ==
        "2 blockers unresolved for more than 7 days (oldest: \u201cVendor contract\u201d on \u201cLabel sample\u201d, "
        "20 days)");

  const Id b3 = blocker(train, "Access to logs", day("2026-11-10"));
  r = health();
  CHECK(r.health == Health::off_track);
  CHECK(r.reasons[0] ==
        "3 blockers unresolved for more than 7 days (oldest: \u201cVendor contract\u201d on \u201cLabel sample\u201d, "
        "20 days)");

  set(b3, "resolved", true);
  CHECK(health().health == Health::at_risk);
  set(label, "status", "done"s);  // a finished task's blockers no longer count
  CHECK(health().reasons[0] == "Blocker \u201cGPU quota\u201d on \u201cTrain baseline\u201d unresolved for 8 days");
}

TEST_CASE_FIXTURE(HealthFixture, "health: a critical open risk, or a high one with an overdue review, is at risk") {
  const Id bias = make("risk", project, {{"title", "Label bias"s}, {"likelihood", std::int64_t{5}},
                                         {"impact", std::int64_t{3}}});
  HealthReport r = health();
  CHECK(r.health == Health::at_risk);
  REQUIRE(r.reasons.size() == 1);
  CHECK(r.reasons[0] == "Risk \u201cLabel bias\u201d is critical (score 15)");
  set(bias, "status", "accepted"s);
  CHECK(health().health == Health::on_track);
  set(bias, "status", "mitigating"s);
  CHECK(health().health == Health::at_risk);
  set(bias, "status", "closed"s);
  CHECK(health().health == Health::on_track);

  const Id drift = make("risk", project, {{"title", "Drift"s}, {"likelihood", std::int64_t{3}},
                                          {"impact", std::int64_t{4}}, {"next_review", day("2026-11-26")}});
  CHECK(health().health == Health::on_track);  // high, review due today: not overdue
  set(drift, "next_review", day("2026-11-10"));
  r = health();
  CHECK(r.health == Health::at_risk);
  REQUIRE(r.reasons.size() == 1);
  CHECK(r.reasons[0] == "Risk \u201c" "Drift\u201d is high (score 12) and its review is overdue (since 2026-11-10)");
  set(drift, "impact", std::int64_t{3});  // medium now
  CHECK(health().health == Health::on_track);
}

TEST_CASE_FIXTURE(HealthFixture, "health: overdue tasks are at risk, off track at 20 % of the buffered work") {
  task("Train", {{"likely_days", 8.0}, {"due", day("2026-12-10")}});
  const Id late = task("Clean data", {{"likely_days", 1.0}, {"due", day("2026-11-25")}});
  task("Old and done", {{"likely_days", 4.0}, {"due", day("2026-11-01")}, {"status", "done"s}});
  task("Undated", {{"likely_days", 20.0}, {"status", "in_progress"s}});
  task("Unestimated", {{"due", day("2026-11-30")}});
  // Total buffered work: 8 + 1 + 4 + 20 = 33 days.

  HealthReport r = health();
  CHECK(r.health == Health::at_risk);
  REQUIRE(r.reasons.size() == 1);
  CHECK(r.reasons[0] == "1 task past due and not done: \u201c" "Clean data\u201d (1.0 of 33.0 buffered days, 3 %)");

  set(late, "likely_days", 8.0);  // 8 of 40: exactly 20 %
  r = health();
  CHECK(r.health == Health::off_track);
  CHECK(r.reasons[0] == "1 task past due and not done: \u201c" "Clean data\u201d (8.0 of 40.0 buffered days, 20 %)");

  set(late, "likely_days", 7.9);  // 7.9 of 39.9: 19.8 %, shown rounded down
  r = health();
  CHECK(r.health == Health::at_risk);
  CHECK(r.reasons[0] == "1 task past due and not done: \u201c" "Clean data\u201d (7.9 of 39.9 buffered days, 19 %)");

  // The buffer counts: 6 x 1.5 = 9 of 41.
  set(late, "likely_days", 6.0);
  set(late, "stage", "labelling"s);
  r = health();
  CHECK(r.health == Health::off_track);
  CHECK(r.reasons[0] == "1 task past due and not done: \u201c" "Clean data\u201d (9.0 of 41.0 buffered days, 21 %)");
}

TEST_CASE_FIXTURE(HealthFixture, "health: overdue tasks without estimates; long lists are shortened") {
  task("E", {{"due", day("2026-11-25")}});
  HealthReport r = health();
  CHECK(r.health == Health::at_risk);
  CHECK(r.reasons[0] == "1 task past due and not done: \u201c" "E\u201d");  // no estimated work: no share

  task("D", {{"due", day("2026-11-24")}});
  task("C", {{"due", day("2026-11-20")}, {"status", "blocked"s}});
  task("B", {{"due", day("2026-11-20")}});
  task("A", {{"due", day("2026-11-01")}});
  r = health();
  CHECK(r.health == Health::at_risk);
  CHECK(r.reasons[0] ==
        "5 tasks past due and not done: \u201c" "A\u201d, \u201c" "B\u201d, \u201c" "C\u201d and 2 more");
}

TEST_CASE_FIXTURE(HealthFixture, "health: the worst rule wins and its reasons come first") {
  make("risk", project, {{"title", "Label bias"s}, {"likelihood", std::int64_t{5}}, {"impact", std::int64_t{5}}});
  task("Clean data", {{"likely_days", 5.0}, {"due", day("2026-11-25")}});
  HealthReport r = health();
  CHECK(r.health == Health::off_track);  // 5 of 5 days overdue
  REQUIRE(r.reasons.size() == 2);
  CHECK(r.reasons[0] == "1 task past due and not done: \u201c" "Clean data\u201d (5.0 of 5.0 buffered days, 100 %)");
  CHECK(r.reasons[1] == "Risk \u201cLabel bias\u201d is critical (score 25)");

  make("gate", project, {{"name", "Data feasibility"s}, {"due", day("2026-11-20")}});
  const Id t = task("Train baseline");
  blocker(t, "GPU quota", day("2026-11-01"));
  r = health();
  CHECK(r.health == Health::off_track);
  REQUIRE(r.reasons.size() == 4);
  CHECK(r.reasons[0] == "Gate \u201c" "Data feasibility\u201d passed its date (2026-11-20) without a decision");
  CHECK(r.reasons[1] == "1 task past due and not done: \u201c" "Clean data\u201d (5.0 of 5.0 buffered days, 100 %)");
  CHECK(r.reasons[2] == "Blocker \u201cGPU quota\u201d on \u201cTrain baseline\u201d unresolved for 25 days");
  CHECK(r.reasons[3] == "Risk \u201cLabel bias\u201d is critical (score 25)");

  // Another project's problems are not this project's.
  CHECK(project_health(ws, make("project", {}, {{"name", "Other"s}}), today).health == Health::on_track);
}
