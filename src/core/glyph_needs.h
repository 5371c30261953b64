#pragma once
#include <cstdint>
#include <set>
#include <span>
#include <string_view>
#include <vector>

#include "core/commands.h"
#include "core/value.h"
#include "core/workspace.h"

namespace cairn {

// The characters of the user's text that the UI's embedded font lacks
// (中文, Кириллица...), so the UI can add them from a fallback font. The set
// only grows: a character seen once stays drawable for the session.
class GlyphNeeds {
 public:
  // `covered`: inclusive ranges the embedded font has, as pairs lo, hi
  // (the glyph ranges ImGui rasterizes); a trailing 0 ends the list.
  explicit GlyphNeeds(std::span<const std::uint16_t> covered);

  // Each returns true when it found a character not seen before.
  bool scan_text(std::string_view utf8);
  bool scan_value(const Value& value);
  bool scan_command(const Command& command);  // the text a command writes
  bool scan_workspace(const Workspace& workspace);  // every text field of every item

  const std::set<char32_t>& needed() const { return needed_; }
  // Grows whenever a scan finds something new: the UI rebuilds its fonts then.
  std::uint64_t generation() const { return generation_; }
  // `needed()` as ImGui glyph ranges: pairs lo, hi and a trailing 0. ImGui
  // here draws the Basic Multilingual Plane only (16-bit ImWchar), and at
  // most kMaxGlyphs characters, the first found (the font atlas is a GPU
  // texture: 4,000 characters at three sizes fill 2048 x 2048).
  static constexpr std::size_t kMaxGlyphs = 4000;
  std::vector<std::uint16_t> ranges() const;

 private:
  bool covered(char32_t c) const;
  bool add(char32_t c);

  std::vector<std::pair<char32_t, char32_t>> covered_;
  std::set<char32_t> needed_;
  std::uint64_t generation_ = 0;
};

}  // namespace cairn
