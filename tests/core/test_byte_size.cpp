#include <doctest/doctest.h>

#include "core/byte_size.h"
#include "core/csv_reader.h"
#include "core/json_io.h"

using namespace cairn;

namespace {
constexpr std::uint64_t kMB = 1024 * 1024;
}

TEST_CASE("sizes read as megabytes with tenths rounded down, bytes below a megabyte") {
  CHECK(size_text(0) == "0 bytes");
  CHECK(size_text(1) == "1 byte");
  CHECK(size_text(1023 * 1024) == "1,047,552 bytes");
  CHECK(size_text(kMB) == "1 MB");
  CHECK(size_text(64 * kMB) == "64 MB");
  CHECK(size_text(64 * kMB + kMB / 2) == "64.5 MB");
  CHECK(size_text(65 * kMB - 1) == "64.9 MB");  // never rounded up to 65
}

TEST_CASE("a size just over the limit never reads as the limit") {
  // The case: "the text is 64 MB; at most 64 MB can be read".
  const SizeOverLimit one_byte = size_over_limit(64 * kMB + 1, 64 * kMB);
  CHECK(one_byte.size == "67,108,865 bytes");
  CHECK(one_byte.limit == "64 MB (67,108,864 bytes)");
  // Under a tenth of a megabyte over: still in bytes ("64.0 MB" would read as 64 MB).
  CHECK(size_over_limit(64 * kMB + kMB / 10, 64 * kMB).size == "67,213,721 bytes");
  const SizeOverLimit tenth = size_over_limit(64 * kMB + kMB / 10 + 1, 64 * kMB);
  CHECK(tenth.size == "64.1 MB");
  CHECK(tenth.limit == "64 MB");
  const SizeOverLimit far = size_over_limit(200 * kMB + 12345, 64 * kMB);
  CHECK(far.size == "200.0 MB");  // not quite 200.1
  CHECK(far.limit == "64 MB");
  const SizeOverLimit small = size_over_limit(2000, 1000);  // limits that small are tests'
  CHECK(small.size == "2,000 bytes");
  CHECK(small.limit == "1,000 bytes");
  const std::uint64_t overs[] = {1, 2, 1000, kMB / 10, kMB / 10 + 1, kMB - 1, kMB, 10 * kMB};
  for (const std::uint64_t over : overs) {
    const SizeOverLimit s = size_over_limit(64 * kMB + over, 64 * kMB);
    CHECK_MESSAGE(s.size != s.limit, over);
    CHECK_MESSAGE(s.limit.find(s.size) == std::string::npos, over);
  }
}

TEST_CASE("the readers name a file's real size when it is over their limit") {
  const std::string json(kMaxJsonBytes + 1, ' ');
  Workspace ws;
  IdSource ids(1);
  CHECK(plan_import(json, ws, ids).error ==
        "the text is 67,108,865 bytes; at most 64 MB (67,108,864 bytes) can be read");
  CsvLimits small;
  small.max_bytes = 20;
  CHECK(read_csv("a,b\n1234567890,1234567890\n", small).error ==
        "the file is 26 bytes; files over 20 bytes are refused");
}
