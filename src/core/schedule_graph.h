#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "core/schedule.h"

namespace cairn {

// A schedule input prepared for repeated passes: tasks renumbered in
// topological order (position), dependencies as flat adjacency arrays on
// both sides, durations and lags in ticks. Shared by the critical path
// (core/schedule.cpp) and the Monte Carlo forecast, which reuses one graph
// for every iteration.
struct ScheduleLink {
  std::uint32_t other = 0;  // position of the task at the other end
  bool from_finish = true;  // the predecessor's finish (FS, FF) or start (SS, SF) constrains
  bool to_finish = false;   // ... the successor's finish (FF, SF) or start (FS, SS)
  std::int64_t lag = 0;     // ticks
};

struct ScheduleGraph {
  std::vector<std::uint32_t> order;       // position -> input index
  std::vector<std::uint32_t> position;    // input index -> position
  std::vector<std::int64_t> duration;     // by position, ticks
  std::vector<std::int64_t> not_before;   // by position: the project start or the pinned start, ticks
  std::vector<std::uint32_t> pred_begin;  // by position, size + 1 entries into preds
  std::vector<ScheduleLink> preds;        // other = the predecessor's position
  std::vector<std::uint32_t> succ_begin;  // by position, size + 1 entries into succs
  std::vector<ScheduleLink> succs;        // other = the successor's position
  std::vector<ScheduleProblem> problems;
  WorkingDays days;

  std::size_t size() const { return order.size(); }
};

// Rounds working days to ticks; NaN and infinities give nullopt.
std::optional<std::int64_t> ticks_of(double days);

ScheduleGraph build_schedule_graph(const ScheduleInput& input);

// Earliest start and finish of every position for the given durations
// (ticks, by position); returns the project's finish. No allocation.
std::int64_t forward_pass(const ScheduleGraph& graph, std::span<const std::int64_t> duration,
                          std::span<std::int64_t> start, std::span<std::int64_t> finish);

// Working-day index of the day an offset (ticks) starts in, and of the last
// day worked by a finish at that offset (never before day 0).
std::int64_t start_day_of(std::int64_t ticks);
std::int64_t finish_day_of(std::int64_t ticks);

}  // namespace cairn
