// Per-gate forecasts (core/gate_forecast.h) and project holidays in the
// schedule input (core/schedule_input.h).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/commands.h"
#include "core/gate_forecast.h"
#include "core/schedule.h"

using namespace cairn;

namespace {

Date day(const char* iso) { return parse_date(iso).value(); }
Id id_of(int name) { return Id{0x6A7E, static_cast<std::uint64_t>(name)}; }

// Monday 2026-11-02 is working day 0 (weekends off).
const Date kToday = day("2026-11-02");

// A(1) then the milestone M(2, 0 days) then B(3); gate G(10) waits for M.
struct Fixture {
  Workspace ws;
  const Id project = id_of(100);

  Fixture() {
    run({CreateItem{"project", project, {}, {{"name", std::string("Churn")}}}});
    task(1, "A", 4, 5, 10);
    task(2, "M", 0, 0, 0);
    task(3, "B", 2, 2, 2);
    depends(20, 2, 1);
    depends(21, 3, 2);
    run({CreateItem{"gate", id_of(10), project,
                    {{"name", std::string("Data go/no-go")}, {"due", day("2026-11-09")}, {"milestone", id_of(2)}}}});
  }

  void run(std::vector<Operation> ops) {
    const ApplyResult r = apply(ws, Command{std::move(ops), {}, {}, "test"});
    REQUIRE_MESSAGE(r.ok, r.error);
  }
  void task(int n, const char* title, double o, double m, double p) {
    run({CreateItem{"task", id_of(n), project,
                    {{"title", std::string(title)}, {"optimistic_days", o}, {"likely_days", m},
                     {"pessimistic_days", p}, {"order", double(n)}}}});
  }
  void depends(int n, int successor, int predecessor) {
    run({CreateItem{"dependency", id_of(n), id_of(successor), {{"predecessor", id_of(predecessor)}}}});
  }
  ProjectPlan plan() const { return schedule_input_from(ws, project, CalendarOptions{kToday, {}}); }
};

MonteCarloForecast run_forecast(const ProjectPlan& plan, std::size_t runs, std::uint64_t seed = 1) {
  MonteCarloForecast f(forecast_input_from(plan, DurationDistribution::pert_beta, seed));
  f.run(runs);
  return f;
}

}  // namespace

TEST_CASE("a gate forecasts the finish of the task it waits for") {
  Fixture fx;
  const ProjectPlan plan = fx.plan();
  REQUIRE(plan.gate_milestones.size() == 1);
  const MonteCarloForecast forecast = run_forecast(plan, 4000);
  const std::vector<GateForecast> gates = gate_forecasts(fx.ws, plan, forecast);
  REQUIRE(gates.size() == 1);
  const GateForecast& g = gates[0];
  CHECK(g.gate == id_of(10));
  CHECK(g.task == id_of(2));
  // M finishes with A: 4 to 10 days (PERT mean 5.67), so never before Thursday
  // 5 Nov (day 3) and never after Friday 13 Nov (day 9).
  CHECK(g.finish.p50 <= g.finish.p80);
  CHECK(g.finish.p80 <= g.finish.p95);
  CHECK(g.finish.p50 >= day("2026-11-05"));
  CHECK(g.finish.p95 <= day("2026-11-13"));
  // The gate's due date (Mon 9 Nov = 6 working days) is met in some runs, not all.
  REQUIRE(g.chance_by_due.has_value());
  CHECK(*g.chance_by_due > 0.2);
  CHECK(*g.chance_by_due < 0.95);
  // It agrees with counting the runs directly, and is below the project's (which includes B).
  CHECK(*g.chance_by_due == doctest::Approx(forecast.milestone_probability_by(plan.gate_milestones[0].milestone,
                                                                               day("2026-11-09"))));
  CHECK(forecast.probability_by(day("2026-11-09")) < *g.chance_by_due);
}

