#include "ui/gates_view.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "core/gates.h"
#include "ui/forecast_runner.h"
#include "ui/history_list.h"
#include "ui/widgets.h"

namespace cairn::ui {
namespace {

void draw_countdown(ViewContext& ctx, const Gate& gate, const GateStatus& status) {
  char text[96];
  if (gate.decision != GateDecision::pending) {
    std::snprintf(text, sizeof text, "Decided: %s%s%s", enum_label(enum_name(gate.decision)).c_str(),
                  gate.decided_on ? " on " : "", gate.decided_on ? format_date(*gate.decided_on).c_str() : "");
    ImGui::PushStyleColor(ImGuiCol_Text, gate.decision == GateDecision::go ? good_color(ctx.theme) : warning_color(ctx.theme));
  } else if (status.missed) {
    std::snprintf(text, sizeof text, "MISSED KILL SWITCH: due %s, %d days ago, no decision", format_date(*gate.due).c_str(),
                  -*status.days_left);
    ImGui::PushStyleColor(ImGuiCol_Text, bad_color(ctx.theme));
  } else if (status.days_left) {
    std::snprintf(text, sizeof text, "Due %s: %s", format_date(*gate.due).c_str(),
                  *status.days_left == 0 ? "today" : (std::to_string(*status.days_left) + " days left").c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, *status.days_left <= 7 ? warning_color(ctx.theme) : muted_text_color(ctx.theme));
  } else {
    std::snprintf(text, sizeof text, "No due date");
    ImGui::PushStyleColor(ImGuiCol_Text, muted_text_color(ctx.theme));
  }
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
}

void draw_criteria(ViewContext& ctx, const Gate& gate, const GateStatus& status) {
  const float em = ImGui::GetFontSize();
  for (const CriterionResult& c : status.criteria) {
    const GateCriterion* item = ctx.ws.find<GateCriterion>(c.criterion);
    if (!item) continue;
    ImGui::PushID(item);
    // ✓ met, ✗ not met (not ×: that removes the criterion, at the row's end).
    const char* mark = c.state == CriterionState::met ? "\xE2\x9C\x93" : c.state == CriterionState::not_met ? "\xE2\x9C\x97" : "?";
    const ImVec4 color = c.state == CriterionState::met ? good_color(ctx.theme)
                          : c.state == CriterionState::not_met ? bad_color(ctx.theme) : muted_text_color(ctx.theme);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(mark);
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s", c.state == CriterionState::met ? "Met" : c.state == CriterionState::not_met ? "Not met" : "No value to judge yet");
    ImGui::SameLine();
    // Metric choice among the project's metrics.
    ImGui::SetNextItemWidth(14 * em);
    if (ImGui::BeginCombo("##metric", c.metric_name.empty() ? "(choose a metric)" : c.metric_name.c_str())) {
      for (const Id id : ctx.ws.children_of(gate.parent))
        if (const Metric* m = ctx.ws.find<Metric>(id)) {
          ImGui::PushID(m);
          if (ImGui::Selectable(m->name.c_str(), m->id == item->metric))
            ctx.out.push(set_field(*item, field::gate_criterion::metric, m->id, "Change criterion metric"));
          ImGui::PopID();
        }
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    edit_enum("##cmp", *item, field::gate_criterion::comparison, item->comparison, ctx.out, 6 * em);
    ImGui::SameLine();
    edit_number("##threshold", *item, field::gate_criterion::threshold, item->threshold, ctx.out, "0", 5 * em);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    if (c.latest)
      ImGui::Text("latest %g (%s)", c.latest->value, c.latest->source.c_str());
    else
      muted_text(ctx.theme, "no value yet");
    ImGui::SameLine();
    remove_button(item->id, "criterion", ctx.out);
    ImGui::PopID();
  }
  if (ImGui::SmallButton("+ Criterion"))
    ctx.out.push(create_item<GateCriterion>(ctx.ids, gate.id, {}, "Add gate criterion"));
}

// The task the gate waits for (its finish is when the evidence is ready) and
// when the forecast says that will be.
void draw_forecast(ViewContext& ctx, const Gate& gate) {
  const float em = ImGui::GetFontSize();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Waits for");
  ImGui::SameLine();
  const Task* task = ctx.ws.find<Task>(gate.milestone);
  ImGui::SetNextItemWidth(22 * em);
  if (ImGui::BeginCombo("##milestone", task ? task->title.c_str() : "(no task: no forecast)", ImGuiComboFlags_HeightLarge)) {
    if (ImGui::Selectable("(no task)", gate.milestone.nil()) && !gate.milestone.nil())
      ctx.out.push(set_field(gate, field::gate::milestone, Id{}, "Unlink gate from its task"));
    // Milestones (0-day tasks) first: they are what gates usually wait for.
    std::vector<const Task*> tasks;
    for (const Id id : ctx.ws.children_of(gate.parent))
      if (const Task* t = ctx.ws.find<Task>(id)) tasks.push_back(t);
    const auto is_milestone = [](const Task* t) { return t->likely_days && *t->likely_days == 0; };
    std::stable_sort(tasks.begin(), tasks.end(), [&](const Task* a, const Task* b) {
      return is_milestone(a) != is_milestone(b) ? is_milestone(a) : a->order < b->order;
    });
    ImGuiListClipper clipper;  // thousands of tasks: only the visible rows are submitted
    clipper.Begin(static_cast<int>(tasks.size()));
    while (clipper.Step())
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const Task* t = tasks[static_cast<std::size_t>(i)];
        ImGui::PushID(t);
        const std::string label = (is_milestone(t) ? "\xE2\x97\x86 " : "") + (t->title.empty() ? std::string("(untitled)") : t->title);
        if (ImGui::Selectable(label.c_str(), t->id == gate.milestone) && t->id != gate.milestone)
          ctx.out.push(set_field(gate, field::gate::milestone, t->id, "Link gate to a task"));
        ImGui::PopID();
      }
    ImGui::EndCombo();
  }
  if (!task || !ctx.forecast) return;
  ImGui::SameLine();
  const GateForecast* f = ctx.forecast->gate(gate.id);
  if (!f) {
    muted_text(ctx.theme, "forecasting\xE2\x80\xA6");
    return;
  }
  ImGui::AlignTextToFramePadding();
  ImGui::Text("Ready: P50 %s \xC2\xB7 P80 %s \xC2\xB7 P95 %s", format_date(f->finish.p50).c_str(),
              format_date(f->finish.p80).c_str(), format_date(f->finish.p95).c_str());
  if (f->chance_by_due && gate.decision == GateDecision::pending) {
    const double chance = *f->chance_by_due;
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, chance >= 0.8   ? good_color(ctx.theme)
                                         : chance >= 0.5 ? warning_color(ctx.theme)
                                                         : bad_color(ctx.theme));
    ImGui::Text("%.0f%% chance by the due date", chance * 100);
    ImGui::PopStyleColor();
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Share of %zu Monte Carlo runs in which \"%s\" finishes on or before the gate's due date.",
                      ctx.forecast->gates_runs, task->title.c_str());
}

void draw_decision(ViewContext& ctx, GatesState& state, const Gate& gate, const GateStatus& status) {
  if (state.deciding != gate.id) {
    if (ImGui::Button(gate.decision == GateDecision::pending ? "Record decision\xE2\x80\xA6" : "Change decision\xE2\x80\xA6")) {
      state.deciding = gate.id;
      state.rationale = gate.rationale;
    }
    if (!gate.rationale.empty()) {
      ImGui::SameLine();
      ImGui::TextWrapped("Rationale: %s", gate.rationale.c_str());
    }
    return;
  }
  ImGui::TextUnformatted(status.all_met ? "Every criterion is met." : "Not every criterion is met: say why you decide as you do.");
  ImGui::InputTextMultiline("Rationale", &state.rationale, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 3));
  const bool has_reason = !state.rationale.empty();
  ImGui::BeginDisabled(!has_reason);
  for (const GateDecision d : {GateDecision::go, GateDecision::pivot, GateDecision::kill}) {
    const std::string label = enum_label(enum_name(d));
    if (ImGui::Button(label.c_str())) {
      ctx.out.push(record_decision(ctx.ws, gate.id, d, state.rationale, ctx.today, ctx.ids));
      state.deciding = Id{};
    }
    ImGui::SameLine();
  }
  ImGui::EndDisabled();
  if (ImGui::Button("Cancel")) state.deciding = Id{};
  if (!has_reason) {
    ImGui::SameLine();
    muted_text(ctx.theme, "A decision needs a rationale.");
  }
}

}  // namespace

