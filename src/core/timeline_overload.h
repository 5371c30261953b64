#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/allocation.h"
#include "core/timeline_layout.h"

namespace cairn {

// Where over-allocated weeks go on assignee lanes: one mark per week whose
// person has a lane, spanning the lane's rows (title row included) and the
// week's seven days. Other groupings have no person lanes, so no marks.
struct OverloadMark {
  std::size_t load = 0;           // index into the WeekLoad list
  std::int32_t first_row = 0;     // the lane's title row (or first bar row)
  std::int32_t end_row = 0;       // one past the lane's last row
  std::int32_t first_day = 0;     // the week's first day (days since 1970-01-01)
  std::int32_t end_day = 0;       // first_day + 7
};

// Marks in lane order, then week order (the loads' order within a person).
std::vector<OverloadMark> overload_marks(const TimelineLayout& layout, std::span<const WeekLoad> loads);

}  // namespace cairn
