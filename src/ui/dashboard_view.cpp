#include "ui/dashboard_view.h"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>

#include "core/baseline.h"
#include "core/estimate.h"
#include "core/gates.h"
#include "core/health.h"
#include "core/metric_standing.h"
#include "ui/forecast_runner.h"
#include "ui/widgets.h"

namespace cairn::ui {
namespace {

ImVec4 health_color(Health h, Theme theme) {
  return h == Health::on_track ? good_color(theme) : h == Health::at_risk ? warning_color(theme) : bad_color(theme);
}

void draw_health(ViewContext& ctx, const HealthReport& report) {
  ImGui::PushFont(ctx.fonts.heading);
  ImGui::PushStyleColor(ImGuiCol_Text, health_color(report.health, ctx.theme));
  ImGui::TextUnformatted(health_name(report.health));
  ImGui::PopStyleColor();
  ImGui::PopFont();
  if (report.reasons.empty()) muted_text(ctx.theme, "No missed gate, old blocker, overdue high risk or slipping task.");
  for (const std::string& reason : report.reasons) bullet_wrapped(reason.c_str());
}

DashboardState::Progress progress_of(const Workspace& ws, const Project& project) {
  DashboardState::Progress p;
  for (const Id id : ws.children_of(project.id)) {
    const Task* t = ws.find<Task>(id);
    if (!t) continue;
    ++p.total;
    const double days = estimate_of(project, *t).buffered_days.value_or(0);
    p.buffered_days += days;
    if (t->status == TaskStatus::done) {
      ++p.done;
      p.buffered_done_days += days;
    }
    p.blocked += t->status == TaskStatus::blocked ? 1 : 0;
  }
  return p;
}

DashboardState::Spend spend_of(const Workspace& ws, const Project& project) {
  DashboardState::Spend s;
  for (const Id id : ws.children_of(project.id))
    if (const Experiment* e = ws.find<Experiment>(id)) {
      s.cost += e->cost.value_or(0);
      s.gpu_hours += e->gpu_hours.value_or(0);
    }
  return s;
}

void draw_progress(const DashboardState::Progress& p, Theme theme) {
  const int total = p.total, done = p.done, blocked = p.blocked;
  const double buffered = p.buffered_days, buffered_done = p.buffered_done_days;
  section_heading("Work");
  char overlay[96];
  std::snprintf(overlay, sizeof overlay, "%d of %d tasks done  \xC2\xB7  %.1f of %.1f buffered days", done, total, buffered_done, buffered);
  progress_bar(buffered > 0 ? static_cast<float>(buffered_done / buffered) : 0.0f, overlay);
  if (blocked > 0) {
    ImGui::PushStyleColor(ImGuiCol_Text, bad_color(theme));
    ImGui::Text("%d task%s blocked", blocked, blocked == 1 ? "" : "s");
    ImGui::PopStyleColor();
  }
}

void draw_next_gates(ViewContext& ctx) {
  section_heading("Gates");
  int shown = 0;
  for (const GateStatus& s : gates_of(ctx.ws, ctx.nav.project, ctx.today)) {
    const Gate* g = ctx.ws.find<Gate>(s.gate);
    if (!g || (g->decision != GateDecision::pending && !s.missed)) continue;
    if (++shown > 4) break;
    int met = 0;
    for (const auto& c : s.criteria) met += c.state == CriterionState::met ? 1 : 0;
    const ImVec4 color = s.missed ? bad_color(ctx.theme) : (s.days_left && *s.days_left <= 7) ? warning_color(ctx.theme) : ImGui::GetStyleColorVec4(ImGuiCol_Text);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    if (s.missed)
      ImGui::BulletText("%s: missed (due %s), no decision", g->name.c_str(), format_date(*g->due).c_str());
    else if (s.days_left)
      ImGui::BulletText("%s: in %d days, %d/%zu criteria met", g->name.c_str(), *s.days_left, met, s.criteria.size());
    else
      ImGui::BulletText("%s: no date, %d/%zu criteria met", g->name.c_str(), met, s.criteria.size());
    ImGui::PopStyleColor();
  }
  if (shown == 0) muted_text(ctx.theme, "No pending gate.");
}

void draw_metrics(ViewContext& ctx) {
  section_heading("Success metrics");
  const std::vector<const Metric*> metrics = children_in_id_order<Metric>(ctx.ws, ctx.nav.project);  // the charter's order
  if (metrics.empty()) {
    muted_text(ctx.theme, "No success metrics yet: the charter names them (business KPI, ML metric, cost).");
    return;
  }
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("metrics", 5, kFlags)) return;
  ImGui::TableSetupColumn("Metric", 0, 3);
  ImGui::TableSetupColumn("Level", 0, 1);
  ImGui::TableSetupColumn("Baseline", 0, 1);
  ImGui::TableSetupColumn("Latest", 0, 1);
  ImGui::TableSetupColumn("Target", 0, 1);
  ImGui::TableHeadersRow();
  for (const Metric* m : metrics) {
    const auto latest = latest_value(ctx.ws, m->id);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(m->name.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(enum_label(enum_name(m->level)).c_str());
    ImGui::TableNextColumn();
    m->baseline ? ImGui::Text("%g %s", *m->baseline, m->unit.c_str()) : ImGui::TextDisabled("\xE2\x80\x94");
    ImGui::TableNextColumn();
    if (latest) {
      // Green at the target, red when worse than the baseline; an improvement still short of the target is plain.
      const MetricStanding standing = metric_standing(m->direction, m->baseline, latest->value, m->target);
      ImVec4 color = ImGui::GetStyleColorVec4(ImGuiCol_Text);
      if (standing == MetricStanding::target_met) color = good_color(ctx.theme);
      if (standing == MetricStanding::regressed) color = bad_color(ctx.theme);
      ImGui::TextColored(color, "%g %s", latest->value, m->unit.c_str());
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", metric_standing_text(standing));
    } else {
      ImGui::TextDisabled("no value");
    }
    ImGui::TableNextColumn();
    m->target ? ImGui::Text("%g %s", *m->target, m->unit.c_str()) : ImGui::TextDisabled("\xE2\x80\x94");
  }
  ImGui::EndTable();
}

void draw_budget(ViewContext& ctx, const Project& project, const DashboardState::Spend& spend) {
  section_heading("Budget");
  const double cost = spend.cost, gpu_hours = spend.gpu_hours;
  if (project.budget) {
    char overlay[96];
    std::snprintf(overlay, sizeof overlay, "%.0f of %.0f %s spent on experiments", cost, *project.budget, project.budget_currency.c_str());
    const float share = *project.budget > 0 ? static_cast<float>(cost / *project.budget) : 1.0f;
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, share > 1.0f ? bad_color(ctx.theme) : share > 0.8f ? warning_color(ctx.theme) : good_color(ctx.theme));
    progress_bar(std::min(share, 1.0f), overlay);
    ImGui::PopStyleColor();
  } else {
    ImGui::Text("%.0f %s spent on experiments (no budget set in the charter)", cost, project.budget_currency.c_str());
  }
  ImGui::Text("%.1f GPU hours", gpu_hours);
}

// Plan, critical path and forecast of the remaining work, from today.
void refresh_schedule(const ViewContext& ctx, const Project& project, DashboardState& state) {
  if (state.project == project.id && state.revision == ctx.revision && state.today == ctx.today) return;
  state.project = project.id;
  state.revision = ctx.revision;
  state.today = ctx.today;
  state.plan = schedule_input_from(ctx.ws, project.id, CalendarOptions{ctx.today, {}});
  state.schedule = compute_schedule(state.plan.input);
  state.planned = planned_dates(ctx.ws, project.id, state.schedule);
  state.variance_revision = ~0ull;  // the variance compares against these dates
  state.forecast.reset();
  state.target_runs = forecast_runs_for(state.plan.input.tasks.size());
  if (!state.plan.input.tasks.empty())
    state.forecast = std::make_unique<MonteCarloForecast>(
        forecast_input_from(state.plan, DurationDistribution::pert_beta, /*seed=*/1));
}

void draw_schedule(ViewContext& ctx, const Project& project, DashboardState& state) {
  section_heading("Schedule");
  refresh_schedule(ctx, project, state);
  if (state.forecast) run_forecast_slice(ctx, *state.forecast, state.target_runs, state.plan.input.tasks.size());
  const Schedule& s = state.schedule;
  if (state.plan.input.tasks.empty()) {
    muted_text(ctx.theme, "No open tasks to schedule.");
    return;
  }
  ImGui::Text("Critical path: done on %s, %.1f working days from today (remaining work, buffered estimates).",
              format_date(s.finish_date).c_str(), s.duration_days);
  if (state.forecast) {
    const FinishForecast f = state.forecast->project();
    const std::size_t runs = state.forecast->iterations();
    ImGui::Text("Forecast: 50 %% by %s, 80 %% by %s, 95 %% by %s", format_date(f.p50).c_str(), format_date(f.p80).c_str(),
                format_date(f.p95).c_str());
    char overlay[64];
    std::snprintf(overlay, sizeof overlay, "%zu of %zu Monte Carlo runs", runs, state.target_runs);
    if (runs < state.target_runs)
      progress_bar(static_cast<float>(runs) / static_cast<float>(state.target_runs), overlay, 20 * ImGui::GetFontSize());
    else
      muted_text(ctx.theme, (std::string(overlay) + ", PERT-beta between each task's optimistic and pessimistic estimate").c_str());
  }
  if (!s.critical_chain.empty()) {
    std::string chain;
    std::size_t shown = 0;
    for (const std::size_t i : s.critical_chain) {
      if (shown++ == 4) {
        chain += " \xE2\x86\x92 \xE2\x80\xA6 (" + std::to_string(s.critical_chain.size()) + " tasks)";
        break;
      }
      const Task* t = ctx.ws.find<Task>(s.tasks[i].id);
      chain += (chain.empty() ? "" : " \xE2\x86\x92 ") + (t ? t->title : std::string("?"));
    }
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(("Critical: " + chain).c_str());
    ImGui::PopTextWrapPos();
  }
  for (const ScheduleProblem& p : s.problems) {
    if (p.kind != ScheduleProblemKind::cycle) continue;
    ImGui::PushStyleColor(ImGuiCol_Text, bad_color(ctx.theme));
    ImGui::Text("%zu tasks depend on each other in a circle: their links are ignored until one is removed.", p.tasks.size());
    ImGui::PopStyleColor();
  }
  if (!state.plan.unestimated.empty())
    muted_text(ctx.theme, (std::to_string(state.plan.unestimated.size()) + " open task(s) without an estimate count as 0 days.").c_str());
}

Timestamp now_utc() {
  using namespace std::chrono;
  return Timestamp{duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count()};
}

// The chosen baseline (the newest when none was chosen or it is gone) and
// the variance against it, once per change.
const Baseline* refresh_variance(const ViewContext& ctx, const std::vector<const Baseline*>& baselines,
                                 DashboardState& state) {
  const Baseline* chosen = baselines.front();
  for (const Baseline* b : baselines)
    if (b->id == state.baseline) chosen = b;
  if (state.variance_of != chosen->id || state.variance_revision != state.revision) {
    state.variance = variance(ctx.ws, chosen->id, state.planned);
    state.variance_lines = describe_variance(ctx.ws, state.variance);
    state.variance_of = chosen->id;
    state.variance_revision = state.revision;
  }
  return chosen;
}

// The most slipped tasks: baseline finish, finish now, slip.
void draw_slipped_tasks(ViewContext& ctx, const BaselineVariance& v) {
  constexpr int kShown = 5;
  if (v.tasks.empty() || v.tasks.front().finish_slip <= 0) return;
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("slipped", 4, kFlags)) return;
  ImGui::TableSetupColumn("Slipped task", 0, 3);
  ImGui::TableSetupColumn("Baseline finish", 0, 1);
  ImGui::TableSetupColumn("Finish now", 0, 1);
  ImGui::TableSetupColumn("Slip", 0, 1);
  ImGui::TableHeadersRow();
  for (int i = 0; i < kShown && i < static_cast<int>(v.tasks.size()) && v.tasks[i].finish_slip > 0; ++i) {
    const TaskVariance& t = v.tasks[i];
    const Task* task = ctx.ws.find<Task>(t.task);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(task ? task->title.c_str() : "?");
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(format_date(t.baseline_finish).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(format_date(t.finish).c_str());
    ImGui::TableNextColumn();
    ImGui::TextColored(bad_color(ctx.theme), "+%lld d", static_cast<long long>(t.finish_slip));
  }
  ImGui::EndTable();
}

// Save a baseline of today's plan; pick one; the slip since.
void draw_baseline(ViewContext& ctx, const Project& project, DashboardState& state) {
  section_heading("Baseline");
  if (ImGui::Button("Save baseline"))
    ctx.out.push(save_baseline_command(project.id, state.planned, next_baseline_name(ctx.ws, project.id, ctx.today),
                                       now_utc(), ctx.ids, &state.baseline));
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal))
    ImGui::SetTooltip("Keep today's planned dates to measure slip against later (undo removes it).");
  const std::vector<const Baseline*> baselines = baselines_of(ctx.ws, project.id);
  if (baselines.empty()) {
    muted_text(ctx.theme, "No baseline yet: save one when the plan is agreed.");
    return;
  }
  const Baseline* chosen = refresh_variance(ctx, baselines, state);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(16 * ImGui::GetFontSize());
  if (ImGui::BeginCombo("##baseline", chosen->name.c_str())) {
    for (const Baseline* b : baselines) {
      ImGui::PushID(&b->id);
      if (ImGui::Selectable(b->name.c_str(), b == chosen)) state.baseline = b->id;
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  if (ImGui::SmallButton("Delete baseline")) {
    Command remove;
    remove.label = "Delete baseline";
    remove.ops.push_back(RemoveItem{chosen->id});
    ctx.out.push(std::move(remove));
  }
  const std::optional<std::int64_t> slip = state.variance.finish_slip;
  ImGui::PushTextWrapPos(0.0f);
  for (std::size_t i = 0; i < state.variance_lines.size(); ++i) {
    const bool late = i == 0 && slip && *slip > 0;
    if (late) ImGui::PushStyleColor(ImGuiCol_Text, warning_color(ctx.theme));
    ImGui::TextUnformatted(state.variance_lines[i].c_str());
    if (late) ImGui::PopStyleColor();
  }
  ImGui::PopTextWrapPos();
  draw_slipped_tasks(ctx, state.variance);
}

}  // namespace

std::size_t forecast_batch_for(std::size_t tasks) { return std::max<std::size_t>(1, 2000 / std::max<std::size_t>(1, tasks)); }

std::size_t forecast_runs_for(std::size_t tasks) {
  if (tasks <= 200) return 10000;
  return std::max<std::size_t>(1000, 2000000 / tasks);
}

void draw_dashboard(ViewContext& ctx, DashboardState& state) {
  const Project* project = ctx.ws.find<Project>(ctx.nav.project);
  if (!project) return;
  if (state.health_project != project->id || state.health_revision != ctx.revision || state.health_today != ctx.today) {
    state.health = project_health(ctx.ws, project->id, ctx.today);
    state.progress = progress_of(ctx.ws, *project);
    state.spend = spend_of(ctx.ws, *project);
    state.health_project = project->id;
    state.health_revision = ctx.revision;
    state.health_today = ctx.today;
  }
  draw_health(ctx, state.health);
  draw_progress(state.progress, ctx.theme);
  draw_schedule(ctx, *project, state);
  draw_baseline(ctx, *project, state);
  draw_next_gates(ctx);
  draw_metrics(ctx);
  draw_budget(ctx, *project, state.spend);
}

}  // namespace cairn::ui