void draw_gates(ViewContext& ctx, GatesState& state) {
  const float em = ImGui::GetFontSize();
  if (ctx.forecast) advance_forecast(ctx, *ctx.forecast);
  if (ImGui::SmallButton("+ Gate"))
    ctx.out.push(create_item<Gate>(
        ctx.ids, ctx.nav.project,
        {{field::gate::name, std::string("New gate")}, {field::gate::due, Date{ctx.today.days + 14}}}, "Add gate"));
  for (const GateStatus& status : gates_of(ctx.ws, ctx.nav.project, ctx.today)) {
    const Gate* gate = ctx.ws.find<Gate>(status.gate);
    if (!gate) continue;
    ImGui::PushID(gate);
    ImGui::BeginChild("gate", ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY);
    edit_text("##name", *gate, field::gate::name, gate->name, ctx.out, "Gate name", 20 * em);
    ImGui::SameLine();
    edit_date("Due", *gate, field::gate::due, gate->due, ctx.out, 8 * em);
    // At the card's right edge: beside "Due" it read as clearing the date.
    ImGui::SameLine(ImGui::GetContentRegionMax().x - icon_button_width());
    remove_button(gate->id, "gate", ctx.out);
    draw_countdown(ctx, *gate, status);
    draw_forecast(ctx, *gate);
    draw_criteria(ctx, *gate, status);
    draw_decision(ctx, state, *gate, status);
    draw_history(ctx, gate->id);
    ImGui::EndChild();
    ImGui::PopID();
  }
}

}  // namespace cairn::ui
