#include "ui/postmortems_view.h"

#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/postmortems.h"
#include "ui/history_list.h"
#include "ui/widgets.h"

namespace cairn::ui {
namespace {

std::string name_or(const std::string& name, const char* fallback) { return name.empty() ? fallback : name; }

Command new_postmortem(ViewContext& ctx, const std::string& title, Id subject, Id* created) {
  return create_item<PostMortem>(
      ctx.ids, ctx.nav.project,
      {{field::post_mortem::title, title}, {field::post_mortem::subject, subject}, {field::post_mortem::on, ctx.today}},
      "Add post-mortem", created);
}

void draw_create_buttons(ViewContext& ctx, PostmortemsState& state, const Project& project) {
  if (ImGui::SmallButton("+ Post-mortem of the project")) {
    Id created;
    ctx.out.push(new_postmortem(ctx, "Post-mortem: " + name_or(project.name, "project"), Id{}, &created));
    state.open = created;
  }
  const std::vector<const Gate*> suggested = postmortem_suggestions(ctx.ws, project.id, ctx.today);
  if (suggested.empty()) return;
  ImGui::SameLine();
  muted_text(ctx.theme, "Suggested:");
  for (const Gate* g : suggested) {
    ImGui::SameLine();
    ImGui::PushID(g);
    const std::string why = g->decision == GateDecision::pending ? "past due" : std::string(enum_name(g->decision));
    const std::string label = "+ " + name_or(g->name, "(unnamed gate)") + " (" + why + ")";
    if (ImGui::SmallButton(label.c_str())) {
      Id created;
      ctx.out.push(new_postmortem(ctx, "Post-mortem: " + name_or(g->name, "gate"), g->id, &created));
      state.open = created;
    }
    ImGui::PopID();
  }
}

void draw_root_causes(ViewContext& ctx, const PostMortem& pm) {
  ImGui::TextUnformatted("Root causes");
  for (const std::string_view cause : kRootCauses) {
    ImGui::SameLine();
    const bool ticked = std::find(pm.root_causes.begin(), pm.root_causes.end(), cause) != pm.root_causes.end();
    bool now = ticked;
    if (ImGui::Checkbox(enum_label(cause).c_str(), &now)) {
      StringList causes;
      for (const std::string_view c : kRootCauses)  // kept in the fixed order
        if (c == cause ? now : std::find(pm.root_causes.begin(), pm.root_causes.end(), c) != pm.root_causes.end())
          causes.emplace_back(c);
      for (const std::string& c : pm.root_causes)  // anything else (from an import) stays
        if (std::find(std::begin(kRootCauses), std::end(kRootCauses), c) == std::end(kRootCauses)) causes.push_back(c);
      ctx.out.push(
          set_field(pm, field::post_mortem::root_causes, causes, now ? "Tick root cause" : "Untick root cause"));
    }
  }
  // Causes in words (from an import or the automation API): shown after the
  // categories, each removable, wrapping to the next line when the row is full.
  for (const std::string& cause : pm.root_causes) {
    if (std::find(std::begin(kRootCauses), std::end(kRootCauses), cause) != std::end(kRootCauses)) continue;
    const std::string label = cause + "  \xC3\x97";
    const float width = ImGui::CalcTextSize(label.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x;
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
    ImGui::PushID(cause.c_str());
    if (ImGui::SmallButton(label.c_str())) {
      StringList causes = pm.root_causes;
      std::erase(causes, cause);
      ctx.out.push(set_field(pm, field::post_mortem::root_causes, causes, "Remove root cause"));
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("A root cause in words; click to remove it");
    ImGui::PopID();
  }
}

// A menu of every project of the workspace (this one first); returns the chosen one.
Id project_menu(ViewContext& ctx) {
  Id chosen;
  std::vector<const Project*> projects;
  for (const auto& [id, p] : ctx.ws.all<Project>())
    if (!p.archived || id == ctx.nav.project) projects.push_back(&p);
  std::stable_partition(projects.begin(), projects.end(), [&](const Project* p) { return p->id == ctx.nav.project; });
  for (const Project* p : projects) {
    ImGui::PushID(p);
    const std::string label = name_or(p->name, "(unnamed project)") + (p->id == ctx.nav.project ? " (this project)" : "");
    if (ImGui::MenuItem(label.c_str())) chosen = p->id;
    ImGui::PopID();
  }
  return chosen;
}

void draw_action_items(ViewContext& ctx, const PostMortem& pm) {
  std::vector<const ActionItem*> items;
  for (const Id id : ctx.ws.children_of(pm.id))
    if (const ActionItem* a = ctx.ws.find<ActionItem>(id)) items.push_back(a);
  std::sort(items.begin(), items.end(), [](const ActionItem* a, const ActionItem* b) { return a->id < b->id; });
  section_heading("Action items");
  if (ImGui::SmallButton("+ Action item"))
    ctx.out.push(create_item<ActionItem>(ctx.ids, pm.id, {{field::action_item::text, std::string("New action item")}},
                                         "Add action item"));
  ImGui::SameLine();
  const bool any_unlinked = std::any_of(items.begin(), items.end(), [&](const ActionItem* a) { return !ctx.ws.find<Task>(a->task); });
  ImGui::BeginDisabled(!any_unlinked);
  if (ImGui::SmallButton("Create tasks for all\xE2\x80\xA6")) ImGui::OpenPopup("all_tasks");
  ImGui::EndDisabled();
  if (ImGui::BeginPopup("all_tasks")) {
    muted_text(ctx.theme, "Create a task for every action item without one, in:");
    if (const Id target = project_menu(ctx); !target.nil()) ctx.out.push(action_item_tasks(ctx.ws, ctx.ids, pm.id, target));
    ImGui::EndPopup();
  }
  if (items.empty()) return;
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg;
  if (!ImGui::BeginTable("actions", 5, kFlags)) return;
  ImGui::TableSetupColumn("Action", 0, 3.0f);
  ImGui::TableSetupColumn("Owner", 0, 1.2f);
  ImGui::TableSetupColumn("Done", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn("Task", 0, 2.0f);
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableHeadersRow();
  for (const ActionItem* a : items) {
    ImGui::PushID(a);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    edit_text("##text", *a, field::action_item::text, a->text, ctx.out, "What we will do");
    ImGui::TableNextColumn();
    edit_text("##owner", *a, field::action_item::owner, a->owner, ctx.out, "owner");
    ImGui::TableNextColumn();
    edit_bool("##done", *a, field::action_item::done, a->done, ctx.out);
    ImGui::TableNextColumn();
    if (const Task* t = ctx.ws.find<Task>(a->task)) {
      const Project* home = ctx.ws.find<Project>(t->parent);
      const std::string label = name_or(t->title, "(untitled task)") +
                                (home && home->id != ctx.nav.project ? " \xC2\xB7 " + name_or(home->name, "(unnamed project)") : "");
      if (ImGui::SmallButton(label.c_str())) {
        ctx.nav.project = t->parent;  // the task may live in another project
        ctx.nav.open_task = t->id;
      }
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open the task");
    } else {
      if (ImGui::SmallButton("Create task\xE2\x80\xA6")) ImGui::OpenPopup("task_in");
      if (ImGui::BeginPopup("task_in")) {
        muted_text(ctx.theme, "Create the task in:");
        if (const Id target = project_menu(ctx); !target.nil()) ctx.out.push(action_item_task(ctx.ws, ctx.ids, a->id, target));
        ImGui::EndPopup();
      }
    }
    ImGui::TableNextColumn();
    remove_button(a->id, "action item", ctx.out);
    ImGui::PopID();
  }
  ImGui::EndTable();
}

void draw_postmortem(ViewContext& ctx, const PostMortem& pm) {
  const float em = ImGui::GetFontSize();
  ImGui::PushID(&pm);
  edit_text("##title", pm, field::post_mortem::title, pm.title, ctx.out, "Title", 24 * em);
  ImGui::SameLine();
  edit_date("##on", pm, field::post_mortem::on, pm.on, ctx.out, 6.5f * em);
  ImGui::SameLine();
  history_button(ctx, pm.id);  // with its action items'
  ImGui::SameLine();
  remove_button(pm.id, "post-mortem", ctx.out);
  if (const Gate* g = ctx.ws.find<Gate>(pm.subject))
    muted_text(ctx.theme, ("About the gate \xE2\x80\x9C" + name_or(g->name, "(unnamed)") + "\xE2\x80\x9D, decided " +
                           std::string(enum_name(g->decision)) + (g->rationale.empty() ? "" : ": " + g->rationale)).c_str());
  else
    muted_text(ctx.theme, "About the whole project");
  ImGui::TextUnformatted("What went well");
  edit_multiline("##well", pm, field::post_mortem::went_well, pm.went_well, ctx.out);
  ImGui::TextUnformatted("What went wrong");
  edit_multiline("##wrong", pm, field::post_mortem::went_wrong, pm.went_wrong, ctx.out);
  draw_root_causes(ctx, pm);
  draw_action_items(ctx, pm);
  ImGui::PopID();
}

}  // namespace

void draw_postmortems(ViewContext& ctx, PostmortemsState& state) {
  const Project* project = ctx.ws.find<Project>(ctx.nav.project);
  if (!project) return;
  draw_create_buttons(ctx, state, *project);
  std::vector<const PostMortem*> all;
  for (const Id id : ctx.ws.children_of(project->id))
    if (const PostMortem* pm = ctx.ws.find<PostMortem>(id)) all.push_back(pm);
  if (all.empty()) {
    muted_text(ctx.theme, "No post-mortem yet. Write one when a gate fails or the project ends.");
    return;
  }
  std::sort(all.begin(), all.end(), [](const PostMortem* a, const PostMortem* b) {
    return a->on != b->on ? a->on > b->on : a->id < b->id;  // newest first
  });
  const PostMortem* open = all.front();
  for (const PostMortem* pm : all)
    if (pm->id == state.open) open = pm;
  const float em = ImGui::GetFontSize();
  ImGui::BeginChild("list", ImVec2(12 * em, 0), ImGuiChildFlags_Border);
  for (const PostMortem* pm : all) {
    ImGui::PushID(pm);
    const std::string label = name_or(pm->title, "(untitled)") + (pm->on ? "\n" + format_date(*pm->on) : std::string());
    if (ImGui::Selectable(label.c_str(), pm == open)) state.open = pm->id;
    ImGui::PopID();
  }
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("postmortem");
  draw_postmortem(ctx, *open);
  ImGui::EndChild();
}

}  // namespace cairn::ui
