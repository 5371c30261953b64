#pragma once
#include <span>
#include <string>
#include <string_view>

namespace cairn {

// RFC 4180 CSV writing. A field is quoted when it holds a comma, a double
// quote, CR or LF, or starts or ends with a space (spreadsheets trim those
// otherwise); quotes inside are doubled. Bytes pass through untouched, so
// UTF-8 stays UTF-8.
std::string csv_field(std::string_view text);

// Appends the fields joined by ',' and ends the row with CRLF.
void append_csv_row(std::string& out, std::span<const std::string> fields);

}  // namespace cairn
