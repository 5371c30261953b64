#pragma once
// Times as the person reading them wants them: in UTC, or in the time zone
// they picked in the settings (a preference of the device). The model keeps
// every instant in UTC; only the text shown and "today" follow the zone.
#include <string>
#include <string_view>

#include "core/time.h"
#include "core/time_zone.h"

namespace cairn {

// The preference's value for "the zone this device is set to" (resolved by
// the platform: the browser's Intl, the desktop's TZ or /etc/localtime).
inline constexpr std::string_view kDeviceZone = "device";

// The zone times are shown in: `preference` is "" (UTC), kDeviceZone or an
// IANA name; `device_zone` is what the platform found ("" if nothing).
std::string effective_display_zone(std::string_view preference, std::string_view device_zone);

// An instant in `zone` ("" or "UTC": UTC). An unknown zone shows UTC, so a
// time is never wrong, only less convenient.
//   format_shown_time:  "2026-11-27 18:30 UTC", "2026-11-28 03:30 UTC+09:00"
//   format_shown_clock: "18:30:05 UTC", "03:30:05 UTC+09:00"
std::string format_shown_time(Timestamp t, std::string_view zone, const TimeZones& zones);
std::string format_shown_clock(Timestamp t, std::string_view zone, const TimeZones& zones);
// The calendar day of an instant in `zone` (UTC's when the zone is unknown).
Date shown_date(Timestamp t, std::string_view zone, const TimeZones& zones);

}  // namespace cairn
