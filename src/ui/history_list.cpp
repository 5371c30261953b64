#include "ui/history_list.h"

#include <imgui.h>

#include <string>

#include "core/change_text.h"
#include "ui/widgets.h"

namespace cairn::ui {

namespace {

std::string history_count(const ViewContext& ctx, Id id) {
  // Stored histories may still be decoding after a load (between frames):
  // only a list being shown waits for them.
  return ctx.ws.histories_pending() ? std::string() : " (" + std::to_string(ctx.ws.history(id).size()) + ")";
}

void draw_changes(ViewContext& ctx, Id id, std::size_t kind_index) {
  const auto& log = ctx.ws.history(id);
  if (log.empty()) ImGui::TextUnformatted("No changes recorded.");
  for (auto it = log.rbegin(); it != log.rend(); ++it) {
    const std::string when = shown_time(ctx, it->at);
    ImGui::PushStyleColor(ImGuiCol_Text, muted_text_color(ctx.theme));
    ImGui::Text("%s  %s", when.c_str(), it->author.c_str());
    ImGui::PopStyleColor();
    const ChangeText change = describe_change(ctx.ws, kind_index, *it);
    if (change.before.empty() && change.after.empty()) {
      ImGui::SameLine();
      ImGui::TextUnformatted(change.what.c_str());
    } else {
      ImGui::TextWrapped("%s: %s \u2192 %s", change.what.c_str(), change.before.c_str(), change.after.c_str());
    }
  }
}

}  // namespace

void draw_history(ViewContext& ctx, Id id, std::size_t kind_index) {
  // "###": one header, whatever the count, so it stays open as it grows.
  const std::string title = "History" + history_count(ctx, id) + "###history";
  if (ImGui::CollapsingHeader(title.c_str())) draw_changes(ctx, id, kind_index);
}

void history_button(ViewContext& ctx, Id id, std::size_t kind_index) {
  ImGui::PushID("history");
  if (ImGui::SmallButton("\u21BA")) ImGui::OpenPopup("changes");  // ↺
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("History%s", history_count(ctx, id).c_str());
  const float width = ImGui::GetFontSize() * 28;
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, ImGui::GetFontSize() * 24));
  if (ImGui::BeginPopup("changes")) {
    ImGui::SeparatorText(("History" + history_count(ctx, id)).c_str());
    draw_changes(ctx, id, kind_index);
    ImGui::EndPopup();
  }
  ImGui::PopID();
}

}  // namespace cairn::ui
