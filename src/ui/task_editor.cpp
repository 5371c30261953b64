#include "ui/task_editor.h"

#include <imgui.h>

#include <algorithm>
#include <vector>

#include "core/estimate.h"
#include "ui/history_list.h"
#include "ui/widgets.h"

namespace cairn::ui {
namespace {

// A combo of the project's items of kind T, storing the chosen id in `field` of `item`.
template <class T, class Item, class Name>
void pick_reference(ViewContext& ctx, const char* label, const Item& item, FieldName<Item> field, Id current,
                    Id project, Name name_of, const char* none, Id exclude = {}) {
  std::string shown = none;
  if (const T* t = ctx.ws.find<T>(current)) shown = name_of(*t);
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (!ImGui::BeginCombo(label, shown.c_str(), ImGuiComboFlags_HeightLarge)) return;
  if (ImGui::Selectable(none, current.nil()) && !current.nil()) ctx.out.push(set_field(item, field, Id{}, "Clear " + enum_label(field)));
  std::vector<const T*> items = children_in_id_order<T>(ctx.ws, project);
  std::erase_if(items, [&](const T* t) { return t->id == exclude; });
  // Only the visible rows are submitted: 10k tasks in one list cost time,
  // and 10k 32-bit ids in one window collide now and then (birthday bound).
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(items.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const T* t = items[static_cast<std::size_t>(i)];
      ImGui::PushID(t);
      if (ImGui::Selectable(name_of(*t).c_str(), t->id == current) && t->id != current)
        ctx.out.push(set_field(item, field, t->id, "Change " + enum_label(field)));
      ImGui::PopID();
    }
  ImGui::EndCombo();
}

void draw_fields(ViewContext& ctx, const Project& project, const Task& t) {
  const float em = ImGui::GetFontSize();
  edit_text("##title", t, field::task::title, t.title, ctx.out, "Title");
  edit_enum("Status", t, field::task::status, t.status, ctx.out, 10 * em);
  edit_enum("Stage", t, field::task::stage, t.stage, ctx.out, 10 * em);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Assignee");
  ImGui::SameLine(7 * em);
  pick_reference<Person>(
      ctx, "##assignee", t, field::task::assignee, t.assignee, project.id, [](const Person& p) { return p.name; },
      "Unassigned");
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Sprint");
  ImGui::SameLine(7 * em);
  pick_reference<Sprint>(
      ctx, "##sprint", t, field::task::sprint, t.sprint, project.id, [](const Sprint& s) { return s.name; },
      "No sprint (backlog)");
  edit_date("Start", t, field::task::start, t.start, ctx.out, 8 * em);
  ImGui::SameLine();
  edit_date("Due", t, field::task::due, t.due, ctx.out, 8 * em);
  edit_list("Tags", t, field::task::tags, t.tags, ctx.out, "comma, separated", 20 * em);
  ImGui::TextUnformatted("Description");
  edit_multiline("##description", t, field::task::description, t.description, ctx.out, 3);
}

void draw_estimate(ViewContext& ctx, const Project& project, const Task& t) {
  const float em = ImGui::GetFontSize();
  section_heading("Estimate (working days)");
  edit_number("Optimistic", t, field::task::optimistic_days, t.optimistic_days, ctx.out, "\xE2\x80\x94", 4 * em);
  ImGui::SameLine();
  edit_number("Likely", t, field::task::likely_days, t.likely_days, ctx.out, "\xE2\x80\x94", 4 * em);
  ImGui::SameLine();
  edit_number("Pessimistic", t, field::task::pessimistic_days, t.pessimistic_days, ctx.out, "\xE2\x80\x94", 4 * em);
  const Estimate e = estimate_of(project, t);
  ImGui::PushFont(ctx.fonts.strong);
  ImGui::TextUnformatted(describe_estimate(e).c_str());
  ImGui::PopFont();
  edit_number("Buffer override (\xC3\x97)", t, field::task::buffer_override, t.buffer_override, ctx.out, "project rule",
              6 * em);
  ImGui::SameLine();
  edit_number("Actual days", t, field::task::actual_days, t.actual_days, ctx.out, "\xE2\x80\x94", 5 * em);
}

void draw_checklist(ViewContext& ctx, const Task& t) {
  auto items = children_in_id_order<ChecklistItem>(ctx.ws, t.id);
  std::sort(items.begin(), items.end(), [](auto* a, auto* b) { return a->order != b->order ? a->order < b->order : a->id < b->id; });
  int done = 0;
  for (const auto* i : items) done += i->done ? 1 : 0;
  const std::string title = "Definition of done  " + std::to_string(done) + "/" + std::to_string(items.size());
  section_heading(title.c_str());
  for (const ChecklistItem* item : items) {
    ImGui::PushID(item);
    edit_bool("##done", *item, field::checklist_item::done, item->done, ctx.out);
    ImGui::SameLine();
    edit_text("##text", *item, field::checklist_item::text, item->text, ctx.out, "What must be true",
              -3 * ImGui::GetFontSize());
    ImGui::SameLine();
    remove_button(item->id, "checklist item", ctx.out);
    ImGui::PopID();
  }
  if (ImGui::SmallButton("+ Done criterion")) {
    const double order = items.empty() ? 0.0 : items.back()->order + 1.0;
    ctx.out.push(create_item<ChecklistItem>(
        ctx.ids, t.id, {{field::checklist_item::text, std::string("")}, {field::checklist_item::order, order}},
        "Add done criterion"));
  }
}

void draw_dependencies(ViewContext& ctx, const Project& project, const Task& t) {
  section_heading("Depends on");
  const auto task_name = [](const Task& x) { return x.title; };
  for (const Dependency* d : children_in_id_order<Dependency>(ctx.ws, t.id)) {
    ImGui::PushID(d);
    pick_reference<Task>(ctx, "##pred", *d, field::dependency::predecessor, d->predecessor, project.id, task_name,
                         "(choose a task)", t.id);
    edit_enum("##type", *d, field::dependency::type, d->type, ctx.out, ImGui::GetFontSize() * 9);
    ImGui::SameLine();
    edit_number("lag days", *d, field::dependency::lag_days, d->lag_days, ctx.out, "0", ImGui::GetFontSize() * 3);
    ImGui::SameLine();
    remove_button(d->id, "dependency", ctx.out);
    ImGui::PopID();
  }
  if (ImGui::SmallButton("+ Dependency")) ctx.out.push(create_item<Dependency>(ctx.ids, t.id, {}, "Add dependency"));
}

void draw_blockers(ViewContext& ctx, const Project& project, const Task& t) {
  section_heading("Blockers");
  for (const Blocker* b : children_in_id_order<Blocker>(ctx.ws, t.id)) {
    ImGui::PushID(b);
    edit_bool("Resolved", *b, field::blocker::resolved, b->resolved, ctx.out);
    ImGui::SameLine();
    edit_date("since", *b, field::blocker::since, b->since, ctx.out, ImGui::GetFontSize() * 7);
    ImGui::SameLine();
    remove_button(b->id, "blocker", ctx.out);
    edit_text("##text", *b, field::blocker::text, b->text, ctx.out, "What blocks this task?");
    pick_reference<Task>(
        ctx, "##by", *b, field::blocker::blocking_task, b->blocking_task, project.id,
        [](const Task& x) { return "Blocked by: " + x.title; }, "Blocked by no task", t.id);
    ImGui::Separator();
    ImGui::PopID();
  }
  if (ImGui::SmallButton("+ Blocker"))
    ctx.out.push(create_item<Blocker>(ctx.ids, t.id, {{field::blocker::since, ctx.today}}, "Add blocker"));
}

bool created_this_frame(const CommandSink& out, Id id) {
  for (const PendingCommand& pending : out.commands)
    for (const Operation& op : pending.command.ops)
      if (const auto* create = std::get_if<CreateItem>(&op); create && create->id == id) return true;
  return false;
}

}  // namespace

void draw_task_editor(ViewContext& ctx) {
  // A list or text field open when Escape went down takes the key. ImGui
  // closes the list in NewFrame, before this runs: remember the last frame.
  static bool popup_was_open = false;
  const bool escape_was_taken = popup_was_open || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId) ||
                                ImGui::GetIO().WantTextInput;
  const Task* t = ctx.ws.find<Task>(ctx.nav.open_task);
  const Project* project = t ? ctx.ws.find<Project>(t->parent) : nullptr;
  if (!t || !project) {
    // A task created this frame ("+ Task") exists once its command has run.
    if (!created_this_frame(ctx.out, ctx.nav.open_task)) ctx.nav.open_task = Id{};
    return;
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float width = std::min(ImGui::GetFontSize() * 30, vp->WorkSize.x * 0.5f);
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - width, vp->WorkPos.y + ImGui::GetFrameHeight()), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(width, vp->WorkSize.y - ImGui::GetFrameHeight() * 2.5f), ImGuiCond_Always);
  bool open = true;
  if (ImGui::Begin("Task##editor", &open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove)) {
    ImGui::PushID(t);
    draw_fields(ctx, *project, *t);
    draw_estimate(ctx, *project, *t);
    draw_checklist(ctx, *t);
    draw_dependencies(ctx, *project, *t);
    draw_blockers(ctx, *project, *t);
    draw_history(ctx, t->id);
    ImGui::Spacing();
    if (ImGui::Button("Delete task")) {
      ctx.out.push(remove_item(t->id, "Delete task"));
      open = false;
    }
    ImGui::PopID();
  }
  ImGui::End();
  popup_was_open = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
  // Escape closes the editor, unless it closes a list or leaves a text field.
  const bool escape = ImGui::IsKeyPressed(ImGuiKey_Escape, false) && !ImGui::GetIO().WantTextInput &&
                      !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId) && !escape_was_taken;
  if (!open || escape) ctx.nav.open_task = Id{};
}

}  // namespace cairn::ui
