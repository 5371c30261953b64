#include "ui/timeline_view.h"

#include <imgui.h>
#include <imgui_internal.h>  // SetItemKeyOwner: the chart keeps the wheel for zooming

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "core/allocation.h"
#include "core/baseline.h"
#include "core/timeline_input.h"
#include "ui/forecast_runner.h"
#include "ui/timeline_paint.h"
#include "ui/widgets.h"

namespace cairn::ui {
namespace {

using timeline::Chart;

ImU32 with_alpha(ImVec4 color, float alpha) {
  color.w *= alpha;
  return ImGui::GetColorU32(color);
}

// Bar fills by status, readable on both themes' backgrounds.
ImU32 status_fill(TaskStatus status, Theme theme) {
  const bool dark = theme == Theme::Dark;
  switch (status) {
    case TaskStatus::backlog: return dark ? IM_COL32(120, 126, 138, 255) : IM_COL32(176, 182, 192, 255);
    case TaskStatus::todo: return dark ? IM_COL32(84, 132, 196, 255) : IM_COL32(126, 166, 222, 255);
    case TaskStatus::in_progress: return dark ? IM_COL32(52, 120, 220, 255) : IM_COL32(61, 125, 216, 255);
    case TaskStatus::blocked: return dark ? IM_COL32(214, 140, 60, 255) : IM_COL32(232, 156, 80, 255);
    case TaskStatus::done: return dark ? IM_COL32(92, 150, 96, 255) : IM_COL32(130, 186, 126, 255);
  }
  return IM_COL32(128, 128, 128, 255);
}

std::uint32_t style_of(std::uint32_t flags) {
  std::uint32_t s = 0;
  if (flags & bar_flags::critical) s |= bar_style::critical;
  if (flags & bar_flags::scheduled) s |= bar_style::scheduled;
  if (flags & bar_flags::milestone) s |= bar_style::milestone;
  return s;
}

// Each bar's days in the newest baseline (BaselineTask finish is inclusive).
void build_ghosts(const ViewContext& ctx, TimelineState& s) {
  s.ghosts.clear();
  const std::vector<const Baseline*> baselines = baselines_of(ctx.ws, ctx.nav.project);
  s.ghost_baseline = baselines.empty() ? Id{} : baselines.front()->id;
  if (baselines.empty()) return;
  std::unordered_map<Id, TimelineState::Ghost> by_task;
  for (const Id id : ctx.ws.children_of(s.ghost_baseline))
    if (const BaselineTask* t = ctx.ws.find<BaselineTask>(id); t && t->start && t->finish && *t->finish >= *t->start)
      by_task[t->task] = {t->start->days, t->finish->days + 1};
  s.ghosts.resize(s.layout.bars.size());
  for (std::size_t i = 0; i < s.layout.bars.size(); ++i)
    if (const auto it = by_task.find(s.layout.bars[i].task); it != by_task.end()) s.ghosts[i] = it->second;
}

// Schedule, layout, links and GPU instances of the plan; only when something
// they depend on changed (a 100k-task plan takes a while, a frame must not).
void refresh(const ViewContext& ctx, TimelineState& s) {
  if (s.project == ctx.nav.project && s.revision == ctx.revision && s.today == ctx.today &&
      s.built_grouping == s.grouping && s.built_theme == ctx.theme)
    return;
  const auto started = std::chrono::steady_clock::now();
  const bool plan_changed = s.project != ctx.nav.project || s.revision != ctx.revision || s.today != ctx.today;
  // Typing in the task editor beside the chart changes the revision with
  // every key; at 100k tasks a rebuild takes most of a second. Titles are
  // read live, so the layout waits until the field is left.
  if (plan_changed && s.project == ctx.nav.project && s.built_grouping == s.grouping && s.built_theme == ctx.theme &&
      !s.layout.bars.empty() && ImGui::GetIO().WantTextInput)
    return;
  if (plan_changed || s.built_first_weekday != ctx.first_weekday) {
    s.plan = schedule_input_from(ctx.ws, ctx.nav.project, CalendarOptions{ctx.today, {}});
    s.holidays = s.plan.input.calendar.holidays;
    std::sort(s.holidays.begin(), s.holidays.end(), [](Date a, Date b) { return a.days < b.days; });
    s.schedule = compute_schedule(s.plan.input);
    s.over_allocated = over_allocated_weeks(ctx.ws, s.plan, s.schedule, ctx.first_weekday);
    s.built_first_weekday = ctx.first_weekday;
    s.tasks = timeline_tasks_from(ctx.ws, ctx.nav.project);
    s.gates.clear();  // found here: scanning the project's children each frame costs ~1 ms at 100k tasks
    for (const Id id : ctx.ws.children_of(ctx.nav.project))
      if (const Gate* g = ctx.ws.find<Gate>(id); g && g->due) s.gates.push_back(id);
    // A gesture refers to bars by index: a changed plan ends it.
    s.gesture = TimelineState::Gesture::none;
    s.preview.clear();
  }
  const std::vector<Id> people = people_by_name(ctx.ws, ctx.nav.project);
  s.layout = layout_timeline(s.tasks, s.schedule, s.grouping, people);
  s.overload_marks = overload_marks(s.layout, s.over_allocated);
  s.links = timeline_links(s.plan.input, s.layout);
  build_ghosts(ctx, s);
  s.day0 = s.layout.first_day;
  s.instances.clear();
  s.instances.reserve(s.layout.bars.size());
  for (const TimelineBar& b : s.layout.bars)
    s.instances.push_back({static_cast<float>(b.start - s.day0), static_cast<float>(b.end - s.day0), static_cast<float>(b.row),
                           status_fill(b.status, ctx.theme), style_of(b.flags)});
  s.uploaded_to = nullptr;  // hand the new bars over
  s.project = ctx.nav.project;
  s.revision = ctx.revision;
  s.today = ctx.today;
  s.built_grouping = s.grouping;
  s.built_theme = ctx.theme;
  s.rebuild_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
}

void set_zoom(TimelineState& s, TimelineZoom zoom, double pivot_x, float scale) {
  s.zoom = zoom;
  s.axis.zoom_around(pixels_per_day(zoom) * scale, pivot_x);
}

// The project's non-working days, edited as a list of dates.
void draw_holidays(ViewContext& ctx) {
  const Project* project = ctx.ws.find<Project>(ctx.nav.project);
  if (!project) return;
  char label[48];
  std::snprintf(label, sizeof label, "Holidays (%zu)\xE2\x80\xA6###holidays", project->holidays.size());
  if (ImGui::SmallButton(label)) ImGui::OpenPopup("Holidays");
  if (!ImGui::BeginPopup("Holidays")) return;
  ImGui::TextUnformatted("Days nobody on this project works, besides weekends.");
  ImGui::TextUnformatted("The schedule, the forecast and the timeline skip them.");
  edit_list("##dates", *project, field::project::holidays, project->holidays, ctx.out, "2026-12-24, 2026-12-25",
            24 * ImGui::GetFontSize());
  for (const std::string& day : project->holidays)
    if (const std::optional<Date> d = parse_date(day)) ImGui::BulletText("%s", format_date(*d).c_str());
  ImGui::EndPopup();
}

// Weeks in which someone has more scheduled work than capacity.
void draw_over_allocation(ViewContext& ctx, const TimelineState& s) {
  if (s.over_allocated.empty()) return;
  char label[64];
  std::snprintf(label, sizeof label, "Over-allocated: %zu week%s###overalloc", s.over_allocated.size(),
                s.over_allocated.size() == 1 ? "" : "s");
  ImGui::PushStyleColor(ImGuiCol_Text, bad_color(ctx.theme));
  if (ImGui::SmallButton(label)) ImGui::OpenPopup("Over-allocation");
  ImGui::PopStyleColor();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal))
    ImGui::SetTooltip("The schedule gives these people more work in a week than their capacity (Charter: people).");
  if (!ImGui::BeginPopup("Over-allocation")) return;
  ImGui::TextUnformatted("Scheduled work above capacity, per person and week:");
  const float em = ImGui::GetFontSize();
  if (ImGui::BeginTable("over", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit,
                        ImVec2(34 * em, std::min(20.0f, 1.5f + static_cast<float>(s.over_allocated.size())) * ImGui::GetFrameHeight()))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Person", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Week of");
    ImGui::TableSetupColumn("Work");
    ImGui::TableSetupColumn("Capacity");
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(s.over_allocated.size()));
    while (clipper.Step())
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const WeekLoad& w = s.over_allocated[static_cast<std::size_t>(i)];
        const Person* p = ctx.ws.find<Person>(w.person);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(i);
        ImGui::Selectable(p ? p->name.c_str() : "?", false, ImGuiSelectableFlags_SpanAllColumns);
        if (ImGui::IsItemHovered()) {
          std::string tasks;
          for (std::size_t k = 0; k < w.tasks.size() && k < 12; ++k)
            if (const Task* t = ctx.ws.find<Task>(w.tasks[k])) tasks += "\n\xE2\x80\xA2 " + t->title;
          if (w.tasks.size() > 12) tasks += "\n\xE2\x80\xA6 and " + std::to_string(w.tasks.size() - 12) + " more";
          ImGui::SetTooltip("%zu tasks that week:%s", w.tasks.size(), tasks.c_str());
        }
        ImGui::PopID();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_date(w.week).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%.1f d", w.assigned_days);
        ImGui::TableNextColumn();
        ImGui::Text("%.1f d", w.capacity_days);
      }
    ImGui::EndTable();
  }
  ImGui::EndPopup();
}

