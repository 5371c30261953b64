#include "core/timeline_overload.h"

namespace cairn {

std::vector<OverloadMark> overload_marks(const TimelineLayout& layout, std::span<const WeekLoad> loads) {
  std::vector<OverloadMark> marks;
  for (const TimelineLane& lane : layout.lanes) {
    if (lane.person.nil()) continue;
    const std::int32_t top = lane.header_row >= 0 ? lane.header_row : lane.first_row;
    for (std::size_t i = 0; i < loads.size(); ++i) {
      if (loads[i].person != lane.person) continue;
      marks.push_back({i, top, lane.first_row + lane.rows, loads[i].week.days, loads[i].week.days + 7});
    }
  }
  return marks;
}

}  // namespace cairn
