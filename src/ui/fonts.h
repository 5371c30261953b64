#pragma once
#include <imgui.h>

namespace cairn::ui {

// The UI's fonts: Inter from Debian's fonts-inter, subset at build time and
// embedded in the binary (one code path for the web and the desktop).
struct Fonts {
  ImFont* body = nullptr;     // regular text
  ImFont* strong = nullptr;   // semibold, body size
  ImFont* heading = nullptr;  // semibold, larger
};

// Clears `atlas` and rasterizes the fonts at `pixel_size` device pixels.
// The caller re-uploads the atlas texture afterwards.
Fonts load_fonts(ImFontAtlas& atlas, float pixel_size);

}  // namespace cairn::ui
