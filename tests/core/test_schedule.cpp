#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>

#include "core/commands.h"
#include "core/schedule.h"
#include "core/schedule_input.h"
#include "core/work_calendar.h"

using namespace cairn;

namespace {

Date day(const char* iso) { return parse_date(iso).value(); }
std::string iso(Date d) { return format_date(d); }

// Activities named by a letter (or any number), so tables read like the textbooks.
Id id_of(int name) { return Id{0x5C4ED, static_cast<std::uint64_t>(name)}; }

struct Network {
  ScheduleInput in;
  Network() { in.project_start = day("2026-01-05"); }  // a Monday
  Network& task(int name, double days, std::optional<Date> pinned = std::nullopt) {
    in.tasks.push_back({id_of(name), days, pinned});
    return *this;
  }
  Network& after(int successor, int predecessor, DependencyType type = DependencyType::finish_to_start,
                 double lag = 0) {
    in.dependencies.push_back({id_of(predecessor), id_of(successor), type, lag});
    return *this;
  }
  Network& after(int successor, std::initializer_list<int> predecessors) {
    for (const int p : predecessors) after(successor, p);
    return *this;
  }
};

const TaskSchedule& at(const Schedule& s, int name) {
  const TaskSchedule* t = s.find(id_of(name));
  REQUIRE(t != nullptr);
  return *t;
}

// ES, EF, LS, LF of one activity.
void check_times(const Schedule& s, int name, double es, double ef, double ls, double lf) {
  CAPTURE(static_cast<char>(name));
  const TaskSchedule& t = at(s, name);
  CHECK(t.early_start == es);
  CHECK(t.early_finish == ef);
  CHECK(t.late_start == ls);
  CHECK(t.late_finish == lf);
  CHECK(t.total_slack == ls - es);
  CHECK(t.critical == (ls == es));
}

std::vector<int> names(const Schedule& s, const std::vector<std::size_t>& indexes) {
  std::vector<int> out;
  for (const std::size_t i : indexes) out.push_back(static_cast<int>(s.tasks[i].id.lo));
  return out;
}

using Names = std::vector<int>;

}  // namespace

// Heizer & Render, "Operations Management", chapter 3 (Project Management),
// the Milwaukee Paper Manufacturing air-filtration project, Examples 4-7:
// durations in weeks, published ES/EF/LS/LF and slack (B 1, D 1, F 6, the
// rest 0), critical path A-C-E-G-H, 15 weeks.
TEST_CASE("schedule: Heizer & Render's Milwaukee Paper example") {
  Network n;
  n.task('A', 2).task('B', 3).task('C', 2).task('D', 4).task('E', 4).task('F', 3).task('G', 5).task('H', 2);
  n.after('C', {'A'}).after('D', {'A', 'B'}).after('E', {'C'}).after('F', {'C'}).after('G', {'D', 'E'});
  n.after('H', {'F', 'G'});
  const Schedule s = compute_schedule(n.in);
  CHECK(s.problems.empty());
  CHECK(s.duration_days == 15);
  check_times(s, 'A', 0, 2, 0, 2);
  check_times(s, 'B', 0, 3, 1, 4);
  check_times(s, 'C', 2, 4, 2, 4);
  check_times(s, 'D', 3, 7, 4, 8);
  check_times(s, 'E', 4, 8, 4, 8);
  check_times(s, 'F', 4, 7, 10, 13);
  check_times(s, 'G', 8, 13, 8, 13);
  check_times(s, 'H', 13, 15, 13, 15);
  CHECK(names(s, s.critical_tasks) == Names{'A', 'C', 'E', 'G', 'H'});
  CHECK(names(s, s.critical_chain) == Names{'A', 'C', 'E', 'G', 'H'});
  // Free slack by its definition (the book lists total slack only): B
  // cannot slip without delaying D, D can slip 1 week before G, F 6 before H.
  CHECK(at(s, 'B').free_slack == 0);
  CHECK(at(s, 'D').free_slack == 1);
  CHECK(at(s, 'F').free_slack == 6);
  CHECK(at(s, 'E').free_slack == 0);
}

