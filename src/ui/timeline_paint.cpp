#include "ui/timeline_paint.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cairn::ui::timeline {
namespace {

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr const char* kDays[] = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};

ImU32 with_alpha(ImGuiCol color, float alpha) {
  ImVec4 c = ImGui::GetStyleColorVec4(color);
  c.w *= alpha;
  return ImGui::GetColorU32(c);
}

// Days of the chart's x range, with a day of margin either side.
void visible_days(const Chart& chart, std::int32_t& first, std::int32_t& last) {
  const TimeAxis& a = chart.geometry.axis;
  first = static_cast<std::int32_t>(std::floor(a.day_at(0))) - 1;
  last = static_cast<std::int32_t>(std::ceil(a.day_at(chart.width()))) + 1;
}

// Whether `day` starts a period of the zoom's unit (minor) or of the larger
// period above it (major).
bool starts_minor(TimelineZoom zoom, const Civil& c, int first_weekday) {
  switch (zoom) {
    case TimelineZoom::day: return true;
    case TimelineZoom::week: return static_cast<int>(c.weekday) == first_weekday;
    case TimelineZoom::month: return c.day == 1;
    case TimelineZoom::quarter: return c.day == 1 && (c.month - 1) % 3 == 0;
  }
  return false;
}
bool starts_major(TimelineZoom zoom, const Civil& c) {
  return (zoom == TimelineZoom::day || zoom == TimelineZoom::week) ? c.day == 1 : (c.day == 1 && c.month == 1);
}

void minor_label(TimelineZoom zoom, const Civil& c, char* out, std::size_t size) {
  switch (zoom) {
    case TimelineZoom::day: std::snprintf(out, size, "%s %u", kDays[c.weekday], c.day); break;
    case TimelineZoom::week: std::snprintf(out, size, "%u %s", c.day, kMonths[c.month - 1]); break;
    case TimelineZoom::month: std::snprintf(out, size, "%s", kMonths[c.month - 1]); break;
    case TimelineZoom::quarter: std::snprintf(out, size, "Q%u", (c.month - 1) / 3 + 1); break;
  }
}

void major_label(TimelineZoom zoom, const Civil& c, char* out, std::size_t size) {
  if (zoom == TimelineZoom::day || zoom == TimelineZoom::week)
    std::snprintf(out, size, "%s %d", kMonths[c.month - 1], c.year);
  else
    std::snprintf(out, size, "%d", c.year);
}

}  // namespace

Civil civil_of(std::int32_t days) {
  // Howard Hinnant's days_from_civil inverse (public domain algorithm).
  const std::int64_t z = static_cast<std::int64_t>(days) + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  Civil c;
  c.day = doy - (153 * mp + 2) / 5 + 1;
  c.month = mp < 10 ? mp + 3 : mp - 9;
  c.year = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (c.month <= 2 ? 1 : 0));
  const std::int64_t w = (static_cast<std::int64_t>(days) + 3) % 7;  // 1970-01-01 was a Thursday
  c.weekday = static_cast<unsigned>(w < 0 ? w + 7 : w);
  return c;
}

void draw_background(ImDrawList& list, const Chart& chart, TimelineZoom zoom, Theme theme, std::span<const Date> holidays) {
  std::int32_t first = 0, last = 0;
  visible_days(chart, first, last);
  const double ppd = chart.geometry.axis.px_per_day;
  const ImU32 weekend = theme == Theme::Dark ? IM_COL32(255, 255, 255, 10) : IM_COL32(0, 0, 0, 12);
  const ImU32 minor = with_alpha(ImGuiCol_Border, 0.35f), major = with_alpha(ImGuiCol_Border, 0.9f);
  for (std::int32_t d = first; d <= last; ++d) {
    const Civil c = civil_of(d);
    const float x = chart.x_of(d);
    const bool holiday = std::binary_search(holidays.begin(), holidays.end(), Date{d},
                                            [](Date a, Date b) { return a.days < b.days; });
    if (ppd >= 2.5 && (c.weekday >= 5 || holiday))
      list.AddRectFilled(ImVec2(x, chart.min.y), ImVec2(chart.x_of(d + 1), chart.max.y), weekend);
    if (starts_major(zoom, c))
      list.AddLine(ImVec2(x, chart.min.y), ImVec2(x, chart.max.y), major);
    else if (starts_minor(zoom, c, chart.first_weekday) && zoom != TimelineZoom::day)
      list.AddLine(ImVec2(x, chart.min.y), ImVec2(x, chart.max.y), minor);
  }
}

