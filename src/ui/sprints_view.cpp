#include "ui/sprints_view.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "core/estimate.h"
#include "core/sprints.h"
#include "ui/history_list.h"
#include "ui/widgets.h"

namespace cairn::ui {
namespace {

std::vector<const Sprint*> sprints_of(const Workspace& ws, Id project) {
  std::vector<const Sprint*> out;
  for (const Id id : ws.children_of(project))
    if (const Sprint* s = ws.find<Sprint>(id)) out.push_back(s);
  std::sort(out.begin(), out.end(), [](const Sprint* a, const Sprint* b) {
    return a->start.value_or(kLastDate) != b->start.value_or(kLastDate) ? a->start.value_or(kLastDate) < b->start.value_or(kLastDate)
                                                                         : a->id < b->id;
  });
  return out;
}

void draw_load(ViewContext& ctx, const SprintLoad& load) {
  char overlay[160];
  std::snprintf(overlay, sizeof overlay, "%.1f buffered days planned of %.1f days capacity (%d working days)  \xC2\xB7  %zu/%zu done",
                load.planned_days, load.capacity_days, load.working_days, load.done, load.tasks);
  const float share = load.capacity_days > 0 ? static_cast<float>(load.planned_days / load.capacity_days) : (load.planned_days > 0 ? 2.0f : 0.0f);
  ImGui::PushStyleColor(ImGuiCol_PlotHistogram, share > 1.0f ? bad_color(ctx.theme) : share > 0.85f ? warning_color(ctx.theme) : good_color(ctx.theme));
  progress_bar(std::min(share, 1.0f), overlay);
  ImGui::PopStyleColor();
  if (share > 1.0f) {
    ImGui::PushStyleColor(ImGuiCol_Text, bad_color(ctx.theme));
    ImGui::TextUnformatted(load.capacity_days > 0 ? "Over capacity: move work out or add people." : "No capacity: set the dates and the people's days per week.");
    ImGui::PopStyleColor();
  }
  if (load.unestimated > 0) {
    ImGui::SameLine();
    ImGui::TextColored(warning_color(ctx.theme), "%zu task%s without an estimate", load.unestimated, load.unestimated == 1 ? "" : "s");
  }
}

void draw_planning(ViewContext& ctx, SprintsState& state, const Project& project, const Sprint& sprint) {
  ImGui::TextUnformatted("Backlog tasks not in a sprint:");
  if (state.open_project != project.id || state.open_revision != ctx.revision) {  // 10k tasks: not every frame
    state.open.clear();
    for (const Id id : ctx.ws.children_of(project.id)) {
      const Task* t = ctx.ws.find<Task>(id);
      if (t && t->sprint.nil() && t->status != TaskStatus::done) state.open.push_back(id);
    }
    state.open_project = project.id;
    state.open_revision = ctx.revision;
  }
  const std::vector<Id>& open = state.open;
  ImGui::BeginChild("backlog", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 8), ImGuiChildFlags_Border);
  ImGuiListClipper clipper;  // thousands of tasks: only the visible rows are submitted
  clipper.Begin(static_cast<int>(open.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const Task* t = ctx.ws.find<Task>(open[static_cast<std::size_t>(i)]);
      if (!t) continue;
      bool ticked = state.chosen.count(t->id) != 0;
      ImGui::PushID(t);
      const std::string label = t->title + "  (" + describe_estimate(estimate_of(project, *t)) + ")";
      if (ImGui::Checkbox(label.c_str(), &ticked)) {
        if (ticked) state.chosen.insert(t->id);
        else state.chosen.erase(t->id);
      }
      ImGui::PopID();
    }
  if (open.empty()) muted_text(ctx.theme, "Every open task is in a sprint.");
  ImGui::EndChild();
  const std::string add = "Add " + std::to_string(state.chosen.size()) + " to " + sprint.name;
  ImGui::BeginDisabled(state.chosen.empty());
  if (ImGui::Button(add.c_str())) {
    ctx.out.push(plan_into_sprint(ctx.ws, std::vector<Id>(state.chosen.begin(), state.chosen.end()), sprint.id));
    state.chosen.clear();
    state.planning = Id{};
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  // Escape closes the panel like a dialog, unless it is undoing typing or closing a popup.
  const bool escape = ImGui::IsKeyPressed(ImGuiKey_Escape, false) && !ImGui::GetIO().WantTextInput &&
                      !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
  if (ImGui::Button("Close") || escape) state.planning = Id{};
}

void draw_roll_over(ViewContext& ctx, const Sprint& sprint, const std::vector<const Sprint*>& sprints) {
  if (ImGui::SmallButton("End sprint: roll over unfinished work\xE2\x80\xA6")) ImGui::OpenPopup("rollover");
  if (!ImGui::BeginPopup("rollover")) return;
  ImGui::TextUnformatted("Move the tasks that are not done to:");
  for (const Sprint* next : sprints) {
    if (next->id == sprint.id) continue;
    ImGui::PushID(next);
    if (ImGui::Selectable(next->name.c_str())) ctx.out.push(roll_over(ctx.ws, sprint.id, next->id));
    ImGui::PopID();
  }
  if (ImGui::Selectable("the backlog (no sprint)")) ctx.out.push(roll_over(ctx.ws, sprint.id, Id{}));
  ImGui::EndPopup();
}

}  // namespace

void draw_sprints(ViewContext& ctx, SprintsState& state) {
  const Project* project = ctx.ws.find<Project>(ctx.nav.project);
  if (!project) return;
  const float em = ImGui::GetFontSize();
  for (const auto kind : {SprintKind::discovery, SprintKind::delivery}) {
    const std::string label = "+ " + enum_label(enum_name(kind)) + " sprint";
    if (ImGui::SmallButton(label.c_str()))
      ctx.out.push(create_item<Sprint>(ctx.ids, project->id,
                                       {{field::sprint::name, enum_label(enum_name(kind)) + " sprint"},
                                        {field::sprint::kind, std::string(enum_name(kind))},
                                        {field::sprint::start, ctx.today},
                                        {field::sprint::end, Date{ctx.today.days + 13}}},
                                       "Add sprint"));
    ImGui::SameLine();
  }
  ImGui::NewLine();
  const auto sprints = sprints_of(ctx.ws, project->id);
  if (state.loads_project != project->id || state.loads_revision != ctx.revision) {
    state.loads = sprint_loads(ctx.ws, project->id);
    state.loads_project = project->id;
    state.loads_revision = ctx.revision;
  }
  for (const Sprint* s : sprints) {
    ImGui::PushID(s);
    ImGui::BeginChild("sprint", ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY);
    edit_text("##name", *s, field::sprint::name, s->name, ctx.out, "Sprint name", 16 * em);
    ImGui::SameLine();
    edit_enum("##kind", *s, field::sprint::kind, s->kind, ctx.out, 8 * em);
    ImGui::SameLine();
    ImGui::TextUnformatted("from");  // before its date: "from 2026-11-30 to 2026-12-11"
    ImGui::SameLine();
    edit_date("##from", *s, field::sprint::start, s->start, ctx.out, 7 * em);
    ImGui::SameLine();
    ImGui::TextUnformatted("to");
    ImGui::SameLine();
    edit_date("##to", *s, field::sprint::end, s->end, ctx.out, 7 * em);
    ImGui::SameLine();
    history_button(ctx, s->id);
    ImGui::SameLine();
    remove_button(s->id, "sprint", ctx.out);
    edit_text("Goal", *s, field::sprint::goal, s->goal, ctx.out, "What this sprint must answer or deliver", -4 * em);
    draw_load(ctx, state.loads[s->id]);
    if (state.planning == s->id) {
      draw_planning(ctx, state, *project, *s);
    } else {
      if (ImGui::SmallButton("Plan from backlog\xE2\x80\xA6")) {
        state.planning = s->id;
        state.chosen.clear();
      }
      ImGui::SameLine();
      draw_roll_over(ctx, *s, sprints);
    }
    ImGui::EndChild();
    ImGui::PopID();
  }
  if (sprints.empty()) muted_text(ctx.theme, "No sprint yet. Start with a discovery sprint: can the data answer the question?");
}

}  // namespace cairn::ui