// After Hendrickson, "Project Management for Construction", chapter 10, the
// nine-activity project (site clearing ... pouring concrete): 30 days,
// critical path A-C-F-I; earliest/latest starts A 0/0, B 0/9, C 4/4,
// D 4/15, E 12/13, F 12/12, G 21/22, H 21/25, I 24/24. The figures were
// re-derived by hand from the durations and links below (the book's table
// was not at hand to compare against).
TEST_CASE("schedule: Hendrickson's nine-activity project") {
  Network n;
  n.task('A', 4).task('B', 3).task('C', 8).task('D', 7).task('E', 9).task('F', 12).task('G', 2).task('H', 5).task('I', 6);
  n.after('C', {'A'}).after('D', {'A'}).after('E', {'B', 'C'}).after('F', {'B', 'C'});
  n.after('G', {'D', 'E'}).after('H', {'D', 'E'}).after('I', {'F', 'G'});
  const Schedule s = compute_schedule(n.in);
  CHECK(s.duration_days == 30);
  const std::map<int, std::pair<double, double>> starts = {{'A', {0, 0}},   {'B', {0, 9}},   {'C', {4, 4}},
                                                           {'D', {4, 15}},  {'E', {12, 13}}, {'F', {12, 12}},
                                                           {'G', {21, 22}}, {'H', {21, 25}}, {'I', {24, 24}}};
  for (const auto& entry : starts) {
    const char name = static_cast<char>(entry.first);  // not a structured binding: CAPTURE makes a lambda
    CAPTURE(name);
    CHECK(at(s, name).early_start == entry.second.first);
    CHECK(at(s, name).late_start == entry.second.second);
  }
  CHECK(names(s, s.critical_chain) == Names{'A', 'C', 'F', 'I'});
  CHECK(names(s, s.critical_tasks) == Names{'A', 'C', 'F', 'I'});
}

// Worked by hand (precedence diagramming rules as in PMBOK's "leads and lags"):
//   A 5d.  B 4d, SS A +2: starts 2, ends 6.  C 3d, FF B +1: ends 7, starts 4.
//   D 2d, SF A +3: ends 3 (A's start + 3), starts 1.
//   E 2d, FS C, FS D -1 (a lead): max(7, 3 - 1) = 7, ends 9. Project 9.
// Backward: E 7..9; D must end by E's late start + 1 = 8; C by 7; B by C's
// late finish - 1 = 6 (FF); A must start by B's late start - 2 = 0 (SS),
// and by D's late finish - 3 = 5 (SF): A 0..5.
TEST_CASE("schedule: start-to-start, finish-to-finish and start-to-finish links with lags and a lead") {
  Network n;
  n.task('A', 5).task('B', 4).task('C', 3).task('D', 2).task('E', 2);
  n.after('B', 'A', DependencyType::start_to_start, 2);
  n.after('C', 'B', DependencyType::finish_to_finish, 1);
  n.after('D', 'A', DependencyType::start_to_finish, 3);
  n.after('E', 'C');
  n.after('E', 'D', DependencyType::finish_to_start, -1);
  const Schedule s = compute_schedule(n.in);
  CHECK(s.problems.empty());
  CHECK(s.duration_days == 9);
  check_times(s, 'A', 0, 5, 0, 5);
  check_times(s, 'B', 2, 6, 2, 6);
  check_times(s, 'C', 4, 7, 4, 7);
  check_times(s, 'D', 1, 3, 6, 8);
  check_times(s, 'E', 7, 9, 7, 9);
  CHECK(names(s, s.critical_chain) == Names{'A', 'B', 'C', 'E'});
  CHECK(at(s, 'A').free_slack == 0);  // B starts exactly 2 days after A
  CHECK(at(s, 'D').free_slack == 5);  // E could wait for D until 7 + (-1) - 3 = ... 5 days later
  CHECK(at(s, 'C').free_slack == 0);
}

TEST_CASE("schedule: leads never start a task before the project, and fractions of days are kept") {
  Network n;
  n.task('X', 3).task('Y', 2).task('Z', 1).task('W', 10);
  n.after('Y', 'X', DependencyType::start_to_start, -2);      // would start at -2
  n.after('Z', 'X', DependencyType::finish_to_start, -1.5);   // overlaps X's last day and a half
  n.after('W', 'X', DependencyType::finish_to_finish, 0);     // would start at 3 - 10
  const Schedule s = compute_schedule(n.in);
  CHECK(at(s, 'Y').early_start == 0);
  CHECK(at(s, 'Z').early_start == 1.5);
  CHECK(at(s, 'Z').early_finish == 2.5);
  CHECK(at(s, 'W').early_start == 0);
  CHECK(s.duration_days == 10);
  CHECK(names(s, s.critical_chain) == Names{'W'});
  // X may slip: W only needs X done by its own finish, 10.
  CHECK(at(s, 'X').total_slack == 7);

  // A thousandth of a day is the resolution: 1/3 day is 0.333.
  Network thirds;
  thirds.task(1, 1.0 / 3).task(2, 1.0 / 3).task(3, 1.0 / 3).after(2, 1).after(3, 2);
  const Schedule t = compute_schedule(thirds.in);
  CHECK(t.duration_days == doctest::Approx(0.999).epsilon(1e-12));
  CHECK(t.critical_tasks.size() == 3);
}