// Over-allocated weeks on the assignee lanes: the week tinted across the
// lane, red in its title row with the excess, details on hover (unless the
// pointer is on a bar).
void draw_overload_marks(const ViewContext& ctx, TimelineState& s, ImDrawList& list, const timeline::Chart& chart,
                         const VisibleRange& visible, bool bar_hovered) {
  s.overloads_drawn = 0;
  if (s.overload_marks.empty()) return;
  const ImU32 tint = with_alpha(bad_color(ctx.theme), 0.10f);
  const ImU32 title = with_alpha(bad_color(ctx.theme), 0.55f);
  const float rh = static_cast<float>(chart.geometry.row_height);
  const ImVec2 mouse = ImGui::GetMousePos();
  const WeekLoad* hovered = nullptr;
  for (const OverloadMark& m : s.overload_marks) {
    if (m.end_row <= visible.first_row || m.first_row >= visible.end_row) continue;
    const float x0 = chart.x_of(m.first_day), x1 = chart.x_of(m.end_day);
    if (x1 < chart.min.x || x0 > chart.max.x) continue;
    const float top = chart.row_top(m.first_row);
    list.AddRectFilled(ImVec2(x0, top + rh), ImVec2(x1, chart.row_top(m.end_row)), tint);
    list.AddRectFilled(ImVec2(x0 + 1, top + 2), ImVec2(x1 - 1, top + rh - 2), title, 3.0f);
    const WeekLoad& load = s.over_allocated[m.load];
    char excess[32];
    std::snprintf(excess, sizeof excess, "+%.1f d", load.assigned_days - load.capacity_days);
    const ImVec2 size = ImGui::CalcTextSize(excess);
    if (size.x + 6 < x1 - x0)
      list.AddText(ImVec2(x0 + (x1 - x0 - size.x) * 0.5f, top + (rh - size.y) * 0.5f), IM_COL32(255, 255, 255, 255), excess);
    ++s.overloads_drawn;
    if (!bar_hovered && ImGui::IsItemHovered() && mouse.x >= x0 && mouse.x < x1 && mouse.y >= top && mouse.y < top + rh)
      hovered = &load;
  }
  if (!hovered) return;
  const Person* p = ctx.ws.find<Person>(hovered->person);
  ImGui::SetTooltip("%s, week of %s: %.1f days of work, capacity %.1f days (%zu tasks).\n"
                    "The schedule puts these tasks in parallel; chain them or share the work.",
                    p ? p->name.c_str() : "?", format_date(hovered->week).c_str(), hovered->assigned_days,
                    hovered->capacity_days, hovered->tasks.size());
}

