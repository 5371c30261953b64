#include "core/glyph_needs.h"

#include <tuple>

#include "core/fields.h"

namespace cairn {
namespace {

// The next codepoint of `s` from `i` (advanced past it); invalid or
// truncated sequences give U+FFFD and advance one byte, as ImGui draws them.
char32_t next_codepoint(std::string_view s, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(i);
  int extra = 0;
  char32_t c = 0;
  if (lead < 0x80) {
    ++i;
    return lead;
  } else if ((lead & 0xE0) == 0xC0) {
    extra = 1;
    c = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    extra = 2;
    c = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    extra = 3;
    c = lead & 0x07;
  } else {
    ++i;
    return 0xFFFD;
  }
  if (i + static_cast<std::size_t>(extra) >= s.size()) {  // truncated
    ++i;
    return 0xFFFD;
  }
  for (int k = 1; k <= extra; ++k) {
    const unsigned char b = byte(i + static_cast<std::size_t>(k));
    if ((b & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    c = (c << 6) | (b & 0x3F);
  }
  i += static_cast<std::size_t>(extra) + 1;
  return c;
}

}  // namespace

GlyphNeeds::GlyphNeeds(std::span<const std::uint16_t> covered) {
  for (std::size_t i = 0; i + 1 < covered.size() && covered[i] != 0; i += 2) covered_.emplace_back(covered[i], covered[i + 1]);
}

bool GlyphNeeds::covered(char32_t c) const {
  for (const auto& [lo, hi] : covered_)
    if (c >= lo && c <= hi) return true;
  return false;
}

bool GlyphNeeds::add(char32_t c) {
  // Control characters are never drawn; beyond 16 bits ImGui cannot draw.
  if (c < 0x20 || c > 0xFFFF || covered(c)) return false;
  if (needed_.size() >= kMaxGlyphs || !needed_.insert(c).second) return false;
  ++generation_;
  return true;
}

bool GlyphNeeds::scan_text(std::string_view utf8) {
  bool found = false;
  std::size_t i = 0;
  while (i < utf8.size()) {
    if (static_cast<unsigned char>(utf8[i]) < 0x80) {  // the common case: ASCII
      ++i;
      continue;
    }
    found |= add(next_codepoint(utf8, i));
  }
  return found;
}

bool GlyphNeeds::scan_value(const Value& value) {
  if (const auto* text = std::get_if<std::string>(&value)) return scan_text(*text);
  bool found = false;
  if (const auto* list = std::get_if<StringList>(&value))
    for (const std::string& text : *list) found |= scan_text(text);
  return found;
}

bool GlyphNeeds::scan_command(const Command& command) {
  bool found = false;
  for (const Operation& op : command.ops) {
    if (const auto* create = std::get_if<CreateItem>(&op)) {
      for (const auto& [name, value] : create->fields) found |= scan_value(value);
    } else if (const auto* set = std::get_if<SetField>(&op)) {
      found |= scan_value(set->value);
    } else if (const auto* restore = std::get_if<RestoreItems>(&op)) {
      for (const AnyItem& any : restore->items)
        std::visit([&]<class T>(const T& item) {
          for (const FieldDef<T>& f : fields_of<T>()) found |= scan_value(f.get(item));
        }, any);
    }
  }
  return found;
}

bool GlyphNeeds::scan_workspace(const Workspace& workspace) {
  bool found = false;
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    ((void)[&] {
      using T = std::tuple_element_t<I, ItemTypes>;
      for (const auto& [id, item] : workspace.all<T>())
        for (const FieldDef<T>& f : fields_of<T>()) found |= scan_value(f.get(item));
    }(), ...);
  }(std::make_index_sequence<kItemKindCount>{});
  return found;
}

std::vector<std::uint16_t> GlyphNeeds::ranges() const {
  std::vector<std::uint16_t> out;
  for (const char32_t c : needed_) {
    if (!out.empty() && out.back() + 1u == c) {
      out.back() = static_cast<std::uint16_t>(c);
    } else {
      out.push_back(static_cast<std::uint16_t>(c));
      out.push_back(static_cast<std::uint16_t>(c));
    }
  }
  out.push_back(0);
  return out;
}

}  // namespace cairn