TEST_CASE("working days: weekends and holidays are skipped both ways") {
  // 2026-01-01 is a Thursday; 2026-01-05 a Monday; 2026-01-19 a holiday Monday.
  WorkCalendar calendar;
  calendar.holidays = {day("2026-01-19"), day("2026-01-01"), day("2026-01-10"), day("2026-01-19")};  // dup, Sat
  const WorkingDays days(day("2026-01-03"), calendar);  // a Saturday
  CHECK(iso(days.origin()) == "2026-01-05");
  CHECK(iso(days.date_at(4)) == "2026-01-09");   // Friday
  CHECK(iso(days.date_at(5)) == "2026-01-12");   // over the weekend
  CHECK(iso(days.date_at(10)) == "2026-01-20");  // over the weekend and the holiday
  CHECK(iso(days.date_at(-1)) == "2026-01-02");  // Friday before; the 1st is a holiday
  CHECK(iso(days.date_at(-2)) == "2025-12-31");
  CHECK(days.index_of(day("2026-01-10")) == 5);  // Saturday: the next Monday
  CHECK(days.index_of(day("2026-01-19")) == 10); // the holiday: the next working day
  CHECK(days.index_of(day("2026-01-20")) == 10);
  CHECK(days.index_of(day("2026-01-02")) == -1);
  CHECK(days.working_days_through(day("2026-01-09")) == 5);
  CHECK(days.working_days_through(day("2026-01-11")) == 5);
  CHECK(days.working_days_through(day("2026-01-04")) == 0);
  CHECK_FALSE(days.is_working(day("2026-01-19")));
  CHECK_FALSE(days.is_working(day("2026-01-10")));
  CHECK(days.is_working(day("2026-01-16")));
  for (std::int64_t i = -300; i < 300; ++i) {  // date_at and index_of are inverses on working days
    const Date d = days.date_at(i);
    CHECK(days.is_working(d));
    CHECK(days.index_of(d) == i);
  }

  WorkCalendar every_day;
  every_day.skip_weekends = false;
  every_day.holidays = {day("2026-01-04")};
  const WorkingDays all(day("2026-01-03"), every_day);
  CHECK(iso(all.date_at(1)) == "2026-01-05");
  CHECK(all.is_working(day("2026-01-10")));
}

TEST_CASE("schedule: dates follow the working calendar; a milestone sits on its predecessor's last day") {
  Network n;
  n.in.project_start = day("2026-01-02");  // Friday
  n.in.calendar.holidays = {day("2026-01-05")};
  n.task('A', 3).task('M', 0).task('B', 1.5).task('C', 1);
  n.after('M', 'A').after('B', 'M').after('C', 'B');
  const Schedule s = compute_schedule(n.in);
  CHECK(iso(s.start_date) == "2026-01-02");
  // A: Friday, (Monday is a holiday) Tuesday, Wednesday.
  CHECK(iso(at(s, 'A').early_start_date) == "2026-01-02");
  CHECK(iso(at(s, 'A').early_finish_date) == "2026-01-07");
  CHECK(iso(at(s, 'M').early_start_date) == "2026-01-07");
  CHECK(iso(at(s, 'M').early_finish_date) == "2026-01-07");
  // B: 3 .. 4.5, Thursday and the morning of Friday; C: 4.5 .. 5.5 ends Monday.
  CHECK(iso(at(s, 'B').early_start_date) == "2026-01-08");
  CHECK(iso(at(s, 'B').early_finish_date) == "2026-01-09");
  CHECK(iso(at(s, 'C').early_start_date) == "2026-01-09");
  CHECK(iso(at(s, 'C').early_finish_date) == "2026-01-12");
  CHECK(iso(s.finish_date) == "2026-01-12");
  CHECK(iso(at(s, 'A').late_finish_date) == "2026-01-07");

  // A project starting on a Sunday starts on Monday; an empty one ends there too.
  Network empty;
  empty.in.project_start = day("2026-01-04");
  const Schedule e = compute_schedule(empty.in);
  CHECK(iso(e.start_date) == "2026-01-05");
  CHECK(iso(e.finish_date) == "2026-01-05");
  CHECK(e.duration_days == 0);
  CHECK(e.tasks.empty());
  CHECK(e.critical_chain.empty());
}

