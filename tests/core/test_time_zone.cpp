// The TZif parser and POSIX TZ rules on bytes built here (runs natively and
// as WebAssembly); the real zone files are tested in store/test_zoneinfo.cpp.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/time_zone.h"

using namespace cairn;

namespace {

std::int64_t at(const char* iso) { return parse_timestamp(iso).value().ms / 1000; }

// A TZif file written field by field (RFC 8536 section 3).
struct TzifBuilder {
  struct Type {
    std::int32_t offset;
    bool dst;
    std::string name;
  };
  int version = 2;
  std::vector<std::int64_t> times;
  std::vector<std::uint8_t> indices;
  std::vector<Type> types;
  std::string footer;

  static void u32(std::string& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
  }
  static void i64(std::string& out, std::int64_t v) {
    for (int shift = 56; shift >= 0; shift -= 8) out += static_cast<char>((static_cast<std::uint64_t>(v) >> shift) & 0xFF);
  }
  std::string chars() const {
    std::string c;
    for (const Type& t : types) c += t.name + '\0';
    return c;
  }
  void block(std::string& out, bool wide) const {
    out += "TZif";
    out += version == 1 ? '\0' : static_cast<char>('0' + version);
    out += std::string(15, '\0');
    const std::string c = chars();
    u32(out, 0);  // isutcnt
    u32(out, 0);  // isstdcnt
    u32(out, 0);  // leapcnt
    u32(out, static_cast<std::uint32_t>(times.size()));
    u32(out, static_cast<std::uint32_t>(types.size()));
    u32(out, static_cast<std::uint32_t>(c.size()));
    for (const std::int64_t t : times) wide ? i64(out, t) : u32(out, static_cast<std::uint32_t>(t));
    for (const std::uint8_t i : indices) out += static_cast<char>(i);
    std::size_t designation = 0;
    for (const Type& t : types) {
      u32(out, static_cast<std::uint32_t>(t.offset));
      out += static_cast<char>(t.dst ? 1 : 0);
      out += static_cast<char>(designation);
      designation += t.name.size() + 1;
    }
    out += c;
  }
  std::string bytes() const {
    std::string out;
    block(out, false);
    if (version >= 2) {
      block(out, true);
      out += '\n' + footer + '\n';
    }
    return out;
  }
};

std::optional<TimeZone> parse(const std::string& bytes, std::string* error = nullptr) {
  return TimeZone::parse_tzif({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()}, error);
}

TzifBuilder berlin_like() {
  TzifBuilder b;
  b.types = {{3600, false, "CET"}, {7200, true, "CEST"}};
  b.times = {at("2026-03-29T01:00:00Z"), at("2026-10-25T01:00:00Z")};
  b.indices = {1, 0};
  b.footer = "CET-1CEST,M3.5.0,M10.5.0/3";
  return b;
}

}  // namespace

TEST_CASE("POSIX TZ rules: names, offsets west of UTC, defaults") {
  std::string error;
  const auto cet = parse_posix_tz("CET-1CEST,M3.5.0,M10.5.0/3", &error);
  REQUIRE_MESSAGE(cet, error);
  CHECK(cet->standard.utc_offset == 3600);
  CHECK(cet->standard.abbreviation == "CET");
  REQUIRE(cet->summer);
  CHECK(cet->summer->utc_offset == 7200);  // one hour more when not given
  CHECK(cet->end.seconds == 3 * 3600);
  CHECK(cet->start.seconds == 2 * 3600);  // 02:00 when not given

  const auto india = parse_posix_tz("IST-5:30");
  REQUIRE(india);
  CHECK(india->standard.utc_offset == 5 * 3600 + 1800);
  CHECK_FALSE(india->summer);

  const auto quoted = parse_posix_tz("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0");
  REQUIRE(quoted);
  CHECK(quoted->standard.abbreviation == "+1030");
  CHECK(quoted->summer->utc_offset == 11 * 3600);

  const auto us = parse_posix_tz("EST5EDT");  // no rule: the US rule
  REQUIRE(us);
  CHECK(us->standard.utc_offset == -5 * 3600);
  CHECK(posix_tz_at(*us, at("2026-07-01T12:00:00Z")).utc_offset == -4 * 3600);
  CHECK(posix_tz_at(*us, at("2026-12-01T12:00:00Z")).utc_offset == -5 * 3600);

  for (const char* bad : {"", "C-1", "CET", "CET-1CEST,M3.5.0", "CET-1CEST,M13.5.0,M10.5.0", "CET-1CEST,M3.6.0,M10.5.0",
                          "CET-1CEST,J0,J100", "CET-99", "CET-1CEST,M3.5.0,M10.5.0/3x", "<AB>-1"}) {
    INFO(bad);
    error.clear();
    CHECK_FALSE(parse_posix_tz(bad, &error));
    CHECK_FALSE(error.empty());
  }
}

