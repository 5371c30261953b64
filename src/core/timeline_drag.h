#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/schedule_graph.h"
#include "core/timeline_layout.h"

namespace cairn {

// What dragging a bar on the timeline changes: the dragged task's dates and
// those of the tasks that depend on it, pushed later so that every
// finish-to-start, start-to-start, finish-to-finish and start-to-finish link
// (with its lag, in working days) still holds. Tasks are only ever pushed
// later, never pulled earlier: moving a task back leaves its successors
// where they are. Pure logic; the view turns the result into one command.

enum class DragKind { move, resize_start, resize_end };

// The project's dependencies over the bars of a layout, made once per plan:
// the schedule engine's graph (topological order, successor lists, cycles
// already cut) plus which bar each of its tasks has.
struct TimelineLinks {
  ScheduleGraph graph;
  std::vector<std::int32_t> bar_at;       // by graph position: index in layout.bars, -1 if the task has no bar
  std::vector<std::int32_t> position_of;  // by bar index: graph position, -1 if the schedule does not know it
};
TimelineLinks timeline_links(const ScheduleInput& input, const TimelineLayout& layout);

// New dates of one task: start and due as the task stores them (inclusive).
struct DateChange {
  Id task;
  Date start, due;
  std::size_t bar = 0;  // index in layout.bars
  // The bar the new dates give ([start, end) in days since 1970-01-01), for previews.
  std::int32_t bar_start = 0, bar_end = 0;
};

// The dragged bar's new span: moved by `days`, or one end moved (a bar keeps
// at least one day; a milestone only moves).
void dragged_span(const TimelineBar& bar, DragKind kind, std::int32_t days, std::int32_t& start, std::int32_t& end);

// Every change a drag makes: the dragged task first, then each pushed task
// in dependency order. Empty when nothing moves.
std::vector<DateChange> plan_drag(const TimelineLayout& layout, const TimelineLinks& links, std::size_t bar, DragKind kind,
                                  std::int32_t days);

}  // namespace cairn
