#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/allocation.h"
#include "core/schedule_input.h"
#include "core/timeline_drag.h"
#include "core/timeline_layout.h"
#include "core/timeline_overload.h"
#include "ui/bar_renderer.h"
#include "ui/view_context.h"

namespace cairn::ui {

// The timeline's state between frames: what the user chose (zoom,
// grouping, where the chart is panned to), the plan and its layout cached
// per workspace revision, and the gesture in progress.
struct TimelineState {
  TimelineZoom zoom = TimelineZoom::week;
  TimelineGrouping grouping = TimelineGrouping::order;
  TimeAxis axis;
  bool axis_placed = false;  // the first frame puts today near the left edge
  double scroll_y = 0;

  // The cache: rebuilt when the project, the revision, the day, the
  // grouping or the theme changes.
  Id project;
  std::uint64_t revision = ~0ull;
  Date today;
  TimelineGrouping built_grouping = TimelineGrouping::order;
  Theme built_theme = Theme::Light;
  ProjectPlan plan;
  Schedule schedule;
  std::vector<TimelineTask> tasks;
  TimelineLayout layout;
  TimelineLinks links;
  std::vector<Id> gates;               // the project's gates with a due date
  std::vector<Date> holidays;          // the project's, sorted (shaded like weekends)
  std::vector<WeekLoad> over_allocated;  // people with more work than capacity, per week
  std::vector<OverloadMark> overload_marks;  // their places on assignee lanes
  std::size_t overloads_drawn = 0;           // marks on screen in the last frame (tests)
  int built_first_weekday = 0;
  // Ghost bars: each bar's days in the project's newest baseline, [start,
  // end) per layout bar (start == end: not in it). Empty without a baseline.
  struct Ghost {
    std::int32_t start = 0, end = 0;
  };
  std::vector<Ghost> ghosts;
  Id ghost_baseline;  // the baseline they come from (nil: none)
  bool show_baseline = true;
  std::vector<BarInstance> instances;  // layout.bars as the renderer takes them
  std::int32_t day0 = 0;               // instances count days from here (floats stay exact)
  const BarRenderer* uploaded_to = nullptr;
  std::size_t uploads = 0;  // how often the bars were handed to a renderer (tests)
  double rebuild_ms = 0;    // the last rebuild (schedule, layout, instances)
  DrawListBarRenderer fallback;

  // A press on the chart: panning the background or dragging a bar.
  enum class Gesture { none, pan, bar };
  Gesture gesture = Gesture::none;
  std::size_t drag_bar = 0;
  DragKind drag_kind = DragKind::move;
  ImVec2 press;
  double press_first_day = 0, press_scroll = 0;
  std::int32_t drag_days = 0;
  std::vector<DateChange> preview;  // what releasing now would change

  // The bars on screen in the last frame (at most kMaxShown), for the
  // automation API: scripts and browser tests find a bar to drag here.
  struct ShownBar {
    Id task;
    float x0, x1, y0, y1;  // screen pixels
    std::int32_t start, end;  // the bar's days, [start, end)
  };
  static constexpr std::size_t kMaxShown = 100;
  std::vector<ShownBar> shown;
};

// The Gantt timeline of the project: bars from the tasks' dates or the
// critical-path schedule, the critical path outlined, dependency arrows,
// gates as diamonds, today's line, shaded weekends and the newest
// baseline's dates as ghost bars under the bars. Wheel: zoom (day,
// week, month, quarter); Shift+wheel: scroll; drag the background: pan; drag
// a bar: move it, drag an end: change that date (the tasks that depend on
// it are pushed, all in one undo step); click a bar: open the task.
void draw_timeline(ViewContext& ctx, TimelineState& state);

}  // namespace cairn::ui
