#include "ui/backlog_view.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <vector>

#include "core/estimate.h"
#include "ui/task_summary.h"
#include "ui/widgets.h"

namespace cairn::ui {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool contains(std::string_view haystack, const std::string& needle_lower) {
  return lower(haystack).find(needle_lower) != std::string::npos;
}

enum Columns { kTitle, kStatus, kStage, kAssignee, kEstimate, kDue, kSprint, kTags, kColumnCount };

template <class T>
std::vector<const T*> project_items(const Workspace& ws, Id project) {
  std::vector<const T*> out;
  for (const Id id : ws.children_of(project))
    if (const T* t = ws.find<T>(id)) out.push_back(t);
  return out;
}

// A combo choosing one item of kind T (a person, a sprint) or none.
template <class T>
bool pick_item(const char* label, const std::vector<const T*>& items, Id& chosen, const char* none, float width) {
  std::string current = none;
  for (const T* t : items)
    if (t->id == chosen) current = t->name;
  bool changed = false;
  ImGui::SetNextItemWidth(width);
  if (ImGui::BeginCombo(label, current.c_str())) {
    if (ImGui::Selectable(none, chosen.nil())) { chosen = Id{}; changed = true; }
    for (const T* t : items) {
      ImGui::PushID(t);
      if (ImGui::Selectable(t->name.c_str(), t->id == chosen)) { chosen = t->id; changed = true; }
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  return changed;
}

template <class E>
void pick_enum(const char* label, int& index, float width) {
  ImGui::SetNextItemWidth(width);
  const std::string current = index < 0 ? "Any" : enum_label(EnumNames<E>::names[static_cast<std::size_t>(index)]);
  if (ImGui::BeginCombo(label, current.c_str())) {
    if (ImGui::Selectable("Any", index < 0)) index = -1;
    for (std::size_t i = 0; i < EnumNames<E>::names.size(); ++i)
      if (ImGui::Selectable(enum_label(EnumNames<E>::names[i]).c_str(), index == static_cast<int>(i))) index = static_cast<int>(i);
    ImGui::EndCombo();
  }
}

// The project's tasks that pass the filter, in the table's order.
std::vector<Id> sorted_rows(const Workspace& ws, const Project& project, const BacklogState& state) {
  std::vector<const Task*> rows;
  for (const Task* t : project_items<Task>(ws, project.id))
    if (task_matches(ws, *t, state.filter)) rows.push_back(t);
  auto key_less = [&](const Task* a, const Task* b) {
    switch (state.sort_column) {
      case kStatus: return a->status < b->status;
      case kStage: return a->stage < b->stage;
      case kAssignee: return a->assignee < b->assignee;
      case kEstimate:
        return estimate_of(project, *a).buffered_days.value_or(-1) < estimate_of(project, *b).buffered_days.value_or(-1);
      case kDue: return a->due.value_or(kLastDate) < b->due.value_or(kLastDate);
      case kSprint: return a->sprint < b->sprint;
      case kTags: return a->tags < b->tags;
      default: return a->title < b->title;
    }
  };
  std::stable_sort(rows.begin(), rows.end(), [&](const Task* a, const Task* b) {
    if (key_less(a, b)) return state.sort_ascending;
    if (key_less(b, a)) return !state.sort_ascending;
    return a->id < b->id;
  });

  std::vector<Id> ids;
  ids.reserve(rows.size());
  for (const Task* t : rows) ids.push_back(t->id);
  return ids;
}

// Saved filters of the project: pick one to apply it, save the current
// filter under a name, delete the one applied.
void draw_saved_filters(ViewContext& ctx, BacklogState& state) {
  const float em = ImGui::GetFontSize();
  std::vector<const SavedFilter*> saved = project_items<SavedFilter>(ctx.ws, ctx.nav.project);
  std::sort(saved.begin(), saved.end(), [](const SavedFilter* a, const SavedFilter* b) { return a->name < b->name; });
  const SavedFilter* active = state.saved.nil() ? nullptr : ctx.ws.find<SavedFilter>(state.saved);
  if (active && !(filter_of(*active) == state.filter)) active = nullptr;  // changed since it was applied
  ImGui::SetNextItemWidth(10 * em);
  if (ImGui::BeginCombo("##saved-filters", active ? active->name.c_str() : "Saved filters")) {
    if (saved.empty()) ImGui::TextDisabled("None yet: set a filter, then Save filter");
    for (const SavedFilter* f : saved) {
      ImGui::PushID(f);
      if (ImGui::Selectable(f->name.empty() ? "(unnamed)" : f->name.c_str(), f == active)) {
        state.filter = filter_of(*f);
        state.saved = f->id;
      }
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  if (active) {
    if (ImGui::SmallButton("Delete filter")) {
      ctx.out.push(remove_item(active->id, "Delete saved filter"));
      state.saved = {};
    }
  } else if (!(state.filter == BacklogFilter{}) && ImGui::SmallButton("Save filter\xE2\x80\xA6")) {
    state.new_filter_name.clear();
    ImGui::OpenPopup("save_filter");
  }
  if (ImGui::BeginPopup("save_filter")) {
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(14 * em);
    bool save = ImGui::InputTextWithHint("##filter-name", "Name of the filter", &state.new_filter_name,
                                         ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    save |= ImGui::Button("Save");
    if (save && !state.new_filter_name.empty()) {
      Id created;
      ctx.out.push(create_item<SavedFilter>(
          ctx.ids, ctx.nav.project, saved_filter_fields(state.filter, state.new_filter_name), "Save filter", &created));
      state.saved = created;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

// The filter controls flow onto a second line when the view is narrow
// (they did not fit a 1280-pixel window in one line).
void draw_filters(ViewContext& ctx, BacklogState& state) {
  const float em = ImGui::GetFontSize();
  const ImGuiStyle& style = ImGui::GetStyle();
  BacklogFilter& f = state.filter;
  bool first = true;
  // Places the next control of `width` (labels included) beside the last one, or on a new line.
  auto place = [&](float width, const char* label = nullptr) {
    if (label) width += style.ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x;
    if (!first) {
      ImGui::SameLine();
      if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
    }
    first = false;
  };
  place(14 * em);
  ImGui::SetNextItemWidth(14 * em);
  ImGui::InputTextWithHint("##search", "Filter by text\xE2\x80\xA6", &f.text);
  place(7 * em, "Status");
  pick_enum<TaskStatus>("Status", f.status, 7 * em);
  place(8 * em, "Stage");
  pick_enum<Stage>("Stage", f.stage, 8 * em);
  place(8 * em, "Assignee");
  pick_item("Assignee", project_items<Person>(ctx.ws, ctx.nav.project), f.assignee, "Anyone", 8 * em);
  place(8 * em, "Sprint");
  pick_item("Sprint", project_items<Sprint>(ctx.ws, ctx.nav.project), f.sprint, "Any", 8 * em);
  place(ImGui::GetFrameHeight(), "Blocked");
  ImGui::Checkbox("Blocked", &f.only_blocked);
  place(6 * em);
  ImGui::SetNextItemWidth(6 * em);
  ImGui::InputTextWithHint("##tag", "tag", &f.tag);
  place(ImGui::CalcTextSize("Clear").x + style.FramePadding.x * 2);
  if (ImGui::SmallButton("Clear")) f = {};
}

// Bulk edit of the selected tasks: one command, one undo step.
void draw_bulk_edit(ViewContext& ctx, BacklogState& state) {
  // Drop selected ids that no longer exist (removed, undone).
  for (auto it = state.selected.begin(); it != state.selected.end();)
    it = ctx.ws.find<Task>(*it) ? std::next(it) : state.selected.erase(it);
  if (state.selected.empty()) return;
  const float em = ImGui::GetFontSize();
  ImGui::Text("%zu selected:", state.selected.size());
  auto bulk = [&](FieldName<Task> which, Value value, const char* label) {
    Command c;
    c.label = label;
    for (const Id id : state.selected) c.ops.push_back(SetField{id, which, value});
    ctx.out.push(std::move(c));
  };
  ImGui::SameLine();
  int status = -1;
  pick_enum<TaskStatus>("##bulk-status", status, 8 * em);
  if (status >= 0)
    bulk(field::task::status, std::string(EnumNames<TaskStatus>::names[static_cast<std::size_t>(status)]),
         "Set status of selected tasks");
  ImGui::SameLine();
  int stage = -1;
  pick_enum<Stage>("##bulk-stage", stage, 9 * em);
  if (stage >= 0)
    bulk(field::task::stage, std::string(EnumNames<Stage>::names[static_cast<std::size_t>(stage)]),
         "Set stage of selected tasks");
  ImGui::SameLine();
  Id sprint{~0ull, ~0ull};  // "no choice" sentinel
  if (pick_item("##bulk-sprint", project_items<Sprint>(ctx.ws, ctx.nav.project), sprint, "No sprint", 9 * em))
    bulk(field::task::sprint, sprint, "Move selected tasks to a sprint");
  ImGui::SameLine();
  Id person{~0ull, ~0ull};
  if (pick_item("##bulk-assignee", project_items<Person>(ctx.ws, ctx.nav.project), person, "Unassigned", 9 * em))
    bulk(field::task::assignee, person, "Assign selected tasks");
  ImGui::SameLine();
  if (ImGui::SmallButton("Delete")) {
    Command c;
    c.label = "Delete selected tasks";
    for (const Id id : state.selected) c.ops.push_back(RemoveItem{id});
    ctx.out.push(std::move(c));
    state.selected.clear();
  }
  ImGui::SameLine();
  if (ImGui::SmallButton("Select none")) state.selected.clear();
}

}  // namespace

BacklogFilter filter_of(const SavedFilter& saved) {
  BacklogFilter f;
  f.text = saved.text;
  f.status = saved.status ? static_cast<int>(*saved.status) : -1;
  f.stage = saved.stage ? static_cast<int>(*saved.stage) : -1;
  f.assignee = saved.assignee;
  f.sprint = saved.sprint;
  f.only_blocked = saved.only_blocked;
  f.tag = saved.tag;
  return f;
}

std::vector<std::pair<FieldName<SavedFilter>, Value>> saved_filter_fields(const BacklogFilter& f,
                                                                          const std::string& name) {
  namespace s = field::saved_filter;
  std::vector<std::pair<FieldName<SavedFilter>, Value>> fields{
      {s::name, name}, {s::text, f.text}, {s::only_blocked, f.only_blocked}, {s::tag, f.tag}};
  if (f.status >= 0)
    fields.emplace_back(s::status, std::string(EnumNames<TaskStatus>::names[static_cast<std::size_t>(f.status)]));
  if (f.stage >= 0)
    fields.emplace_back(s::stage, std::string(EnumNames<Stage>::names[static_cast<std::size_t>(f.stage)]));
  if (!f.assignee.nil()) fields.emplace_back(s::assignee, f.assignee);
  if (!f.sprint.nil()) fields.emplace_back(s::sprint, f.sprint);
  return fields;
}

bool task_matches(const Workspace& ws, const Task& task, const BacklogFilter& f) {
  if (f.status >= 0 && static_cast<int>(task.status) != f.status) return false;
  if (f.stage >= 0 && static_cast<int>(task.stage) != f.stage) return false;
  if (!f.assignee.nil() && task.assignee != f.assignee) return false;
  if (!f.sprint.nil() && task.sprint != f.sprint) return false;
  if (!f.tag.empty() && std::find(task.tags.begin(), task.tags.end(), f.tag) == task.tags.end()) return false;
  if (f.only_blocked) {
    bool blocked = task.status == TaskStatus::blocked;
    for (const Id child : ws.children_of(task.id))
      if (const auto* b = ws.find<Blocker>(child); b && !b->resolved) blocked = true;
    if (!blocked) return false;
  }
  if (!f.text.empty()) {
    const std::string needle = lower(f.text);
    bool found = contains(task.title, needle) || contains(task.description, needle);
    for (const std::string& tag : task.tags) found = found || contains(tag, needle);
    if (!found) return false;
  }
  return true;
}

void draw_backlog(ViewContext& ctx, BacklogState& state) {
  const Project* project = ctx.ws.find<Project>(ctx.nav.project);
  if (!project) return;
  if (ImGui::SmallButton("+ Task")) {
    Id created;
    ctx.out.push(
        create_item<Task>(ctx.ids, project->id, {{field::task::title, std::string("New task")}}, "Add task", &created));
    ctx.nav.open_task = created;
  }
  ImGui::SameLine();
  draw_saved_filters(ctx, state);
  draw_filters(ctx, state);
  draw_bulk_edit(ctx, state);

  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                     ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("backlog", kColumnCount, kFlags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Title", ImGuiTableColumnFlags_DefaultSort, 4);
  ImGui::TableSetupColumn("Status", 0, 1.2f);
  ImGui::TableSetupColumn("Stage", 0, 1.4f);
  ImGui::TableSetupColumn("Assignee", 0, 1.3f);
  ImGui::TableSetupColumn("Estimate (buffered)", 0, 2.6f);
  ImGui::TableSetupColumn("Due", 0, 1.1f);
  ImGui::TableSetupColumn("Sprint", 0, 1.3f);
  ImGui::TableSetupColumn("Tags", 0, 1.5f);
  ImGui::TableHeadersRow();
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount > 0) {
    state.sort_column = specs->Specs[0].ColumnIndex;
    state.sort_ascending = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
  }
  const Workspace& ws = ctx.ws;
  const BacklogState::RowsKey key{project->id, ctx.revision, state.filter, state.sort_column, state.sort_ascending};
  if (!(key == state.rows_key)) {
    state.rows_key = key;
    state.rows = sorted_rows(ws, *project, state);
  }
  const std::vector<Id>& rows = state.rows;  // ids: only the visible rows are looked up

  static int last_clicked = -1;  // for Shift+click ranges
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const Task* found = ws.find<Task>(rows[static_cast<std::size_t>(i)]);
      if (!found) continue;  // the key includes the revision: cannot happen, but never dereference a miss
      const Task& t = *found;
      const TaskSummary s = summarize_task(ws, *project, t);
      ImGui::PushID(&t);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const bool selected = state.selected.count(t.id) != 0;
      // The row is selectable by its title cell; double-click opens the editor.
      if (ImGui::Selectable("##row", selected, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap |
                                                   ImGuiSelectableFlags_AllowDoubleClick,
                            ImVec2(0, ImGui::GetFrameHeight()))) {
        const ImGuiIO& io = ImGui::GetIO();
        if (io.KeyShift && last_clicked >= 0) {
          const int lo = std::min(last_clicked, i), hi = std::max(last_clicked, i);
          for (int r = lo; r <= hi; ++r) state.selected.insert(rows[static_cast<std::size_t>(r)]);
        } else if (io.KeyCtrl) {
          if (selected) state.selected.erase(t.id);
          else state.selected.insert(t.id);
          last_clicked = i;
        } else {
          state.selected = {t.id};
          last_clicked = i;
        }
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) ctx.nav.open_task = t.id;
      }
      ImGui::SameLine();
      edit_text("##title", t, field::task::title, t.title, ctx.out, "Title");
      ImGui::TableNextColumn();
      edit_enum("##status", t, field::task::status, t.status, ctx.out);
      ImGui::TableNextColumn();
      edit_enum("##stage", t, field::task::stage, t.stage, ctx.out);
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(s.assignee.empty() ? "\xE2\x80\x94" : s.assignee.c_str());
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(s.estimate.c_str());
      ImGui::TableNextColumn();
      edit_date("##due", t, field::task::due, t.due, ctx.out);
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(s.sprint.empty() ? "\xE2\x80\x94" : s.sprint.c_str());
      ImGui::TableNextColumn();
      edit_list("##tags", t, field::task::tags, t.tags, ctx.out, "tags");
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
}

}  // namespace cairn::ui
