#include "ui/project_view.h"

#include <imgui.h>

#include "ui/task_editor.h"
#include "ui/view_registry.h"
#include "ui/widgets.h"

namespace cairn::ui {

namespace {

void draw_nav(ViewContext& ctx, const Project& project) {
  const float em = ImGui::GetFontSize();
  ImGui::BeginChild("nav", ImVec2(10 * em, 0), ImGuiChildFlags_Border);
  if (ImGui::Selectable("\xE2\x86\x90 All projects")) ctx.nav.project = Id{};
  ImGui::Separator();
  ImGui::PushFont(ctx.fonts.strong);
  ImGui::TextWrapped("%s", project.name.empty() ? "(unnamed)" : project.name.c_str());
  ImGui::PopFont();
  ImGui::Spacing();
  ViewSection section = view_registry().front().section;
  for (const ViewDef& view : view_registry()) {
    if (view.section != section) {  // a heading where a section starts (the first has none)
      section = view.section;
      ImGui::SeparatorText(section_title(section));
    }
    if (ImGui::Selectable(view.title, ctx.nav.view == view.id)) ctx.nav.view = view.id;
    if (ImGui::IsItemHovered()) {
      if (view.digit_key != 0) ImGui::SetTooltip("Shortcut: %d", view.digit_key);
      else ImGui::SetTooltip("Shortcut: Ctrl+K, then its name");
    }
  }
  ImGui::EndChild();
}

}  // namespace

void draw_project(ViewContext& ctx, ViewStates& states) {
  const Project* project = ctx.ws.find<Project>(ctx.nav.project);
  if (!project) {  // removed (or undone) while open
    ctx.nav.project = Id{};
    return;
  }
  // Keys 1..9 switch views while no text field is being typed in (Alt and
  // Ctrl + digit belong to the browser's tabs).
  const ImGuiIO& io = ImGui::GetIO();
  if (!io.WantTextInput && !io.KeyCtrl && !io.KeyAlt && !io.KeySuper && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
    for (int digit = 1; digit <= 9; ++digit)
      if (ImGui::IsKeyPressed(static_cast<ImGuiKey>(ImGuiKey_0 + digit), false))
        if (const ViewDef* view = view_for_digit(digit)) ctx.nav.view = view->id;

  ctx.forecast = &states.forecast;

  const float bottom = ImGui::GetFrameHeightWithSpacing() * 1.2f;  // the status bar
  ImGui::BeginChild("project", ImVec2(0, -bottom));
  draw_nav(ctx, *project);
  ImGui::SameLine();
  ImGui::BeginChild("view", ImVec2(0, 0), ImGuiChildFlags_None);
  const ViewDef& view = view_def(ctx.nav.view);
  ImGui::PushID(view.title);
  if (!view.reads_histories || histories_ready(ctx))
    view.draw(ctx, states);
  else
    ImGui::TextDisabled("Reading the stored history\u2026");
  ImGui::PopID();
  ImGui::EndChild();
  ImGui::EndChild();
  draw_task_editor(ctx);
}

}  // namespace cairn::ui
