#include <doctest/doctest.h>

#include <algorithm>

#include "core/commands.h"
#include "core/risks.h"

using namespace cairn;
using namespace std::string_literals;

namespace {

Date day(const char* iso) { return parse_date(iso).value(); }

Risk risk_of(std::int64_t likelihood, std::int64_t impact) {
  Risk r;
  r.likelihood = likelihood;
  r.impact = impact;
  return r;
}

struct RiskFixture {
  Workspace ws;
  IdSource ids{31};
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
  Id risk(const char* title, const char* category, std::optional<Date> next_review, const char* status = "open") {
    return make("risk", project,
                {{"title", std::string(title)},
                 {"category", std::string(category)},
                 {"status", std::string(status)},
                 {"next_review", next_review ? Value{*next_review} : Value{Null{}}}});
  }
  void run(const Command& c) {
    const ApplyResult r = apply(ws, c);
    REQUIRE_MESSAGE(r.ok, r.error);
  }
  std::vector<const Task*> review_tasks_of(Id r) const {
    std::vector<const Task*> out;
    for (const auto& [id, t] : ws.all<Task>())
      if (std::find(t.tags.begin(), t.tags.end(), review_tag(r)) != t.tags.end()) out.push_back(&t);
    return out;
  }
};

}  // namespace

TEST_CASE("risks: score is likelihood times impact, in four bands") {
  CHECK(risk_score(risk_of(1, 1)) == 1);
  CHECK(risk_score(risk_of(4, 5)) == 20);
  CHECK(risk_level(risk_of(1, 4)) == RiskLevel::low);       // 4
  CHECK(risk_level(risk_of(2, 2)) == RiskLevel::low);       // 4
  CHECK(risk_level(risk_of(1, 5)) == RiskLevel::medium);    // 5
  CHECK(risk_level(risk_of(3, 3)) == RiskLevel::medium);    // 9
  CHECK(risk_level(risk_of(2, 5)) == RiskLevel::high);      // 10
  CHECK(risk_level(risk_of(3, 4)) == RiskLevel::high);      // 12
  CHECK(risk_level(risk_of(3, 5)) == RiskLevel::critical);  // 15
  CHECK(risk_level(risk_of(4, 4)) == RiskLevel::critical);  // 16
  CHECK(risk_level(risk_of(5, 5)) == RiskLevel::critical);  // 25
  CHECK(risk_level(Risk{}) == RiskLevel::medium);           // the defaults, 3 x 3
  CHECK(std::string(risk_level_name(RiskLevel::low)) == "Low");
  CHECK(std::string(risk_level_name(RiskLevel::critical)) == "Critical");
}

TEST_CASE("risks: a review is overdue after its date, unless the risk is closed") {
  const Date today = day("2026-11-26");
  Risk r;
  CHECK_FALSE(review_overdue(r, today));  // never scheduled
  r.next_review = day("2026-11-26");
  CHECK_FALSE(review_overdue(r, today));  // due today is not overdue
  r.next_review = day("2026-11-25");
  CHECK(review_overdue(r, today));
  r.status = RiskStatus::mitigating;
  CHECK(review_overdue(r, today));
  r.status = RiskStatus::accepted;
  CHECK(review_overdue(r, today));
  r.status = RiskStatus::closed;
  CHECK_FALSE(review_overdue(r, today));
}