void draw_toolbar(ViewContext& ctx, TimelineState& s, float chart_width, float scale) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Zoom");
  for (const TimelineZoom z : kTimelineZooms) {
    ImGui::SameLine();
    if (ImGui::RadioButton(zoom_name(z), s.zoom == z)) set_zoom(s, z, chart_width * 0.5, scale);
  }
  ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
  ImGui::TextUnformatted("Rows");
  const std::pair<TimelineGrouping, const char*> groupings[] = {
      {TimelineGrouping::order, "Project order"}, {TimelineGrouping::stage, "By stage"}, {TimelineGrouping::assignee, "Assignee lanes"}};
  for (const auto& [g, label] : groupings) {
    ImGui::SameLine();
    if (ImGui::RadioButton(label, s.grouping == g)) {
      s.grouping = g;
      s.scroll_y = 0;
    }
  }
  if (!s.ghost_baseline.nil()) {
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    ImGui::Checkbox("Baseline", &s.show_baseline);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal))
      ImGui::SetTooltip("Ghost bars under the bars: the dates of the newest baseline (saved on the dashboard).");
  }
  // Second row: the calendar and the people, then where the chart is.
  draw_holidays(ctx);
  ImGui::SameLine();
  if (!s.over_allocated.empty()) {
    draw_over_allocation(ctx, s);
    ImGui::SameLine();
  }
  if (ImGui::SmallButton("Today")) s.axis.first_day = ctx.today.days - chart_width * 0.25 / s.axis.px_per_day;
  ImGui::SameLine();
  char status[128];
  std::snprintf(status, sizeof status, "%zu bars, %zu critical", s.layout.bars.size(), s.schedule.critical_tasks.size());
  muted_text(ctx.theme, status);
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal))
    ImGui::SetTooltip("Wheel: zoom. Shift+wheel: scroll. Drag the background to pan, a bar to move it, its right end to\n"
                      "change its due date. Hatched bars have no dates yet: the schedule placed them.");
}

