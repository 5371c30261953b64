// The timeline's geometry and drag logic (core/timeline_layout.h,
// core/timeline_drag.h): pure functions, no window.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>

#include "core/schedule.h"
#include "core/timeline_drag.h"
#include "core/timeline_layout.h"

using namespace cairn;

namespace {

Date day(const char* iso) { return parse_date(iso).value(); }
Id id_of(int name) { return Id{0x71AE, static_cast<std::uint64_t>(name)}; }

// A small plan: tasks with optional dates, durations and links, scheduled
// from Monday 2026-01-05 (weekends off).
struct Plan {
  std::vector<TimelineTask> tasks;
  ScheduleInput input;
  Plan() { input.project_start = day("2026-01-05"); }

  Plan& task(int name, double days, std::optional<Date> start = {}, std::optional<Date> due = {}) {
    TimelineTask t;
    t.id = id_of(name);
    t.start = start;
    t.due = due;
    t.order = name;
    t.milestone = days == 0;
    tasks.push_back(t);
    input.tasks.push_back({t.id, days, start});
    return *this;
  }
  Plan& after(int succ, int pred, DependencyType type = DependencyType::finish_to_start, double lag = 0) {
    input.dependencies.push_back({id_of(pred), id_of(succ), type, lag});
    return *this;
  }
  TimelineLayout layout(TimelineGrouping g = TimelineGrouping::order) const {
    return layout_timeline(tasks, compute_schedule(input), g);
  }
};

const TimelineBar& bar(const TimelineLayout& l, int name) {
  const auto i = l.find(id_of(name));
  REQUIRE(i.has_value());
  return l.bars[*i];
}

}  // namespace

