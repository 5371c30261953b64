#include "ui/report_view.h"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "core/file_names.h"
#include "core/report_markdown.h"
#include "ui/dashboard_view.h"
#include "ui/forecast_runner.h"
#include "ui/widgets.h"

namespace cairn::ui {
namespace {

Timestamp now_utc() {
  using namespace std::chrono;
  return Timestamp{duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count()};
}

// "churn-model-2026-11-27-status-report.md".
std::string report_file_name(const std::string& project_name, Date today) {
  std::string name = suggested_export_name(project_name, format_date(today));
  if (name.size() > 5 && name.ends_with(".json")) name.resize(name.size() - 5);
  return name + "-status-report.md";
}

// New plan, schedule and forecast when the workspace, project or day changed.
void refresh_plan(const ViewContext& ctx, ReportState& state) {
  if (state.project == ctx.nav.project && state.revision == ctx.revision && state.today == ctx.today) return;
  if (state.project != ctx.nav.project) {  // another project's report is not shown meanwhile
    state.viewing = Id{};
    state.markdown.clear();
  }
  state.project = ctx.nav.project;
  state.revision = ctx.revision;
  state.today = ctx.today;
  state.plan = schedule_input_from(ctx.ws, state.project, CalendarOptions{ctx.today, {}});
  state.schedule = compute_schedule(state.plan.input);
  state.forecast.reset();
  state.target_runs = report_forecast_runs(state.plan.input.tasks.size());
  if (!state.plan.input.tasks.empty())
    state.forecast = std::make_unique<MonteCarloForecast>(
        forecast_input_from(state.plan, DurationDistribution::pert_beta, kReportForecastSeed));
  state.computed = false;
  state.kept.clear();  // scanning the project's children costs ~0.5 ms at 10k tasks: once per change
  for (const Report* r : reports_of(ctx.ws, state.project)) state.kept.push_back(r->id);
}

// True when all of the report's forecast runs are done (or there is none).
bool advance_forecast(ViewContext& ctx, ReportState& state) {
  return !state.forecast || run_forecast_slice(ctx, *state.forecast, state.target_runs, state.plan.input.tasks.size());
}

void compute(const ViewContext& ctx, ReportState& state) {
  const Report* last = state.kept.empty() ? nullptr : ctx.ws.find<Report>(state.kept.front());
  state.report = compute_status_report(ctx.ws, state.project, ctx.today, state.audience, last, state.plan, state.schedule,
                                       state.forecast.get());
  state.markdown = render_markdown(state.report);
  state.rendered = state.audience;
  state.computed = true;
}

void draw_audience_switch(ReportState& state) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("For");
  ImGui::SameLine();
  if (ImGui::RadioButton("Executives", state.audience == ReportAudience::executive))
    state.audience = ReportAudience::executive;
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal))
    ImGui::SetTooltip("A short summary: health, money, dates, the main blockers, gates and risks.");
  ImGui::SameLine();
  if (ImGui::RadioButton("The team", state.audience == ReportAudience::team)) state.audience = ReportAudience::team;
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal))
    ImGui::SetTooltip("Every detail: each task done, blocker, gate criterion, slipped task and risk.");
}

// Copy, download and keep act on the text shown.
void draw_actions(ViewContext& ctx, ReportState& state, const std::string& shown, bool ready, const Project& project) {
  ImGui::SameLine(0, ImGui::GetFontSize() * 2);
  ImGui::BeginDisabled(!ready || shown.empty());
  if (ImGui::Button("Copy")) ImGui::SetClipboardText(shown.c_str());
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal)) ImGui::SetTooltip("Copy the Markdown to the clipboard.");
  ImGui::SameLine();
  if (ImGui::Button("Download .md")) state.download = {true, report_file_name(project.name, ctx.today), shown};
  ImGui::EndDisabled();
  if (!state.viewing.nil()) return;  // a kept report is kept already
  ImGui::SameLine();
  ImGui::BeginDisabled(!state.computed);
  if (ImGui::Button("Keep this report"))
    ctx.out.push(keep_report_command(state.report, state.markdown, now_utc(), ctx.ids));
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal | ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("Keep this report with its figures: the next report says what changed since (undo removes it).");
}

// Kept reports, newest first: view one, or remove it.
void draw_kept(ViewContext& ctx, ReportState& state) {
  section_heading("Kept reports");
  if (state.kept.empty()) {
    muted_text(ctx.theme, "None yet. Keep a report when you send it: the next one compares with it.");
    return;
  }
  if (ImGui::Selectable("Current report", state.viewing.nil())) state.viewing = Id{};
  for (const Id id : state.kept) {
    const Report* r = ctx.ws.find<Report>(id);
    if (!r) continue;
    ImGui::PushID(r);
    const std::string label = shown_time(ctx, r->taken_at) + "  \xC2\xB7  " +
                              (r->audience == ReportAudience::executive ? "executive" : "team");
    if (ImGui::Selectable(label.c_str(), state.viewing == r->id, ImGuiSelectableFlags_AllowOverlap,
                          ImVec2(ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() * 1.5f, 0)))
      state.viewing = r->id;
    ImGui::SameLine();
    remove_button(r->id, "report", ctx.out);
    ImGui::PopID();
  }
}

}  // namespace

void draw_report(ViewContext& ctx, ReportState& state) {
  const Project* project = ctx.ws.find<Project>(ctx.nav.project);
  if (!project) return;
  refresh_plan(ctx, state);
  if (!state.viewing.nil() && !ctx.ws.find<Report>(state.viewing)) state.viewing = Id{};  // removed or undone
  const bool forecast_done = advance_forecast(ctx, state);
  if (forecast_done && !state.computed) compute(ctx, state);
  if (state.computed && state.rendered != state.audience) {  // the audience only changes the rendering
    state.report.audience = state.audience;
    state.markdown = render_markdown(state.report);
    state.rendered = state.audience;
  }
  const Report* viewed = state.viewing.nil() ? nullptr : ctx.ws.find<Report>(state.viewing);
  const std::string& shown = viewed ? viewed->markdown : state.markdown;

  if (viewed) {
    ImGui::AlignTextToFramePadding();
    ImGui::Text("Kept report of %s", shown_time(ctx, viewed->taken_at).c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Back to the current report")) state.viewing = Id{};
  } else {
    draw_audience_switch(state);
  }
  draw_actions(ctx, state, shown, state.computed || viewed, *project);

  const float side = std::min(ImGui::GetFontSize() * 16, ImGui::GetContentRegionAvail().x * 0.3f);
  ImGui::BeginChild("preview", ImVec2(ImGui::GetContentRegionAvail().x - side - ImGui::GetStyle().ItemSpacing.x, 0),
                    true);
  if (!viewed && !state.computed) {
    const std::size_t runs = state.forecast ? state.forecast->iterations() : 0;
    char overlay[64];
    std::snprintf(overlay, sizeof overlay, "Forecasting: %zu of %zu runs", runs, state.target_runs);
    progress_bar(state.target_runs ? static_cast<float>(runs) / static_cast<float>(state.target_runs) : 0.0f, overlay);
  }
  if (!shown.empty()) {  // while a new forecast runs, the last report stays readable
    state.preview.set(shown);
    draw_markdown(state.preview, ctx.fonts, ctx.theme);
  }
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("kept", ImVec2(0, 0));
  draw_kept(ctx, state);
  ImGui::EndChild();
}

}  // namespace cairn::ui