TEST_CASE("schedule: a pinned start holds a task back, never pulls it earlier") {
  Network n;  // project starts Monday 2026-01-05
  n.task('A', 2).task('B', 3, day("2026-01-12")).task('C', 1, day("2026-01-05")).task('D', 1, day("2026-01-10"));
  n.task('E', 1, day("2025-12-01"));
  n.after('B', 'A').after('C', 'B');
  const Schedule s = compute_schedule(n.in);
  check_times(s, 'B', 5, 8, 5, 8);  // the pin, not A's finish (2)
  check_times(s, 'A', 0, 2, 3, 5);  // A has the room the pin leaves
  check_times(s, 'C', 8, 9, 8, 9);  // its pin is earlier than B's finish: B wins
  CHECK(at(s, 'D').early_start == 5);  // a Saturday pin means the next Monday
  CHECK(iso(at(s, 'D').early_start_date) == "2026-01-12");
  CHECK(at(s, 'E').early_start == 0);  // a pin before the project start has no effect
  CHECK(iso(at(s, 'B').early_start_date) == "2026-01-12");
  CHECK(iso(at(s, 'B').early_finish_date) == "2026-01-14");
  CHECK(names(s, s.critical_chain) == Names{'B', 'C'});  // the chain starts at the pin
  CHECK(at(s, 'A').free_slack == 3);
}

TEST_CASE("schedule: cycles are reported with their tasks and never hang") {
  SUBCASE("three tasks in a circle") {
    Network n;
    n.task('A', 1).task('B', 2).task('C', 3).after('B', 'A').after('C', 'B').after('A', 'C');
    const Schedule s = compute_schedule(n.in);
    REQUIRE(s.problems.size() == 1);
    CHECK(s.problems[0].kind == ScheduleProblemKind::cycle);
    CHECK(s.problems[0].tasks == std::vector<Id>{id_of('A'), id_of('B'), id_of('C')});
    CHECK(s.tasks.size() == 3);
    CHECK(s.duration_days == 3);  // the links inside the cycle are ignored
  }
  SUBCASE("a task depending on itself") {
    Network n;
    n.task('A', 2).task('B', 1).after('A', 'A').after('B', 'A');
    const Schedule s = compute_schedule(n.in);
    REQUIRE(s.problems.size() == 1);
    CHECK(s.problems[0].kind == ScheduleProblemKind::cycle);
    CHECK(s.problems[0].tasks == std::vector<Id>{id_of('A')});
    CHECK(at(s, 'B').early_start == 2);  // the other link still counts
  }
  SUBCASE("a cycle between acyclic parts: only the cycle is blamed, the rest is scheduled") {
    Network n;
    n.task('X', 1).task('Y', 1).task('P', 2).task('Q', 2).task('R', 2).task('S', 4).task('T', 1).task('U', 1);
    n.after('Y', 'X').after('P', 'X');                // upstream of the cycle
    n.after('Q', 'P').after('R', 'Q').after('P', 'R');  // the cycle
    n.after('S', 'R');                                // downstream
    n.after('U', 'T').after('T', 'U');                // a second, separate cycle
    const Schedule s = compute_schedule(n.in);
    REQUIRE(s.problems.size() == 2);
    std::vector<std::vector<Id>> cycles;
    for (const ScheduleProblem& p : s.problems) {
      CHECK(p.kind == ScheduleProblemKind::cycle);
      cycles.push_back(p.tasks);
    }
    std::sort(cycles.begin(), cycles.end());
    CHECK(cycles[0] == std::vector<Id>{id_of('P'), id_of('Q'), id_of('R')});
    CHECK(cycles[1] == std::vector<Id>{id_of('T'), id_of('U')});
    CHECK(at(s, 'Y').early_start == 1);
    CHECK(at(s, 'P').early_start == 1);
    CHECK(at(s, 'Q').early_start == 0);  // P -> Q is inside the cycle: ignored
    CHECK(at(s, 'S').early_start == 2);  // R -> S is not
    CHECK(s.duration_days == 6);
  }
  SUBCASE("a ring of 100k tasks") {
    Network n;
    const int count = 100000;
    for (int i = 0; i < count; ++i) n.task(i, 1);
    for (int i = 0; i < count; ++i) n.after((i + 1) % count, i);
    const Schedule s = compute_schedule(n.in);
    REQUIRE(s.problems.size() == 1);
    CHECK(s.problems[0].tasks.size() == static_cast<std::size_t>(count));
    CHECK(s.duration_days == 1);
  }
}

