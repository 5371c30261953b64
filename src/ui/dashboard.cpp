#include "ui/dashboard.h"

#include <imgui.h>

#include <cstdio>

#include "core/estimate.h"
#include "core/gates.h"
#include "core/health.h"
#include "ui/widgets.h"

namespace cairn::ui {
namespace {

ImVec4 health_color(Health h, Theme theme) {
  return h == Health::on_track ? good_color(theme) : h == Health::at_risk ? warning_color(theme) : bad_color(theme);
}

void draw_health(ViewContext& ctx) {
  const HealthReport report = project_health(ctx.ws, ctx.nav.project, ctx.today);
  ImGui::PushFont(ctx.fonts.heading);
  ImGui::PushStyleColor(ImGuiCol_Text, health_color(report.health, ctx.theme));
  ImGui::TextUnformatted(health_name(report.health));
  ImGui::PopStyleColor();
  ImGui::PopFont();
  if (report.reasons.empty()) muted_text(ctx.theme, "No missed gate, old blocker, overdue high risk or slipping task.");
  for (const std::string& reason : report.reasons) ImGui::BulletText("%s", reason.c_str());
}

void draw_progress(ViewContext& ctx, const Project& project) {
  int total = 0, done = 0, blocked = 0;
  double buffered = 0, buffered_done = 0;
  for (const Id id : ctx.ws.children_of(project.id)) {
    const Task* t = ctx.ws.find<Task>(id);
    if (!t) continue;
    ++total;
    const double days = estimate_of(project, *t).buffered_days.value_or(0);
    buffered += days;
    if (t->status == TaskStatus::done) {
      ++done;
      buffered_done += days;
    }
    blocked += t->status == TaskStatus::blocked ? 1 : 0;
  }
  section_heading("Work");
  char overlay[96];
  std::snprintf(overlay, sizeof overlay, "%d of %d tasks done  \xC2\xB7  %.1f of %.1f buffered days", done, total, buffered_done, buffered);
  ImGui::ProgressBar(buffered > 0 ? static_cast<float>(buffered_done / buffered) : 0.0f, ImVec2(-FLT_MIN, 0), overlay);
  if (blocked > 0) {
    ImGui::PushStyleColor(ImGuiCol_Text, bad_color(ctx.theme));
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
    const ImVec4 colour = s.missed ? bad_color(ctx.theme) : (s.days_left && *s.days_left <= 7) ? warning_color(ctx.theme) : ImGui::GetStyleColorVec4(ImGuiCol_Text);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
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
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("metrics", 5, kFlags)) return;
  ImGui::TableSetupColumn("Metric", 0, 3);
  ImGui::TableSetupColumn("Level", 0, 1);
  ImGui::TableSetupColumn("Baseline", 0, 1);
  ImGui::TableSetupColumn("Latest", 0, 1);
  ImGui::TableSetupColumn("Target", 0, 1);
  ImGui::TableHeadersRow();
  for (const Id id : ctx.ws.children_of(ctx.nav.project)) {
    const Metric* m = ctx.ws.find<Metric>(id);
    if (!m) continue;
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
      ImVec4 colour = ImGui::GetStyleColorVec4(ImGuiCol_Text);
      if (m->target) {
        const bool ok = m->direction == Direction::higher_is_better ? latest->value >= *m->target : latest->value <= *m->target;
        colour = ok ? good_color(ctx.theme) : bad_color(ctx.theme);
      }
      ImGui::TextColored(colour, "%g %s", latest->value, m->unit.c_str());
    } else {
      ImGui::TextDisabled("no value");
    }
    ImGui::TableNextColumn();
    m->target ? ImGui::Text("%g %s", *m->target, m->unit.c_str()) : ImGui::TextDisabled("\xE2\x80\x94");
  }
  ImGui::EndTable();
}

void draw_budget(ViewContext& ctx, const Project& project) {
  section_heading("Budget");
  double cost = 0, gpu_hours = 0;
  for (const Id id : ctx.ws.children_of(project.id))
    if (const Experiment* e = ctx.ws.find<Experiment>(id)) {
      cost += e->cost.value_or(0);
      gpu_hours += e->gpu_hours.value_or(0);
    }
  if (project.budget) {
    char overlay[96];
    std::snprintf(overlay, sizeof overlay, "%.0f of %.0f %s spent on experiments", cost, *project.budget, project.budget_currency.c_str());
    const float share = *project.budget > 0 ? static_cast<float>(cost / *project.budget) : 1.0f;
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, share > 1.0f ? bad_color(ctx.theme) : share > 0.8f ? warning_color(ctx.theme) : good_color(ctx.theme));
    ImGui::ProgressBar(std::min(share, 1.0f), ImVec2(-FLT_MIN, 0), overlay);
    ImGui::PopStyleColor();
  } else {
    ImGui::Text("%.0f %s spent on experiments (no budget set in the charter)", cost, project.budget_currency.c_str());
  }
  ImGui::Text("%.1f GPU hours", gpu_hours);
}

}  // namespace

void draw_dashboard(ViewContext& ctx) {
  const Project* project = ctx.ws.find<Project>(ctx.nav.project);
  if (!project) return;
  draw_health(ctx);
  draw_progress(ctx, *project);
  draw_next_gates(ctx);
  draw_metrics(ctx);
  draw_budget(ctx, *project);
}

}  // namespace cairn::ui
