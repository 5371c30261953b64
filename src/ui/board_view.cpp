#include "ui/board_view.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "core/wip.h"
#include "ui/task_summary.h"
#include "ui/widgets.h"

namespace cairn::ui {
namespace {

constexpr const char* kPayload = "CAIRN_TASK";

std::optional<FieldName<Project>> limit_field(const BoardColumn& c) {
  return c.status ? wip_field(*c.status) : wip_field(*c.stage);
}
std::optional<std::int64_t> limit_of(const BoardColumn& c, const Project& p) {
  return c.status ? wip_limit(p, *c.status) : wip_limit(p, *c.stage);
}
std::int64_t excess_of(const BoardColumn& c, const Project& p) {
  return c.status ? wip_excess(p, *c.status, c.tasks.size()) : wip_excess(p, *c.stage, c.tasks.size());
}

std::vector<BoardColumn> columns_of(const Workspace& ws, Id project, bool by_stage) {
  std::vector<BoardColumn> columns;
  if (by_stage) {
    for (std::size_t i = 0; i < EnumNames<Stage>::names.size(); ++i) {
      const auto name = EnumNames<Stage>::names[i];
      columns.push_back(
          {enum_label(name), field::task::stage, std::string(name), {}, std::nullopt, static_cast<Stage>(i)});
    }
  } else {
    for (std::size_t i = 0; i < EnumNames<TaskStatus>::names.size(); ++i) {
      const auto name = EnumNames<TaskStatus>::names[i];
      columns.push_back(
          {enum_label(name), field::task::status, std::string(name), {}, static_cast<TaskStatus>(i), std::nullopt});
    }
  }
  std::vector<std::vector<const Task*>> cards(columns.size());
  for (const Id id : ws.children_of(project)) {
    const Task* t = ws.find<Task>(id);
    if (!t) continue;
    cards[by_stage ? static_cast<std::size_t>(t->stage) : static_cast<std::size_t>(t->status)].push_back(t);
  }
  for (std::size_t c = 0; c < columns.size(); ++c) {
    std::sort(cards[c].begin(), cards[c].end(), [](const Task* a, const Task* b) {
      return a->order != b->order ? a->order < b->order : a->id < b->id;
    });
    for (const Task* t : cards[c]) columns[c].tasks.push_back(t->id);
  }
  return columns;
}

const std::vector<BoardColumn>& cached_columns(const ViewContext& ctx, Id project, BoardState& state) {
  if (state.columns_project != project || state.columns_revision != ctx.revision ||
      state.columns_by_stage != state.by_stage) {
    state.columns = columns_of(ctx.ws, project, state.by_stage);
    state.columns_project = project;
    state.columns_revision = ctx.revision;
    state.columns_by_stage = state.by_stage;
  }
  return state.columns;
}

// Moves `task` into `column` at `index` (before the card there; at the end
// when index == size).
Command move_command(const Workspace& ws, const BoardColumn& column, const Task& task, std::size_t index) {
  const Task* previous = index > 0 ? ws.find<Task>(column.tasks[index - 1]) : nullptr;
  const Task* next = index < column.tasks.size() ? ws.find<Task>(column.tasks[index]) : nullptr;
  const double* before = previous ? &previous->order : nullptr;
  const double* after = next ? &next->order : nullptr;
  Command c;
  c.label = "Move card";
  c.ops.push_back(SetField{task.id, column.field, column.value});
  c.ops.push_back(SetField{task.id, field::task::order, order_between(before, after)});
  return c;
}

void draw_card(ViewContext& ctx, const Project& project, const BoardColumn& column, std::size_t index, float height) {
  const Task* found = ctx.ws.find<Task>(column.tasks[index]);
  if (!found) return;  // the columns follow the revision: cannot happen, but never dereference a miss
  const Task& task = *found;
  const TaskSummary s = summarize_task(ctx.ws, project, task);
  ImGui::PushID(&task);
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  // Opens on release over the card (a drag that ends elsewhere does not).
  const bool clicked = ImGui::InvisibleButton("card", ImVec2(width, height));
  const bool hovered = ImGui::IsItemHovered();
  if (clicked) ctx.nav.open_task = task.id;
  if (ImGui::BeginDragDropSource()) {
    ImGui::SetDragDropPayload(kPayload, &task.id, sizeof(Id));
    ImGui::TextUnformatted(task.title.c_str());
    ImGui::EndDragDropSource();
  }
  if (ImGui::BeginDragDropTarget()) {  // dropped on a card: goes before it
    if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload(kPayload)) {
      const Id dragged = *static_cast<const Id*>(p->Data);
      if (const Task* t = ctx.ws.find<Task>(dragged); t && t->id != task.id) ctx.out.push(move_command(ctx.ws, column, *t, index));
    }
    ImGui::EndDragDropTarget();
  }

  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImGuiStyle& style = ImGui::GetStyle();
  const ImU32 fill = ImGui::GetColorU32(hovered ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg);
  draw->AddRectFilled(start, ImVec2(start.x + width, start.y + height), fill, style.FrameRounding);
  if (s.blocked)
    draw->AddRectFilled(start, ImVec2(start.x + 4, start.y + height), ImGui::GetColorU32(bad_color(ctx.theme)), style.FrameRounding);
  const float pad = style.FramePadding.x;
  const float line = ImGui::GetTextLineHeight();
  ImVec2 at(start.x + pad + 4, start.y + style.FramePadding.y);
  const ImVec4 clip(start.x, start.y, start.x + width - pad, start.y + height);
  draw->AddText(ctx.fonts.strong, ImGui::GetFontSize(), at, ImGui::GetColorU32(ImGuiCol_Text), task.title.c_str(),
                nullptr, 0.0f, &clip);
  char text[160];
  std::snprintf(text, sizeof text, "%s  \xC2\xB7  %s", s.assignee.empty() ? "unassigned" : s.assignee.c_str(),
                s.estimate.c_str());
  at.y += line + 2;
  draw->AddText(nullptr, 0.0f, at, ImGui::GetColorU32(muted_text_color(ctx.theme)), text, nullptr, 0.0f, &clip);
  at.y += line + 2;
  std::snprintf(text, sizeof text, "DoD %d/%d", s.checklist_done, s.checklist_total);
  draw->AddText(at, ImGui::GetColorU32(s.checklist_total > 0 && s.checklist_done == s.checklist_total ? good_color(ctx.theme)
                                                                                                      : muted_text_color(ctx.theme)),
                text);
  if (s.open_blockers > 0) {
    std::snprintf(text, sizeof text, "%d blocker%s", s.open_blockers, s.open_blockers == 1 ? "" : "s");
    draw->AddText(ImVec2(at.x + ImGui::CalcTextSize("DoD 00/00").x + pad * 2, at.y), ImGui::GetColorU32(bad_color(ctx.theme)), text);
  }
  ImGui::PopID();
}

// The WIP limit of a column: "WIP 4/3" (red when exceeded), a click sets or
// clears it.
void draw_wip_limit(ViewContext& ctx, const Project& project, const BoardColumn& column, std::int64_t excess) {
  const FieldName<Project> limit_name = *limit_field(column);  // drawn only for columns that take a limit
  const auto limit = limit_of(column, project);
  const std::string label = limit ? "WIP " + std::to_string(column.tasks.size()) + "/" + std::to_string(*limit) + "###wip"
                                  : std::string("WIP limit###wip");
  if (excess > 0) ImGui::PushStyleColor(ImGuiCol_Text, bad_color(ctx.theme));
  else if (!limit) ImGui::PushStyleColor(ImGuiCol_Text, muted_text_color(ctx.theme));
  const bool clicked = ImGui::SmallButton(label.c_str());
  if (excess > 0 || !limit) ImGui::PopStyleColor();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal))
    ImGui::SetTooltip("%s", excess > 0 ? ("Over the WIP limit by " + std::to_string(excess) +
                                          ": finish work before starting more.").c_str()
                                       : "Work-in-progress limit of this column: click to set it.");
  if (clicked) ImGui::OpenPopup("wip_popup");
  if (ImGui::BeginPopup("wip_popup")) {
    ImGui::TextUnformatted(("Most tasks " + column.title + " should hold").c_str());
    std::optional<double> shown;
    if (limit) shown = static_cast<double>(*limit);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    edit_number("##limit", project, limit_name, shown, ctx.out, "no limit", ImGui::GetFontSize() * 8);
    if (limit && ImGui::SmallButton("No limit")) {
      ctx.out.push(set_field(project, limit_name, Null{}, "Remove WIP limit"));
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

void draw_column(ViewContext& ctx, const Project& project, const BoardColumn& column, float width) {
  ImGui::PushID(column.value.c_str());
  ImGui::BeginGroup();
  ImGui::PushFont(ctx.fonts.strong);
  ImGui::Text("%s  %zu", column.title.c_str(), column.tasks.size());
  ImGui::PopFont();
  std::int64_t excess = 0;
  if (limit_field(column)) {
    excess = excess_of(column, project);
    ImGui::SameLine();
    draw_wip_limit(ctx, project, column, excess);
  }
  const float card_height = ImGui::GetTextLineHeight() * 3 + 4 + ImGui::GetStyle().FramePadding.y * 2;
  if (excess > 0) ImGui::PushStyleColor(ImGuiCol_Border, bad_color(ctx.theme));
  ImGui::BeginChild("cards", ImVec2(width, 0), ImGuiChildFlags_Border);
  if (excess > 0) ImGui::PopStyleColor();
  ImGuiListClipper clipper;  // thousands of cards: only the visible ones are drawn
  clipper.Begin(static_cast<int>(column.tasks.size()), card_height + ImGui::GetStyle().ItemSpacing.y);
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) draw_card(ctx, project, column, static_cast<std::size_t>(i), card_height);
  clipper.End();
  // The free space below the cards takes a drop too: the card goes last.
  const ImVec2 rest = ImGui::GetContentRegionAvail();
  ImGui::InvisibleButton("end", ImVec2(std::max(rest.x, 1.0f), std::max(rest.y, card_height)));
  if (ImGui::BeginDragDropTarget()) {
    if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload(kPayload)) {
      const Task* t = ctx.ws.find<Task>(*static_cast<const Id*>(p->Data));
      if (t) ctx.out.push(move_command(ctx.ws, column, *t, column.tasks.size()));
    }
    ImGui::EndDragDropTarget();
  }
  ImGui::EndChild();
  ImGui::EndGroup();
  ImGui::PopID();
}

}  // namespace