TEST_CASE("schedule: unknown ids, duplicates and bad numbers are reported and ignored") {
  Network n;
  n.task('A', 2).task('B', 1).task('A', 7).task('N', std::nan("")).task('M', -3);
  n.after('B', 'A');
  n.after('B', 'Z');  // Z is no task
  n.after('Q', 'A');  // neither is Q
  n.in.dependencies.push_back({id_of('A'), id_of('M'), DependencyType::finish_to_start, std::nan("")});
  const Schedule s = compute_schedule(n.in);
  const auto count = [&](ScheduleProblemKind kind) {
    return std::count_if(s.problems.begin(), s.problems.end(), [&](const ScheduleProblem& p) { return p.kind == kind; });
  };
  CHECK(count(ScheduleProblemKind::duplicate_task) == 1);
  CHECK(count(ScheduleProblemKind::unknown_task) == 2);
  CHECK(count(ScheduleProblemKind::invalid_number) == 3);  // NaN, negative, NaN lag
  for (const ScheduleProblem& p : s.problems)
    if (p.kind == ScheduleProblemKind::unknown_task) {
      CHECK((p.tasks == std::vector<Id>{id_of('Z')} || p.tasks == std::vector<Id>{id_of('Q')}));
      CHECK((p.dependency == 1 || p.dependency == 2));
    }
  CHECK(s.tasks.size() == 5);
  CHECK(at(s, 'B').early_start == 2);  // from the first A
  CHECK(s.tasks[2].duration_days == 7);  // the duplicate is still scheduled
  CHECK(s.tasks[3].duration_days == 0);
  CHECK(s.tasks[4].duration_days == 0);
  CHECK(s.tasks[4].early_start == 2);  // the NaN lag counts as 0
}

namespace {

// A random network: tasks in a hidden order, links only forward in it, in a
// shuffled input order. Durations and lags in quarter days.
struct RandomNetwork {
  ScheduleInput in;
  explicit RandomNetwork(std::uint64_t seed, int count, bool fs_only, bool pins) {
    std::mt19937_64 rng(seed);
    const auto below = [&](std::uint64_t n) { return static_cast<int>(rng() % n); };
    in.project_start = day("2026-03-02");
    in.calendar.holidays = {day("2026-04-03"), day("2026-04-06")};
    for (int i = 0; i < count; ++i) {
      ScheduleTask t{id_of(1000 + i), below(41) / 4.0, std::nullopt};
      if (pins && below(10) == 0) t.pinned_start = Date{in.project_start.days + below(60)};
      in.tasks.push_back(t);
    }
    for (int j = 1; j < count; ++j)
      for (int k = below(4); k > 0; --k) {
        const DependencyType type = fs_only ? DependencyType::finish_to_start : static_cast<DependencyType>(below(4));
        in.dependencies.push_back({id_of(1000 + below(j)), id_of(1000 + j), type, (below(13) - 4) / 4.0});
      }
    std::shuffle(in.tasks.begin(), in.tasks.end(), rng);
    std::shuffle(in.dependencies.begin(), in.dependencies.end(), rng);
  }
};

double lag_between(const ScheduleInput& in, Id from, Id to) {  // the lag of the driving FS link
  double lag = -1e300;
  for (const ScheduleDependency& d : in.dependencies)
    if (d.predecessor == from && d.successor == to) lag = std::max(lag, d.lag_days);
  return lag;
}

}  // namespace