TEST_CASE_FIXTURE(RiskFixture, "risks: recurring reviews create one task per due risk, and only once") {
  const Id bias = risk("Label bias", "bias_fairness", day("2026-11-29"));         // in 3 days
  const Id drift = risk("Drift", "model_drift", day("2026-11-16"), "mitigating");  // 10 days overdue
  const Id edge = risk("Edge of window", "cost", day("2026-12-03"));               // exactly today + 7
  risk("Later", "cost", day("2026-12-04"));                                        // today + 8
  risk("Closed", "privacy_compliance", day("2026-11-20"), "closed");
  risk("Unscheduled", "schedule", std::nullopt);
  const Id other = make("project", {}, {{"name", "Other"s}});
  make("risk", other, {{"title", "Elsewhere"s}, {"next_review", day("2026-11-20")}});

  const Command cmd = recurring_review_tasks(ws, project, today, ids);
  CHECK(cmd.label == "Create risk review tasks");
  CHECK(cmd.ops.size() == 6);  // a task and a date for each of three risks
  run(cmd);
  CHECK(ws.all<Task>().size() == 3);

  REQUIRE(review_tasks_of(bias).size() == 1);
  const Task& t = *review_tasks_of(bias).front();
  CHECK(t.title == "Review risk: Label bias");
  CHECK(t.parent == project);
  CHECK(t.stage == Stage::evaluation);
  CHECK(t.status == TaskStatus::todo);
  CHECK(t.due == day("2026-11-29"));
  CHECK(t.tags == StringList{"risk-review", "risk:" + bias.to_string()});
  CHECK(ws.find<Risk>(bias)->next_review == day("2026-12-27"));  // + 28

  REQUIRE(review_tasks_of(drift).size() == 1);
  CHECK(review_tasks_of(drift).front()->stage == Stage::other);
  CHECK(review_tasks_of(drift).front()->due == day("2026-11-16"));
  CHECK(ws.find<Risk>(drift)->next_review == day("2026-12-14"));
  CHECK(review_tasks_of(edge).size() == 1);

  // Idempotent: nothing new right after.
  const Command again = recurring_review_tasks(ws, project, today, ids);
  CHECK(again.ops.empty());
  CHECK(again.label == "Create risk review tasks");
}

TEST_CASE_FIXTURE(RiskFixture, "risks: an open review task holds back the next one; a done one does not") {
  const Id r = risk("Label bias", "bias_fairness", day("2026-11-26"));
  Command set;
  set.ops.push_back(SetField{r, "review_every_days", std::int64_t{5}});
  run(set);
  run(recurring_review_tasks(ws, project, today, ids));
  CHECK(ws.find<Risk>(r)->next_review == day("2026-12-01"));  // within the 7-day window again

  // The next review is due, but the first task is still open: nothing.
  CHECK(recurring_review_tasks(ws, project, today, ids).ops.empty());

  Command done;
  done.ops.push_back(SetField{review_tasks_of(r).front()->id, "status", "done"s});
  run(done);
  const Command next = recurring_review_tasks(ws, project, today, ids);
  CHECK(next.ops.size() == 2);
  run(next);
  const auto tasks = review_tasks_of(r);
  REQUIRE(tasks.size() == 2);
  CHECK(std::count_if(tasks.begin(), tasks.end(), [](const Task* t) { return t->status == TaskStatus::todo; }) == 1);
  CHECK(ws.find<Risk>(r)->next_review == day("2026-12-06"));
}

TEST_CASE_FIXTURE(RiskFixture, "risks: a review long overdue moves to the first date after today on its rhythm") {
  const Id r = risk("Stale", "data_quality", day("2026-09-27"));  // 60 days ago, every 28
  run(recurring_review_tasks(ws, project, today, ids));
  CHECK(ws.find<Risk>(r)->next_review == day("2026-12-20"));  // 2026-09-27 + 3 x 28
  CHECK(review_tasks_of(r).front()->due == day("2026-09-27"));

  const Id t = risk("Due today", "other", today);
  run(recurring_review_tasks(ws, project, today, ids));
  CHECK(ws.find<Risk>(t)->next_review == day("2026-12-24"));
}

TEST_CASE_FIXTURE(RiskFixture, "risks: nothing due gives an empty command") {
  risk("Later", "cost", day("2027-01-10"));
  CHECK(recurring_review_tasks(ws, project, today, ids).ops.empty());
  CHECK(recurring_review_tasks(ws, ids.next(), today, ids).ops.empty());
}
