#include "ui/palette.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <functional>
#include <vector>

#include "core/fuzzy.h"
#include "ui/view_registry.h"
#include "ui/widgets.h"

namespace cairn::ui {
namespace {

constexpr std::size_t kMaxShown = 40;

struct Entry {
  std::string label;
  const char* kind;
  std::function<void()> choose;
  int score = 0;
};

std::string project_name(const Workspace& ws, Id project) {
  const Project* p = ws.find<Project>(project);
  return p ? p->name : std::string();
}

std::vector<Entry> entries(ViewContext& ctx, std::optional<ShellCommand>& command) {
  std::vector<Entry> list;
  const bool project_open = !ctx.nav.project.nil();
  for (const ShellCommandDef& c : shell_commands())
    if (c.palette_label && !c.desktop_only && (project_open || !c.needs_project))
      list.push_back({c.palette_label, "Command", [&command, id = c.id] { command = id; }});
  list.push_back({"All projects (home)", "View", [&ctx] { ctx.nav.project = Id{}; }});
  if (project_open)
    for (const ViewDef& v : view_registry())
      list.push_back({std::string("Go to ") + v.title, "View", [&ctx, id = v.id] { ctx.nav.view = id; }});
  for (const auto& [id, p] : ctx.ws.all<Project>())
    list.push_back({p.name, "Project", [&ctx, id = id] { ctx.nav.project = id; ctx.nav.view = View::dashboard; }});
  for (const auto& [id, t] : ctx.ws.all<Task>())
    list.push_back({t.title, "Task", [&ctx, id = id, project = t.parent] {
                      ctx.nav.project = project;
                      if (ctx.nav.view != View::board && ctx.nav.view != View::backlog) ctx.nav.view = View::backlog;
                      ctx.nav.open_task = id;
                    }});
  for (const auto& [id, g] : ctx.ws.all<Gate>())
    list.push_back({g.name + "  (" + project_name(ctx.ws, g.parent) + ")", "Gate",
                    [&ctx, project = g.parent] { ctx.nav.project = project; ctx.nav.view = View::gates; }});
  for (const auto& [id, r] : ctx.ws.all<Risk>())
    list.push_back({r.title + "  (" + project_name(ctx.ws, r.parent) + ")", "Risk",
                    [&ctx, project = r.parent] { ctx.nav.project = project; ctx.nav.view = View::risks; }});
  return list;
}

}  // namespace

std::optional<ShellCommand> draw_palette(PaletteState& state, ViewContext& ctx) {
  std::optional<ShellCommand> command;
  if (!state.open) return command;
  if (state.just_opened) {
    ImGui::OpenPopup("##palette");
    state.query.clear();
    state.selected = 0;
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float width = std::min(ImGui::GetFontSize() * 36, vp->WorkSize.x - 40);
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + (vp->WorkSize.x - width) / 2, vp->WorkPos.y + vp->WorkSize.y * 0.12f));
  ImGui::SetNextWindowSize(ImVec2(width, 0));
  if (!ImGui::BeginPopupModal("##palette", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize)) {
    state.open = false;
    return command;
  }
  if (state.just_opened) ImGui::SetKeyboardFocusHere();
  state.just_opened = false;
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (ImGui::InputTextWithHint("##query", "Type a command, project, task, gate or risk\xE2\x80\xA6", &state.query)) state.selected = 0;
  ImGui::SetItemDefaultFocus();

  std::vector<Entry> all = entries(ctx, command);
  std::vector<Entry*> shown;
  for (Entry& e : all) {
    e.score = fuzzy_score(state.query, e.label);
    if (e.score >= 0) shown.push_back(&e);
  }
  std::stable_sort(shown.begin(), shown.end(), [](const Entry* a, const Entry* b) { return a->score > b->score; });
  if (shown.size() > kMaxShown) shown.resize(kMaxShown);
  const int count = static_cast<int>(shown.size());
  if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) state.selected = std::min(state.selected + 1, count - 1);
  if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) state.selected = std::max(state.selected - 1, 0);
  const bool enter = ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter);

  Entry* chosen = nullptr;
  ImGui::BeginChild("results", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 12));
  for (int i = 0; i < count; ++i) {
    ImGui::PushID(i);
    const bool selected = i == state.selected;
    if (ImGui::Selectable("##entry", selected, 0, ImVec2(0, ImGui::GetTextLineHeight()))) chosen = shown[static_cast<std::size_t>(i)];
    if (selected && ImGui::IsKeyPressed(ImGuiKey_DownArrow, true)) ImGui::SetScrollHereY();
    if (selected && ImGui::IsKeyPressed(ImGuiKey_UpArrow, true)) ImGui::SetScrollHereY();
    const Entry& entry = *shown[static_cast<std::size_t>(i)];
    ImGui::SameLine(0, 0);
    // The kind sits at the right edge; a long label is cut short of it.
    const float kind_x = ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX() - ImGui::CalcTextSize(entry.kind).x - 8;
    const float gap = ImGui::GetStyle().ItemSpacing.x * 2;
    ImGui::TextUnformatted(fit_text(entry.label, kind_x - ImGui::GetCursorPosX() - gap).c_str());
    ImGui::SameLine(kind_x);
    muted_text(ctx.theme, entry.kind);
    ImGui::PopID();
  }
  if (count == 0) muted_text(ctx.theme, "Nothing matches.");
  ImGui::EndChild();
  if (enter && count > 0) chosen = shown[static_cast<std::size_t>(state.selected)];
  if (chosen) chosen->choose();
  if (chosen || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
    state.open = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
  return command;
}

void draw_help(bool& open, bool can_quit) {
  if (open && !ImGui::IsPopupOpen("Keyboard shortcuts")) ImGui::OpenPopup("Keyboard shortcuts");
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal("Keyboard shortcuts", &open, ImGuiWindowFlags_AlwaysAutoResize)) return;
  if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) {
    for (const ShortcutRow& row : shortcut_rows(can_quit)) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row.keys.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row.what.c_str());
    }
    ImGui::EndTable();
  }
  if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
    open = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace cairn::ui