TEST_CASE("gate forecasts: certain when nothing is uncertain, and none without a task in the plan") {
  Fixture fx;
  fx.run({SetField{id_of(1), "optimistic_days", 5.0}, SetField{id_of(1), "pessimistic_days", 5.0}});
  {
    const ProjectPlan plan = fx.plan();
    const std::vector<GateForecast> gates = gate_forecasts(fx.ws, plan, run_forecast(plan, 100));
    REQUIRE(gates.size() == 1);
    CHECK(gates[0].finish.p50 == day("2026-11-06"));  // A takes Mon 2 - Fri 6
    CHECK(gates[0].finish.p95 == day("2026-11-06"));
    CHECK(*gates[0].chance_by_due == 1.0);
  }
  fx.run({SetField{id_of(10), "due", day("2026-11-05")}});
  {
    const ProjectPlan plan = fx.plan();
    CHECK(*gate_forecasts(fx.ws, plan, run_forecast(plan, 100))[0].chance_by_due == 0.0);
  }
  // Two gates on one task share its milestone; a gate on a task of another
  // project, or on nothing, has no forecast.
  fx.run({CreateItem{"gate", id_of(11), fx.project, {{"name", std::string("Second")}, {"milestone", id_of(2)}}},
          CreateItem{"gate", id_of(12), fx.project, {{"name", std::string("Unlinked")}}},
          CreateItem{"project", id_of(200), {}, {{"name", std::string("Other")}}},
          CreateItem{"task", id_of(201), id_of(200), {{"title", std::string("Elsewhere")}, {"likely_days", 1.0}}},
          CreateItem{"gate", id_of(13), fx.project, {{"name", std::string("Foreign")}, {"milestone", id_of(201)}}}});
  const ProjectPlan plan = fx.plan();
  REQUIRE(plan.gate_milestones.size() == 2);
  CHECK(plan.gate_milestones[0].milestone == plan.gate_milestones[1].milestone);
  CHECK(std::count(plan.milestones.begin(), plan.milestones.end(), id_of(2)) == 1);
  const std::vector<GateForecast> gates = gate_forecasts(fx.ws, plan, run_forecast(plan, 100));
  REQUIRE(gates.size() == 2);
  CHECK_FALSE(gates[1].chance_by_due.has_value());  // "Second" has no due date
  // Before any run there is nothing to say.
  CHECK(gate_forecasts(fx.ws, plan, run_forecast(plan, 0)).empty());
}

TEST_CASE("a gate waiting for a task with a real duration forecasts that task's finish") {
  Fixture fx;
  fx.run({SetField{id_of(10), "milestone", id_of(3)}});  // B: 2 days after M
  fx.run({SetField{id_of(1), "optimistic_days", 5.0}, SetField{id_of(1), "pessimistic_days", 5.0}});
  const ProjectPlan plan = fx.plan();
  const std::vector<GateForecast> gates = gate_forecasts(fx.ws, plan, run_forecast(plan, 50));
  REQUIRE(gates.size() == 1);
  CHECK(gates[0].finish.p80 == day("2026-11-10"));  // B: Mon 9 - Tue 10
}

TEST_CASE("project holidays are not worked: the schedule moves past them") {
  Fixture fx;
  fx.run({SetField{id_of(1), "optimistic_days", 5.0}, SetField{id_of(1), "pessimistic_days", 5.0}});
  const auto finish_of_b = [&] {
    const ProjectPlan plan = fx.plan();
    const Schedule s = compute_schedule(plan.input);
    return s.finish_date;
  };
  const Date before = finish_of_b();
  CHECK(before == day("2026-11-10"));
  fx.run({SetField{fx.project, "holidays", StringList{"2026-11-04", "2026-11-07", "2026-11-04"}}});
  // Wednesday the 4th is off (Saturday the 7th was anyway): one working day later.
  CHECK(finish_of_b() == day("2026-11-11"));
  const Project* p = fx.ws.find<Project>(fx.project);
  CHECK(p->holidays == StringList{"2026-11-04", "2026-11-07"});  // sorted, without duplicates
  // A wrong date is refused and changes nothing.
  const ApplyResult bad = apply(fx.ws, Command{{SetField{fx.project, "holidays", StringList{"2026-11-31"}}}, {}, {}, "t"});
  CHECK_FALSE(bad.ok);
  CHECK(bad.error.find("YYYY-MM-DD") != std::string::npos);
  CHECK(fx.ws.find<Project>(fx.project)->holidays.size() == 2);
}
