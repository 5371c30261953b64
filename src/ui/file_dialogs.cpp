#include "ui/file_dialogs.h"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace cairn::ui {
namespace {

constexpr const char* kPathPopup = "Choose a file##path";
constexpr const char* kNoticePopup = "##notice";

void center_next_window() {
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
}

}  // namespace

PathChoice draw_path_dialog(PathDialog& dialog) {
  PathChoice choice;
  if (dialog.open_requested) {
    ImGui::OpenPopup(kPathPopup);
    dialog.open_requested = false;
  }
  center_next_window();
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 36, 0), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal(kPathPopup, nullptr, ImGuiWindowFlags_NoSavedSettings)) return choice;
  const bool exporting = dialog.mode == PathDialog::Mode::export_file;
  ImGui::TextUnformatted(dialog.title.c_str());
  const bool saving = dialog.mode == PathDialog::Mode::save_text;
  // The format chosen in the Export menu, named so the user knows what the file will hold.
  const std::string written_as = "Written as " + std::string(export_format_info(dialog.format).label) +
                                 "; an existing file is replaced.";
  ImGui::TextDisabled("%s", saving      ? "An existing file is replaced."
                            : exporting ? written_as.c_str()
                                        : "Cairn JSON, Jira or Linear CSV, or a Trello board. You can also drop a file on the window.");
  const bool appearing = ImGui::IsWindowAppearing();
  if (appearing) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(-1);
  // Focused with the cursor after the suggested path (ImGui would select it
  // all), so a typed file name is added to the folder instead of replacing it.
  const auto cursor_at_end = [](ImGuiInputTextCallbackData* data) {
    if (*static_cast<bool*>(data->UserData)) {
      data->CursorPos = data->SelectionStart = data->SelectionEnd = data->BufTextLen;
      *static_cast<bool*>(data->UserData) = false;
    }
    return 0;
  };
  if (appearing) dialog.place_cursor = true;
  const bool entered = ImGui::InputText("##path", &dialog.path,
                                        ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackAlways,
                                        cursor_at_end, &dialog.place_cursor);
  const bool ok = ImGui::Button(saving ? "Save" : exporting ? "Export" : "Import") || entered;
  ImGui::SameLine();
  if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
    dialog.mode = PathDialog::Mode::closed;
    ImGui::CloseCurrentPopup();
  } else if (ok && !dialog.path.empty()) {
    choice = {true, dialog.mode, dialog.project, dialog.path, dialog.format};
    dialog.mode = PathDialog::Mode::closed;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
  return choice;
}

void draw_notice(Notice& notice) {
  if (notice.open_requested) {
    ImGui::OpenPopup(kNoticePopup);
    notice.open_requested = false;
  }
  center_next_window();
  ImGui::SetNextWindowSizeConstraints(ImVec2(ImGui::GetFontSize() * 20, 0), ImVec2(ImGui::GetFontSize() * 40, FLT_MAX));
  notice.visible = ImGui::BeginPopupModal(kNoticePopup, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar);
  if (!notice.visible) return;
  if (notice.error) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.25f, 0.2f, 1.0f));
  ImGui::TextUnformatted(notice.title.c_str());
  if (notice.error) ImGui::PopStyleColor();
  ImGui::Separator();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 38);
  ImGui::TextUnformatted(notice.body.c_str());
  ImGui::PopTextWrapPos();
  if (ImGui::Button("OK") || ImGui::IsKeyPressed(ImGuiKey_Escape) || ImGui::IsKeyPressed(ImGuiKey_Enter))
    ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace cairn::ui