TEST_SUITE("timeline") {

TEST_CASE("date <-> x round trip at every zoom, and zooming keeps the day under the pointer") {
  for (const TimelineZoom z : kTimelineZooms) {
    CAPTURE(zoom_name(z));
    TimeAxis axis{static_cast<double>(day("2026-01-01").days) + 0.25, pixels_per_day(z)};
    for (int d = -400; d <= 400; d += 37) {
      const Date date{day("2026-03-01").days + d};
      const double x = axis.x_of(date);
      CHECK(axis.date_at(x) == date);
      CHECK(axis.date_at(x + axis.px_per_day * 0.99) == date);  // anywhere inside the day
      CHECK(axis.date_at(x - 0.01) == Date{date.days - 1});
      CHECK(axis.day_at(x) == doctest::Approx(date.days));
    }
    const double pivot = 333;
    const double under = axis.day_at(pivot);
    axis.zoom_around(pixels_per_day(zoom_step(z, +1)), pivot);
    CHECK(axis.day_at(pivot) == doctest::Approx(under));
  }
  CHECK(zoom_step(TimelineZoom::day, -1) == TimelineZoom::day);
  CHECK(zoom_step(TimelineZoom::day, +2) == TimelineZoom::month);
  CHECK(zoom_step(TimelineZoom::quarter, +1) == TimelineZoom::quarter);
  CHECK(pixels_per_day(TimelineZoom::day) > pixels_per_day(TimelineZoom::week));
  CHECK(pixels_per_day(TimelineZoom::month) > pixels_per_day(TimelineZoom::quarter));
  CHECK(days_for_drag(47, 10) == 5);
  CHECK(days_for_drag(-44, 10) == -4);
  CHECK(days_for_drag(4.9, 10) == 0);
}

TEST_CASE("bars come from written dates, else from the critical-path schedule") {
  Plan p;
  p.task(1, 3)                                              // scheduled: Mon 5 to Wed 7
      .task(2, 2)                                           // after 1: Thu 8, Fri 9
      .task(3, 4, day("2026-02-02"), day("2026-02-10"))     // both dates written
      .task(4, 5, std::nullopt, day("2026-03-06"))          // only a due date: the scheduled length before it
      .task(5, 0)                                           // a milestone after 2
      .after(2, 1)
      .after(5, 2);
  p.tasks.push_back({id_of(6), {}, {}, TaskStatus::done, Stage::other, {}, 6});  // done, no dates: no bar
  const TimelineLayout l = p.layout();
  REQUIRE(l.bars.size() == 5);
  CHECK(l.rows == 5);
  CHECK(bar(l, 1).start == day("2026-01-05").days);
  CHECK(bar(l, 1).end == day("2026-01-08").days);
  CHECK((bar(l, 1).flags & bar_flags::scheduled));
  CHECK((bar(l, 3).flags & bar_flags::critical));  // pinned last: the longest path ends with it
  CHECK_FALSE((bar(l, 1).flags & bar_flags::critical));
  CHECK(bar(l, 2).start == day("2026-01-08").days);
  CHECK(bar(l, 2).end == day("2026-01-10").days);
  CHECK(bar(l, 3).start == day("2026-02-02").days);
  CHECK(bar(l, 3).end == day("2026-02-11").days);  // due inclusive
  CHECK_FALSE((bar(l, 3).flags & bar_flags::scheduled));
  CHECK(bar(l, 4).end == day("2026-03-07").days);
  CHECK(bar(l, 4).start == day("2026-03-07").days - 5);  // five working days from Mon 5 to Fri 9: 5 calendar days
  CHECK((bar(l, 5).flags & bar_flags::milestone));
  CHECK(bar(l, 5).start == bar(l, 5).end);
  CHECK(bar(l, 5).start == day("2026-01-10").days);  // at the end of Friday the 9th
  CHECK_FALSE(l.find(id_of(6)).has_value());
  CHECK(l.first_day == day("2026-01-05").days);
  CHECK(l.last_day == day("2026-03-07").days);
  // Rows in project order; each row's bars found through row_begin.
  for (int r = 0; r < l.rows; ++r) CHECK(l.row(r).size() == 1);
  CHECK(bar(l, 1).row == 0);
  CHECK(bar(l, 5).row == 4);
}

TEST_CASE("stage lanes have a title row; assignee lanes pack bars that do not overlap") {
  Plan p;
  for (int i = 1; i <= 6; ++i) p.task(i, 2, Date{day("2026-01-05").days + 3 * (i / 2)}, Date{day("2026-01-05").days + 3 * (i / 2) + 1});
  p.tasks[0].stage = p.tasks[1].stage = Stage::labelling;
  // Tasks 1, 2, 3, 5 to one person: 2 and 3 share days 3-4, so the lane needs two rows.
  p.tasks[0].assignee = p.tasks[1].assignee = p.tasks[2].assignee = p.tasks[4].assignee = id_of(100);
  const TimelineLayout stages = p.layout(TimelineGrouping::stage);
  REQUIRE(stages.lanes.size() == 2);
  CHECK(stages.lanes[0].stage == Stage::labelling);
  CHECK(stages.lanes[0].header_row == 0);
  CHECK(stages.lanes[0].rows == 2);
  CHECK(stages.lanes[1].stage == Stage::other);
  CHECK(stages.lanes[1].header_row == 3);
  CHECK(stages.rows == 2 + 4 + 2);
  CHECK(stages.row(0).empty());  // a title row holds no bar

  const Id people[] = {id_of(100)};
  const TimelineLayout lanes = layout_timeline(p.tasks, compute_schedule(p.input), TimelineGrouping::assignee, people);
  REQUIRE(lanes.lanes.size() == 2);
  CHECK(lanes.lanes[0].person == id_of(100));
  CHECK(lanes.lanes[0].rows == 2);
  CHECK(lanes.lanes[1].person.nil());  // unassigned, last
  CHECK(lanes.lanes[1].rows == 1);     // tasks 4 and 6 do not overlap
  // No two bars of one row overlap.
  for (int r = 0; r < lanes.rows; ++r) {
    const auto row = lanes.row(r);
    for (std::size_t i = 1; i < row.size(); ++i) CHECK(row[i - 1].end <= row[i].start);
  }
}

TEST_CASE("a row holding several bars is labelled with the bar in view, else its first") {
  Plan p;
  // One person, three tasks one after another: one row of three bars.
  p.task(1, 2, day("2026-01-05"), day("2026-01-06")).task(2, 2, day("2026-02-02"), day("2026-02-03"));
  p.task(3, 2, day("2026-03-02"), day("2026-03-03"));
  for (auto& t : p.tasks) t.assignee = id_of(100);
  const Id people[] = {id_of(100)};
  const TimelineLayout l = layout_timeline(p.tasks, compute_schedule(p.input), TimelineGrouping::assignee, people);
  const auto row = l.row(1);  // under the lane's title row
  REQUIRE(row.size() == 3);
  TimeAxis axis{static_cast<double>(day("2026-01-01").days), 10};  // 10 px a day
  CHECK(row[row_label_bar(row, axis, 200)].task == id_of(1));
  axis.first_day = day("2026-01-25").days;  // scrolled past the first bar
  CHECK(row[row_label_bar(row, axis, 200)].task == id_of(2));
  axis.first_day = day("2026-02-20").days;
  CHECK(row[row_label_bar(row, axis, 200)].task == id_of(3));
  axis.first_day = day("2026-06-01").days;  // none in view
  CHECK(row[row_label_bar(row, axis, 200)].task == id_of(1));
}

TEST_CASE("hit testing: body, ends, milestones, empty space") {
  Plan p;
  p.task(1, 0, std::nullopt, day("2026-01-06")).task(2, 5, day("2026-01-12"), day("2026-01-16"));
  const TimelineLayout l = p.layout();
  TimelineGeometry g;
  g.axis = {static_cast<double>(day("2026-01-01").days), 20};
  g.row_height = 20;
  const double x0 = g.axis.x_of(day("2026-01-12")), x1 = g.axis.x_of(day("2026-01-17"));
  const double y = g.row_top(1) + 10;
  CHECK(hit_test(l, g, (x0 + x1) / 2, y).part == BarPart::body);
  CHECK(l.bars[*hit_test(l, g, (x0 + x1) / 2, y).bar].task == id_of(2));
  CHECK(hit_test(l, g, x1 - 2, y).part == BarPart::end_edge);
  CHECK(hit_test(l, g, x0 + 2, y).part == BarPart::start_edge);
  CHECK(hit_test(l, g, x1 + 20, y).part == BarPart::none);
  CHECK(hit_test(l, g, (x0 + x1) / 2, g.row_top(2) + 5).part == BarPart::none);  // below the last row
  const double m = g.axis.x_of(day("2026-01-07"));  // the milestone: end of the 6th
  CHECK(hit_test(l, g, m + 3, g.row_top(0) + 10).part == BarPart::body);
  CHECK(hit_test(l, g, m + 30, g.row_top(0) + 10).part == BarPart::none);
  // Scrolled by one row: the second bar is now in the top row's place.
  g.scroll_y = 20;
  CHECK(hit_test(l, g, (x0 + x1) / 2, 10).bar == hit_test(l, g, (x0 + x1) / 2, 10).bar);
  CHECK(l.bars[*hit_test(l, g, (x0 + x1) / 2, 10).bar].task == id_of(2));
}

TEST_CASE("culling: only the rows on screen, bars off the x range are not visible") {
  Plan p;
  for (int i = 0; i < 1000; ++i) p.task(i, 1, Date{day("2026-01-05").days + i}, Date{day("2026-01-05").days + i});
  const TimelineLayout l = p.layout();
  TimelineGeometry g;
  g.axis = {static_cast<double>(day("2026-01-05").days), 10};
  g.row_height = 20;
  g.scroll_y = 100 * 20 + 5;  // row 100, partly scrolled
  const VisibleRange v = visible_range(l, g, 400);
  CHECK(v.first_row == 100);
  CHECK(v.end_row == 121);  // 400 px from 5 px into row 100
  CHECK(v.end_bar - v.first_bar == 21);
  CHECK(l.bars[v.first_bar].row == 100);
  CHECK(bar_visible_x(l.bars[0], g.axis, 500));
  CHECK_FALSE(bar_visible_x(l.bars[999], g.axis, 500));  // 999 days to the right
  g.scroll_y = 1e9;
  CHECK(visible_range(l, g, 400).end_bar == visible_range(l, g, 400).first_bar);
}

TEST_CASE("drag: move and resize snap to whole days; a bar keeps one day") {
  Plan p;
  p.task(1, 5, day("2026-01-12"), day("2026-01-16"));
  const TimelineLayout l = p.layout();
  const TimelineLinks links = timeline_links(p.input, l);
  auto moved = plan_drag(l, links, 0, DragKind::move, 3);
  REQUIRE(moved.size() == 1);
  CHECK(moved[0].task == id_of(1));
  CHECK(moved[0].start == day("2026-01-15"));
  CHECK(moved[0].due == day("2026-01-19"));
  auto longer = plan_drag(l, links, 0, DragKind::resize_end, 2);
  REQUIRE(longer.size() == 1);
  CHECK(longer[0].start == day("2026-01-12"));
  CHECK(longer[0].due == day("2026-01-18"));
  auto shortest = plan_drag(l, links, 0, DragKind::resize_end, -30);
  CHECK(shortest[0].due == day("2026-01-12"));  // one day left
  auto later_start = plan_drag(l, links, 0, DragKind::resize_start, 2);
  CHECK(later_start[0].start == day("2026-01-14"));
  CHECK(later_start[0].due == day("2026-01-16"));
  CHECK(plan_drag(l, links, 0, DragKind::move, 0).empty());
  CHECK(plan_drag(l, links, 7, DragKind::move, 1).empty());  // no such bar
}

TEST_CASE("drag: successors are pushed so each kind of link still holds, in working days, never pulled") {
  // 1 (Mon 12 - Fri 16) -> 2 FS (Mon 19 - Tue 20) -> 3 SS lag 1 (Tue 20); 1 -> 4 FF (Wed 14 - Fri 16);
  // 5 has no link and never moves.
  Plan p;
  p.task(1, 5, day("2026-01-12"), day("2026-01-16"))
      .task(2, 2, day("2026-01-19"), day("2026-01-20"))
      .task(3, 1, day("2026-01-20"), day("2026-01-20"))
      .task(4, 3, day("2026-01-14"), day("2026-01-16"))
      .task(5, 1, day("2026-01-19"), day("2026-01-19"))
      .after(2, 1)
      .after(3, 2, DependencyType::start_to_start, 1)
      .after(4, 1, DependencyType::finish_to_finish);
  const TimelineLayout l = p.layout();
  const TimelineLinks links = timeline_links(p.input, l);
  // Two days later, task 1 ends on Sunday: its work still ends on Friday, nothing moves.
  CHECK(plan_drag(l, links, *l.find(id_of(1)), DragKind::move, 2).size() == 1);
  // Three days later it ends on Monday 19: 2 starts Tue 20 (ends Wed 21), 3 a working
  // day after 2's start (Wed 21), 4 ends with 1 (Mon 19; three working days from Thu 15).
  const auto changes = plan_drag(l, links, *l.find(id_of(1)), DragKind::move, 3);
  REQUIRE(changes.size() == 4);
  CHECK(changes[0].task == id_of(1));
  std::map<Id, DateChange> by;
  for (const DateChange& c : changes) by[c.task] = c;
  CHECK(by[id_of(1)].due == day("2026-01-19"));
  CHECK(by[id_of(2)].start == day("2026-01-20"));
  CHECK(by[id_of(2)].due == day("2026-01-21"));
  CHECK(by[id_of(3)].start == day("2026-01-21"));
  CHECK(by[id_of(3)].due == day("2026-01-21"));
  CHECK(by[id_of(4)].due == day("2026-01-19"));
  CHECK(by[id_of(4)].start == day("2026-01-15"));
  CHECK(by.count(id_of(5)) == 0);
  // Pushed across a weekend: 2 working days stay 2 working days.
  const auto far = plan_drag(l, links, *l.find(id_of(1)), DragKind::move, 6);  // Sun 18 to Thu 22
  for (const DateChange& c : far)
    if (c.task == id_of(2)) {
      CHECK(c.start == day("2026-01-23"));  // Fri
      CHECK(c.due == day("2026-01-26"));    // Mon
    }
  // Moving task 1 earlier pulls nothing.
  const auto earlier = plan_drag(l, links, *l.find(id_of(1)), DragKind::move, -3);
  CHECK(earlier.size() == 1);
  // Growing 2 by a day pushes 3? No: 3 hangs on 2's start (SS), which did not move.
  CHECK(plan_drag(l, links, *l.find(id_of(2)), DragKind::resize_end, 1).size() == 1);
}

TEST_CASE("drag: a cycle in the links never hangs, a long chain is pushed in one pass") {
  Plan p;
  const int n = 2000;
  for (int i = 0; i < n; ++i) p.task(i, 1, Date{day("2026-01-05").days + i}, Date{day("2026-01-05").days + i});
  for (int i = 1; i < n; ++i) p.after(i, i - 1);
  p.after(0, n - 1);  // closes a cycle: the engine ignores the links among it
  p.task(n, 1, day("2026-01-05"), day("2026-01-05")).task(n + 1, 1, day("2026-01-05"), day("2026-01-05")).after(n + 1, n);
  const TimelineLayout l = p.layout();
  const TimelineLinks links = timeline_links(p.input, l);
  CHECK(plan_drag(l, links, *l.find(id_of(5)), DragKind::move, 10).size() == 1);
  const auto chain = plan_drag(l, links, *l.find(id_of(n)), DragKind::move, 3);
  CHECK(chain.size() == 2);
}

TEST_CASE("drag over random networks: after a push, every link out of a moved task holds") {
  std::mt19937 rng(7);
  for (int round = 0; round < 20; ++round) {
    Plan p;
    const int n = 60;
    for (int i = 0; i < n; ++i) {
      const int s = static_cast<int>(rng() % 40);
      p.task(i, 1, Date{day("2026-01-05").days + s}, Date{day("2026-01-05").days + s + static_cast<int>(rng() % 6)});
    }
    for (int k = 0; k < 90; ++k) {
      const int a = static_cast<int>(rng() % n), b = static_cast<int>(rng() % n);
      if (a < b) p.after(b, a, static_cast<DependencyType>(rng() % 4), static_cast<double>(rng() % 3));
    }
    const TimelineLayout l = p.layout();
    const TimelineLinks links = timeline_links(p.input, l);
    const int dragged = static_cast<int>(rng() % 10);
    const auto changes = plan_drag(l, links, *l.find(id_of(dragged)), DragKind::move, 1 + static_cast<int>(rng() % 15));
    REQUIRE_FALSE(changes.empty());
    // The new bars, then every link whose predecessor moved.
    std::map<Id, std::pair<std::int32_t, std::int32_t>> span;
    for (const TimelineBar& b : l.bars) span[b.task] = {b.start, b.end};
    for (const DateChange& c : changes) span[c.task] = {c.bar_start, c.bar_end};
    const WorkingDays& wd = links.graph.days;
    for (const ScheduleDependency& d : p.input.dependencies) {
      const bool moved = std::any_of(changes.begin(), changes.end(), [&](const DateChange& c) { return c.task == d.predecessor; });
      if (!moved) continue;
      const auto [ps, pe] = span[d.predecessor];
      const auto [ss, se] = span[d.successor];
      const bool from_finish = d.type == DependencyType::finish_to_start || d.type == DependencyType::finish_to_finish;
      const bool to_finish = d.type == DependencyType::finish_to_finish || d.type == DependencyType::start_to_finish;
      const std::int64_t bound = wd.index_of(Date{from_finish ? pe : ps}) + static_cast<std::int64_t>(d.lag_days);
      const std::int64_t now = wd.index_of(Date{to_finish ? se : ss});
      CAPTURE(round);
      CHECK(now >= bound);
    }
  }
}

}  // TEST_SUITE
