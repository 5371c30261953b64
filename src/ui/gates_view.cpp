#include "ui/gates_view.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdio>

#include "core/gates.h"
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
    const char* mark = c.state == CriterionState::met ? "\xE2\x9C\x93" : c.state == CriterionState::not_met ? "\xC3\x97" : "?";
    const ImVec4 colour = c.state == CriterionState::met ? good_color(ctx.theme)
                          : c.state == CriterionState::not_met ? bad_color(ctx.theme) : muted_text_color(ctx.theme);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(mark);
    ImGui::PopStyleColor();
    ImGui::SameLine();
    // Metric choice among the project's metrics.
    ImGui::SetNextItemWidth(14 * em);
    if (ImGui::BeginCombo("##metric", c.metric_name.empty() ? "(choose a metric)" : c.metric_name.c_str())) {
      for (const Id id : ctx.ws.children_of(gate.parent))
        if (const Metric* m = ctx.ws.find<Metric>(id)) {
          ImGui::PushID(m);
          if (ImGui::Selectable(m->name.c_str(), m->id == item->metric))
            ctx.out.push(set_field(item->id, "metric", m->id, "Change criterion metric"));
          ImGui::PopID();
        }
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    edit_enum("##cmp", item->id, "comparison", item->comparison, ctx.out, 6 * em);
    ImGui::SameLine();
    edit_number("##threshold", item->id, "threshold", item->threshold, ctx.out, "0", 5 * em);
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
  if (ImGui::SmallButton("+ Criterion")) ctx.out.push(create_item(ctx.ids, "gate_criterion", gate.id, {}, "Add gate criterion"));
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
  if (ImGui::SmallButton("+ Gate"))
    ctx.out.push(create_item(ctx.ids, "gate", ctx.nav.project, {{"name", std::string("New gate")}, {"due", Date{ctx.today.days + 14}}},
                             "Add gate"));
  for (const GateStatus& status : gates_of(ctx.ws, ctx.nav.project, ctx.today)) {
    const Gate* gate = ctx.ws.find<Gate>(status.gate);
    if (!gate) continue;
    ImGui::PushID(gate);
    ImGui::BeginChild("gate", ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY);
    edit_text("##name", gate->id, "name", gate->name, ctx.out, "Gate name", 20 * em);
    ImGui::SameLine();
    edit_date("Due", gate->id, "due", gate->due, ctx.out, 8 * em);
    ImGui::SameLine();
    remove_button(gate->id, "gate", ctx.out);
    draw_countdown(ctx, *gate, status);
    draw_criteria(ctx, *gate, status);
    draw_decision(ctx, state, *gate, status);
    ImGui::EndChild();
    ImGui::PopID();
  }
}

}  // namespace cairn::ui
