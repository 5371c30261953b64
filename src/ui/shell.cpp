#include "ui/shell.h"

#include <imgui.h>

#include <cstdio>
#include <string>

#include "core/export_formats.h"
#include "core/file_names.h"
#include "ui/home.h"
#include "ui/widgets.h"

namespace cairn::ui {
namespace {

void request_import(ShellState& state, const ShellInfo& info, ShellActions& actions) {
  if (info.read_only) return;
  if (info.files_by_path)
    state.path_dialog.open(PathDialog::Mode::import_file, {}, "Import a file: Cairn JSON, Jira or Linear CSV, Trello JSON",
                           std::string(info.export_folder) + "/");
  else
    actions.pick_import_file = true;
}

void request_export(ShellState& state, const ShellInfo& info, ShellActions& actions, Id project,
                    std::string_view name, ExportFormat format = ExportFormat::json) {
  if (info.files_by_path) {
    const std::string title = project.nil() ? "Export the whole workspace" : "Export \xE2\x80\x9C" + std::string(name) + "\xE2\x80\x9D";
    state.path_dialog.open(PathDialog::Mode::export_file, project, title,
                           std::string(info.export_folder) + "/" + export_file_name(format, name, info.today));
    state.path_dialog.format = format;
  } else {
    actions.download_export = true;
    actions.export_project = project;
    actions.export_format = format;
  }
}

// One menu item per export format (core/export_formats.h) for `project`.
void export_format_items(ShellState& state, const ShellInfo& info, ShellActions& actions, Id project,
                         std::string_view name) {
  for (const ExportFormatInfo& f : export_formats()) {
    const std::string label = std::string(f.label) + "\xE2\x80\xA6";
    const bool shortcut = project.nil() && f.format == ExportFormat::json;
    if (ImGui::MenuItem(label.c_str(), shortcut ? "Ctrl+E" : nullptr))
      request_export(state, info, actions, project, name, f.format);
  }
}

void run_palette_command(ShellCommand command, ShellState& state, const ShellInfo& info, ShellActions& actions) {
  switch (command) {
    case ShellCommand::new_project:
      if (!info.read_only) actions.commands.push(new_project_command(*info.ids, info.workspace->all<Project>().size()));
      break;
    case ShellCommand::new_task:
      if (!info.read_only && !state.nav.project.nil()) {
        Id created;
        actions.commands.push(create_item<Task>(
            *info.ids, state.nav.project,
            {{field::task::title, std::string("New task")}, {field::task::status, std::string("todo")}}, "Add task",
            &created));
        state.nav.open_task = created;
        if (state.nav.view != View::board && state.nav.view != View::backlog) state.nav.view = View::board;
      }
      break;
    case ShellCommand::import_file: request_import(state, info, actions); break;
    case ShellCommand::export_workspace: request_export(state, info, actions, {}, {}); break;
    case ShellCommand::settings: state.show_settings = true; break;
    case ShellCommand::toggle_theme: actions.toggle_theme = true; break;
    case ShellCommand::undo: actions.undo = true; break;
    case ShellCommand::redo: actions.redo = true; break;
    case ShellCommand::help: state.show_help = true; break;
    case ShellCommand::none: break;
  }
}

void draw_menu_bar(ShellState& state, const ShellInfo& info, ShellActions& actions) {
  if (!ImGui::BeginMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("New project", nullptr, false, !info.read_only))
      actions.commands.push(new_project_command(*info.ids, info.workspace->all<Project>().size()));
    ImGui::Separator();
    if (ImGui::MenuItem("Import (Cairn JSON, Jira or Linear CSV, Trello JSON)\xE2\x80\xA6", "Ctrl+O", false, !info.read_only))
      request_import(state, info, actions);
    if (ImGui::BeginMenu("Export workspace")) {
      export_format_items(state, info, actions, {}, {});
      ImGui::EndMenu();
    }
    const auto& projects = info.workspace->all<Project>();
    if (ImGui::BeginMenu("Export project", !projects.empty())) {
      for (const auto& [id, project] : projects) {
        ImGui::PushID(&project);
        if (ImGui::BeginMenu(project.name.empty() ? "(unnamed project)" : project.name.c_str())) {
          export_format_items(state, info, actions, id, project.name);
          ImGui::EndMenu();
        }
        ImGui::PopID();
      }
      ImGui::EndMenu();
    }
    if (info.can_quit) {
      ImGui::Separator();
      if (ImGui::MenuItem("Quit", "Ctrl+Q")) actions.quit = true;
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Edit")) {
    const std::string undo = info.undo_label.empty() ? "Undo" : "Undo " + std::string(info.undo_label);
    const std::string redo = info.redo_label.empty() ? "Redo" : "Redo " + std::string(info.redo_label);
    if (ImGui::MenuItem(undo.c_str(), "Ctrl+Z", false, !info.undo_label.empty())) actions.undo = true;
    if (ImGui::MenuItem(redo.c_str(), "Ctrl+Shift+Z", false, !info.redo_label.empty())) actions.redo = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    if (ImGui::MenuItem("Light theme", nullptr, info.theme == Theme::Light) && info.theme != Theme::Light)
      actions.toggle_theme = true;
    if (ImGui::MenuItem("Dark theme", nullptr, info.theme == Theme::Dark) && info.theme != Theme::Dark)
      actions.toggle_theme = true;
    ImGui::Separator();
    const float scale = info.preferences.ui_scale;
    if (ImGui::MenuItem("Larger text", "Ctrl+=", false, scale < kMaxUiScale)) actions.settings.ui_scale = next_ui_scale(scale, +1);
    if (ImGui::MenuItem("Smaller text", "Ctrl+-", false, scale > kMinUiScale)) actions.settings.ui_scale = next_ui_scale(scale, -1);
    if (ImGui::MenuItem("Text size 100 %", "Ctrl+0", false, scale != 1.0f)) actions.settings.ui_scale = 1.0f;
    ImGui::Separator();
    if (ImGui::MenuItem("Settings\xE2\x80\xA6", "Ctrl+,")) state.show_settings = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    if (ImGui::MenuItem("Command palette", "Ctrl+K")) state.palette = {true, true, {}, 0};
    if (ImGui::MenuItem("Keyboard shortcuts", "?")) state.show_help = true;
    ImGui::Separator();
    if (ImGui::MenuItem("About Cairn")) state.show_about = true;
    ImGui::EndMenu();
  }
  ImGui::EndMenuBar();
}

void draw_status_bar(const ShellInfo& info) {
  const float height = ImGui::GetFrameHeight();
  ImGui::SetCursorPosY(ImGui::GetWindowHeight() - height - ImGui::GetStyle().WindowPadding.y * 0.5f);
  ImGui::Separator();
  ImGui::PushStyleColor(ImGuiCol_Text, muted_text_color(info.theme));
  ImGui::Text("Cairn %.*s  \xC2\xB7  %.*s  \xC2\xB7  ", static_cast<int>(info.version.size()), info.version.data(),
              static_cast<int>(info.platform.size()), info.platform.data());
  ImGui::PopStyleColor();
  ImGui::SameLine(0, 0);
  ImGui::PushStyleColor(ImGuiCol_Text, info.save_failed ? ImVec4(0.85f, 0.25f, 0.2f, 1.0f) : muted_text_color(info.theme));
  ImGui::TextUnformatted(info.save_status.data(), info.save_status.data() + info.save_status.size());
  ImGui::PopStyleColor();
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "frames drawn: %llu", static_cast<unsigned long long>(info.frames));
  ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::CalcTextSize(buffer).x - ImGui::GetStyle().WindowPadding.x);
  ImGui::PushStyleColor(ImGuiCol_Text, muted_text_color(info.theme));
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

// Global shortcuts. Inside a text field, Ctrl+Z belongs to the field.
void read_shortcuts(ShellState& state, const ShellInfo& info, ShellActions& actions) {
  const ImGuiIO& io = ImGui::GetIO();
  if (info.can_quit && io.KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_Q, false)) actions.quit = true;
  // "?" (Shift+/) opens the shortcut list when no text field takes the key.
  if (!io.WantTextInput && !io.KeyCtrl && io.KeyShift && ImGui::IsKeyPressed(ImGuiKey_Slash, false) &&
      !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
    state.show_help = true;
  if (io.WantTextInput || !io.KeyCtrl) return;
  if (ImGui::IsKeyPressed(ImGuiKey_Z, true)) (io.KeyShift ? actions.redo : actions.undo) = true;
  if (ImGui::IsKeyPressed(ImGuiKey_Y, true)) actions.redo = true;
  if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;  // a dialog is up
  if (ImGui::IsKeyPressed(ImGuiKey_K, false)) state.palette = {true, true, {}, 0};
  if (ImGui::IsKeyPressed(ImGuiKey_O, false)) request_import(state, info, actions);
  if (ImGui::IsKeyPressed(ImGuiKey_E, false)) request_export(state, info, actions, {}, {});
  if (ImGui::IsKeyPressed(ImGuiKey_Comma, false)) state.show_settings = true;
  const float scale = info.preferences.ui_scale;
  if (ImGui::IsKeyPressed(ImGuiKey_Equal, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadAdd, false))
    actions.settings.ui_scale = next_ui_scale(scale, +1);
  if (ImGui::IsKeyPressed(ImGuiKey_Minus, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadSubtract, false))
    actions.settings.ui_scale = next_ui_scale(scale, -1);
  if (ImGui::IsKeyPressed(ImGuiKey_0, false) || ImGui::IsKeyPressed(ImGuiKey_Keypad0, false)) actions.settings.ui_scale = 1.0f;
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
  ViewContext ctx{*info.workspace, *info.ids, actions.commands, state.nav, info.theme, *info.fonts, info.today_date,
                  actions.open_url, info.revision, &actions.busy};
  ctx.bars = info.bar_renderer;
  ctx.now = info.now;
  ctx.zones = info.time_zones;
  ctx.display_zone = info.display_zone;
  ctx.first_weekday = first_weekday(info.preferences.week_start);
  if (state.nav.project.nil() || !info.workspace->find<Project>(state.nav.project)) {
    state.nav.project = Id{};
    draw_home(ctx, state.home);
  } else {
    draw_project(ctx, state.views);
  }
  draw_status_bar(info);
  draw_about(state, info);
  actions.path = draw_path_dialog(state.path_dialog);
  draw_notice(state.notice);
  draw_import_dialog(state.import_dialog, *info.workspace, *info.ids, actions.commands, state.notice, state.nav);
  run_palette_command(draw_palette(state.palette, ctx), state, info, actions);
  draw_help(state.show_help);
  ImGui::End();
  const SettingsChoice picked = draw_settings(state.show_settings, info.preferences, info.storage,
                                              {info.device_zone, info.time_zones, info.now}, state.zone_field);
  if (picked.theme) actions.settings.theme = picked.theme;
  if (picked.ui_scale) actions.settings.ui_scale = picked.ui_scale;
  if (picked.week_start) actions.settings.week_start = picked.week_start;  // was dropped before
  if (picked.display_zone) actions.settings.display_zone = picked.display_zone;
  read_shortcuts(state, info, actions);
  return actions;
}

}  // namespace cairn::ui
