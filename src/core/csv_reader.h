#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cairn {

// Reading CSV files from other tools (Jira, Linear): RFC 4180 with the
// liberties real exports take. Fields may be quoted; a quoted field may hold
// commas, doubled quotes ("") and line breaks (CRLF, LF or CR). Rows end with
// CRLF or LF. A UTF-8 byte-order mark is skipped. docs/import.md.

// What a file may hold before it is refused (a browser tab has limited memory,
// and the preview must stay quick).
struct CsvLimits {
  std::size_t max_bytes = 64u * 1024u * 1024u;
  std::size_t max_rows = 100'000;
  std::size_t max_columns = 2'000;
};

struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // data rows; blank lines are left out
  std::vector<std::size_t> row_lines;          // the line each data row starts on (1-based)
};

struct CsvResult {
  bool ok = false;
  std::string error;  // names the problem and where it is
  CsvTable table;
};

// "" when `text` is valid UTF-8; otherwise what is wrong and where: a UTF-16
// file ("saved as UTF-16"), NUL bytes, or a byte that is not UTF-8 ("line 3:
// byte 0xE9 after "Jos" is not UTF-8 ... perhaps Latin-1/Windows-1252").
std::string check_utf8(std::string_view text);

// The encoding check first, then the limits, then the rows. The first row is
// the header. An unterminated quoted field is an error naming the line it
// starts on.
CsvResult read_csv(std::string_view text, const CsvLimits& limits = {});

}  // namespace cairn
