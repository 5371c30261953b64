// Over-allocation per person and week (core/allocation.h).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/allocation.h"
#include "core/commands.h"
#include "core/timeline_input.h"
#include "core/timeline_overload.h"

using namespace cairn;

namespace {

Date day(const char* iso) { return parse_date(iso).value(); }
Id id_of(int name) { return Id{0xA110, static_cast<std::uint64_t>(name)}; }

const Date kMonday = day("2026-11-02");

struct Fixture {
  Workspace ws;
  const Id project = id_of(100);
  const Id ana = id_of(1), tom = id_of(2);

  Fixture() {
    run({CreateItem{"project", project, {}, {{"name", std::string("Churn")}}},
         CreateItem{"person", ana, project, {{"name", std::string("Ana")}, {"capacity_days_per_week", 5.0}}},
         CreateItem{"person", tom, project, {{"name", std::string("Tom")}, {"capacity_days_per_week", 4.0}}}});
  }
  void run(std::vector<Operation> ops) {
    const ApplyResult r = apply(ws, Command{std::move(ops), {}, {}, "test"});
    REQUIRE_MESSAGE(r.ok, r.error);
  }
  void task(int n, double days, Id who, int order = 0) {
    run({CreateItem{"task", id_of(n), project,
                    {{"title", "T" + std::to_string(n)}, {"likely_days", days}, {"assignee", who},
                     {"order", double(order ? order : n)}}}});
  }
  std::vector<WeekLoad> over(int first_weekday = 0) const {
    const ProjectPlan plan = schedule_input_from(ws, project, CalendarOptions{kMonday, {}});
    return over_allocated_weeks(ws, plan, compute_schedule(plan.input), first_weekday);
  }
};

}  // namespace

TEST_CASE("two parallel tasks of one person over-allocate the week they share") {
  Fixture fx;
  fx.task(10, 5, fx.ana);
  CHECK(fx.over().empty());  // 5 days of work in a 5-day week
  fx.task(11, 3, fx.ana);    // in parallel (no dependency): Mon-Wed
  const std::vector<WeekLoad> over = fx.over();
  REQUIRE(over.size() == 1);
  CHECK(over[0].person == fx.ana);
  CHECK(over[0].week == kMonday);
  CHECK(over[0].assigned_days == doctest::Approx(8));
  CHECK(over[0].capacity_days == doctest::Approx(5));
  CHECK(over[0].tasks == std::vector<Id>{id_of(10), id_of(11)});
  // Chained, the same work fits: 5 days this week, 3 the next.
  fx.run({CreateItem{"dependency", id_of(50), id_of(11), {{"predecessor", id_of(10)}}}});
  CHECK(fx.over().empty());
}

TEST_CASE("capacity is per person, scaled by the working days of the week") {
  Fixture fx;
  fx.task(10, 5, fx.tom);  // Tom works 4 days a week
  std::vector<WeekLoad> over = fx.over();
  REQUIRE(over.size() == 1);
  CHECK(over[0].assigned_days == doctest::Approx(5));
  CHECK(over[0].capacity_days == doctest::Approx(4));
  // A holiday on Wednesday: Tom's task now ends on Monday the 9th (4 days
  // this week, 1 the next), and this week's capacity is 4 x 4/5.
  fx.run({SetField{fx.project, "holidays", StringList{"2026-11-04"}}});
  over = fx.over();
  REQUIRE(over.size() == 1);
  CHECK(over[0].week == kMonday);
  CHECK(over[0].assigned_days == doctest::Approx(4));
  CHECK(over[0].capacity_days == doctest::Approx(3.2));
}

