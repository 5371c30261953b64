// Real zones from the system's tz database (Debian's tzdata package).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "core/time_zone.h"
#include "store/zoneinfo_files.h"

using namespace cairn;

namespace {

Timestamp at(const char* iso) { return parse_timestamp(iso).value(); }

TimeZone load(const char* name) {
  const auto bytes = store::read_zoneinfo(name);
  REQUIRE_MESSAGE(bytes, name << " is not in /usr/share/zoneinfo (is tzdata installed?)");
  std::string error;
  auto zone = TimeZone::parse_tzif({reinterpret_cast<const std::uint8_t*>(bytes->data()), bytes->size()}, &error);
  REQUIRE_MESSAGE(zone, name << ": " << error);
  return *zone;
}

}  // namespace

TEST_CASE("zoneinfo: Europe/Berlin across both switches of 2026") {
  const TimeZone berlin = load("Europe/Berlin");
  CHECK(berlin.version() >= 2);
  CHECK(berlin.at(at("2026-03-29T00:59:59Z")).utc_offset == 3600);
  CHECK(berlin.at(at("2026-03-29T01:00:00Z")).utc_offset == 7200);
  CHECK(berlin.at(at("2026-03-29T01:00:00Z")).abbreviation == "CEST");
  CHECK(berlin.at(at("2026-10-25T00:59:59Z")).utc_offset == 7200);
  CHECK(berlin.at(at("2026-10-25T01:00:00Z")).utc_offset == 3600);
  CHECK(berlin.at(at("1900-01-01T00:00:00Z")).utc_offset == 3600);  // before the table: its first type (CET)
}

TEST_CASE("zoneinfo: America/Los_Angeles, Asia/Kolkata, Australia/Lord_Howe, UTC") {
  const TimeZone la = load("America/Los_Angeles");
  CHECK(la.at(at("2026-03-08T09:59:59Z")).utc_offset == -8 * 3600);
  CHECK(la.at(at("2026-03-08T10:00:00Z")).utc_offset == -7 * 3600);
  CHECK(la.at(at("2026-11-01T08:59:59Z")).utc_offset == -7 * 3600);
  CHECK(la.at(at("2026-11-01T09:00:00Z")).utc_offset == -8 * 3600);

  const TimeZone kolkata = load("Asia/Kolkata");
  CHECK(kolkata.at(at("2026-06-01T00:00:00Z")).utc_offset == 5 * 3600 + 30 * 60);
  CHECK(kolkata.at(at("2026-12-01T00:00:00Z")).utc_offset == 5 * 3600 + 30 * 60);

  const TimeZone lhi = load("Australia/Lord_Howe");
  CHECK(lhi.at(at("2026-04-04T14:59:59Z")).utc_offset == 11 * 3600);
  CHECK(lhi.at(at("2026-04-04T15:00:00Z")).utc_offset == 10 * 3600 + 30 * 60);
  CHECK(lhi.at(at("2026-10-03T15:29:59Z")).utc_offset == 10 * 3600 + 30 * 60);
  CHECK(lhi.at(at("2026-10-03T15:30:00Z")).utc_offset == 11 * 3600);

  const TimeZone utc = load("UTC");
  CHECK(utc.at(at("2026-06-01T00:00:00Z")).utc_offset == 0);
  CHECK(utc.at(at("2026-06-01T00:00:00Z")).abbreviation == "UTC");
}

TEST_CASE("zoneinfo: far in the future the footer rule answers, and agrees with the table where both exist") {
  const TimeZone berlin = load("Europe/Berlin");
  REQUIRE(berlin.footer());
  CHECK(berlin.at(at("2200-07-01T12:00:00Z")).utc_offset == 7200);
  CHECK(berlin.at(at("2200-01-01T12:00:00Z")).utc_offset == 3600);
  CHECK(berlin.at(at("9999-12-31T23:00:00Z")).utc_offset == 3600);
  const TimeZone la = load("America/Los_Angeles");
  CHECK(la.at(at("2300-07-01T12:00:00Z")).utc_offset == -7 * 3600);
  // Every hour of 2027..2036: the footer alone gives what the table gives.
  for (const char* name : {"Europe/Berlin", "America/Los_Angeles", "Australia/Lord_Howe", "America/Sao_Paulo"}) {
    const TimeZone zone = load(name);
    REQUIRE(zone.footer());
    int differences = 0;
    for (std::int64_t t = at("2027-01-01T00:00:00Z").ms / 1000; t < at("2037-01-01T00:00:00Z").ms / 1000; t += 3600)
      differences += zone.at(t).utc_offset != posix_tz_at(*zone.footer(), t).utc_offset ? 1 : 0;
    CHECK_MESSAGE(differences == 0, name);
  }
}

TEST_CASE("zoneinfo: unknown and unsafe names read nothing; TimeZones over the files") {
  CHECK_FALSE(store::read_zoneinfo("Mars/Olympus"));
  CHECK_FALSE(store::read_zoneinfo("../../etc/passwd"));
  CHECK_FALSE(store::read_zoneinfo("Europe"));  // a folder
  TimeZones zones = TimeZones::from_tzif([](std::string_view name) { return store::read_zoneinfo(name); });
  CHECK(zones.offset("Asia/Kolkata", at("2026-11-27T16:00:00Z")) == 19800);
  CHECK(zones.offset("Europe/Berlin", at("2026-11-27T16:00:00Z")) == 3600);
  CHECK_FALSE(zones.offset("Mars/Olympus", at("2026-11-27T16:00:00Z")));
  CHECK(zones.problem("Mars/Olympus") == "no such time zone");
  // A non-TZif file under the root is refused by the parser, not trusted.
  CHECK_FALSE(zones.offset("zone1970.tab", at("2026-11-27T16:00:00Z")));
}

TEST_CASE("zoneinfo: this computer's zone from TZ, the /etc/localtime link or /etc/timezone") {
  namespace fs = std::filesystem;
  const fs::path etc = fs::temp_directory_path() / "cairn-test-etc";
  fs::remove_all(etc);
  fs::create_directories(etc);
  // Nothing to go by: unknown.
  CHECK(store::local_zone_name(nullptr, etc).empty());
  // The older /etc/timezone alone; a bad one is not used.
  std::ofstream(etc / "timezone") << "Europe/Berlin\n";
  CHECK(store::local_zone_name(nullptr, etc) == "Europe/Berlin");
  std::ofstream(etc / "timezone") << "../../etc/passwd\n";
  CHECK(store::local_zone_name(nullptr, etc).empty());
  // The link, as systemd makes it, wins over the file.
  fs::create_symlink("/usr/share/zoneinfo/Asia/Kolkata", etc / "localtime");
  CHECK(store::local_zone_name(nullptr, etc) == "Asia/Kolkata");
  // TZ wins over both, with or without its leading colon; when set to
  // something unusable it still decides (the system would not use the files).
  CHECK(store::local_zone_name("America/Los_Angeles", etc) == "America/Los_Angeles");
  CHECK(store::local_zone_name(":Asia/Tokyo", etc) == "Asia/Tokyo");
  CHECK(store::local_zone_name("Mars/Olympus", etc).empty());
  CHECK(store::local_zone_name("CET-1CEST", etc).empty());
  CHECK(store::local_zone_name("", etc) == "Asia/Kolkata");  // set but empty: as if unset
  fs::remove_all(etc);
}
