#include "ui/history_list.h"

#include <imgui.h>

#include <string>

#include "core/change_text.h"
#include "ui/widgets.h"

namespace cairn::ui {

void draw_history(ViewContext& ctx, Id id, std::size_t kind_index) {
  // Stored histories may still be decoding after a load (between frames):
  // only an open list waits for them. "###": one header, whatever the count.
  const std::string count =
      ctx.ws.histories_pending() ? std::string() : " (" + std::to_string(ctx.ws.history(id).size()) + ")";
  const std::string title = "History" + count + "###history";
  if (!ImGui::CollapsingHeader(title.c_str())) return;
  const auto& log = ctx.ws.history(id);
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

}  // namespace cairn::ui
