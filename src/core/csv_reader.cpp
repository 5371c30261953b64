#include "core/csv_reader.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "core/byte_size.h"

namespace cairn {
namespace {

bool starts_with_bytes(std::string_view text, std::initializer_list<unsigned char> bytes) {
  if (text.size() < bytes.size()) return false;
  std::size_t i = 0;
  for (unsigned char b : bytes)
    if (static_cast<unsigned char>(text[i++]) != b) return false;
  return true;
}

// Length of the valid UTF-8 sequence starting at `i`, or 0 when it is not one
// (overlong forms, surrogates and code points past U+10FFFF are refused).
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = at(i);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) n = 2;
  else if (c == 0xE0) n = 3, lo = 0xA0;
  else if (c >= 0xE1 && c <= 0xEC) n = 3;
  else if (c == 0xED) n = 3, hi = 0x9F;
  else if (c >= 0xEE && c <= 0xEF) n = 3;
  else if (c == 0xF0) n = 4, lo = 0x90;
  else if (c >= 0xF1 && c <= 0xF3) n = 4;
  else if (c == 0xF4) n = 4, hi = 0x8F;
  else return 0;
  if (i + n > s.size()) return 0;
  if (at(i + 1) < lo || at(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if (at(i + k) < 0x80 || at(i + k) > 0xBF) return 0;
  return n;
}

std::string hex_byte(unsigned char b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", b);
  return buf;
}

}  // namespace

std::string check_utf8(std::string_view text) {
  if (starts_with_bytes(text, {0xFF, 0xFE}) || starts_with_bytes(text, {0xFE, 0xFF}))
    return "the file is saved as UTF-16 (it starts with a UTF-16 byte-order mark): save it as UTF-8";
  std::size_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0)
      return "the file holds NUL bytes (line " + std::to_string(line) +
             "): it looks saved as UTF-16 or is not a text file; save it as UTF-8";
    if (c == '\n') {
      ++line;
      line_start = i + 1;
    }
    const std::size_t n = utf8_sequence(text, i);
    if (n == 0) {
      // Show the valid text before the byte, so the user can find it.
      std::size_t from = i - std::min<std::size_t>(i - line_start, 24);
      while (from < i && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) ++from;
      const std::string before(text.substr(from, i - from));
      return "line " + std::to_string(line) + ": byte " + hex_byte(c) +
             (before.empty() ? std::string(" at the start of the line") : " after \u201C" + before + "\u201D") +
             " is not UTF-8; the file is probably Latin-1/Windows-1252: save it as UTF-8";
    }
    i += n;
  }
  return {};
}

CsvResult read_csv(std::string_view text, const CsvLimits& limits) {
  CsvResult result;
  if (text.size() > limits.max_bytes) {
    const SizeOverLimit sizes = size_over_limit(text.size(), limits.max_bytes);
    result.error = "the file is " + sizes.size + "; files over " + sizes.limit + " are refused";
    return result;
  }
  if (std::string error = check_utf8(text); !error.empty()) {
    result.error = std::move(error);
    return result;
  }
  if (starts_with_bytes(text, {0xEF, 0xBB, 0xBF})) text.remove_prefix(3);

  std::vector<std::string> row;
  std::string field;
  std::size_t line = 1;
  std::size_t row_line = 1;
  bool header_done = false;
  bool row_has_content = false;  // a blank line is no row

  const auto end_row = [&]() -> bool {
    row.push_back(std::move(field));
    field.clear();
    const bool blank = !row_has_content && row.size() == 1 && row[0].empty();
    if (!blank) {
      if (row.size() > limits.max_columns) {
        result.error = "line " + std::to_string(row_line) + " has " + std::to_string(row.size()) +
                       " fields; more than " + std::to_string(limits.max_columns) + " are refused";
        return false;
      }
      if (!header_done) {
        result.table.header = std::move(row);
        header_done = true;
      } else {
        if (result.table.rows.size() >= limits.max_rows) {
          result.error = "the file has more than " + std::to_string(limits.max_rows) +
                         " rows; split it into smaller files";
          return false;
        }
        result.table.rows.push_back(std::move(row));
        result.table.row_lines.push_back(row_line);
      }
    }
    row.clear();
    row_has_content = false;
    return true;
  };

  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"' && field.empty()) {
      // A quoted field: runs to the closing quote, "" is one quote.
      const std::size_t opened_line = line;
      row_has_content = true;
      ++i;
      bool closed = false;
      while (i < text.size()) {
        const char q = text[i];
        if (q == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          closed = true;
          break;
        }
        if (q == '\n') ++line;
        else if (q == '\r' && !(i + 1 < text.size() && text[i + 1] == '\n')) ++line;  // a lone CR
        field += q;
        ++i;
      }
      if (!closed) {
        result.error = "line " + std::to_string(opened_line) +
                       ": a quoted field is never closed (a \" without its closing \")";
        return result;
      }
      // Text between the closing quote and the next separator is kept, as
      // spreadsheets do (strictly it is malformed).
      continue;
    }
    if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      row_has_content = true;
      ++i;
      continue;
    }
    if (c == '\r' || c == '\n') {
      i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
      if (!end_row()) return result;
      ++line;
      row_line = line;
      continue;
    }
    field += c;
    row_has_content = true;
    ++i;
  }
  if (row_has_content || !field.empty() || !row.empty())
    if (!end_row()) return result;
  if (!header_done) {
    result.error = "the file is empty: a CSV export starts with a row of column names";
    return result;
  }
  result.ok = true;
  return result;
}

}  // namespace cairn