// The task under the pointer, in a tooltip: title, dates, slack.
void bar_tooltip(const ViewContext& ctx, const TimelineBar& bar, const TimelineState::Ghost* ghost) {
  const Task* task = ctx.ws.find<Task>(bar.task);
  if (!task) return;
  ImGui::BeginTooltip();
  ImGui::PushFont(ctx.fonts.strong);
  ImGui::TextUnformatted(task->title.empty() ? "(untitled)" : task->title.c_str());
  ImGui::PopFont();
  if (bar.flags & bar_flags::milestone)
    ImGui::Text("Milestone: %s", format_date(Date{bar.end - 1}).c_str());
  else
    ImGui::Text("%s \xE2\x86\x92 %s  (%d days)", format_date(Date{bar.start}).c_str(), format_date(Date{bar.end - 1}).c_str(),
                bar.end - bar.start);
  ImGui::Text("Status: %s", enum_label(enum_name(task->status)).c_str());
  if (!(bar.flags & bar_flags::done)) {  // done work has no slack to speak of
    if (bar.flags & bar_flags::critical)
      ImGui::TextColored(bad_color(ctx.theme), "On the critical path: no slack");
    else
      ImGui::Text("Slack: %.1f working days", bar.total_slack);
  }
  if (bar.flags & bar_flags::scheduled) muted_text(ctx.theme, "No dates written: placed by the schedule.");
  if (ghost && ghost->end > ghost->start) {
    const std::int64_t slip = working_days_slip(Date{ghost->end - 1}, Date{std::max(bar.start, bar.end - 1)});
    ImGui::Text("Baseline: %s \xE2\x86\x92 %s, %s%lld working days", format_date(Date{ghost->start}).c_str(),
                format_date(Date{ghost->end - 1}).c_str(), slip > 0 ? "+" : "", static_cast<long long>(slip));
  }
  ImGui::EndTooltip();
}

Command drag_command(const std::vector<DateChange>& changes, DragKind kind) {
  Command c;
  c.label = kind == DragKind::move ? "Move task" : "Change task dates";
  if (changes.size() > 1)
    c.label += " (" + std::to_string(changes.size() - 1) + (changes.size() == 2 ? " dependent task pushed)" : " dependent tasks pushed)");
  for (const DateChange& change : changes) {
    c.ops.push_back(SetField{change.task, field::task::start, change.start});
    c.ops.push_back(SetField{change.task, field::task::due, change.due});
  }
  return c;
}

