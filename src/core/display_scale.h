#pragma once

namespace cairn {

// Sizes a window reports: logical units (CSS pixels on the web) and the
// framebuffer it draws into (device pixels).
struct WindowMetrics {
  int window_width = 0;
  int window_height = 0;
  int drawable_width = 0;
  int drawable_height = 0;
};

// Device pixels per logical unit (the browser's devicePixelRatio, or a HiDPI
// display's backing scale). 1 when the window has no size yet.
float pixel_ratio(const WindowMetrics& m);

// How fonts are rasterized so that text is crisp: glyphs are drawn at
// device-pixel size and scaled back to logical units for layout.
struct FontRaster {
  float pixel_size = 0.0f;    // size passed to the rasterizer, in device pixels
  float global_scale = 1.0f;  // scale applied at draw time (1 / ratio)

  bool operator==(const FontRaster&) const = default;
};

// `base_size` is the UI font size in logical units at 100 % (e.g. 16),
// `ui_scale` the user's accessibility zoom (1 = 100 %).
FontRaster plan_font_raster(float base_size, float ui_scale, float ratio);

}  // namespace cairn