TEST_CASE("POSIX TZ rules: both switches of a northern and a southern zone") {
  const auto cet = parse_posix_tz("CET-1CEST,M3.5.0,M10.5.0/3").value();
  // 2031: last Sunday of March is the 30th, of October the 26th; 01:00 UTC both times.
  CHECK(posix_tz_at(cet, at("2031-03-30T00:59:59Z")).utc_offset == 3600);
  CHECK(posix_tz_at(cet, at("2031-03-30T01:00:00Z")).utc_offset == 7200);
  CHECK(posix_tz_at(cet, at("2031-10-26T00:59:59Z")).utc_offset == 7200);
  CHECK(posix_tz_at(cet, at("2031-10-26T01:00:00Z")).utc_offset == 3600);
  CHECK(posix_tz_at(cet, at("2031-10-26T01:00:00Z")).abbreviation == "CET");

  // Lord Howe: summer (+11) from the first Sunday of October 02:00 +10:30 to
  // the first Sunday of April 02:00 +11 (half an hour of difference).
  const auto lhi = parse_posix_tz("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0").value();
  CHECK(posix_tz_at(lhi, at("2026-04-04T14:59:59Z")).utc_offset == 39600);
  CHECK(posix_tz_at(lhi, at("2026-04-04T15:00:00Z")).utc_offset == 37800);
  CHECK(posix_tz_at(lhi, at("2026-10-03T15:29:59Z")).utc_offset == 37800);
  CHECK(posix_tz_at(lhi, at("2026-10-03T15:30:00Z")).utc_offset == 39600);
  CHECK(posix_tz_at(lhi, at("2026-12-31T23:59:59Z")).utc_offset == 39600);  // across New Year
  CHECK(posix_tz_at(lhi, at("2027-01-01T00:00:00Z")).utc_offset == 39600);

  // Version 3: summer time all year ("J365/25" ends after the year's end).
  const auto always = parse_posix_tz("EST5EDT,0/0,J365/25").value();
  for (const char* when : {"2026-01-01T00:30:00Z", "2026-01-01T05:30:00Z", "2026-07-01T00:00:00Z", "2026-12-31T23:59:59Z"}) {
    INFO(when);
    CHECK(posix_tz_at(always, at(when)).utc_offset == -4 * 3600);
  }
  // Jn skips 29 February; n counts it: day 59 of a leap year is 29 February.
  const auto julian = parse_posix_tz("AAA0BBB,J60/0,J61/0").value();  // summer on 1 March (no leap day counted)
  CHECK(posix_tz_at(julian, at("2028-03-01T12:00:00Z")).dst);
  CHECK_FALSE(posix_tz_at(julian, at("2028-02-29T12:00:00Z")).dst);
  const auto zero_based = parse_posix_tz("AAA0BBB,59/0,60/0").value();  // 29 February in a leap year
  CHECK(posix_tz_at(zero_based, at("2028-02-29T12:00:00Z")).dst);
  CHECK(posix_tz_at(zero_based, at("2027-03-01T12:00:00Z")).dst);  // no 29 Feb: day 59 is 1 March
}

TEST_CASE("TZif: the table, before it, and the footer past it") {
  for (const int version : {2, 3, 4}) {
    INFO("version " << version);
    TzifBuilder b = berlin_like();
    b.version = version;
    std::string error;
    const auto zone = parse(b.bytes(), &error);
    REQUIRE_MESSAGE(zone, error);
    CHECK(zone->version() == version);
    CHECK(zone->transition_count() == 2);
    CHECK(zone->at(at("2026-01-10T00:00:00Z")).utc_offset == 3600);  // before the first: type 0
    CHECK(zone->at(at("2026-03-29T01:00:00Z")).utc_offset == 7200);
    CHECK(zone->at(at("2026-03-29T01:00:00Z")).abbreviation == "CEST");
    CHECK(zone->at(at("2026-10-25T00:59:59Z")).utc_offset == 7200);
    CHECK(zone->at(at("2026-10-25T01:00:00Z")).utc_offset == 3600);
    CHECK(zone->at(at("2027-07-01T00:00:00Z")).utc_offset == 7200);  // footer
    CHECK(zone->at(at("2027-12-01T00:00:00Z")).utc_offset == 3600);
  }
  // Version 1: 32-bit times, no footer: the last type stays.
  TzifBuilder v1 = berlin_like();
  v1.version = 1;
  const auto old = parse(v1.bytes());
  REQUIRE(old);
  CHECK(old->at(at("2027-07-01T00:00:00Z")).utc_offset == 3600);
  CHECK_FALSE(old->footer());
  // No transitions at all: the footer decides everything.
  TzifBuilder bare;
  bare.types = {{3600, false, "CET"}};
  bare.footer = "CET-1CEST,M3.5.0,M10.5.0/3";
  const auto rule_only = parse(bare.bytes());
  REQUIRE(rule_only);
  CHECK(rule_only->at(at("1990-07-01T00:00:00Z")).utc_offset == 7200);
}