// Pointer input over the chart: zoom, scroll, pan, drag, click, hover.
// Returns the hovered bar (index), if any.
std::optional<std::size_t> handle_input(ViewContext& ctx, TimelineState& s, const Chart& chart, float scale) {
  const ImGuiIO& io = ImGui::GetIO();
  const bool hovered = ImGui::IsItemHovered();
  const ImVec2 mouse = io.MousePos;
  const double mx = mouse.x - chart.min.x, my = mouse.y - chart.min.y;
  const double max_scroll = std::max(0.0, s.layout.rows * chart.geometry.row_height - chart.height() + chart.geometry.row_height);
  if (hovered) {
    ImGui::SetItemKeyOwner(ImGuiKey_MouseWheelY);
    if (io.MouseWheel != 0 && io.KeyShift) {
      s.scroll_y -= io.MouseWheel * chart.geometry.row_height * 3;
    } else if (io.MouseWheel != 0 && s.gesture == TimelineState::Gesture::none) {
      set_zoom(s, zoom_step(s.zoom, io.MouseWheel > 0 ? -1 : +1), mx, scale);
    }
    if (io.MouseWheelH != 0) s.axis.first_day -= io.MouseWheelH * 40 / s.axis.px_per_day;
  }
  s.scroll_y = std::clamp(s.scroll_y, 0.0, max_scroll);

  const BarHit hit = hovered || ImGui::IsItemActive() ? hit_test(s.layout, chart.geometry, mx, my) : BarHit{};
  if (ImGui::IsItemActivated()) {
    s.press = mouse;
    s.press_first_day = s.axis.first_day;
    s.press_scroll = s.scroll_y;
    s.drag_days = 0;
    s.preview.clear();
    if (hit.bar) {
      s.gesture = TimelineState::Gesture::bar;
      s.drag_bar = *hit.bar;
      s.drag_kind = hit.part == BarPart::end_edge ? DragKind::resize_end
                    : hit.part == BarPart::start_edge ? DragKind::resize_start
                                                       : DragKind::move;
    } else {
      s.gesture = TimelineState::Gesture::pan;
    }
  }
  const float dx = mouse.x - s.press.x, dy = mouse.y - s.press.y;
  if (ImGui::IsItemActive()) {
    if (s.gesture == TimelineState::Gesture::pan) {
      s.axis.first_day = s.press_first_day - dx / s.axis.px_per_day;
      s.scroll_y = std::clamp(s.press_scroll - dy, 0.0, max_scroll);
      ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);
    } else if (s.gesture == TimelineState::Gesture::bar) {
      const std::int32_t days = days_for_drag(dx, s.axis.px_per_day);
      if (days != s.drag_days || (s.preview.empty() && days != 0)) {
        s.drag_days = days;
        s.preview = plan_drag(s.layout, s.links, s.drag_bar, s.drag_kind, days);
      }
      ImGui::SetMouseCursor(s.drag_kind == DragKind::move ? ImGuiMouseCursor_Hand : ImGuiMouseCursor_ResizeEW);
    }
  } else if (hit.bar) {
    ImGui::SetMouseCursor(hit.part == BarPart::body ? ImGuiMouseCursor_Hand : ImGuiMouseCursor_ResizeEW);
  }
  if (ImGui::IsItemDeactivated()) {
    const bool was_click = std::abs(dx) < io.MouseDragThreshold && std::abs(dy) < io.MouseDragThreshold;
    if (s.gesture == TimelineState::Gesture::bar && s.drag_bar < s.layout.bars.size()) {
      if (!s.preview.empty())
        ctx.out.push(drag_command(s.preview, s.drag_kind));
      else if (was_click)
        ctx.nav.open_task = s.layout.bars[s.drag_bar].task;
    }
    s.gesture = TimelineState::Gesture::none;
    s.preview.clear();
  }
  return hit.bar;
}

// Task titles (and lane titles) beside their rows.
void draw_labels(const ViewContext& ctx, const TimelineState& s, ImDrawList& list, const Chart& chart, ImVec2 min,
                 float width, const VisibleRange& visible) {
  list.PushClipRect(ImVec2(min.x, chart.min.y), ImVec2(min.x + width - 4, chart.max.y), true);
  const float pad = ImGui::GetStyle().FramePadding.x;
  const float text_dy = (static_cast<float>(chart.geometry.row_height) - ImGui::GetTextLineHeight()) * 0.5f;
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  for (const TimelineLane& lane : s.layout.lanes) {
    if (lane.header_row < visible.first_row || lane.header_row >= visible.end_row) continue;
    std::string title;
    if (s.grouping == TimelineGrouping::stage) title = enum_label(enum_name(lane.stage));
    else if (const Person* p = ctx.ws.find<Person>(lane.person)) title = p->name;
    else title = "Unassigned";
    // A long name is cut so that the row count still shows.
    const std::string rows = "  (" + std::to_string(lane.rows) + (lane.rows == 1 ? " row)" : " rows)");
    ImGui::PushFont(ctx.fonts.strong);
    title = fit_text(title, width - 4 - 2 * pad - ImGui::CalcTextSize(rows.c_str()).x) + rows;
    ImGui::PopFont();
    list.AddText(ctx.fonts.strong, ImGui::GetFontSize(), ImVec2(min.x + pad, chart.row_top(lane.header_row) + text_dy), text,
                 title.c_str());
  }
  // One title per row: the bar in view, and how many others share the row
  // (assignee lanes pack several bars into a row).
  for (std::int32_t r = visible.first_row; r < visible.end_row; ++r) {
    const auto row = s.layout.row(r);
    if (row.empty()) continue;
    const TimelineBar& bar = row[row_label_bar(row, chart.geometry.axis, chart.width())];
    const Task* task = ctx.ws.find<Task>(bar.task);
    if (!task) continue;
    const ImU32 color = (bar.flags & bar_flags::done) ? ImGui::GetColorU32(ImGuiCol_TextDisabled) : text;
    const float y = chart.row_top(r) + text_dy;
    float right = min.x + width - 4;  // the clip's right edge
    if (row.size() > 1) {
      const std::string more = "+" + std::to_string(row.size() - 1);
      right -= ImGui::CalcTextSize(more.c_str()).x + pad;
      list.AddText(ImVec2(right + pad, y), ImGui::GetColorU32(ImGuiCol_TextDisabled), more.c_str());
    }
    list.PushClipRect(ImVec2(min.x, chart.min.y), ImVec2(right, chart.max.y), true);
    list.AddText(ImVec2(min.x + pad, y), color, task->title.c_str());
    list.PopClipRect();
  }
  list.PopClipRect();
}

