#include "core/display_scale.h"

#include <algorithm>
#include <cmath>

namespace cairn {

float pixel_ratio(const WindowMetrics& m) {
  if (m.window_width <= 0 || m.drawable_width <= 0) return 1.0f;
  const float ratio = static_cast<float>(m.drawable_width) / static_cast<float>(m.window_width);
  // Guard against nonsense from a window that is being torn down.
  return std::clamp(ratio, 0.25f, 8.0f);
}

FontRaster plan_font_raster(float base_size, float ui_scale, float ratio) {
  ratio = std::clamp(ratio, 0.25f, 8.0f);
  ui_scale = std::clamp(ui_scale, 0.5f, 4.0f);
  FontRaster r;
  // Whole device pixels: a fractional rasterizer size blurs every glyph.
  r.pixel_size = std::max(6.0f, std::round(base_size * ui_scale * ratio));
  r.global_scale = 1.0f / ratio;
  return r;
}

}  // namespace cairn
