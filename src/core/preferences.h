#pragma once
// Preferences of this device (not of the workspace): they stay on the
// computer or in the browser where they were chosen, so a shared or synced
// workspace never changes someone's font size. Stored as a small JSON object.
#include <string>
#include <string_view>
#include <vector>

namespace cairn {

enum class ThemeChoice { system, light, dark };
// The first day of a week in calendars (the timeline's week columns).
enum class WeekStart { monday, sunday, saturday };
inline constexpr const char* kWeekStartNames[] = {"monday", "sunday", "saturday"};
// 0 = Monday ... 6 = Sunday, the day a week starting on `start` begins with.
int first_weekday(WeekStart start);

struct Preferences {
  ThemeChoice theme = ThemeChoice::system;  // system: the browser's or the command line's choice
  float ui_scale = 1.0f;                    // text and everything else, 1 = 100 %
  WeekStart week_start = WeekStart::monday;  // ISO 8601's; Sunday in the US, Saturday in much of the Middle East
  // Times are shown in: "" UTC, "device" this device's zone, or an IANA
  // zone name ("Asia/Tokyo"). See core/display_time.h.
  std::string display_zone;
  bool operator==(const Preferences&) const = default;
};

// The UI scales a person can pick, smallest to largest.
inline constexpr float kUiScales[] = {0.85f, 1.0f, 1.15f, 1.3f, 1.5f, 1.75f, 2.0f};
inline constexpr float kMinUiScale = 0.85f;
inline constexpr float kMaxUiScale = 2.0f;

// The next step up or down from `scale` (Ctrl + / Ctrl -), within the limits.
float next_ui_scale(float scale, int direction);

std::string preferences_to_json(const Preferences& preferences);

// Reads what preferences_to_json wrote. Never fails: anything unreadable,
// unknown or out of range keeps its default and is named in `problems`.
Preferences preferences_from_json(std::string_view text, std::vector<std::string>* problems = nullptr);

}  // namespace cairn
