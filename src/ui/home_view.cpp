#include "ui/home_view.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <array>
#include <string>

#include "core/gates.h"
#include "core/health.h"
#include "core/json_io.h"
#include "core/templates.h"
#include "ui/widgets.h"

namespace cairn::ui {
namespace {

struct Pillar {
  const char* title;
  const char* summary;
};

// The six parts of an ML project plan Cairn is built around (see README).
constexpr std::array<Pillar, 6> kPillars{{
    {"Charter", "Goal, scope, people, success metrics from business KPI to ML metric and cost, "
                "data sources with owner, licence and personal-data flag."},
    {"Work", "Tasks by lifecycle stage with honest buffered estimates, definitions of done, "
             "dependencies and blockers; board, backlog and timeline."},
    {"Gates", "Checkpoints and kill switches: criteria on metrics, a due date and a recorded "
              "go, pivot or kill decision."},
    {"Risks", "Bias audits, privacy, drift, cost and schedule: likelihood times impact, owner, "
              "mitigation and review cadence."},
    {"Experiments", "Hypotheses, dataset and model versions, metrics and cost, linked to "
                    "MLflow, W&B and DVC runs."},
    {"Communication", "Status in business language, weekly async check-ins across time zones, "
                      "post-mortems."},
}};

void draw_pillar_card(const Pillar& pillar, Theme theme, const Fonts& fonts, float width, float height) {
  ImGui::BeginChild(pillar.title, ImVec2(width, height), ImGuiChildFlags_Border);
  ImGui::PushFont(fonts.strong);
  ImGui::TextUnformatted(pillar.title);
  ImGui::PopFont();
  ImGui::PushStyleColor(ImGuiCol_Text, muted_text_color(theme));
  ImGui::TextWrapped("%s", pillar.summary);
  ImGui::PopStyleColor();
  ImGui::EndChild();
}

// What the project list shows about each project.
ProjectGlance glance_at(const Workspace& ws, const Project& project, Date today) {
  ProjectGlance g;
  const HealthReport report = project_health(ws, project.id, today);
  g.health = report.health;
  for (const std::string& r : report.reasons) g.reasons += (g.reasons.empty() ? "" : "\n") + r;
  g.next_gate = "\xE2\x80\x94";
  for (const GateStatus& s : gates_of(ws, project.id, today)) {
    const Gate* gate = ws.find<Gate>(s.gate);
    if (!gate || gate->decision != GateDecision::pending) continue;
    if (s.missed) g.next_gate = "missed: " + gate->name;
    else if (s.days_left) g.next_gate = gate->name + " in " + std::to_string(*s.days_left) + " d";
    else g.next_gate = gate->name;
    break;
  }
  for (const Id id : ws.children_of(project.id))
    if (ws.find<Task>(id))
      for (const Id child : ws.children_of(id))
        if (const Blocker* b = ws.find<Blocker>(child); b && !b->resolved) ++g.open_blockers;
  return g;
}

void draw_projects(ViewContext& ctx, HomeState& state) {
  if (state.revision != ctx.revision || state.today != ctx.today) {
    state.glances.clear();
    for (const auto& [id, project] : ctx.ws.all<Project>()) state.glances[id] = glance_at(ctx.ws, project, ctx.today);
    state.revision = ctx.revision;
    state.today = ctx.today;
  }
  const Workspace& ws = ctx.ws;
  IdSource& ids = ctx.ids;
  const Theme theme = ctx.theme;
  const Fonts& fonts = ctx.fonts;
  CommandSink& out = ctx.out;
  ImGui::PushFont(fonts.strong);
  ImGui::TextUnformatted("Projects");
  ImGui::PopFont();
  ImGui::SameLine();
  if (ImGui::SmallButton("+ New project")) out.push(new_project_command(ids, ws.all<Project>().size()));

  if (ws.all<Project>().empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, muted_text_color(theme));
    ImGui::TextWrapped("No project yet: start an empty one, or from a template below.");
    ImGui::PopStyleColor();
    return;
  }
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("projects", 5, kFlags)) return;
  ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 3.0f);
  ImGui::TableSetupColumn("Health", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn("Next gate", ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn("Blockers", ImGuiTableColumnFlags_WidthStretch, 0.8f);
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableHeadersRow();
  std::size_t archived = 0;
  for (const auto& [id, project] : ws.all<Project>()) {
    if (project.archived != ctx.nav.show_archived) {
      archived += project.archived ? 1 : 0;
      continue;
    }
    ImGui::PushID(&project);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    std::string name = project.name;
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::InputTextWithHint("##name", "Project name", &name)) {
      Command c;
      c.label = "Rename project";
      c.ops.push_back(SetField{id, field::project::name, name});
      out.push(std::move(c), id.to_string() + "/" + std::string(field::project::name));
    }
    if (ImGui::IsItemDeactivated()) out.seal = true;
    const ProjectGlance& glance = state.glances[id];
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(glance.health == Health::on_track ? good_color(theme) : glance.health == Health::at_risk ? warning_color(theme) : bad_color(theme),
                       "%s", health_name(glance.health));
    if (!glance.reasons.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", glance.reasons.c_str());
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    const std::string next_gate = fit_text(glance.next_gate, ImGui::GetContentRegionAvail().x);  // cut, whole on hover
    ImGui::TextUnformatted(next_gate.c_str());
    if (next_gate != glance.next_gate && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", glance.next_gate.c_str());
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    if (glance.open_blockers > 0) ImGui::TextColored(bad_color(theme), "%d open", glance.open_blockers);
    else ImGui::TextDisabled("none");
    ImGui::TableNextColumn();
    if (ImGui::Button("Open")) {
      ctx.nav.project = id;
      ctx.nav.view = View::dashboard;
    }
    ImGui::SameLine();
    if (ImGui::Button("Duplicate")) {
      ImportPlan copy = plan_import(export_json(ws, id), ws, ids);
      if (copy.ok && !copy.command.ops.empty()) {
        if (auto* create = std::get_if<CreateItem>(&copy.command.ops.front()))
          for (auto& [field_name, value] : create->fields)
            if (field_name == field::project::name.name) value = project.name + " (copy)";
        copy.command.label = "Duplicate project";
        out.push(std::move(copy.command));
      }
    }
    ImGui::SameLine();
    if (ImGui::Button(project.archived ? "Unarchive" : "Archive"))
      out.push(set_field(project, field::project::archived, !project.archived,
                         project.archived ? "Unarchive project" : "Archive project"));
    ImGui::SameLine();
    if (ImGui::Button("Delete")) out.push(remove_item(id, "Delete project"));
    ImGui::PopID();
  }
  ImGui::EndTable();
  if (ctx.nav.show_archived) {
    if (ImGui::SmallButton("\xE2\x86\x90 Active projects")) ctx.nav.show_archived = false;
  } else if (archived > 0) {
    const std::string label = "Archived projects (" + std::to_string(archived) + ")";
    if (ImGui::SmallButton(label.c_str())) ctx.nav.show_archived = true;
  }
}

// Start from a template: the welcome (no project yet) shows these large;
// with projects, a smaller row under the table.
void draw_templates(ViewContext& ctx, float width, bool welcome) {
  const float em = ImGui::GetFontSize();
  const auto templates = builtin_templates();
  const int columns = welcome ? (width > 48 * em ? 3 : 2) : static_cast<int>(templates.size());
  const ImGuiStyle& style = ImGui::GetStyle();
  const float card_width = (width - style.ItemSpacing.x * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  const float card_height = welcome ? ImGui::GetTextLineHeightWithSpacing() * 4.2f : ImGui::GetFrameHeight();
  for (std::size_t i = 0; i < templates.size(); ++i) {
    const TemplateInfo& t = templates[i];
    if (i % static_cast<std::size_t>(columns) != 0) ImGui::SameLine();
    ImGui::PushID(static_cast<int>(i));
    bool chosen = false;
    if (welcome) {
      ImGui::BeginChild("template", ImVec2(card_width, card_height), ImGuiChildFlags_Border);
      ImGui::PushFont(ctx.fonts.strong);
      ImGui::TextUnformatted(t.name.data(), t.name.data() + t.name.size());
      ImGui::PopFont();
      ImGui::PushStyleColor(ImGuiCol_Text, muted_text_color(ctx.theme));
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextUnformatted(t.summary.data(), t.summary.data() + t.summary.size());
      ImGui::PopTextWrapPos();
      ImGui::PopStyleColor();
      ImGui::EndChild();
      // The whole card is the button.
      chosen = ImGui::IsItemClicked();
      if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    } else {
      const std::string label = std::string(t.name);
      chosen = ImGui::Button(label.c_str(), ImVec2(card_width, 0));
    }
    if (chosen) {
      ImportPlan plan = instantiate_template(t.id, ctx.ws, ctx.ids, ctx.today);
      if (plan.ok && !plan.command.ops.empty()) {
        if (const auto* create = std::get_if<CreateItem>(&plan.command.ops.front())) {
          ctx.nav.project = create->id;  // opens once the command has run
          ctx.nav.view = View::dashboard;
        }
        ctx.out.push(std::move(plan.command));
      }
    }
    ImGui::PopID();
  }
}

}  // namespace

Command new_project_command(IdSource& ids, std::size_t existing_projects) {
  Command c;
  c.label = "New project";
  c.ops.push_back(create_op<Project>(
      ids.next(), {}, {{field::project::name, "Untitled project " + std::to_string(existing_projects + 1)}}));
  return c;
}

void draw_home(ViewContext& ctx, HomeState& state) {
  const Theme theme = ctx.theme;
  const Fonts& fonts = ctx.fonts;
  // A region of its own that scrolls, ending above the status bar: at a
  // large text size or in a small window the page is taller than the window.
  const float bottom = ImGui::GetFrameHeightWithSpacing() * 1.2f;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));  // the page's own background
  ImGui::BeginChild("home", ImVec2(0, -bottom));
  ImGui::PopStyleColor();
  // Layout in font-size units, so the page scales with the user's font size.
  const float em = ImGui::GetFontSize();
  const float avail = ImGui::GetContentRegionAvail().x;
  const float width = std::min(avail, 60.0f * em);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - width) * 0.5f);
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);  // wrapped texts stay in the column
  ImGui::Dummy(ImVec2(width, em * 0.5f));

  ImGui::PushFont(fonts.heading);
  ImGui::TextUnformatted("Cairn");
  ImGui::PopFont();
  ImGui::PushStyleColor(ImGuiCol_Text, muted_text_color(theme));
  ImGui::TextWrapped("Plan machine-learning projects from hypothesis to go/no-go: charters, buffered "
                     "estimates, gates, risks and experiments, in one local-first app.");
  ImGui::PopStyleColor();
  ImGui::Dummy(ImVec2(0, em * 0.5f));

  ImGui::BeginChild("projects-box", ImVec2(width, 0), ImGuiChildFlags_AutoResizeY);
  draw_projects(ctx, state);
  ImGui::EndChild();
  if (ctx.ws.all<Project>().empty()) {  // first run: nobody faces an empty screen
    ImGui::PushFont(fonts.strong);
    ImGui::TextUnformatted("Welcome. Start from a template:");
    ImGui::PopFont();
    ImGui::PushStyleColor(ImGuiCol_Text, muted_text_color(theme));
    ImGui::TextWrapped("Each one carries a charter skeleton, lifecycle tasks with definitions of done and buffered "
                       "estimates, a discovery sprint, go/no-go gates and the usual risks (bias, privacy, drift). "
                       "Everything is editable; nothing leaves this device.");
    ImGui::PopStyleColor();
    draw_templates(ctx, width, true);
  } else {
    ImGui::TextUnformatted("New project from a template:");
    draw_templates(ctx, width, false);
  }
  ImGui::Dummy(ImVec2(0, em * 0.5f));

  const ImGuiStyle& style = ImGui::GetStyle();
  const int columns = width > 40.0f * em ? 3 : 2;
  const float card_width = (width - style.ItemSpacing.x * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  const float card_height = ImGui::GetTextLineHeightWithSpacing() * 5.5f;
  for (std::size_t i = 0; i < kPillars.size(); ++i) {
    if (i % static_cast<std::size_t>(columns) != 0) ImGui::SameLine();
    draw_pillar_card(kPillars[i], theme, fonts, card_width, card_height);
  }
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  ImGui::EndChild();
}

}  // namespace cairn::ui
