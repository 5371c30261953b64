#pragma once
#include <cstdint>
#include <string>
#include <optional>
#include <string_view>

#include "core/preferences.h"
#include "core/time.h"
#include "core/time_zone.h"

#include "ui/theme.h"

namespace cairn::ui {

// What the settings view shows about the store (filled by the App from
// store::Storage::usage()).
struct StorageFacts {
  std::string_view location;
  std::string_view persistence;
  std::string_view save_status;
  std::int64_t used_bytes = -1;  // -1: not known
  std::int64_t quota_bytes = -1;
  std::uint64_t generation = 0;
};

// A change of this device's preferences asked for this frame.
struct SettingsChoice {
  std::optional<ThemeChoice> theme;
  std::optional<float> ui_scale;
  std::optional<WeekStart> week_start;
  std::optional<std::string> display_zone;  // "", "device" or an IANA name
};

// `preferences` with what was chosen this frame (the App and the UI tests'
// harness both apply a choice so).
Preferences with_choice(Preferences preferences, const SettingsChoice& choice);

// The zone name being typed in the settings (kept between frames, and
// while it is not a zone yet).
struct ZoneField {
  char text[64] = "";
  bool loaded = false;  // filled from the preference once
};

// What the settings show about time zones.
struct ClockFacts {
  std::string_view device_zone;      // this device's zone ("" when unknown)
  const TimeZones* zones = nullptr;  // to check a typed zone and preview it; null: UTC only
  Timestamp now;
};

// The settings window (View > Settings): theme, text size and storage.
// What is picked goes into `choice`, the frame's one record of preference
// changes (menus and shortcuts write there too). Draws nothing when `open`
// is false; the window's close button clears it.
void draw_settings(bool& open, const Preferences& preferences, const StorageFacts& storage, const ClockFacts& clock,
                   ZoneField& zone_field, SettingsChoice& choice);

// "1.4 MB", "812 KB", "17 bytes".
std::string format_bytes(std::int64_t bytes);

}  // namespace cairn::ui
