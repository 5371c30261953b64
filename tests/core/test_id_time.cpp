#include <doctest/doctest.h>

#include <set>

#include "core/id.h"
#include "core/time.h"

using namespace cairn;

TEST_CASE("ids print as UUID version 4 and parse back") {
  IdSource ids(42);
  std::set<Id> seen;
  for (int i = 0; i < 1000; ++i) {
    const Id id = ids.next();
    const std::string text = id.to_string();
    REQUIRE(text.size() == 36);
    CHECK(text[14] == '4');                                   // version
    CHECK(std::string("89ab").find(text[19]) != std::string::npos);  // variant
    CHECK(Id::parse(text) == id);
    seen.insert(id);
  }
  CHECK(seen.size() == 1000);
}

TEST_CASE("the same seed gives the same ids; the random device gives different ones") {
  IdSource a(7), b(7);
  CHECK(a.next() == b.next());
  IdSource r1, r2;
  CHECK(r1.next() != r2.next());
}

TEST_CASE("malformed ids are refused") {
  CHECK_FALSE(Id::parse(""));
  CHECK_FALSE(Id::parse("3f2b8c1e-0d4a-4c7e-9b1a-5e6f7a8b9c0"));    // short
  CHECK_FALSE(Id::parse("3f2b8c1e-0d4a-4c7e-9b1a-5e6f7a8b9c0dd"));  // long
  CHECK_FALSE(Id::parse("3f2b8c1e00d4a-4c7e-9b1a-5e6f7a8b9c0d"));   // dash missing
  CHECK_FALSE(Id::parse("3f2b8c1e-0d4a-4c7e-9b1a-5e6f7a8b9cxd"));   // not hex
  CHECK(Id::parse("3F2B8C1E-0D4A-4C7E-9B1A-5E6F7A8B9C0D") == Id::parse("3f2b8c1e-0d4a-4c7e-9b1a-5e6f7a8b9c0d"));
}

TEST_CASE("timestamps are UTC ISO 8601 with milliseconds") {
  CHECK(format_timestamp(Timestamp{0}) == "1970-01-01T00:00:00.000Z");
  CHECK(format_timestamp(Timestamp{1795707727250}) == "2026-11-26T15:42:07.250Z");
  CHECK(parse_timestamp("2026-11-26T15:42:07.250Z") == Timestamp{1795707727250});
  CHECK(parse_timestamp("2026-11-26T15:42:07Z") == Timestamp{1795707727000});
  // Offsets are converted to UTC.
  CHECK(parse_timestamp("2026-11-26T16:42:07.250+01:00") == Timestamp{1795707727250});
  CHECK(parse_timestamp("2026-11-26T10:12:07.250-05:30") == Timestamp{1795707727250});
  // Before 1970 too.
  CHECK(format_timestamp(Timestamp{-1}) == "1969-12-31T23:59:59.999Z");
}

TEST_CASE("malformed timestamps are refused") {
  CHECK_FALSE(parse_timestamp("2026-11-26 15:42:07Z"));
  CHECK_FALSE(parse_timestamp("2026-11-26T15:42:07"));     // no zone: ambiguous
  CHECK_FALSE(parse_timestamp("2026-02-30T00:00:00Z"));    // no such day
  CHECK_FALSE(parse_timestamp("2026-11-26T24:00:00Z"));
  CHECK_FALSE(parse_timestamp("2026-11-26T15:42:07.Z"));
  CHECK_FALSE(parse_timestamp("2026-11-26T15:42:07+1:00"));
}

TEST_CASE("dates are calendar days") {
  CHECK(format_date(Date{0}) == "1970-01-01");
  CHECK(parse_date("2026-11-26") == Date{20783});
  CHECK(format_date(Date{20783}) == "2026-11-26");
  CHECK(parse_date("2024-02-29"));
  CHECK_FALSE(parse_date("2025-02-29"));
  CHECK_FALSE(parse_date("2026-11-26T00:00:00Z"));
  CHECK_FALSE(parse_date("26-11-2026"));
  CHECK(date_of(Timestamp{1795707727250}) == Date{20783});
  CHECK(date_of(Timestamp{-1}) == Date{-1});
}
