#include "core/timeline_layout.h"

#include <algorithm>
#include <cmath>
#include <queue>
#include <unordered_map>

namespace cairn {

// --- The time axis -------------------------------------------------------------

const char* zoom_name(TimelineZoom zoom) {
  switch (zoom) {
    case TimelineZoom::day: return "Day";
    case TimelineZoom::week: return "Week";
    case TimelineZoom::month: return "Month";
    case TimelineZoom::quarter: return "Quarter";
  }
  return "";
}

double pixels_per_day(TimelineZoom zoom) {
  switch (zoom) {
    case TimelineZoom::day: return 32.0;     // a day: room for its number
    case TimelineZoom::week: return 10.0;    // a week: 70 px
    case TimelineZoom::month: return 3.0;    // a month: about 90 px
    case TimelineZoom::quarter: return 1.0;  // a quarter: about 90 px
  }
  return 10.0;
}

TimelineZoom zoom_step(TimelineZoom zoom, int steps) {
  const int last = static_cast<int>(std::size(kTimelineZooms)) - 1;
  return kTimelineZooms[std::clamp(static_cast<int>(zoom) + steps, 0, last)];
}

Date TimeAxis::date_at(double x) const { return Date{static_cast<std::int32_t>(std::floor(day_at(x)))}; }

void TimeAxis::zoom_around(double new_px_per_day, double pivot_x) {
  const double pivot_day = day_at(pivot_x);
  px_per_day = new_px_per_day;
  first_day = pivot_day - pivot_x / px_per_day;
}

std::int32_t days_for_drag(double dx, double px_per_day) {
  if (px_per_day <= 0 || !std::isfinite(dx)) return 0;
  return static_cast<std::int32_t>(std::lround(dx / px_per_day));
}

// --- Rows and bars -------------------------------------------------------------

namespace {

// The bar of one task, without its row; nullopt when it has none.
std::optional<TimelineBar> bar_of(const TimelineTask& task, const TaskSchedule* scheduled) {
  const bool done = task.status == TaskStatus::done;
  TimelineBar bar;
  bar.task = task.id;
  bar.status = task.status;
  if (done) bar.flags |= bar_flags::done;
  // The scheduled length in calendar days (weekends inside included).
  std::int32_t length = 1;
  if (scheduled && scheduled->duration_days > 0)
    length = std::max(1, scheduled->early_finish_date.days - scheduled->early_start_date.days + 1);
  if (task.milestone && (task.start || task.due)) {  // at the end of its day
    bar.flags |= bar_flags::milestone;
    bar.start = bar.end = (task.due ? *task.due : *task.start).days + 1;
  } else if (task.start && task.due) {
    bar.start = task.start->days;
    bar.end = std::max(task.due->days + 1, bar.start + 1);
  } else if (task.start) {
    bar.start = task.start->days;
    bar.end = bar.start + length;
  } else if (task.due) {
    bar.end = task.due->days + 1;
    bar.start = bar.end - length;
  } else if (scheduled && !done) {
    bar.flags |= bar_flags::scheduled;
    if (scheduled->duration_days > 0) {
      bar.start = scheduled->early_start_date.days;
      bar.end = scheduled->early_finish_date.days + 1;
    } else {  // a milestone: at the end of the day it falls on
      bar.flags |= bar_flags::milestone;
      bar.start = bar.end = scheduled->early_finish_date.days + 1;
    }
  } else {
    return std::nullopt;
  }
  if (scheduled && !done) {
    bar.total_slack = scheduled->total_slack;
    if (scheduled->critical) bar.flags |= bar_flags::critical;
  }
  return bar;
}

bool before_in_order(const TimelineTask& a, const TimelineTask& b) {
  return a.order != b.order ? a.order < b.order : a.id < b.id;
}

// Packs the bars (indexes into `bars`) into as few rows as possible, from
// `first_row`: each bar goes into the row that became free the earliest.
// Returns the number of rows used.
std::int32_t pack_rows(std::vector<TimelineBar>& bars, std::vector<std::size_t>& lane, std::int32_t first_row) {
  std::sort(lane.begin(), lane.end(), [&](std::size_t a, std::size_t b) {
    return bars[a].start != bars[b].start ? bars[a].start < bars[b].start : bars[a].task_index < bars[b].task_index;
  });
  using Slot = std::pair<std::int32_t, std::int32_t>;  // (free from day, row)
  std::priority_queue<Slot, std::vector<Slot>, std::greater<>> free_from;
  std::int32_t rows = 0;
  for (const std::size_t i : lane) {
    TimelineBar& bar = bars[i];
    const std::int32_t end = std::max(bar.end, bar.start + 1);  // a milestone still takes its day
    if (!free_from.empty() && free_from.top().first <= bar.start) {
      bar.row = free_from.top().second;
      free_from.pop();
    } else {
      bar.row = first_row + rows++;
    }
    free_from.push({end, bar.row});
  }
  return rows;
}

}  // namespace

std::optional<std::size_t> TimelineLayout::find(Id task) const {
  for (std::size_t i = 0; i < bars.size(); ++i)
    if (bars[i].task == task) return i;
  return std::nullopt;
}

std::span<const TimelineBar> TimelineLayout::row(std::int32_t r) const {
  if (r < 0 || r >= rows) return {};
  return std::span<const TimelineBar>(bars).subspan(row_begin[r], row_begin[r + 1] - row_begin[r]);
}

TimelineLayout layout_timeline(std::span<const TimelineTask> tasks, const Schedule& schedule, TimelineGrouping grouping,
                               std::span<const Id> people) {
  TimelineLayout layout;
  std::unordered_map<Id, std::size_t> scheduled;
  scheduled.reserve(schedule.tasks.size());
  for (std::size_t i = 0; i < schedule.tasks.size(); ++i) scheduled.emplace(schedule.tasks[i].id, i);

  // Tasks in project order, each with its bar.
  std::vector<std::uint32_t> order(tasks.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return before_in_order(tasks[a], tasks[b]); });
  std::vector<TimelineBar>& bars = layout.bars;
  bars.reserve(tasks.size());
  for (const std::uint32_t i : order) {
    const auto it = scheduled.find(tasks[i].id);
    auto bar = bar_of(tasks[i], it == scheduled.end() ? nullptr : &schedule.tasks[it->second]);
    if (!bar) continue;
    bar->task_index = i;
    bars.push_back(*bar);
  }

