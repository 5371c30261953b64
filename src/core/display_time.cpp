#include "core/display_time.h"

#include <optional>

namespace cairn {
namespace {

bool is_utc(std::string_view zone) { return zone.empty() || zone == "UTC" || zone == "Etc/UTC"; }

std::optional<std::int32_t> offset_in(Timestamp t, std::string_view zone, const TimeZones& zones) {
  if (is_utc(zone)) return std::nullopt;
  return zones.offset(zone, t);
}

// "2026-11-28T03:30:05.000Z" of the local wall clock, and its label.
struct Local {
  std::string iso;
  std::string label;
};

Local local_of(Timestamp t, std::string_view zone, const TimeZones& zones) {
  const std::optional<std::int32_t> offset = offset_in(t, zone, zones);
  if (!offset || *offset == 0) {
    // A zone at +00:00 (London in winter) is still its own zone: say so.
    return {format_timestamp(t), offset ? "UTC+00:00" : "UTC"};
  }
  const Timestamp local{t.ms + std::int64_t{*offset} * 1000};
  if (local < kFirstTimestamp || local > kLastTimestamp) return {format_timestamp(t), "UTC"};
  return {format_timestamp(local), "UTC" + format_utc_offset(*offset)};
}

}  // namespace

std::string effective_display_zone(std::string_view preference, std::string_view device_zone) {
  if (preference == kDeviceZone) return valid_zone_name(device_zone) ? std::string(device_zone) : std::string();
  return valid_zone_name(preference) ? std::string(preference) : std::string();
}

std::string format_shown_time(Timestamp t, std::string_view zone, const TimeZones& zones) {
  const Local l = local_of(t, zone, zones);
  return l.iso.substr(0, 10) + " " + l.iso.substr(11, 5) + " " + l.label;
}

std::string format_shown_clock(Timestamp t, std::string_view zone, const TimeZones& zones) {
  const Local l = local_of(t, zone, zones);
  return l.iso.substr(11, 8) + " " + l.label;
}

Date shown_date(Timestamp t, std::string_view zone, const TimeZones& zones) {
  const std::optional<std::int32_t> offset = offset_in(t, zone, zones);
  const Timestamp local{t.ms + std::int64_t{offset.value_or(0)} * 1000};
  return date_of(local < kFirstTimestamp || local > kLastTimestamp ? t : local);
}

}  // namespace cairn