double order_between(const double* before, const double* after) {
  if (before && after) return (*before + *after) / 2.0;
  if (before) return *before + 1.0;
  if (after) return *after - 1.0;
  return 0.0;
}

void draw_board(ViewContext& ctx, BoardState& state) {
  const Project* project = ctx.ws.find<Project>(ctx.nav.project);
  if (!project) return;
  if (ImGui::SmallButton("+ Task")) {
    Id created;
    ctx.out.push(
        create_item<Task>(ctx.ids, project->id,
                          {{field::task::title, std::string("New task")}, {field::task::status, std::string("todo")}},
                          "Add task", &created));
    ctx.nav.open_task = created;
  }
  ImGui::SameLine();
  ImGui::Checkbox("Columns by lifecycle stage", &state.by_stage);
  ImGui::SameLine();
  muted_text(ctx.theme, "Drag a card to move it; click it to open it.");

  const std::vector<BoardColumn>& columns = cached_columns(ctx, project->id, state);
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float min_width = ImGui::GetFontSize() * 14;
  const float avail = ImGui::GetContentRegionAvail().x;
  const float width = std::max(min_width, (avail - spacing * static_cast<float>(columns.size() - 1)) / static_cast<float>(columns.size()));
  ImGui::BeginChild("board", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_HorizontalScrollbar);
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) ImGui::SameLine();
    draw_column(ctx, *project, columns[i], width);
  }
  ImGui::EndChild();
}

}  // namespace cairn::ui
