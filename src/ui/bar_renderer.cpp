#include "ui/bar_renderer.h"

#include <algorithm>

namespace cairn::ui {

void DrawListBarRenderer::set_bars(std::span<const BarInstance> bars) { bars_ = bars; }

// The same picture as shaders/timeline_bar.*, without the hatching: about
// four ImDrawList calls per visible bar, fine for the few hundred on screen.
void DrawListBarRenderer::draw(ImDrawList& list, const BarFrame& frame) {
  const std::size_t end = std::min<std::size_t>(bars_.size(), std::size_t{frame.first} + frame.count);
  list.PushClipRect(frame.clip_min, frame.clip_max, true);
  const float pad = static_cast<float>(static_cast<int>(frame.row_height * 0.18f));
  const float height = frame.row_height - 2 * pad;
  for (std::size_t i = frame.first; i < end; ++i) {
    if (static_cast<std::int32_t>(i) == frame.hidden) continue;
    const BarInstance& b = bars_[i];
    const float top = frame.y0 + b.row * frame.row_height + pad;
    float left = frame.x0 + b.start * frame.px_per_day;
    float right = std::max(frame.x0 + b.end * frame.px_per_day, left + 2);
    const bool milestone = b.flags & bar_style::milestone;
    if (milestone) {
      left -= height * 0.5f;
      right = left + height;
    }
    if (right < frame.clip_min.x || left > frame.clip_max.x) continue;
    const ImU32 outline = (b.flags & bar_style::critical) ? frame.critical : frame.outline;
    ImU32 fill = b.fill;
    if (static_cast<std::int32_t>(i) == frame.hovered) {
      ImVec4 c = ImGui::ColorConvertU32ToFloat4(fill);
      c = ImVec4(c.x + (1 - c.x) * 0.3f, c.y + (1 - c.y) * 0.3f, c.z + (1 - c.z) * 0.3f, c.w);
      fill = ImGui::ColorConvertFloat4ToU32(c);
    }
    if (milestone) {
      const ImVec2 c((left + right) * 0.5f, top + height * 0.5f);
      const float r = height * 0.5f;
      const ImVec2 p[4] = {{c.x, c.y - r}, {c.x + r, c.y}, {c.x, c.y + r}, {c.x - r, c.y}};
      list.AddQuadFilled(p[0], p[1], p[2], p[3], fill);
      list.AddQuad(p[0], p[1], p[2], p[3], outline, outline_width(b.flags));
    } else {
      list.AddRectFilled(ImVec2(left, top), ImVec2(right, top + height), fill);
      list.AddRect(ImVec2(left, top), ImVec2(right, top + height), outline, 0.0f, 0, outline_width(b.flags));
    }
  }
  list.PopClipRect();
}

}  // namespace cairn::ui
