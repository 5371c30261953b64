#include "ui/project_view.h"

#include <imgui.h>

#include "ui/charter_view.h"
#include "ui/dashboard_view.h"
#include "ui/task_editor.h"
#include "ui/widgets.h"

namespace cairn::ui {

const char* view_title(View view) {
  switch (view) {
    case View::dashboard: return "Dashboard";
    case View::charter: return "Charter";
    case View::board: return "Board";
    case View::backlog: return "Backlog";
    case View::sprints: return "Sprints";
    case View::gates: return "Gates";
    case View::risks: return "Risks";
    case View::experiments: return "Experiments";
    case View::timeline: return "Timeline";
    case View::report: return "Status report";
    case View::checkins: return "Check-ins";
    case View::postmortems: return "Post-mortems";
    case View::decisions: return "Decision log";
  }
  return "";
}

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
  int number = 1;
  for (const View view : kAllViews) {
    if (number == kViewsWithDigitKeys + 1) ImGui::SeparatorText("Communication");
    char shortcut[32];
    if (number <= kViewsWithDigitKeys) std::snprintf(shortcut, sizeof shortcut, "Shortcut: %d", number);
    else std::snprintf(shortcut, sizeof shortcut, "Shortcut: Ctrl+K, then its name");
    ++number;
    if (ImGui::Selectable(view_title(view), ctx.nav.view == view)) ctx.nav.view = view;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", shortcut);
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
    for (int i = 0; i < kViewsWithDigitKeys; ++i)
      if (ImGui::IsKeyPressed(static_cast<ImGuiKey>(ImGuiKey_1 + i), false)) ctx.nav.view = kAllViews[i];

  ctx.forecast = &states.forecast;

  const float bottom = ImGui::GetFrameHeightWithSpacing() * 1.2f;  // the status bar
  ImGui::BeginChild("project", ImVec2(0, -bottom));
  draw_nav(ctx, *project);
  ImGui::SameLine();
  ImGui::BeginChild("view", ImVec2(0, 0), ImGuiChildFlags_None);
  ImGui::PushID(view_title(ctx.nav.view));
  switch (ctx.nav.view) {
    case View::charter: draw_charter(ctx); break;
    case View::board: draw_board(ctx, states.board); break;
    case View::backlog: draw_backlog(ctx, states.backlog); break;
    case View::dashboard: draw_dashboard(ctx, states.dashboard); break;
    case View::gates: draw_gates(ctx, states.gates); break;
    case View::risks: draw_risks(ctx, states.risks); break;
    case View::sprints: draw_sprints(ctx, states.sprints); break;
    case View::experiments: draw_experiments(ctx, states.experiments); break;
    case View::timeline: draw_timeline(ctx, states.timeline); break;
    case View::report: draw_report(ctx, states.report); break;
    case View::checkins: draw_checkins(ctx, states.checkins); break;
    case View::postmortems: draw_postmortems(ctx, states.postmortems); break;
    case View::decisions: draw_decisions(ctx, states.decisions); break;
  }
  ImGui::PopID();
  ImGui::EndChild();
  ImGui::EndChild();
  draw_task_editor(ctx);
}

}  // namespace cairn::ui
