#include "ui/shell.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cstdio>

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

void draw_menu_bar(ShellState& state, const ShellInfo& info, ShellActions& actions) {
  if (!ImGui::BeginMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    ImGui::MenuItem("New project", nullptr, false, false);
    ImGui::SetItemTooltip("Projects arrive with the planning model.");
    if (info.can_quit) {
      ImGui::Separator();
      if (ImGui::MenuItem("Quit", "Ctrl+Q")) actions.quit = true;
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    if (ImGui::MenuItem("Light theme", nullptr, info.theme == Theme::Light) && info.theme != Theme::Light)
      actions.toggle_theme = true;
    if (ImGui::MenuItem("Dark theme", nullptr, info.theme == Theme::Dark) && info.theme != Theme::Dark)
      actions.toggle_theme = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    if (ImGui::MenuItem("About Cairn")) state.show_about = true;
    ImGui::EndMenu();
  }
  ImGui::EndMenuBar();
}

void draw_pillar_card(const Pillar& pillar, const ShellInfo& info, float width, float height) {
  ImGui::BeginChild(pillar.title, ImVec2(width, height), ImGuiChildFlags_Border);
  ImGui::PushFont(info.fonts->strong);
  ImGui::TextUnformatted(pillar.title);
  ImGui::PopFont();
  ImGui::PushStyleColor(ImGuiCol_Text, muted_text_color(info.theme));
  ImGui::TextWrapped("%s", pillar.summary);
  ImGui::PopStyleColor();
  ImGui::EndChild();
}

void draw_home(const ShellInfo& info) {
  // Layout in font-size units, so the page scales with the user's font size.
  const float em = ImGui::GetFontSize();
  const float max_width = 60.0f * em;
  const float avail = ImGui::GetContentRegionAvail().x;
  const float width = std::min(avail, max_width);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - width) * 0.5f);
  ImGui::BeginGroup();
  ImGui::Dummy(ImVec2(width, ImGui::GetTextLineHeight()));

  ImGui::PushFont(info.fonts->heading);
  ImGui::TextUnformatted("Cairn");
  ImGui::PopFont();
  ImGui::PushStyleColor(ImGuiCol_Text, muted_text_color(info.theme));
  ImGui::TextWrapped("Plan machine-learning projects from hypothesis to go/no-go: charters, buffered "
                     "estimates, gates, risks and experiments, in one local-first app.");
  ImGui::PopStyleColor();
  ImGui::Dummy(ImVec2(0, ImGui::GetTextLineHeight() * 0.5f));

  const ImGuiStyle& style = ImGui::GetStyle();
  const int columns = width > 40.0f * em ? 3 : 2;
  const float card_width = (width - style.ItemSpacing.x * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  const float card_height = ImGui::GetTextLineHeightWithSpacing() * 5.5f;
  for (std::size_t i = 0; i < kPillars.size(); ++i) {
    if (i % static_cast<std::size_t>(columns) != 0) ImGui::SameLine();
    draw_pillar_card(kPillars[i], info, card_width, card_height);
  }

  ImGui::Dummy(ImVec2(0, ImGui::GetTextLineHeight() * 0.5f));
  ImGui::PushStyleColor(ImGuiCol_Text, accent_color(info.theme));
  ImGui::TextWrapped("The planning views arrive in the next releases; this build lays the foundation.");
  ImGui::PopStyleColor();
  ImGui::EndGroup();
}

void draw_status_bar(const ShellInfo& info) {
  const float height = ImGui::GetFrameHeight();
  ImGui::SetCursorPosY(ImGui::GetWindowHeight() - height - ImGui::GetStyle().WindowPadding.y * 0.5f);
  ImGui::Separator();
  ImGui::PushStyleColor(ImGuiCol_Text, muted_text_color(info.theme));
  ImGui::Text("Cairn %.*s  \xC2\xB7  %.*s  \xC2\xB7  %s theme", static_cast<int>(info.version.size()),
              info.version.data(), static_cast<int>(info.platform.size()), info.platform.data(),
              theme_name(info.theme));
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "frames drawn: %llu", static_cast<unsigned long long>(info.frames));
  ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::CalcTextSize(buffer).x - ImGui::GetStyle().WindowPadding.x);
  ImGui::TextUnformatted(buffer);
  ImGui::PopStyleColor();
}

void draw_about(ShellState& state, const ShellInfo& info) {
  if (state.show_about) {
    ImGui::OpenPopup("About Cairn");
    state.show_about = false;
  }
  const ImVec2 center = ImGui::GetMainViewport()->GetCenter();
  ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (ImGui::BeginPopupModal("About Cairn", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::Text("Cairn %.*s (%.*s)", static_cast<int>(info.version.size()), info.version.data(),
                static_cast<int>(info.platform.size()), info.platform.data());
    ImGui::TextUnformatted("A local-first planner for AI and machine-learning projects.");
    ImGui::Text("Dear ImGui %s", ImGui::GetVersion());
    if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

}  // namespace

ShellActions draw_shell(ShellState& state, const ShellInfo& info) {
  ShellActions actions;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_MenuBar |
                                      ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("Cairn##main", nullptr, kFlags);
  draw_menu_bar(state, info, actions);
  draw_home(info);
  draw_status_bar(info);
  draw_about(state, info);
  ImGui::End();

  const ImGuiIO& io = ImGui::GetIO();
  if (info.can_quit && io.KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_Q, false)) actions.quit = true;
  return actions;
}

}  // namespace cairn::ui
