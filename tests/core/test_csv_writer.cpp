#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/csv_writer.h"

using cairn::append_csv_row;
using cairn::csv_field;

TEST_CASE("csv fields are quoted only when RFC 4180 or leading spaces need it") {
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("") == "");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("line\nbreak") == "\"line\nbreak\"");
  CHECK(csv_field("cr\rhere") == "\"cr\rhere\"");
  CHECK(csv_field(" lead") == "\" lead\"");
  CHECK(csv_field("trail ") == "\"trail \"");
  CHECK(csv_field("in side") == "in side");
  CHECK(csv_field("\"") == "\"\"\"\"");
}

TEST_CASE("csv fields pass UTF-8 through byte for byte") {
  const std::string text = "Caf\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x9A\x80";
  CHECK(csv_field(text) == text);
  CHECK(csv_field(text + ",") == "\"" + text + ",\"");
}

TEST_CASE("csv rows join fields with commas and end with CRLF") {
  std::string out;
  const std::vector<std::string> header{"id", "title", "notes"};
  const std::vector<std::string> row{"7", "a, b", ""};
  append_csv_row(out, header);
  append_csv_row(out, row);
  CHECK(out == "id,title,notes\r\n7,\"a, b\",\r\n");
  std::string empty_row;
  append_csv_row(empty_row, std::vector<std::string>{});
  CHECK(empty_row == "\r\n");
}