TEST_CASE("fractional days count by their fraction; done and unassigned tasks count for nobody") {
  Fixture fx;
  fx.task(10, 2.5, fx.ana);
  fx.task(11, 2.5, fx.ana);
  CHECK(fx.over().empty());  // 5 of 5
  fx.task(12, 0.5, fx.ana);
  std::vector<WeekLoad> over = fx.over();
  REQUIRE(over.size() == 1);
  CHECK(over[0].assigned_days == doctest::Approx(5.5));
  fx.run({SetField{id_of(12), "status", std::string("done")}});
  CHECK(fx.over().empty());
  fx.task(13, 4, Id{});
  CHECK(fx.over().empty());
}

TEST_CASE("over by less than a twentieth of a day does not count (it would read 5.0 d of 5.0 d)") {
  Fixture fx;
  fx.task(10, 5, fx.ana);
  fx.task(11, 0.04, fx.ana);  // in parallel: 5.04 days in a 5-day week
  CHECK(fx.over().empty());
  fx.task(12, 0.02, fx.ana);  // 5.06
  REQUIRE(fx.over().size() == 1);
  CHECK(fx.over()[0].assigned_days == doctest::Approx(5.06));
}

TEST_CASE("weeks follow the week-start preference") {
  Fixture fx;
  fx.task(10, 5, fx.tom);
  REQUIRE(fx.over(6).size() == 1);
  CHECK(fx.over(6)[0].week == day("2026-11-01"));  // weeks starting on Sunday
  // Work from Thursday to Wednesday spans two Monday weeks but one Thursday week.
  Fixture g;
  g.run({CreateItem{"task", id_of(20), g.project,
                    {{"title", std::string("Late start")}, {"likely_days", 5.0}, {"assignee", g.tom},
                     {"start", day("2026-11-05")}}}});
  CHECK(g.over(0).empty());  // 2 days + 3 days, each under 4
  const std::vector<WeekLoad> thursday_weeks = g.over(3);
  REQUIRE(thursday_weeks.size() == 1);
  CHECK(thursday_weeks[0].week == day("2026-11-05"));
  CHECK(thursday_weeks[0].assigned_days == doctest::Approx(5));
}

TEST_CASE("over-allocated weeks are marked on their person's assignee lane, and nowhere else") {
  Fixture fx;
  fx.task(10, 5, fx.ana);
  fx.task(11, 3, fx.ana);  // parallel with T10: Ana's first week is over
  fx.task(12, 2, fx.tom);  // Tom fits
  fx.task(13, 8, fx.tom);  // ... until this one runs beside T12 (10 d of work on 4 d a week)
  const std::vector<WeekLoad> loads = fx.over();
  REQUIRE(loads.size() >= 2);
  const ProjectPlan plan = schedule_input_from(fx.ws, fx.project, CalendarOptions{kMonday, {}});
  const Schedule schedule = compute_schedule(plan.input);
  const std::vector<TimelineTask> tasks = timeline_tasks_from(fx.ws, fx.project);
  const std::vector<Id> people{fx.ana, fx.tom};

  const TimelineLayout lanes = layout_timeline(tasks, schedule, TimelineGrouping::assignee, people);
  const std::vector<OverloadMark> marks = overload_marks(lanes, loads);
  REQUIRE(marks.size() == loads.size());
  for (const OverloadMark& m : marks) {
    const WeekLoad& load = loads[m.load];
    const auto lane = std::find_if(lanes.lanes.begin(), lanes.lanes.end(),
                                   [&](const TimelineLane& l) { return l.person == load.person; });
    REQUIRE(lane != lanes.lanes.end());
    CHECK(m.first_row == lane->header_row);
    CHECK(m.end_row == lane->first_row + lane->rows);
    CHECK(m.first_day == load.week.days);
    CHECK(m.end_day == load.week.days + 7);
  }
  CHECK(loads[marks.front().load].person == fx.ana);  // lanes in the order given

  // Rows by project order or by stage have no person lanes.
  CHECK(overload_marks(layout_timeline(tasks, schedule, TimelineGrouping::order, people), loads).empty());
  CHECK(overload_marks(layout_timeline(tasks, schedule, TimelineGrouping::stage, people), loads).empty());
  CHECK(overload_marks(lanes, {}).empty());
}
