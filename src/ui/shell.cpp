#include "ui/shell.h"

#include <imgui.h>

#include <cstdio>
#include <string>

#include "core/export_formats.h"
#include "core/file_names.h"
#include "ui/home_view.h"
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
    if (ImGui::MenuItem(label.c_str(), shortcut ? menu_keys(ShellCommand::export_workspace) : nullptr))
      request_export(state, info, actions, project, name, f.format);
  }
}

// Runs a command of ui/shell_commands.h, whether it came from a menu, the
// palette or its keys.
void run_shell_command(ShellCommand command, ShellState& state, const ShellInfo& info, ShellActions& actions) {
  const float scale = info.preferences.ui_scale;
  switch (command) {
    case ShellCommand::palette: state.palette = {true, true, {}, 0}; break;
    case ShellCommand::help: state.show_help = true; break;
    case ShellCommand::undo: actions.undo = true; break;
    case ShellCommand::redo: actions.redo = true; break;
    case ShellCommand::import_file: request_import(state, info, actions); break;
    case ShellCommand::export_workspace: request_export(state, info, actions, {}, {}); break;
    case ShellCommand::settings: state.show_settings = true; break;
    case ShellCommand::larger_text: actions.settings.ui_scale = next_ui_scale(scale, +1); break;
    case ShellCommand::smaller_text: actions.settings.ui_scale = next_ui_scale(scale, -1); break;
    case ShellCommand::reset_text: actions.settings.ui_scale = 1.0f; break;
    case ShellCommand::toggle_theme: actions.toggle_theme = true; break;
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
    case ShellCommand::frame_statistics: state.show_frame_statistics = !state.show_frame_statistics; break;
    case ShellCommand::quit:
      if (info.can_quit) actions.quit = true;
      break;
  }
}

// A menu item that runs a shell command, with its keys beside it.
void command_item(const char* label, ShellCommand command, ShellState& state, const ShellInfo& info, ShellActions& actions,
                  bool enabled = true) {
  if (ImGui::MenuItem(label, menu_keys(command), false, enabled)) run_shell_command(command, state, info, actions);
}

void draw_menu_bar(ShellState& state, const ShellInfo& info, ShellActions& actions) {
  if (!ImGui::BeginMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    command_item("New project", ShellCommand::new_project, state, info, actions, !info.read_only);
    ImGui::Separator();
    command_item("Import (Cairn JSON, Jira or Linear CSV, Trello JSON)\xE2\x80\xA6", ShellCommand::import_file, state, info,
                 actions, !info.read_only);
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
      command_item("Quit", ShellCommand::quit, state, info, actions);
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Edit")) {
    const std::string undo = info.undo_label.empty() ? "Undo" : "Undo " + std::string(info.undo_label);
    const std::string redo = info.redo_label.empty() ? "Redo" : "Redo " + std::string(info.redo_label);
    command_item(undo.c_str(), ShellCommand::undo, state, info, actions, !info.undo_label.empty());
    command_item(redo.c_str(), ShellCommand::redo, state, info, actions, !info.redo_label.empty());
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    if (ImGui::MenuItem("Light theme", nullptr, info.theme == Theme::Light) && info.theme != Theme::Light)
      actions.toggle_theme = true;
    if (ImGui::MenuItem("Dark theme", nullptr, info.theme == Theme::Dark) && info.theme != Theme::Dark)
      actions.toggle_theme = true;
    ImGui::Separator();
    const float scale = info.preferences.ui_scale;
    command_item("Larger text", ShellCommand::larger_text, state, info, actions, scale < kMaxUiScale);
    command_item("Smaller text", ShellCommand::smaller_text, state, info, actions, scale > kMinUiScale);
    command_item("Text size 100 %", ShellCommand::reset_text, state, info, actions, scale != 1.0f);
    ImGui::Separator();
    command_item("Settings\xE2\x80\xA6", ShellCommand::settings, state, info, actions);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    command_item("Command palette", ShellCommand::palette, state, info, actions);
    command_item("Keyboard shortcuts", ShellCommand::help, state, info, actions);
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
}

// Frames drawn and how long the recent ones took, in the window's top right
// corner (palette: "Show / hide frame statistics").
void draw_frame_statistics(const ShellInfo& info) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float pad = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - pad, viewport->WorkPos.y + 2 * pad),
                          ImGuiCond_Always, ImVec2(1.0f, 0.0f));
  ImGui::SetNextWindowBgAlpha(0.85f);
  constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                      ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs;
  if (ImGui::Begin("Frame statistics", nullptr, kFlags)) {
    ImGui::Text("Frames drawn: %llu", static_cast<unsigned long long>(info.frames));
    ImGui::Text("Frame time: %.1f ms last, %.1f ms median", info.frame_ms_last, info.frame_ms_median);
  }
  ImGui::End();
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
  ViewContext ctx{*info.workspace, *info.ids, actions.commands, state.nav, info.theme, *info.fonts, info.today_date,
                  actions.open_url, info.revision, &actions.busy};
  ctx.bars = info.bar_renderer;
  ctx.wants_histories = &actions.wants_histories;
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
  if (state.show_frame_statistics) draw_frame_statistics(info);
  draw_about(state, info);
  actions.path = draw_path_dialog(state.path_dialog);
  draw_notice(state.notice);
  draw_import_dialog(state.import_dialog, *info.workspace, *info.ids, actions.commands, state.notice, state.nav);
  if (const auto chosen = draw_palette(state.palette, ctx)) run_shell_command(*chosen, state, info, actions);
  draw_help(state.show_help, info.can_quit);
  ImGui::End();
  draw_settings(state.show_settings, info.preferences, info.storage, {info.device_zone, info.time_zones, info.now},
                state.zone_field, actions.settings);
  if (const auto pressed = pressed_shell_command(info.can_quit)) run_shell_command(*pressed, state, info, actions);
  return actions;
}

}  // namespace cairn::ui