void draw_header(ImDrawList& list, const Chart& chart, ImVec2 header_min, float header_height, TimelineZoom zoom) {
  std::int32_t first = 0, last = 0;
  visible_days(chart, first, last);
  const float line = ImGui::GetTextLineHeight();
  const float major_y = header_min.y + 2, minor_y = header_min.y + header_height * 0.5f;
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const ImU32 tick = with_alpha(ImGuiCol_Border, 0.9f);
  list.PushClipRect(ImVec2(chart.min.x, header_min.y), ImVec2(chart.max.x, header_min.y + header_height), true);
  char label[32];
  // The major period already under way at the left edge keeps its name in sight.
  major_label(zoom, civil_of(first + 1), label, sizeof label);
  float major_right_edge = chart.min.x + 4;
  list.AddText(ImVec2(major_right_edge, major_y), text, label);
  major_right_edge += ImGui::CalcTextSize(label).x + 8;
  float minor_right_edge = -1e9f;
  for (std::int32_t d = first; d <= last; ++d) {
    const Civil c = civil_of(d);
    const float x = chart.x_of(d);
    if (starts_major(zoom, c)) {
      list.AddLine(ImVec2(x, major_y), ImVec2(x, header_min.y + header_height), tick);
      major_label(zoom, c, label, sizeof label);
      if (x + 4 > major_right_edge) {
        list.AddText(ImVec2(x + 4, major_y), text, label);
        major_right_edge = x + 4 + ImGui::CalcTextSize(label).x + 8;
      }
    }
    if (starts_minor(zoom, c, chart.first_weekday)) {
      list.AddLine(ImVec2(x, minor_y), ImVec2(x, header_min.y + header_height), tick);
      minor_label(zoom, c, label, sizeof label);
      if (x + 3 > minor_right_edge) {  // labels never overlap: skip one that would
        list.AddText(ImVec2(x + 3, minor_y + (header_height * 0.5f - line) * 0.5f), c.weekday >= 5 ? muted : text, label);
        minor_right_edge = x + 3 + ImGui::CalcTextSize(label).x + 4;
      }
    }
  }
  list.PopClipRect();
}

void draw_lane_bands(ImDrawList& list, const Chart& chart, const TimelineLayout& layout, std::int32_t first_row,
                     std::int32_t end_row) {
  const ImU32 band = with_alpha(ImGuiCol_Header, 0.45f);
  for (const TimelineLane& lane : layout.lanes) {
    if (lane.header_row < first_row || lane.header_row >= end_row) continue;
    const float top = chart.row_top(lane.header_row);
    list.AddRectFilled(ImVec2(chart.min.x, top), ImVec2(chart.max.x, top + static_cast<float>(chart.geometry.row_height)), band);
  }
}

void draw_arrows(ImDrawList& list, const Chart& chart, const TimelineLayout& layout, const TimelineLinks& links,
                 const VisibleRange& visible, ImU32 color, ImU32 critical, int budget) {
  const ScheduleGraph& g = links.graph;
  if (links.position_of.empty() || g.size() == 0) return;
  const float rh = static_cast<float>(chart.geometry.row_height);
  const float head = std::max(3.0f, rh * 0.18f);
  const auto arrow = [&](std::size_t from, std::size_t to, const ScheduleLink& link) {
    const TimelineBar& a = layout.bars[from];
    const TimelineBar& b = layout.bars[to];
    const float x0 = chart.x_of(link.from_finish ? a.end : a.start);
    const float x1 = chart.x_of(link.to_finish ? b.end : b.start);
    const float y0 = chart.row_mid(a.row), y1 = chart.row_mid(b.row);
    if (std::max(x0, x1) < chart.min.x - 20 || std::min(x0, x1) > chart.max.x + 20) return;
    const ImU32 c = (a.flags & b.flags & bar_flags::critical) ? critical : color;
    // Out of the predecessor, down (or up) to the successor's row, into it.
    const float out = x0 + (link.from_finish ? 6.0f : -6.0f);
    const float in = x1 + (link.to_finish ? 6.0f : -6.0f);
    const float turn = y1 + (y1 > y0 ? -rh * 0.5f : rh * 0.5f);
    const ImVec2 points[] = {{x0, y0}, {out, y0}, {out, turn}, {in, turn}, {in, y1}, {x1, y1}};
    list.AddPolyline(points, 6, c, ImDrawFlags_None, 1.0f);
    const float dir = x1 >= in ? 1.0f : -1.0f;
    list.AddTriangleFilled(ImVec2(x1, y1), ImVec2(x1 - dir * head, y1 - head * 0.7f), ImVec2(x1 - dir * head, y1 + head * 0.7f), c);
  };
  for (std::uint32_t i = visible.first_bar; i < visible.end_bar && budget > 0; ++i) {
    const std::int32_t p = links.position_of[i];
    if (p < 0) continue;
    const auto pos = static_cast<std::uint32_t>(p);
    for (std::uint32_t k = g.succ_begin[pos]; k < g.succ_begin[pos + 1] && budget > 0; ++k) {
      const std::int32_t to = links.bar_at[g.succs[k].other];
      if (to < 0) continue;
      arrow(i, static_cast<std::size_t>(to), g.succs[k]);
      --budget;
    }
    // Links coming in from bars above or below the screen (visible ones drew theirs above).
    for (std::uint32_t k = g.pred_begin[pos]; k < g.pred_begin[pos + 1] && budget > 0; ++k) {
      const std::int32_t from = links.bar_at[g.preds[k].other];
      if (from < 0 || (static_cast<std::uint32_t>(from) >= visible.first_bar && static_cast<std::uint32_t>(from) < visible.end_bar))
        continue;
      arrow(static_cast<std::size_t>(from), i, g.preds[k]);
      --budget;
    }
  }
}

void draw_day_line(ImDrawList& list, const Chart& chart, Date day, ImU32 color, float thickness) {
  const float x = chart.x_of(day.days);
  if (x < chart.min.x || x > chart.max.x) return;
  list.AddLine(ImVec2(x, chart.min.y), ImVec2(x, chart.max.y), color, thickness);
}

void draw_diamond(ImDrawList& list, ImVec2 c, float r, ImU32 fill, ImU32 outline) {
  const ImVec2 p[4] = {{c.x, c.y - r}, {c.x + r, c.y}, {c.x, c.y + r}, {c.x - r, c.y}};
  list.AddQuadFilled(p[0], p[1], p[2], p[3], fill);
  list.AddQuad(p[0], p[1], p[2], p[3], outline, 1.0f);
}

}  // namespace cairn::ui::timeline
