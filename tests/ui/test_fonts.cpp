// The fallback fonts (ui/fonts.h): characters the embedded Inter subset
// lacks come from Inter in full and Droid Sans Fallback, read from the files
// the build names (Debian's fonts-inter and fonts-droid-fallback).
#include <doctest/doctest.h>
#include <imgui.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/glyph_needs.h"
#include "ui/fonts.h"

using namespace cairn;

namespace {

std::vector<unsigned char> read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot read ", path, " (scripts/bootstrap.sh installs it)");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

ui::FallbackFonts fallback_for(const GlyphNeeds& needs) {
  ui::FallbackFonts fallback;
  fallback.files = {read_file(CAIRN_FALLBACK_FONT_LATIN), read_file(CAIRN_FALLBACK_FONT_CJK)};
  const std::vector<std::uint16_t> ranges = needs.ranges();
  fallback.ranges.assign(ranges.begin(), ranges.end());
  return fallback;
}

bool has(const ImFont* font, ImWchar c) { return font->FindGlyphNoFallback(c) != nullptr; }

}  // namespace

TEST_SUITE("views") {
TEST_CASE("fonts: Chinese and Cyrillic come from the fallback fonts, in every UI font; Hangul stays missing") {
  GlyphNeeds needs(ui::embedded_glyph_ranges());
  needs.scan_text("数据标注 Разметка 한");
  REQUIRE(needs.needed().size() == 12);

  ImFontAtlas plain_atlas;
  const ui::Fonts plain = ui::load_fonts(plain_atlas, 16.0f);
  CHECK_FALSE(has(plain.body, 0x6570));  // 数: not in the embedded subset
  CHECK(has(plain.body, 'A'));
  CHECK(ui::missing_glyphs(plain, needs.needed()) == 12);

  const ui::FallbackFonts fallback = fallback_for(needs);
  ImFontAtlas atlas;
  const ui::Fonts fonts = ui::load_fonts(atlas, 16.0f, &fallback);
  for (const ImFont* font : {fonts.body, fonts.strong, fonts.heading}) {
    CHECK(has(font, 0x6570));  // 数, from Droid Sans Fallback
    CHECK(has(font, 0x0420));  // Р, from Inter
    CHECK(has(font, 'A'));     // the embedded font is still there
    CHECK_FALSE(has(font, 0xD55C));  // 한: neither file has Hangul
  }
  CHECK(ui::missing_glyphs(fonts, needs.needed()) == 1);
  // Only what is needed is rasterized, not the fallback fonts' 30,000 glyphs.
  CHECK(fonts.body->Glyphs.Size < plain.body->Glyphs.Size + 20);
}

TEST_CASE("fonts: the most characters kept (4,000 Chinese) fit an atlas WebGL can hold") {
  GlyphNeeds needs(ui::embedded_glyph_ranges());
  std::string text;
  for (char32_t c = 0x4E00; c < 0x4E00 + 4100; ++c) {
    text += static_cast<char>(0xE0 | (c >> 12));
    text += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    text += static_cast<char>(0x80 | (c & 0x3F));
  }
  needs.scan_text(text);
  REQUIRE(needs.needed().size() == GlyphNeeds::kMaxGlyphs);
  const ui::FallbackFonts fallback = fallback_for(needs);
  ImFontAtlas atlas;
  const ui::Fonts fonts = ui::load_fonts(atlas, 16.0f * 2.0f, &fallback);  // 200 % text size
  CHECK(ui::missing_glyphs(fonts, needs.needed()) == 0);
  MESSAGE("atlas for 4,000 fallback characters at 32 px: " << atlas.TexWidth << " x " << atlas.TexHeight);
  CHECK(atlas.TexWidth <= 8192);
  CHECK(atlas.TexHeight <= 8192);
}
}
