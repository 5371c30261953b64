#include "ui/decisions_view.h"

#include <imgui.h>

#include "core/decision_log.h"
#include "core/file_names.h"
#include "ui/history_list.h"
#include "ui/widgets.h"

namespace cairn::ui {
namespace {

void draw_export_buttons(ViewContext& ctx, DecisionsState& state, const Project& project,
                         const std::vector<DecisionEntry>& log) {
  // The suggested names follow the JSON export's ("churn-model-2026-11-27.json").
  const std::string stem = suggested_export_name(project.name, format_date(ctx.today));
  const std::string base = "decisions-" + stem.substr(0, stem.rfind('.'));
  if (ImGui::SmallButton("Download CSV")) state.download = {true, base + ".csv", decision_log_csv(log)};
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("date, title, gate, decision, rationale: for a spreadsheet");
  ImGui::SameLine();
  if (ImGui::SmallButton("Download Markdown")) state.download = {true, base + ".md", decision_log_markdown(log, project.name)};
}

void draw_entry(ViewContext& ctx, const DecisionEntry& e) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  const Decision* d = ctx.ws.find<Decision>(e.source);
  if (d) {
    edit_date("##on", *d, field::decision::on, d->on, ctx.out, -FLT_MIN);
    ImGui::TableNextColumn();
    edit_text("##title", *d, field::decision::title, d->title, ctx.out, "What was decided about");
    if (!e.gate.empty()) muted_text(ctx.theme, ("Gate: " + e.gate).c_str());
    ImGui::TableNextColumn();
    edit_text("##decision", *d, field::decision::decision, d->decision, ctx.out, "The decision");
    ImGui::TableNextColumn();
    edit_multiline("##rationale", *d, field::decision::rationale, d->rationale, ctx.out, 2.0f);
    ImGui::TableNextColumn();
    history_button(ctx, d->id);
    ImGui::SameLine();
    remove_button(d->id, "decision", ctx.out);
    return;
  }
  // A gate's own decision: shown here, changed in the gates view.
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(e.on ? format_date(*e.on).c_str() : "undated");
  ImGui::TableNextColumn();
  ImGui::TextWrapped("Gate: %s", e.title.c_str());
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(e.decision.c_str());
  ImGui::TableNextColumn();
  ImGui::PushTextWrapPos(0.0f);
  if (e.rationale.empty()) muted_text(ctx.theme, "no rationale written");
  else ImGui::TextUnformatted(e.rationale.c_str());
  ImGui::PopTextWrapPos();
  ImGui::TableNextColumn();
  if (ImGui::SmallButton("Gates")) ctx.nav.view = View::gates;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Change it in the gates view");
}

}  // namespace

void draw_decisions(ViewContext& ctx, DecisionsState& state) {
  const Project* project = ctx.ws.find<Project>(ctx.nav.project);
  if (!project) return;
  const std::vector<DecisionEntry> log = decision_log(ctx.ws, project->id);
  if (ImGui::SmallButton("+ Decision"))
    ctx.out.push(create_item<Decision>(
        ctx.ids, project->id, {{field::decision::title, std::string("New decision")}, {field::decision::on, ctx.today}},
        "Add decision"));
  ImGui::SameLine();
  draw_export_buttons(ctx, state, *project, log);
  if (log.empty()) {
    muted_text(ctx.theme, "No decisions yet: gate decisions (gates view) and the ones added here appear in date order.");
    return;
  }
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg;
  if (!ImGui::BeginTable("log", 5, kFlags)) return;
  ImGui::TableSetupColumn("Date", 0, 1.2f);
  ImGui::TableSetupColumn("Title / gate", 0, 2.2f);
  ImGui::TableSetupColumn("Decision", 0, 3.2f);  // what the log is read for
  ImGui::TableSetupColumn("Rationale", 0, 3.2f);
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableHeadersRow();
  for (const DecisionEntry& e : log) {  // a log holds tens of entries, not thousands
    ImGui::PushID(e.source.to_string().c_str());
    draw_entry(ctx, e);
    ImGui::PopID();
  }
  ImGui::EndTable();
}

}  // namespace cairn::ui