TEST_CASE("TZif: malformed bytes give an error naming the problem, never a crash") {
  const std::string good = berlin_like().bytes();
  std::string error;
  CHECK_FALSE(parse("", &error));
  CHECK(error.find("too short") != std::string::npos);
  std::string bad_magic = good;
  bad_magic[0] = 'X';
  CHECK_FALSE(parse(bad_magic, &error));
  CHECK(error.find("magic") != std::string::npos);
  // Every truncation is refused.
  for (std::size_t n = 0; n < good.size(); ++n) {
    INFO("cut at " << n);
    error.clear();
    CHECK_FALSE(parse(good.substr(0, n), &error));
    CHECK_FALSE(error.empty());
  }
  // A huge count is caught before anything is allocated.
  std::string huge = good;
  huge[32] = huge[33] = huge[34] = huge[35] = '\x7F';  // timecnt of the first header
  CHECK_FALSE(parse(huge, &error));
  CHECK(error.find("cut short") != std::string::npos);

  TzifBuilder b = berlin_like();
  b.indices = {1, 5};
  CHECK_FALSE(parse(b.bytes(), &error));
  CHECK(error.find("type that does not exist") != std::string::npos);
  b = berlin_like();
  b.times = {b.times[1], b.times[0]};
  CHECK_FALSE(parse(b.bytes(), &error));
  CHECK(error.find("ascending") != std::string::npos);
  b = berlin_like();
  b.footer = "CET-1CEST,M3.5.0";
  CHECK_FALSE(parse(b.bytes(), &error));
  CHECK(error.find("TZ rule") != std::string::npos);
  b = berlin_like();
  b.types.clear();
  b.indices.clear();
  b.times.clear();
  CHECK_FALSE(parse(b.bytes(), &error));

  // Every single-byte change parses or fails cleanly.
  for (std::size_t i = 0; i < good.size(); ++i) {
    std::string flipped = good;
    flipped[i] = static_cast<char>(flipped[i] ^ 0xA5);
    const auto zone = parse(flipped);
    if (zone) (void)zone->at(at("2026-06-01T00:00:00Z"));
  }
}

TEST_CASE("zone names: IANA names only, no path tricks") {
  for (const char* good : {"UTC", "Europe/Berlin", "America/Argentina/Buenos_Aires", "Etc/GMT+5", "Etc/GMT-14",
                           "America/Port-au-Prince", "EST5EDT"})
    CHECK_MESSAGE(valid_zone_name(good), good);
  for (const char* bad : {"", "../etc/passwd", "Europe/../../etc/passwd", "/etc/passwd", "Europe//Berlin", "Europe/",
                          ".hidden", "Europe/Berlin\n", "Europe\\Berlin", "-x", "Europe/Ber lin", "Europe/./Berlin"})
    CHECK_MESSAGE(!valid_zone_name(bad), bad);
}

TEST_CASE("TimeZones: cached loads, unknown zones, UTC always known, offsets written") {
  int loads = 0;
  std::vector<std::string> asked;
  const std::string berlin = berlin_like().bytes();
  TimeZones zones = TimeZones::from_tzif([&](std::string_view name) -> std::optional<std::string> {
    ++loads;
    asked.emplace_back(name);
    if (name == "Europe/Berlin") return berlin;
    if (name == "Broken/Zone") return std::string("TZif2 nonsense");
    return std::nullopt;
  });
  const Timestamp summer = parse_timestamp("2026-07-01T00:00:00Z").value();
  CHECK(zones.offset("Europe/Berlin", summer) == 7200);
  CHECK(zones.offset("Europe/Berlin", parse_timestamp("2026-12-01T00:00:00Z").value()) == 3600);
  CHECK(loads == 1);  // parsed once
  CHECK_FALSE(zones.offset("Mars/Olympus", summer));
  CHECK(zones.problem("Mars/Olympus") == "no such time zone");
  CHECK_FALSE(zones.offset("Broken/Zone", summer));
  CHECK(zones.problem("Broken/Zone").find("malformed TZif") != std::string::npos);
  CHECK_FALSE(zones.offset("../../etc/passwd", summer));
  CHECK(zones.problem("../../etc/passwd") == "not an IANA time zone name");
  for (const std::string& name : asked) CHECK(valid_zone_name(name));  // the loader never sees a bad name
  CHECK(zones.offset("UTC", summer) == 0);
  CHECK(TimeZones{}.offset("UTC", summer) == 0);
  CHECK_FALSE(TimeZones{}.offset("Europe/Berlin", summer));

  // The browser's way: a query per instant.
  TimeZones web = TimeZones::from_query([](std::string_view name, Timestamp) -> std::optional<std::int32_t> {
    if (name == "Asia/Kolkata") return 19800;
    return std::nullopt;
  });
  CHECK(web.offset("Asia/Kolkata", summer) == 19800);
  CHECK_FALSE(web.offset("Nowhere/Else", summer));
  CHECK_FALSE(web.offset("../x", summer));

  CHECK(format_utc_offset(19800) == "+05:30");
  CHECK(format_utc_offset(-28800) == "-08:00");
  CHECK(format_utc_offset(0) == "+00:00");
  CHECK(format_utc_offset(-(9 * 3600 + 30 * 60 + 15)) == "-09:30:15");
}
