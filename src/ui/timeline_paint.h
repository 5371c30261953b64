#pragma once
#include <imgui.h>

#include <span>
#include <string>
#include <vector>

#include "core/timeline_drag.h"
#include "core/timeline_layout.h"
#include "ui/theme.h"

namespace cairn::ui::timeline {

// The timeline's painting besides the bars (those go through a
// BarRenderer): calendar header and grid, weekends, lanes, dependency
// arrows, gates, today. Everything is drawn for what is on screen only.

// The chart on screen: a rectangle and the geometry inside it (x and y of
// the geometry count from chart.min).
struct Chart {
  ImVec2 min, max;
  TimelineGeometry geometry;
  int first_weekday = 0;  // 0 = Monday: the day the week columns start on

  float x_of(double day) const { return min.x + static_cast<float>(geometry.axis.x_of(day)); }
  float row_top(std::int32_t row) const { return min.y + static_cast<float>(geometry.row_top(row)); }
  float row_mid(std::int32_t row) const { return row_top(row) + static_cast<float>(geometry.row_height) * 0.5f; }
  float width() const { return max.x - min.x; }
  float height() const { return max.y - min.y; }
};

// Shaded weekends (when a day is wide enough to see) and the grid lines of
// the zoom's periods, behind the bars.
// Weekends and `holidays` (sorted) are shaded.
void draw_background(ImDrawList& list, const Chart& chart, TimelineZoom zoom, Theme theme, std::span<const Date> holidays);
// Two lines of dates above the chart: the larger period (month or year),
// then the zoom's unit (day, week, month, quarter).
void draw_header(ImDrawList& list, const Chart& chart, ImVec2 header_min, float header_height, TimelineZoom zoom);
// Lane title rows across the chart.
void draw_lane_bands(ImDrawList& list, const Chart& chart, const TimelineLayout& layout, std::int32_t first_row,
                     std::int32_t end_row);
// Elbow arrows from each predecessor's finish (or start) to its successor's
// start (or finish), for links with an end among the visible bars; links
// between critical bars in the critical colour. At most `budget` arrows.
void draw_arrows(ImDrawList& list, const Chart& chart, const TimelineLayout& layout, const TimelineLinks& links,
                 const VisibleRange& visible, ImU32 color, ImU32 critical, int budget = 2000);
// A vertical line across the chart at the start of `day`.
void draw_day_line(ImDrawList& list, const Chart& chart, Date day, ImU32 color, float thickness);
// A diamond (a gate) centred at x, y.
void draw_diamond(ImDrawList& list, ImVec2 centre, float radius, ImU32 fill, ImU32 outline);

// Calendar parts of a day (days since 1970-01-01).
struct Civil {
  int year;
  unsigned month, day;  // 1-based
  unsigned weekday;     // 0 = Monday ... 6 = Sunday
};
Civil civil_of(std::int32_t days);

}  // namespace cairn::ui::timeline
