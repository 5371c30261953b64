#pragma once
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cairn {

// An instant, stored in UTC as milliseconds since 1970-01-01T00:00:00Z.
// Time zones only exist at the edges (display, input), never in the model.
struct Timestamp {
  std::int64_t ms = 0;
  auto operator<=>(const Timestamp&) const = default;

  template <class Archive>
  void serialize(Archive& archive, std::uint32_t /*version*/) {
    archive(ms);
  }
};

// A calendar day without a time of day (due dates, sprint bounds), stored as
// days since 1970-01-01. "Unset" is a separate optional, never a magic value.
struct Date {
  std::int32_t days = 0;
  auto operator<=>(const Date&) const = default;

  template <class Archive>
  void serialize(Archive& archive, std::uint32_t /*version*/) {
    archive(days);
  }
};

// The days the ISO forms below can write and read back: 0000-01-01 to
// 9999-12-31. Dates outside are refused wherever they enter.
inline constexpr Date kFirstDate{-719528};
inline constexpr Date kLastDate{2932896};
inline constexpr Timestamp kFirstTimestamp{-62167219200000};  // 0000-01-01T00:00:00Z
inline constexpr Timestamp kLastTimestamp{253402300799999};   // 9999-12-31T23:59:59.999Z

// ISO 8601 in UTC with milliseconds: "2026-11-26T15:42:07.250Z".
std::string format_timestamp(Timestamp t);
// Accepts "YYYY-MM-DDTHH:MM:SS[.mmm]Z" and "+HH:MM"/"-HH:MM" offsets.
std::optional<Timestamp> parse_timestamp(std::string_view text);

// "2026-11-26".
std::string format_date(Date d);
std::optional<Date> parse_date(std::string_view text);

Date date_of(Timestamp t);  // the UTC calendar day of an instant

}  // namespace cairn
