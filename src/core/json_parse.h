#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include <rapidjson/document.h>

namespace cairn {

// Parses untrusted JSON into `doc`. Returns "" or why it failed, with the
// byte offset in `error_offset`.
//
// Two departures from rapidjson's own Document::Parse, both found by the
// fuzzer (tests/fuzz): the parser is iterative, so deep nesting cannot
// overflow the stack (8,000 '[' crashed the WebAssembly build), and numbers
// are converted with strtod, which rounds correctly, where rapidjson 1.1.0's
// fast path rounds about half of all doubles wrongly and its full-precision
// path turns 0e-41 into garbage.
std::string parse_json(std::string_view text, rapidjson::Document& doc, std::size_t& error_offset);

// The member `name` of `obj`, or null when `obj` is not an object or has none.
const rapidjson::Value* json_member(const rapidjson::Value& obj, const char* name);

// "line 3, column 14": where a byte offset (an error_offset) is in `text`.
std::string text_position(std::string_view text, std::size_t offset);

}  // namespace cairn
