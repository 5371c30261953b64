#pragma once
#include <imgui.h>

#include <cstddef>
#include <cstdint>
#include <set>
#include <span>
#include <vector>

namespace cairn::ui {

// The UI's fonts: Inter from Debian's fonts-inter, subset at build time and
// embedded in the binary (one code path for the web and the desktop).
struct Fonts {
  ImFont* body = nullptr;     // regular text
  ImFont* strong = nullptr;   // semibold, body size
  ImFont* heading = nullptr;  // semibold, larger
};

// Fonts for the characters the embedded subset lacks (core/glyph_needs.h):
// files read or fetched at run time, merged into each UI font, but only the
// characters in `ranges` are rasterized. The bytes must outlive the atlas.
struct FallbackFonts {
  std::vector<std::vector<unsigned char>> files;  // first has precedence
  std::vector<ImWchar> ranges;                    // pairs lo, hi and a trailing 0
};

// Clears `atlas` and rasterizes the fonts at `pixel_size` device pixels,
// with the fallback fonts' wanted characters merged in when given. The caller
// re-uploads the atlas texture afterwards.
Fonts load_fonts(ImFontAtlas& atlas, float pixel_size, const FallbackFonts* fallback = nullptr);

// The characters the embedded font has, as ImGui glyph ranges (pairs and a 0).
std::span<const std::uint16_t> embedded_glyph_ranges();

// How many of `wanted` the body font cannot draw (it would show '?').
std::size_t missing_glyphs(const Fonts& fonts, const std::set<char32_t>& wanted);

}  // namespace cairn::ui
