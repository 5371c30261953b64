#include <doctest/doctest.h>

#include <array>

#include "core/commands.h"
#include "core/glyph_needs.h"

using namespace cairn;

namespace {

// Basic Latin and Latin-1 with Latin Extended-A, as the embedded font has them.
constexpr std::array<std::uint16_t, 5> kCovered = {0x0020, 0x007E, 0x00A0, 0x017F, 0};

}  // namespace

TEST_CASE("glyph needs: only characters outside the embedded font count") {
  GlyphNeeds g(kCovered);
  CHECK_FALSE(g.scan_text("Label the churn features: café, über, naïve, Łódź"));
  CHECK(g.needed().empty());
  CHECK(g.generation() == 0);

  CHECK(g.scan_text("标注数据 (labelling) для модели"));
  // Exactly these: 标 注 数 据 and д л я м о е и.
  const std::set<char32_t> expected = {0x6807, 0x6CE8, 0x6570, 0x636E, 0x0434, 0x043B, 0x044F, 0x043C, 0x043E, 0x0435, 0x0438};
  CHECK(g.needed() == expected);
  const std::uint64_t after = g.generation();
  CHECK(after > 0);
  // Seen already: nothing new, the generation stays.
  CHECK_FALSE(g.scan_text("数据"));
  CHECK(g.generation() == after);
}

TEST_CASE("glyph needs: malformed UTF-8, control characters and characters beyond 16 bits") {
  GlyphNeeds g(kCovered);
  CHECK(g.scan_text(std::string_view("\xE4\xB8", 2)));  // truncated 中: drawn as U+FFFD
  CHECK(g.needed() == std::set<char32_t>{0xFFFD});
  CHECK_FALSE(g.scan_text("\xC3\x28"));  // a lead byte then ASCII: U+FFFD again, then "("
  CHECK_FALSE(g.scan_text("\xFF\xFE"));  // never valid
  CHECK_FALSE(g.scan_text("\x01\x1F\t\n"));
  CHECK_FALSE(g.scan_text("\xF0\x9F\x98\x80"));  // 😀: ImGui's 16-bit glyphs cannot hold it
  CHECK(g.needed().size() == 1);
}

TEST_CASE("glyph needs: ranges merge neighbours and end with 0") {
  GlyphNeeds g(kCovered);
  g.scan_text("\xE4\xB8\x80\xE4\xB8\x81\xE4\xB8\x82 \xE4\xB8\x8A");  // U+4E00..4E02 and U+4E0A
  CHECK(g.ranges() == std::vector<std::uint16_t>{0x4E00, 0x4E02, 0x4E0A, 0x4E0A, 0});
  CHECK(GlyphNeeds(kCovered).ranges() == std::vector<std::uint16_t>{0});
}

TEST_CASE("glyph needs: at most kMaxGlyphs characters, the first found") {
  GlyphNeeds g(kCovered);
  std::string text;
  for (char32_t c = 0x4E00; c < 0x4E00 + GlyphNeeds::kMaxGlyphs + 10; ++c) {
    text += static_cast<char>(0xE0 | (c >> 12));
    text += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    text += static_cast<char>(0x80 | (c & 0x3F));
  }
  g.scan_text(text);
  CHECK(g.needed().size() == GlyphNeeds::kMaxGlyphs);
  CHECK(*g.needed().rbegin() == 0x4E00 + GlyphNeeds::kMaxGlyphs - 1);
}

TEST_CASE("glyph needs: commands and whole workspaces") {
  Workspace ws;
  IdSource ids(7);
  const Id project = ids.next(), task = ids.next();
  Command create;
  create.ops.push_back(CreateItem{"project", project, {}, {{"name", std::string("Модель оттока")}}});
  create.ops.push_back(CreateItem{"task", task, project, {{"title", std::string("Plain title")}, {"tags", StringList{"数据"}}}});
  GlyphNeeds from_command(kCovered);
  CHECK(from_command.scan_command(create));
  REQUIRE(apply(ws, create).ok);

  GlyphNeeds from_workspace(kCovered);
  CHECK(from_workspace.scan_workspace(ws));
  CHECK(from_workspace.needed() == from_command.needed());
  CHECK(from_workspace.needed().count(0x6570) == 1);  // 数, from a tag list
  CHECK(from_workspace.needed().count(0x041C) == 1);  // М, from the project name

  // A rename names only the new text; a restore (undo of a delete) the items' text.
  Command rename;
  rename.ops.push_back(SetField{task, "title", std::string("ラベル")});
  CHECK(from_command.scan_command(rename));
  CHECK(from_command.needed().count(0x30E9) == 1);
  Command restore;
  Task old;
  old.id = ids.next();
  old.parent = project;
  old.description = "評価";
  restore.ops.push_back(RestoreItems{{old}});
  CHECK(from_command.scan_command(restore));
  CHECK(from_command.needed().count(0x8A55) == 1);
}
