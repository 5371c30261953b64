#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/enums.h"
#include "core/id.h"
#include "core/schedule.h"
#include "core/time.h"

namespace cairn {

// The geometry of the Gantt timeline, free of any drawing library: which
// task goes in which row, where a day is on the x axis, what lies under a
// point. The view draws from it; the tests check it without a window.

// --- The time axis -------------------------------------------------------------

enum class TimelineZoom { day, week, month, quarter };
inline constexpr TimelineZoom kTimelineZooms[] = {TimelineZoom::day, TimelineZoom::week, TimelineZoom::month,
                                                  TimelineZoom::quarter};
const char* zoom_name(TimelineZoom zoom);
// Pixels per day at 100 % text size: a day, a week, a month or a quarter
// takes about 30 to 90 pixels.
double pixels_per_day(TimelineZoom zoom);
// One step in (-1) or out (+1), clamped at day and quarter.
TimelineZoom zoom_step(TimelineZoom zoom, int steps);

// x = (day - first_day) * px_per_day, in pixels from the left edge of the
// chart. first_day is fractional: panning moves it by parts of a day.
struct TimeAxis {
  double first_day = 0;     // the day (days since 1970-01-01) at x = 0
  double px_per_day = 10;

  double x_of(double day) const { return (day - first_day) * px_per_day; }
  double x_of(Date d) const { return x_of(static_cast<double>(d.days)); }
  double day_at(double x) const { return first_day + x / px_per_day; }
  Date date_at(double x) const;  // the day x falls in
  // Changes the scale keeping the day under `pivot_x` where it is.
  void zoom_around(double new_px_per_day, double pivot_x);
};

// Whole days a pointer moved by `dx` pixels is worth (a drag snaps to days).
std::int32_t days_for_drag(double dx, double px_per_day);

// --- Rows and bars -------------------------------------------------------------

enum class TimelineGrouping {
  order,     // one row per task in project order (as the board and backlog)
  stage,     // a lane per lifecycle stage, a row per task inside
  assignee,  // a lane per person; bars that do not overlap share a row
};

// What the layout needs of a task (core/timeline_input.h fills it from a workspace).
struct TimelineTask {
  Id id;
  std::optional<Date> start, due;  // as written on the task
  TaskStatus status = TaskStatus::backlog;
  Stage stage = Stage::other;
  Id assignee;
  double order = 0;
  bool milestone = false;  // estimated at zero days: a diamond on its due (or start) date
};

struct TimelineLane {
  Stage stage = Stage::other;  // the stage lane's stage
  Id person;                   // the assignee lane's person (nil: unassigned, or another grouping)
  std::int32_t header_row = -1;  // the row holding the lane's title (-1: none)
  std::int32_t first_row = 0;    // first row of bars
  std::int32_t rows = 0;         // rows of bars
};

namespace bar_flags {
inline constexpr std::uint32_t critical = 1u << 0;   // on the critical path (zero total slack)
inline constexpr std::uint32_t scheduled = 1u << 1;  // no dates written: placed by the schedule
inline constexpr std::uint32_t milestone = 1u << 2;  // zero length: drawn as a diamond
inline constexpr std::uint32_t done = 1u << 3;
}  // namespace bar_flags

// A bar covers the days [start, end) (end exclusive: a one-day task on the
// 3rd has start 3, end 4; a milestone has start == end).
struct TimelineBar {
  Id task;
  std::int32_t start = 0, end = 0;  // days since 1970-01-01
  std::int32_t row = 0;
  std::uint32_t flags = 0;
  TaskStatus status = TaskStatus::backlog;
  std::uint32_t task_index = 0;  // into the TimelineTask list the layout was made from
  double total_slack = 0;        // working days, from the schedule (0 when unknown)
};

struct TimelineLayout {
  std::vector<TimelineBar> bars;           // sorted by row, then start
  std::vector<std::uint32_t> row_begin;    // rows + 1 entries: bars of row r are [row_begin[r], row_begin[r+1])
  std::vector<TimelineLane> lanes;
  std::int32_t rows = 0;
  std::int32_t first_day = 0, last_day = 0;  // span of all bars ([first, last)); 0, 0 when empty

  std::optional<std::size_t> find(Id task) const;  // index in bars
  std::span<const TimelineBar> row(std::int32_t r) const;
};

// Where a bar comes from: the task's start and due (inclusive) when both are
// written; one of them plus the scheduled length when only one is; the
// critical-path schedule's early start and finish when none is. Done tasks
// without dates have no bar (the schedule plans remaining work only), nor do
// tasks the schedule does not know.
// Assignee lanes follow `people` (e.g. sorted by name); people not in it come
// after, by id; the unassigned lane is last. Empty lanes are left out.
TimelineLayout layout_timeline(std::span<const TimelineTask> tasks, const Schedule& schedule, TimelineGrouping grouping,
                               std::span<const Id> people = {});

// --- Looking things up ---------------------------------------------------------

// The chart's geometry on screen, in pixels from the chart's top-left corner.
struct TimelineGeometry {
  TimeAxis axis;
  double row_height = 22;
  double scroll_y = 0;  // pixels scrolled down

  double row_top(std::int32_t row) const { return row * row_height - scroll_y; }
  std::int32_t row_at(double y) const;  // may be out of range
};

enum class BarPart { none, body, start_edge, end_edge };

struct BarHit {
  std::optional<std::size_t> bar;  // index in layout.bars
  BarPart part = BarPart::none;
};

// The bar under (x, y), and whether the pointer is on one of its ends (within
// `grip_px` pixels of it; the ends of short bars shrink so the body stays
// grabbable). Milestones are hit within half a row of their day.
BarHit hit_test(const TimelineLayout& layout, const TimelineGeometry& geometry, double x, double y, double grip_px = 5);

// Rows and bars inside a chart of `width` x `height` pixels.
struct VisibleRange {
  std::int32_t first_row = 0, end_row = 0;  // [first_row, end_row)
  std::uint32_t first_bar = 0, end_bar = 0; // the bars of those rows, [first_bar, end_bar) in layout.bars
};
VisibleRange visible_range(const TimelineLayout& layout, const TimelineGeometry& geometry, double height);
// Whether a bar's days meet the visible x range [0, width).
bool bar_visible_x(const TimelineBar& bar, const TimeAxis& axis, double width);
// The bar a row's label names: assignee lanes pack several bars into a row,
// and the label follows the scroll to the first bar in view (the row's first
// bar when none is). Its index in `row`; the row must not be empty.
std::size_t row_label_bar(std::span<const TimelineBar> row, const TimeAxis& axis, double width);

}  // namespace cairn
