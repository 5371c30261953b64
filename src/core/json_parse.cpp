#include "core/json_parse.h"

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <limits>

namespace cairn {
namespace {

using Ch = char;
using rapidjson::SizeType;

// Passes every parse event to the document, except numbers: those arrive as
// text (kParseNumbersAsStringsFlag) and are converted here.
template <class Out>
struct ExactNumbers {
  Out& out;

  bool Null() { return out.Null(); }
  bool Bool(bool b) { return out.Bool(b); }
  bool Int(int i) { return out.Int(i); }
  bool Uint(unsigned u) { return out.Uint(u); }
  bool Int64(std::int64_t i) { return out.Int64(i); }
  bool Uint64(std::uint64_t u) { return out.Uint64(u); }
  bool Double(double d) { return out.Double(d); }
  bool String(const Ch* s, SizeType n, bool copy) { return out.String(s, n, copy); }
  bool StartObject() { return out.StartObject(); }
  bool Key(const Ch* s, SizeType n, bool copy) { return out.Key(s, n, copy); }
  bool EndObject(SizeType members) { return out.EndObject(members); }
  bool StartArray() { return out.StartArray(); }
  bool EndArray(SizeType elements) { return out.EndArray(elements); }

  bool RawNumber(const Ch* s, SizeType n, bool) {
    const std::string_view text(s, n);
    if (text.find_first_of(".eE") == std::string_view::npos) {
      if (text.front() == '-') {
        std::int64_t i = 0;
        if (std::from_chars(text.data(), text.data() + n, i).ec == std::errc{})
          return i >= std::numeric_limits<int>::min() ? out.Int(static_cast<int>(i)) : out.Int64(i);
      } else {
        std::uint64_t u = 0;
        if (std::from_chars(text.data(), text.data() + n, u).ec == std::errc{})
          return u <= std::numeric_limits<unsigned>::max() ? out.Uint(static_cast<unsigned>(u)) : out.Uint64(u);
      }
      // Too large for 64 bits: a double, as rapidjson does.
    }
    const std::string copy(text);  // strtod needs the terminating NUL
    return out.Double(std::strtod(copy.c_str(), nullptr));
  }
};

}  // namespace

std::string parse_json(std::string_view text, rapidjson::Document& doc, std::size_t& error_offset) {
  constexpr unsigned kFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseNumbersAsStringsFlag;
  rapidjson::Reader reader;
  rapidjson::MemoryStream stream(text.data(), text.size());
  auto generate = [&](rapidjson::Document& handler) {
    ExactNumbers<rapidjson::Document> exact{handler};
    return !reader.Parse<kFlags>(stream, exact).IsError();
  };
  doc.Populate(generate);
  if (!reader.HasParseError()) return {};
  error_offset = reader.GetErrorOffset();
  return rapidjson::GetParseError_En(reader.GetParseErrorCode());
}

std::string text_position(std::string_view text, std::size_t offset) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

const rapidjson::Value* json_member(const rapidjson::Value& obj, const char* name) {
  if (!obj.IsObject()) return nullptr;
  const auto it = obj.FindMember(name);
  return it == obj.MemberEnd() ? nullptr : &it->value;
}

}  // namespace cairn
