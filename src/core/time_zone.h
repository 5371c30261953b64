#pragma once
// Time zones at the edges of the app (display only: the model stays in UTC).
// A zone is read from TZif bytes (RFC 8536, versions 1 to 4: the files of
// /usr/share/zoneinfo) by a pure parser; instants past the file's table
// follow its footer, a POSIX TZ rule such as "CET-1CEST,M3.5.0,M10.5.0/3".
// Where there are no TZif files (the browser), TimeZones asks a callback for
// the offset instead (the page's Intl.DateTimeFormat).
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"

namespace cairn {

// One local time type: its offset from UTC and whether it is summer time.
struct LocalTimeType {
  std::int32_t utc_offset = 0;  // seconds east of UTC (Berlin in winter: 3600)
  bool dst = false;
  std::string abbreviation;     // "CEST"; may be empty
  bool operator==(const LocalTimeType&) const = default;
};

// A POSIX TZ rule (the TZif footer): standard time, and optionally summer
// time between two yearly transitions.
struct PosixTzRule {
  // When a yearly transition happens: a day and a local time of that day.
  struct When {
    enum class Kind { julian_no_leap, zero_based_day, month_week_day } kind = Kind::month_week_day;
    int day = 0;                   // Jn: 1..365; n: 0..365; Mm.w.d: d, 0 = Sunday
    int month = 0, week = 0;       // Mm.w.d only; week 5 = the last
    std::int32_t seconds = 7200;   // local time of day, may be negative or past 24 h (version 3)
    bool operator==(const When&) const = default;
  };
  LocalTimeType standard;
  std::optional<LocalTimeType> summer;  // none: standard time all year
  When start, end;                      // summer time begins / ends (only with `summer`)
  bool operator==(const PosixTzRule&) const = default;
};

// Reads a POSIX TZ string ("EST5EDT,M3.2.0,M11.1.0", "<+0530>-5:30").
// An empty string is not a rule. nullopt with `error` set when malformed.
std::optional<PosixTzRule> parse_posix_tz(std::string_view text, std::string* error = nullptr);
// The local time type of a rule at an instant (seconds since 1970, UTC).
LocalTimeType posix_tz_at(const PosixTzRule& rule, std::int64_t utc_seconds);

// A zone read from TZif bytes.
class TimeZone {
 public:
  // nullopt with `error` naming the problem when the bytes are not a valid
  // TZif file (never reads past `bytes`, never allocates more than they hold).
  static std::optional<TimeZone> parse_tzif(std::span<const std::uint8_t> bytes, std::string* error = nullptr);

  // The local time type in force at an instant (seconds since 1970, UTC).
  LocalTimeType at(std::int64_t utc_seconds) const;
  LocalTimeType at(Timestamp t) const;

  int version() const { return version_; }  // 1..4
  std::size_t transition_count() const { return transitions_.size(); }
  const std::optional<PosixTzRule>& footer() const { return footer_; }

 private:
  int version_ = 1;
  std::vector<std::int64_t> transitions_;  // ascending, seconds since 1970 UTC
  std::vector<std::uint8_t> type_of_;      // per transition: index into types_
  std::vector<LocalTimeType> types_;       // at least one
  std::optional<PosixTzRule> footer_;      // for instants after the last transition
};

// An IANA zone name ("Europe/Berlin", "America/Argentina/Buenos_Aires",
// "Etc/GMT+5", "UTC"): letters, digits and . _ + - in components separated
// by '/', no empty component, none starting with '.' or '-' (so no "..",
// no absolute or hidden paths). Only such names ever reach a loader.
bool valid_zone_name(std::string_view name);

// "UTC offset of zone Z at instant T", with the zones cached once read.
// Unknown zones and malformed names answer nullopt (shown as unknown).
class TimeZones {
 public:
  // The bytes of a zone's TZif file, nullopt when there is no such zone
  // (native: a file under /usr/share/zoneinfo, see store/zoneinfo_files.h).
  using TzifLoader = std::function<std::optional<std::string>(std::string_view name)>;
  // The offset in seconds east of UTC of a zone at an instant, nullopt when
  // the zone is unknown (the browser: Intl.DateTimeFormat with timeZone).
  using OffsetQuery = std::function<std::optional<std::int32_t>(std::string_view name, Timestamp at)>;

  TimeZones() = default;  // knows only UTC
  static TimeZones from_tzif(TzifLoader loader);
  static TimeZones from_query(OffsetQuery query);

  // Seconds east of UTC, or nullopt when the zone is unknown.
  std::optional<std::int32_t> offset(std::string_view name, Timestamp at) const;
  // Why a zone is unknown ("no such zone", "malformed TZif file: ..."), or "".
  std::string problem(std::string_view name) const;

 private:
  struct Entry {
    std::optional<TimeZone> zone;
    std::string error;
  };
  const Entry& entry(std::string_view name) const;

  TzifLoader loader_;
  OffsetQuery query_;
  mutable std::map<std::string, Entry, std::less<>> cache_;  // by name, parsed once
};

// "+05:30", "-08:00", "+00:00".
std::string format_utc_offset(std::int32_t seconds);

}  // namespace cairn