void draw_gates(const ViewContext& ctx, const TimelineState& s, ImDrawList& list, const Chart& chart, float header_bottom,
                float radius) {
  const ImU32 fill = ImGui::GetColorU32(warning_color(ctx.theme));
  const ImU32 outline = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 line = with_alpha(warning_color(ctx.theme), 0.6f);
  for (const Id id : s.gates) {
    const Gate* g = ctx.ws.find<Gate>(id);
    if (!g || !g->due) continue;
    const float x = chart.x_of(g->due->days + 1);  // due by the end of the day
    if (x < chart.min.x || x > chart.max.x) continue;
    for (float y = chart.min.y; y < chart.max.y; y += 8) list.AddLine(ImVec2(x, y), ImVec2(x, std::min(y + 4, chart.max.y)), line);
    const ImVec2 centre(x, header_bottom - radius - 1);
    timeline::draw_diamond(list, centre, radius, fill, outline);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (std::abs(mouse.x - x) <= radius && std::abs(mouse.y - centre.y) <= radius)
      ImGui::SetTooltip("Gate: %s\nDue %s\nDecision: %s", g->name.c_str(), format_date(*g->due).c_str(),
                        enum_label(enum_name(g->decision)).c_str());
    // The P80 forecast of the task the gate waits for: a hollow diamond
    // joined to the due date, red when it lands after it.
    const GateForecast* f = ctx.forecast ? ctx.forecast->gate(id) : nullptr;
    if (!f || g->decision != GateDecision::pending) continue;
    const float px = std::clamp(chart.x_of(f->finish.p80.days + 1), chart.min.x, chart.max.x);
    const ImU32 tone = ImGui::GetColorU32(f->finish.p80 > *g->due ? bad_color(ctx.theme) : good_color(ctx.theme));
    list.AddLine(ImVec2(x, centre.y), ImVec2(px, centre.y), tone, 2.0f);
    const float r = radius * 0.8f;
    list.AddQuad(ImVec2(px, centre.y - r), ImVec2(px + r, centre.y), ImVec2(px, centre.y + r), ImVec2(px - r, centre.y), tone, 2.0f);
    if (std::abs(mouse.x - px) <= radius && std::abs(mouse.y - centre.y) <= radius)
      ImGui::SetTooltip("Gate: %s\nEvidence ready (P80): %s\nP50 %s, P95 %s\n%.0f%% chance by the due date (%s)",
                        g->name.c_str(), format_date(f->finish.p80).c_str(), format_date(f->finish.p50).c_str(),
                        format_date(f->finish.p95).c_str(), f->chance_by_due.value_or(0) * 100,
                        format_date(*g->due).c_str());
  }
}

// What a drag would do: the new spans as outlines over the chart.
void draw_preview(const TimelineState& s, ImDrawList& list, const Chart& chart, ImU32 color) {
  const float pad = std::floor(static_cast<float>(chart.geometry.row_height) * 0.18f);
  for (std::size_t i = 0; i < s.preview.size(); ++i) {
    const DateChange& c = s.preview[i];
    const TimelineBar& bar = s.layout.bars[c.bar];
    const float top = chart.row_top(bar.row) + pad, bottom = chart.row_top(bar.row) + static_cast<float>(chart.geometry.row_height) - pad;
    const float x0 = chart.x_of(c.bar_start), x1 = std::max(chart.x_of(c.bar_end), x0 + 2);
    if (i == 0) list.AddRectFilled(ImVec2(x0, top), ImVec2(x1, bottom), (color & 0x00FFFFFFu) | 0x60000000u);
    list.AddRect(ImVec2(x0, top), ImVec2(x1, bottom), color, 0, 0, 2.0f);
  }
  if (!s.preview.empty()) {
    const DateChange& c = s.preview.front();
    char text[64];
    std::snprintf(text, sizeof text, "%s \xE2\x86\x92 %s", format_date(c.start).c_str(), format_date(c.due).c_str());
    const TimelineBar& bar = s.layout.bars[c.bar];
    list.AddText(ImVec2(chart.x_of(c.bar_end) + 6, chart.row_top(bar.row)), ImGui::GetColorU32(ImGuiCol_Text), text);
  }
}