TEST_CASE("schedule: properties over random networks") {
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    CAPTURE(seed);
    const bool fs_only = seed % 2 == 0;
    const RandomNetwork net(seed, 5 + static_cast<int>(seed * 7 % 150), fs_only, seed % 3 == 0);
    const Schedule s = compute_schedule(net.in);
    REQUIRE(s.problems.empty());
    REQUIRE(s.tasks.size() == net.in.tasks.size());
    std::map<Id, const TaskSchedule*> by_id;
    for (const TaskSchedule& t : s.tasks) by_id[t.id] = &t;
    double latest_finish = 0;
    for (std::size_t i = 0; i < s.tasks.size(); ++i) {
      const TaskSchedule& t = s.tasks[i];
      CHECK(t.id == net.in.tasks[i].id);
      CHECK(t.early_finish == doctest::Approx(t.early_start + t.duration_days).epsilon(1e-12));
      CHECK(t.late_start == doctest::Approx(t.late_finish - t.duration_days).epsilon(1e-12));
      CHECK(t.early_start >= 0);
      CHECK(t.total_slack >= 0);
      CHECK(t.free_slack >= 0);
      CHECK(t.free_slack <= t.total_slack);
      CHECK(t.late_finish <= s.duration_days);
      CHECK(t.critical == (t.total_slack == 0));
      CHECK(t.early_start_date <= t.early_finish_date);
      if (net.in.tasks[i].pinned_start) CHECK(t.early_start_date >= *net.in.tasks[i].pinned_start);
      latest_finish = std::max(latest_finish, t.early_finish);
    }
    CHECK(latest_finish == s.duration_days);
    // Every link holds in the early and in the late schedule.
    for (const ScheduleDependency& d : net.in.dependencies) {
      const TaskSchedule &p = *by_id[d.predecessor], &q = *by_id[d.successor];
      const bool from_finish = d.type == DependencyType::finish_to_start || d.type == DependencyType::finish_to_finish;
      const bool to_finish = d.type == DependencyType::finish_to_finish || d.type == DependencyType::start_to_finish;
      const double eps = 1e-9;
      CHECK((to_finish ? q.early_finish : q.early_start) + eps >= (from_finish ? p.early_finish : p.early_start) + d.lag_days);
      CHECK((to_finish ? q.late_finish : q.late_start) + eps >= (from_finish ? p.late_finish : p.late_start) + d.lag_days);
    }
    // The chain: critical tasks from a start at the project start (or a pin)
    // to the project finish; with finish-to-start links only, its durations
    // and lags add up to the project's duration.
    REQUIRE_FALSE(s.critical_chain.empty());
    const TaskSchedule& first = s.tasks[s.critical_chain.front()];
    const ScheduleTask& first_in = net.in.tasks[s.critical_chain.front()];
    CHECK((first.early_start == 0 || (first_in.pinned_start && first.early_start > 0)));
    CHECK(s.tasks[s.critical_chain.back()].early_finish == s.duration_days);
    double length = first.early_start;
    for (std::size_t k = 0; k < s.critical_chain.size(); ++k) {
      const TaskSchedule& t = s.tasks[s.critical_chain[k]];
      CHECK(t.critical);
      length += t.duration_days;
      if (k > 0) length += lag_between(net.in, s.tasks[s.critical_chain[k - 1]].id, t.id);
    }
    if (fs_only) CHECK(length == doctest::Approx(s.duration_days).epsilon(1e-12));
  }
}

TEST_CASE("schedule: results do not depend on the order of the input") {
  for (std::uint64_t seed = 100; seed < 110; ++seed) {
    CAPTURE(seed);
    RandomNetwork net(seed, 300, false, true);
    const Schedule a = compute_schedule(net.in);
    std::mt19937_64 rng(seed * 31);
    std::shuffle(net.in.tasks.begin(), net.in.tasks.end(), rng);
    std::shuffle(net.in.dependencies.begin(), net.in.dependencies.end(), rng);
    const Schedule b = compute_schedule(net.in);
    CHECK(a.duration_days == b.duration_days);
    for (const TaskSchedule& t : a.tasks) {
      const TaskSchedule* u = b.find(t.id);
      REQUIRE(u != nullptr);
      CHECK(t.early_start == u->early_start);
      CHECK(t.late_finish == u->late_finish);
      CHECK(t.free_slack == u->free_slack);
      CHECK(t.critical == u->critical);
      CHECK(t.late_start_date == u->late_start_date);
    }
    std::vector<Id> chain_a, chain_b, critical_a, critical_b;
    for (const std::size_t i : a.critical_chain) chain_a.push_back(a.tasks[i].id);
    for (const std::size_t i : b.critical_chain) chain_b.push_back(b.tasks[i].id);
    for (const std::size_t i : a.critical_tasks) critical_a.push_back(a.tasks[i].id);
    for (const std::size_t i : b.critical_tasks) critical_b.push_back(b.tasks[i].id);
    CHECK(chain_a == chain_b);
    CHECK(critical_a == critical_b);
  }
}