  std::int32_t row = 0;
  if (grouping == TimelineGrouping::order) {
    for (TimelineBar& bar : bars) bar.row = row++;
    layout.lanes.push_back({Stage::other, Id{}, -1, 0, row});
  } else if (grouping == TimelineGrouping::stage) {
    std::vector<std::vector<std::size_t>> by_stage(EnumNames<Stage>::names.size());
    for (std::size_t i = 0; i < bars.size(); ++i)
      by_stage[static_cast<std::size_t>(tasks[bars[i].task_index].stage)].push_back(i);
    for (std::size_t s = 0; s < by_stage.size(); ++s) {
      if (by_stage[s].empty()) continue;
      TimelineLane lane{static_cast<Stage>(s), Id{}, row++, row, 0};
      for (const std::size_t i : by_stage[s]) bars[i].row = row++;
      lane.rows = row - lane.first_row;
      layout.lanes.push_back(lane);
    }
  } else {
    // Lanes: the people in the order given, then others by id, unassigned last.
    std::unordered_map<Id, std::size_t> rank;
    for (const Id p : people) rank.emplace(p, rank.size());
    std::vector<Id> persons;
    std::unordered_map<Id, std::vector<std::size_t>> by_person;
    for (std::size_t i = 0; i < bars.size(); ++i) {
      const Id p = tasks[bars[i].task_index].assignee;
      auto [it, added] = by_person.try_emplace(p);
      if (added) persons.push_back(p);
      it->second.push_back(i);
    }
    std::sort(persons.begin(), persons.end(), [&](Id a, Id b) {
      if (a.nil() != b.nil()) return b.nil();
      const auto ra = rank.find(a), rb = rank.find(b);
      const bool ka = ra != rank.end(), kb = rb != rank.end();
      if (ka != kb) return ka;
      if (ka) return ra->second < rb->second;
      return a < b;
    });
    for (const Id p : persons) {
      TimelineLane lane{Stage::other, p, row++, row, 0};
      lane.rows = pack_rows(bars, by_person[p], row);
      row += lane.rows;
      layout.lanes.push_back(lane);
    }
  }
  layout.rows = row;

