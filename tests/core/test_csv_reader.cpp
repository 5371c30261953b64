#include <doctest/doctest.h>

#include <string>

#include "core/csv_reader.h"

using namespace cairn;

TEST_CASE("csv: quoted fields keep commas, doubled quotes and line breaks of every kind") {
  const CsvResult r = read_csv("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"one\r\ntwo\nthree\rfour\"\nlast,,\r\n");
  REQUIRE_MESSAGE(r.ok, r.error);
  CHECK(r.table.header == std::vector<std::string>{"a", "b", "c"});
  REQUIRE(r.table.rows.size() == 2);
  CHECK(r.table.rows[0] == std::vector<std::string>{"x, y", "say \"hi\"", "one\r\ntwo\nthree\rfour"});
  CHECK(r.table.rows[1] == std::vector<std::string>{"last", "", ""});
  CHECK(r.table.row_lines == std::vector<std::size_t>{2, 6});  // the quoted field spans lines 2-5
}

TEST_CASE("csv: a UTF-8 byte-order mark is skipped, blank lines are no rows, a missing final newline is fine") {
  const CsvResult r = read_csv("\xEF\xBB\xBFTitle,Owner\n\nZo\xC3\xAB,\xE4\xB8\xAD\xE6\x96\x87\n\nlast,x");
  REQUIRE_MESSAGE(r.ok, r.error);
  CHECK(r.table.header[0] == "Title");
  REQUIRE(r.table.rows.size() == 2);
  CHECK(r.table.rows[0][0] == "Zo\xC3\xAB");
  CHECK(r.table.rows[0][1] == "\xE4\xB8\xAD\xE6\x96\x87");
  CHECK(r.table.rows[1] == std::vector<std::string>{"last", "x"});
  CHECK(r.table.row_lines == std::vector<std::size_t>{3, 5});
}

TEST_CASE("csv: an unterminated quote is an error naming the line it starts on") {
  const CsvResult r = read_csv("a,b\nok,1\n\"never closed,2\nmore,3\n");
  CHECK_FALSE(r.ok);
  CHECK(r.error.find("line 3") != std::string::npos);
  CHECK(r.error.find("never closed") != std::string::npos);
}

TEST_CASE("csv: encodings other than UTF-8 are named, with where the first bad byte is") {
  const std::string latin1 = "Title\nCaf\xE9 menu\n";
  const CsvResult r = read_csv(latin1);
  CHECK_FALSE(r.ok);
  CHECK(r.error.find("line 2") != std::string::npos);
  CHECK(r.error.find("0xE9") != std::string::npos);
  CHECK(r.error.find("\xE2\x80\x9C" "Caf\xE2\x80\x9D") != std::string::npos);
  CHECK(r.error.find("Latin-1/Windows-1252") != std::string::npos);
  CHECK(r.error.find("save it as UTF-8") != std::string::npos);

  const std::string utf16("\xFF\xFET\0i\0t\0l\0e\0", 12);
  CHECK(read_csv(utf16).error.find("saved as UTF-16") != std::string::npos);
  const std::string nuls("T\0i\0t\0l\0e\0", 10);  // UTF-16 without its mark
  CHECK(read_csv(nuls).error.find("UTF-16") != std::string::npos);
  // Overlong forms and lone surrogates are not UTF-8 either.
  CHECK_FALSE(check_utf8("\xC0\xAF").empty());
  CHECK_FALSE(check_utf8("\xED\xA0\x80").empty());
  CHECK(check_utf8("\xF0\x9F\x98\x80 ok").empty());
}

TEST_CASE("csv: size, row and column limits refuse the file with the limit named") {
  CsvLimits small;
  small.max_bytes = 20;
  CHECK(read_csv("a,b\n1234567890,1234567890\n", small).error.find("26 bytes; files over 20 bytes") !=
        std::string::npos);
  CsvLimits rows;
  rows.max_rows = 2;
  CHECK(read_csv("a\n1\n2\n", rows).ok);
  const CsvResult r = read_csv("a\n1\n2\n3\n", rows);
  CHECK_FALSE(r.ok);
  CHECK(r.error.find("more than 2 rows") != std::string::npos);
  CsvLimits columns;
  columns.max_columns = 3;
  CHECK(read_csv("a,b,c,d\n", columns).error.find("line 1 has 4 fields") != std::string::npos);
  CHECK(read_csv("").error.find("empty") != std::string::npos);
}
