#include "ui/history_list.h"

#include <imgui.h>

#include <string>
#include <vector>

#include "core/change_text.h"
#include "ui/widgets.h"

namespace cairn::ui {

namespace {

// Closed lists show no count while stored histories are decoding: only a
// list being shown asks for them.
std::string history_count(const ViewContext& ctx, Id id) {
  if (ctx.ws.histories_pending()) return {};
  return " (" + std::to_string(history_with_children(ctx.ws, id).size()) + ")";
}

void draw_changes(ViewContext& ctx, Id id) {
  if (!histories_ready(ctx)) {
    ImGui::TextDisabled("Reading the stored history\u2026");
    return;
  }
  const std::vector<HistoryEntry> entries = history_with_children(ctx.ws, id);
  if (entries.empty()) ImGui::TextUnformatted("No changes recorded.");
  const Change* heading = nullptr;  // the change whose time and author head the rows below it
  for (const HistoryEntry& entry : entries) {
    const bool new_heading = !heading || !same_heading(*heading, *entry.change);
    if (new_heading) {
      heading = entry.change;
      ImGui::PushStyleColor(ImGuiCol_Text, muted_text_color(ctx.theme));
      ImGui::Text("%s  %s", shown_time(ctx, entry.change->at).c_str(), entry.change->author.c_str());
      ImGui::PopStyleColor();
    }
    const ChangeText change = describe_change(ctx.ws, entry.kind_index, *entry.change);
    const bool own = entry.item == id;
    const std::string what = own ? change.what : item_label(ctx.ws, entry.item) + ": " + change.what;
    if (change.before.empty() && change.after.empty()) {
      if (own && new_heading) ImGui::SameLine();  // "created" beside its time
      ImGui::TextWrapped("%s", what.c_str());
    } else {
      ImGui::TextWrapped("%s: %s \u2192 %s", what.c_str(), change.before.c_str(), change.after.c_str());
    }
  }
}

}  // namespace

void draw_history(ViewContext& ctx, Id id) {
  // "###": one header, whatever the count, so it stays open as it grows.
  const std::string title = "History" + history_count(ctx, id) + "###history";
  if (ImGui::CollapsingHeader(title.c_str())) draw_changes(ctx, id);
}

void history_button(ViewContext& ctx, Id id) {
  ImGui::PushID("history");
  if (icon_button("\u21BA")) ImGui::OpenPopup("changes");  // ↺
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("History%s", history_count(ctx, id).c_str());
  const float width = ImGui::GetFontSize() * 28;
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, ImGui::GetFontSize() * 24));
  if (ImGui::BeginPopup("changes")) {
    ImGui::SeparatorText(("History" + history_count(ctx, id)).c_str());
    draw_changes(ctx, id);
    ImGui::EndPopup();
  }
  ImGui::PopID();
}

}  // namespace cairn::ui