TEST_CASE("schedule input: a project's tasks and dependencies, with buffered estimates") {
  using namespace std::string_literals;
  Workspace ws;
  IdSource ids{61};
  const auto make = [&](const char* kind, Id parent, std::vector<std::pair<std::string, Value>> fields) {
    const Id id = ids.next();
    Command c;
    c.ops.push_back(CreateItem{kind, id, parent, std::move(fields)});
    const ApplyResult r = apply(ws, c);
    REQUIRE_MESSAGE(r.ok, r.error);
    return id;
  };
  const Id project = make("project", {}, {{"name", "Churn"s}});
  const Id other = make("project", {}, {{"name", "Other"s}});
  const Id elsewhere = make("task", other, {{"title", "Elsewhere"s}, {"likely_days", 1.0}});
  // Data collection: PERT mean 5 x buffer 1.5 = 7.5 days.
  const Id collect = make("task", project, {{"title", "Collect"s}, {"stage", "data_collection"s}, {"order", 1.0},
                                            {"optimistic_days", 2.0}, {"likely_days", 4.0}, {"pessimistic_days", 12.0}});
  const Id train = make("task", project, {{"title", "Train"s}, {"stage", "training"s}, {"order", 2.0}, {"likely_days", 3.0}});
  const Id spike = make("task", project, {{"title", "Spike"s}, {"order", 3.0}});
  make("task", project, {{"title", "Done"s}, {"order", 4.0}, {"likely_days", 5.0}, {"status", "done"s},
                                         {"start", day("2026-03-16")}});
  const Id launch = make("task", project, {{"title", "Launch"s}, {"order", 5.0}, {"likely_days", 0.0},
                                           {"start", day("2026-03-16")}});
  make("dependency", train, {{"predecessor", collect}, {"type", "finish_to_start"s}, {"lag_days", 1.0}});
  make("dependency", launch, {{"predecessor", train}, {"type", "finish_to_start"s}});
  make("dependency", launch, {{"predecessor", elsewhere}});

  const ProjectPlan plan = schedule_input_from(ws, project, {day("2026-03-02"), {}});
  REQUIRE(plan.input.tasks.size() == 5);
  CHECK(plan.input.tasks[0].id == collect);
  CHECK(plan.input.tasks[0].duration_days == 7.5);
  CHECK(plan.ranges[0].optimistic == 3);
  CHECK(plan.ranges[0].likely == 6);
  CHECK(plan.ranges[0].pessimistic == 18);
  CHECK(plan.input.tasks[1].duration_days == 3);
  CHECK(plan.ranges[1].pessimistic == 3);
  CHECK(plan.input.tasks[2].duration_days == 0);
  CHECK(plan.unestimated == std::vector<Id>{spike});
  CHECK(plan.input.tasks[3].duration_days == 0);  // done: no time left
  CHECK_FALSE(plan.input.tasks[3].pinned_start);
  CHECK(plan.input.tasks[4].pinned_start == day("2026-03-16"));
  CHECK(plan.milestones == std::vector<Id>{launch});
  CHECK(plan.input.dependencies.size() == 3);

  const Schedule s = compute_schedule(plan.input);
  REQUIRE(s.problems.size() == 1);  // the task of another project
  CHECK(s.problems[0].kind == ScheduleProblemKind::unknown_task);
  CHECK(s.problems[0].tasks == std::vector<Id>{elsewhere});
  CHECK(s.find(train)->early_start == 8.5);
  CHECK(s.find(launch)->early_start == 11.5);  // after Train, later than its pin (day 10)
  CHECK(iso(s.find(launch)->early_finish_date) == "2026-03-17");
  CHECK(s.duration_days == 11.5);
  CHECK(iso(s.finish_date) == "2026-03-17");

  MonteCarloForecast f(forecast_input_from(plan, DurationDistribution::pert_beta, 1));
  f.run(200);
  CHECK(f.project().p50_days > 8);
  CHECK(f.milestone(0).p95_days == f.project().p95_days);  // Launch ends the project
}