  std::stable_sort(bars.begin(), bars.end(), [](const TimelineBar& a, const TimelineBar& b) {
    return a.row != b.row ? a.row < b.row : a.start < b.start;
  });
  layout.row_begin.assign(static_cast<std::size_t>(row) + 1, 0);
  for (const TimelineBar& bar : bars) ++layout.row_begin[static_cast<std::size_t>(bar.row) + 1];
  for (std::size_t r = 1; r < layout.row_begin.size(); ++r) layout.row_begin[r] += layout.row_begin[r - 1];
  if (!bars.empty()) {
    layout.first_day = bars.front().start;
    layout.last_day = bars.front().end;
    for (const TimelineBar& bar : bars) {
      layout.first_day = std::min(layout.first_day, bar.start);
      layout.last_day = std::max(layout.last_day, bar.end);
    }
  }
  return layout;
}

// --- Looking things up ---------------------------------------------------------

std::int32_t TimelineGeometry::row_at(double y) const {
  return static_cast<std::int32_t>(std::floor((y + scroll_y) / row_height));
}

BarHit hit_test(const TimelineLayout& layout, const TimelineGeometry& geometry, double x, double y, double grip_px) {
  const std::int32_t r = geometry.row_at(y);
  for (const TimelineBar& bar : layout.row(r)) {
    const double x0 = geometry.axis.x_of(static_cast<double>(bar.start));
    const double x1 = geometry.axis.x_of(static_cast<double>(bar.end));
    const std::size_t index = static_cast<std::size_t>(&bar - layout.bars.data());
    if (bar.flags & bar_flags::milestone) {
      if (std::abs(x - x0) <= geometry.row_height * 0.5) return {index, BarPart::body};
      continue;
    }
    if (x < x0 - 1 || x > x1 + 1) continue;
    const double grip = std::min(grip_px, (x1 - x0) / 4);
    if (x >= x1 - grip) return {index, BarPart::end_edge};
    if (x <= x0 + grip) return {index, BarPart::start_edge};
    return {index, BarPart::body};
  }
  return {};
}

VisibleRange visible_range(const TimelineLayout& layout, const TimelineGeometry& geometry, double height) {
  VisibleRange v;
  if (layout.rows == 0 || geometry.row_height <= 0) return v;
  const double top = geometry.scroll_y;
  v.first_row = std::clamp(static_cast<std::int32_t>(std::floor(top / geometry.row_height)), 0, layout.rows);
  v.end_row = std::clamp(static_cast<std::int32_t>(std::ceil((top + height) / geometry.row_height)), v.first_row, layout.rows);
  v.first_bar = layout.row_begin[static_cast<std::size_t>(v.first_row)];
  v.end_bar = layout.row_begin[static_cast<std::size_t>(v.end_row)];
  return v;
}

bool bar_visible_x(const TimelineBar& bar, const TimeAxis& axis, double width) {
  const double x0 = axis.x_of(static_cast<double>(bar.start));
  const double x1 = axis.x_of(static_cast<double>(bar.end));
  const double margin = 16;  // a milestone's diamond is wider than its zero length
  return x1 + margin >= 0 && x0 - margin < width;
}

std::size_t row_label_bar(std::span<const TimelineBar> row, const TimeAxis& axis, double width) {
  for (std::size_t i = 0; i < row.size(); ++i)
    if (bar_visible_x(row[i], axis, width)) return i;
  return 0;
}

}  // namespace cairn