// Baseline ghost bars of the visible rows: a translucent strip along the
// bottom of the row, under the bar, so a slipped bar shows its old place.
// ImDrawList, not the bar renderer: only visible rows, a few hundred quads.
void draw_ghosts(const TimelineState& s, ImDrawList& list, const Chart& chart, const VisibleRange& visible, ImU32 color) {
  if (!s.show_baseline || s.ghosts.empty()) return;
  const float rh = static_cast<float>(chart.geometry.row_height);
  const float fill_alpha = 0.22f;
  const ImU32 fill = (color & ~IM_COL32_A_MASK) | (static_cast<ImU32>(fill_alpha * 255) << IM_COL32_A_SHIFT);
  for (std::uint32_t i = visible.first_bar; i < visible.end_bar && i < s.ghosts.size(); ++i) {
    const TimelineState::Ghost& g = s.ghosts[i];
    if (g.end <= g.start) continue;
    const float x0 = chart.x_of(g.start), x1 = std::max(chart.x_of(g.end), x0 + 2);
    if (x1 < chart.min.x || x0 > chart.max.x) continue;
    const float top = chart.row_top(s.layout.bars[i].row) + rh * 0.62f, bottom = chart.row_top(s.layout.bars[i].row) + rh - 1;
    list.AddRectFilled(ImVec2(x0, top), ImVec2(x1, bottom), fill, 2.0f);
    list.AddRect(ImVec2(x0, top), ImVec2(x1, bottom), color, 2.0f);
  }
}

// The bars on screen, for window.cairn.state() (browser tests drag them).
void remember_shown(TimelineState& s, const Chart& chart, const VisibleRange& visible) {
  s.shown.clear();
  const float pad = std::floor(static_cast<float>(chart.geometry.row_height) * 0.18f);
  for (std::uint32_t i = visible.first_bar; i < visible.end_bar && s.shown.size() < TimelineState::kMaxShown; ++i) {
    const TimelineBar& b = s.layout.bars[i];
    if (!bar_visible_x(b, chart.geometry.axis, chart.width())) continue;
    float x0 = chart.x_of(b.start), x1 = chart.x_of(b.end);
    if (b.flags & bar_flags::milestone) {  // the diamond's width, as hit_test takes it
      x0 -= static_cast<float>(chart.geometry.row_height) * 0.5f;
      x1 += static_cast<float>(chart.geometry.row_height) * 0.5f;
    }
    x0 = std::max(x0, chart.min.x);
    x1 = std::min(x1, chart.max.x);
    const float y0 = chart.row_top(b.row) + pad, y1 = chart.row_top(b.row) + static_cast<float>(chart.geometry.row_height) - pad;
    if (y0 < chart.min.y || y1 > chart.max.y || x1 - x0 < 4) continue;
    s.shown.push_back({b.task, x0, x1, y0, y1, b.start, b.end});
  }
}

}  // namespace

