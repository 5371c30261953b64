#include "core/timeline_drag.h"

#include <algorithm>
#include <unordered_map>

namespace cairn {
namespace {

// A bar in working-day offsets: S is the first day worked, F the end of the
// last one (the schedule's convention; a milestone has S == F).
struct Offsets {
  std::int64_t start = 0, finish = 0;
};

Offsets offsets_of(const WorkingDays& days, std::int32_t start, std::int32_t end) {
  // index_of(d) counts the working days before d: for the exclusive end that
  // is exactly the end of the last day worked.
  return {days.index_of(Date{start}), std::max(days.index_of(Date{start}), days.index_of(Date{end}))};
}

DateChange change_of(const TimelineBar& bar, std::size_t index, std::int32_t start, std::int32_t end) {
  DateChange c;
  c.task = bar.task;
  c.bar = index;
  c.bar_start = start;
  c.bar_end = end;
  if (bar.flags & bar_flags::milestone) {
    c.start = c.due = Date{start - 1};  // a milestone sits at the end of its day
  } else {
    c.start = Date{start};
    c.due = Date{end - 1};
  }
  return c;
}

}  // namespace

TimelineLinks timeline_links(const ScheduleInput& input, const TimelineLayout& layout) {
  TimelineLinks links;
  links.graph = build_schedule_graph(input);
  std::unordered_map<Id, std::int32_t> bar_of;
  bar_of.reserve(layout.bars.size());
  for (std::size_t i = 0; i < layout.bars.size(); ++i) bar_of.emplace(layout.bars[i].task, static_cast<std::int32_t>(i));
  links.bar_at.assign(links.graph.size(), -1);
  links.position_of.assign(layout.bars.size(), -1);
  for (std::size_t p = 0; p < links.graph.size(); ++p) {
    const auto it = bar_of.find(input.tasks[links.graph.order[p]].id);
    if (it == bar_of.end()) continue;
    links.bar_at[p] = it->second;
    links.position_of[static_cast<std::size_t>(it->second)] = static_cast<std::int32_t>(p);
  }
  return links;
}

void dragged_span(const TimelineBar& bar, DragKind kind, std::int32_t days, std::int32_t& start, std::int32_t& end) {
  start = bar.start;
  end = bar.end;
  if (kind == DragKind::move || (bar.flags & bar_flags::milestone)) {
    start += days;
    end += days;
  } else if (kind == DragKind::resize_end) {
    end = std::max(end + days, start + 1);
  } else {
    start = std::min(start + days, end - 1);
  }
}

std::vector<DateChange> plan_drag(const TimelineLayout& layout, const TimelineLinks& links, std::size_t bar, DragKind kind,
                                  std::int32_t days) {
  std::vector<DateChange> changes;
  if (bar >= layout.bars.size()) return changes;
  const TimelineBar& dragged = layout.bars[bar];
  std::int32_t start = 0, end = 0;
  dragged_span(dragged, kind, days, start, end);
  if (start == dragged.start && end == dragged.end) return changes;
  changes.push_back(change_of(dragged, bar, start, end));

  const std::int32_t from = links.position_of.empty() ? -1 : links.position_of[bar];
  if (from < 0) return changes;
  // Successors come later in topological order: one pass from the dragged
  // task pushes everything downstream, each task at most once.
  const ScheduleGraph& g = links.graph;
  const WorkingDays& wd = g.days;
  std::unordered_map<std::uint32_t, Offsets> moved;  // by position
  moved[static_cast<std::uint32_t>(from)] = offsets_of(wd, start, end);
  for (std::uint32_t p = static_cast<std::uint32_t>(from); p < g.size(); ++p) {
    const auto here = moved.find(p);
    if (here == moved.end()) continue;
    const Offsets pred = here->second;
    for (std::uint32_t k = g.succ_begin[p]; k < g.succ_begin[p + 1]; ++k) {
      const ScheduleLink& link = g.succs[k];
      const std::int32_t succ_bar = links.bar_at[link.other];
      if (succ_bar < 0) continue;  // no bar (a done task without dates): nothing to move
      const auto known = moved.find(link.other);
      const TimelineBar& b = layout.bars[static_cast<std::size_t>(succ_bar)];
      Offsets succ = known != moved.end() ? known->second : offsets_of(wd, b.start, b.end);
      const std::int64_t bound = (link.from_finish ? pred.finish : pred.start) * kTicksPerDay + link.lag;
      const std::int64_t now = (link.to_finish ? succ.finish : succ.start) * kTicksPerDay;
      if (now >= bound) continue;
      const std::int64_t shift = (bound - now + kTicksPerDay - 1) / kTicksPerDay;  // whole working days
      succ.start += shift;
      succ.finish += shift;
      moved[link.other] = succ;
    }
  }
  moved.erase(static_cast<std::uint32_t>(from));
  // In dependency order, each with its new calendar dates.
  std::vector<std::uint32_t> positions;
  positions.reserve(moved.size());
  for (const auto& entry : moved) positions.push_back(entry.first);
  std::sort(positions.begin(), positions.end());
  for (const std::uint32_t p : positions) {
    const Offsets o = moved[p];
    const std::size_t index = static_cast<std::size_t>(links.bar_at[p]);
    const std::int32_t new_start = wd.date_at(o.start).days;
    const std::int32_t new_end = o.finish > o.start ? wd.date_at(o.finish - 1).days + 1 : new_start;
    changes.push_back(change_of(layout.bars[index], index, new_start, new_end));
  }
  return changes;
}

}  // namespace cairn
