// Every character in the app's own string literals (src/ui, src/core) is in
// the embedded font's ranges (CAIRN_GLYPH_RANGES in src/CMakeLists.txt):
// one outside them draws as "?" wherever the fallback fonts are not loaded,
// which they are only for characters of the workspace's text.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <span>
#include <string>
#include <vector>

#include "ui/fonts.h"

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// The contents of the string literals of a C++ source, escapes decoded
// (\xNN bytes, \uNNNN characters as UTF-8); comments and character literals skipped.
std::vector<std::string> string_literals(const std::string& src) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < src.size(); ++i) {
    if (src.compare(i, 2, "//") == 0) {
      i = src.find('\n', i);
      if (i == std::string::npos) break;
    } else if (src.compare(i, 2, "/*") == 0) {
      i = src.find("*/", i + 2);
      if (i == std::string::npos) break;
      ++i;
    } else if (src[i] == '\'') {
      for (++i; i < src.size() && src[i] != '\''; ++i)
        if (src[i] == '\\') ++i;
    } else if (src[i] == '"') {
      std::string text;
      for (++i; i < src.size() && src[i] != '"'; ++i) {
        if (src[i] != '\\') {
          text += src[i];
          continue;
        }
        const char e = src[++i];
        if (e == 'x') {
          int value = 0;
          while (i + 1 < src.size() && hex_digit(src[i + 1]) >= 0) value = value * 16 + hex_digit(src[++i]);
          text += static_cast<char>(value);
        } else if (e == 'u') {
          char32_t value = 0;
          for (int k = 0; k < 4; ++k) value = value * 16 + static_cast<char32_t>(hex_digit(src[++i]));
          append_utf8(text, value);
        } else {
          text += e == 'n' ? '\n' : e;
        }
      }
      out.push_back(std::move(text));
    }
  }
  return out;
}

std::vector<char32_t> code_points(const std::string& s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const int n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t c = n == 1 ? b : b & (0x3F >> (n - 1));
    for (int k = 1; k < n && i + static_cast<std::size_t>(k) < s.size(); ++k)
      c = (c << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
    out.push_back(c);
    i += static_cast<std::size_t>(n);
  }
  return out;
}

bool in_ranges(char32_t c, std::span<const std::uint16_t> ranges) {
  for (std::size_t r = 0; r + 1 < ranges.size() && ranges[r] != 0; r += 2)
    if (c >= ranges[r] && c <= ranges[r + 1]) return true;
  return false;
}

}  // namespace

TEST_SUITE("views") {
TEST_CASE("every character of the app's own strings is in the embedded font") {
  CHECK(string_literals("a(\"x\\xC3\\x97y\"); // \"\\xE2\\x9C\\x93\"\nb('\"'); c(\"\\u00d7\")") ==
        std::vector<std::string>{"x\xC3\x97y", "\xC3\x97"});  // the reader itself
  const std::span<const std::uint16_t> ranges = cairn::ui::embedded_glyph_ranges();
  CHECK(in_ranges(U'A', ranges));
  CHECK_FALSE(in_ranges(U'\u4E2D', ranges));  // Chinese comes from a fallback font
  std::size_t files = 0;
  for (const char* folder : {"ui", "core"}) {
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(CAIRN_SOURCE_DIR) / "src" / folder)) {
      const std::string ext = entry.path().extension().string();
      if (ext != ".cpp" && ext != ".h") continue;
      ++files;
      std::ifstream in(entry.path(), std::ios::binary);
      const std::string src{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
      for (const std::string& literal : string_literals(src))
        for (const char32_t c : code_points(literal))
          if (c >= 0x20 && c != 0xFEFF && !in_ranges(c, ranges)) {  // a byte order mark is matched, never drawn
            char code[16];
            std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
            FAIL_CHECK(entry.path().filename().string(), ": ", code, " in \"", literal, "\" is not in CAIRN_GLYPH_RANGES");
          }
    }
  }
  CHECK(files > 50);
}
}