void draw_timeline(ViewContext& ctx, TimelineState& s) {
  if (!ctx.ws.find<Project>(ctx.nav.project)) return;
  refresh(ctx, s);
  if (ctx.forecast) advance_forecast(ctx, *ctx.forecast);
  const float em = ImGui::GetFontSize();
  const float scale = em / 16.0f;  // zoom levels are for 16 px text; larger text widens days too
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float label_width = std::clamp(16 * em, 8 * em, avail.x * 0.35f);
  if (!s.axis_placed) {
    s.axis.px_per_day = pixels_per_day(s.zoom) * scale;
    s.axis.first_day = ctx.today.days - (avail.x - label_width) * 0.2 / s.axis.px_per_day;
    s.axis_placed = true;
  }
  draw_toolbar(ctx, s, avail.x - label_width, scale);

  constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
  ImGui::BeginChild("timeline", ImVec2(0, 0), ImGuiChildFlags_Border, kFlags);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 size = ImGui::GetContentRegionAvail();
  const float header_height = ImGui::GetTextLineHeight() * 2.6f;
  Chart chart;
  chart.min = ImVec2(origin.x + label_width, origin.y + header_height);
  chart.max = ImVec2(origin.x + size.x, origin.y + size.y);
  if (chart.width() < 20 || chart.height() < 20) {  // too small a window to show anything
    ImGui::EndChild();
    return;
  }
  chart.geometry.axis = s.axis;
  chart.geometry.row_height = std::floor(em * 1.5f);
  chart.geometry.scroll_y = s.scroll_y;
  chart.first_weekday = ctx.first_weekday;

  // One item for the whole chart: the bars are not ImGui items (10k ids).
  ImGui::SetCursorScreenPos(chart.min);
  ImGui::InvisibleButton("chart", ImVec2(chart.width(), chart.height()));
  const std::optional<std::size_t> hovered = handle_input(ctx, s, chart, scale);
  chart.geometry.axis = s.axis;  // the input may have zoomed, panned or scrolled
  chart.geometry.scroll_y = s.scroll_y;

  ImDrawList& list = *ImGui::GetWindowDrawList();
  const VisibleRange visible = visible_range(s.layout, chart.geometry, chart.height());
  list.PushClipRect(chart.min, chart.max, true);
  timeline::draw_background(list, chart, s.zoom, ctx.theme, s.holidays);
  timeline::draw_lane_bands(list, chart, s.layout, visible.first_row, visible.end_row);
  draw_overload_marks(ctx, s, list, chart, visible, hovered.has_value());

  draw_ghosts(s, list, chart, visible, ImGui::GetColorU32(ImGuiCol_Text, 0.5f));

  // The bars: handed over once per plan, drawn as one range per frame.
  BarRenderer& renderer = ctx.bars ? *ctx.bars : static_cast<BarRenderer&>(s.fallback);
  if (s.uploaded_to != &renderer) {
    renderer.set_bars(s.instances);
    s.uploaded_to = &renderer;
    ++s.uploads;
  }
  BarFrame frame;
  frame.clip_min = chart.min;
  frame.clip_max = chart.max;
  frame.x0 = chart.x_of(s.day0);
  frame.px_per_day = static_cast<float>(s.axis.px_per_day);
  frame.y0 = chart.row_top(0);
  frame.row_height = static_cast<float>(chart.geometry.row_height);
  frame.first = visible.first_bar;
  frame.count = visible.end_bar - visible.first_bar;
  frame.hidden = s.preview.empty() ? -1 : static_cast<std::int32_t>(s.preview.front().bar);
  frame.hovered = hovered && s.gesture == TimelineState::Gesture::none ? static_cast<std::int32_t>(*hovered) : -1;
  frame.outline = ImGui::GetColorU32(ImGuiCol_Text, 0.45f);
  frame.critical = ImGui::GetColorU32(bad_color(ctx.theme));
  renderer.draw(list, frame);

  timeline::draw_arrows(list, chart, s.layout, s.links, visible, ImGui::GetColorU32(ImGuiCol_Text, 0.35f),
                        with_alpha(bad_color(ctx.theme), 0.8f));
  timeline::draw_day_line(list, chart, ctx.today, ImGui::GetColorU32(accent_color(ctx.theme)), 2.0f);
  draw_preview(s, list, chart, ImGui::GetColorU32(accent_color(ctx.theme)));
  list.PopClipRect();

  // Header, gates, labels, and the separators between them.
  const ImU32 border = ImGui::GetColorU32(ImGuiCol_Border);
  timeline::draw_header(list, chart, ImVec2(origin.x, origin.y), header_height, s.zoom);
  draw_gates(ctx, s, list, chart, chart.min.y, std::floor(em * 0.4f));
  list.AddLine(ImVec2(origin.x, chart.min.y), ImVec2(chart.max.x, chart.min.y), border);
  list.AddLine(ImVec2(chart.min.x, origin.y), ImVec2(chart.min.x, chart.max.y), border);
  draw_labels(ctx, s, list, chart, origin, label_width, visible);
  if (s.layout.bars.empty())
    list.AddText(ImVec2(chart.min.x + em, chart.min.y + em), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                 "No task to show: tasks appear here once they have dates or an estimate.");
  if (hovered && s.gesture == TimelineState::Gesture::none && *hovered < s.layout.bars.size())
    bar_tooltip(ctx, s.layout.bars[*hovered], *hovered < s.ghosts.size() ? &s.ghosts[*hovered] : nullptr);
  remember_shown(s, chart, visible);
  ImGui::EndChild();
}

}  // namespace cairn::ui
