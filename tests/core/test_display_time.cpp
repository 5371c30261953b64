// Times shown in the person's zone (core/display_time.h).
#include <doctest/doctest.h>

#include "core/display_time.h"

using namespace cairn;

namespace {

// The browser's way of knowing zones, with fixed answers: Tokyo +09:00,
// London +00:00 in winter, Kolkata +05:30, St John's -03:30.
TimeZones fixed_zones() {
  return TimeZones::from_query([](std::string_view name, Timestamp) -> std::optional<std::int32_t> {
    if (name == "Asia/Tokyo") return 9 * 3600;
    if (name == "Europe/London") return 0;
    if (name == "Asia/Kolkata") return 5 * 3600 + 1800;
    if (name == "America/St_Johns") return -(3 * 3600 + 1800);
    return std::nullopt;
  });
}

Timestamp at(const char* iso) { return parse_timestamp(iso).value(); }

}  // namespace

TEST_CASE("times show in UTC, or in the chosen zone with its offset, across the date line") {
  const TimeZones zones = fixed_zones();
  const Timestamp evening = at("2026-11-27T18:30:05Z");
  CHECK(format_shown_time(evening, "", zones) == "2026-11-27 18:30 UTC");
  CHECK(format_shown_time(evening, "UTC", zones) == "2026-11-27 18:30 UTC");
  CHECK(format_shown_time(evening, "Asia/Tokyo", zones) == "2026-11-28 03:30 UTC+09:00");
  CHECK(format_shown_time(evening, "Asia/Kolkata", zones) == "2026-11-28 00:00 UTC+05:30");
  CHECK(format_shown_time(evening, "America/St_Johns", zones) == "2026-11-27 15:00 UTC-03:30");
  CHECK(format_shown_time(evening, "Europe/London", zones) == "2026-11-27 18:30 UTC+00:00");
  CHECK(format_shown_clock(evening, "", zones) == "18:30:05 UTC");
  CHECK(format_shown_clock(evening, "Asia/Tokyo", zones) == "03:30:05 UTC+09:00");

  // The day follows the zone: Tokyo is already on the 28th, St John's is not.
  CHECK(shown_date(evening, "", zones) == parse_date("2026-11-27"));
  CHECK(shown_date(evening, "Asia/Tokyo", zones) == parse_date("2026-11-28"));
  CHECK(shown_date(at("2026-11-28T02:00:00Z"), "America/St_Johns", zones) == parse_date("2026-11-27"));
}

TEST_CASE("an unknown zone shows UTC, labelled so; the ends of time do not overflow") {
  const TimeZones zones = fixed_zones();
  const Timestamp t = at("2026-11-27T18:30:05Z");
  CHECK(format_shown_time(t, "Mars/Olympus", zones) == "2026-11-27 18:30 UTC");
  CHECK(shown_date(t, "Mars/Olympus", zones) == parse_date("2026-11-27"));
  CHECK(format_shown_time(kLastTimestamp, "Asia/Tokyo", zones) == "9999-12-31 23:59 UTC");
  CHECK(format_shown_time(kFirstTimestamp, "America/St_Johns", zones) == "0000-01-01 00:00 UTC");
  CHECK(shown_date(kLastTimestamp, "Asia/Tokyo", zones) == date_of(kLastTimestamp));
}

TEST_CASE("the preference resolves to a zone: this device's, a named one, or UTC") {
  CHECK(effective_display_zone("", "Europe/Berlin") == "");
  CHECK(effective_display_zone("device", "Europe/Berlin") == "Europe/Berlin");
  CHECK(effective_display_zone("device", "") == "");             // the platform found none
  CHECK(effective_display_zone("device", "../etc/x") == "");     // nor a usable one
  CHECK(effective_display_zone("Asia/Tokyo", "Europe/Berlin") == "Asia/Tokyo");
  CHECK(effective_display_zone("not a zone", "Europe/Berlin") == "");
}
