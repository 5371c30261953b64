#include "core/preferences.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>

#include "core/display_time.h"
#include "core/json_parse.h"

namespace cairn {
namespace {

constexpr const char* kThemeNames[] = {"system", "light", "dark"};

void note(std::vector<std::string>* problems, std::string text) {
  if (problems) problems->push_back(std::move(text));
}

}  // namespace

int first_weekday(WeekStart start) {
  switch (start) {
    case WeekStart::monday: return 0;
    case WeekStart::sunday: return 6;
    case WeekStart::saturday: return 5;
  }
  return 0;
}

float next_ui_scale(float scale, int direction) {
  if (direction > 0) {
    for (const float s : kUiScales)
      if (s > scale + 0.001f) return s;
    return kMaxUiScale;
  }
  for (auto it = std::rbegin(kUiScales); it != std::rend(kUiScales); ++it)
    if (*it < scale - 0.001f) return *it;
  return kMinUiScale;
}

std::string preferences_to_json(const Preferences& p) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  w.Key("theme");
  w.String(kThemeNames[static_cast<int>(p.theme)]);
  w.Key("uiScale");
  w.Double(std::round(static_cast<double>(p.ui_scale) * 100.0) / 100.0);  // 1.3, not 1.2999999523
  w.Key("weekStart");
  w.String(kWeekStartNames[static_cast<int>(p.week_start)]);
  w.Key("displayZone");
  w.String(p.display_zone.c_str(), static_cast<rapidjson::SizeType>(p.display_zone.size()));
  w.EndObject();
  return buffer.GetString();
}

Preferences preferences_from_json(std::string_view text, std::vector<std::string>* problems) {
  Preferences p;
  if (text.empty()) return p;
  rapidjson::Document doc;
  std::size_t offset = 0;
  if (std::string error = parse_json(text, doc, offset); !error.empty()) {
    note(problems, "the saved preferences are not JSON (" + error + "); the defaults are used");
    return p;
  }
  if (!doc.IsObject()) {
    note(problems, "the saved preferences are not a JSON object; the defaults are used");
    return p;
  }
  if (const auto it = doc.FindMember("theme"); it != doc.MemberEnd()) {
    bool known = false;
    for (int i = 0; i < 3; ++i)
      if (it->value.IsString() && std::string_view(it->value.GetString()) == kThemeNames[i]) {
        p.theme = static_cast<ThemeChoice>(i);
        known = true;
      }
    if (!known) note(problems, "unknown theme in the saved preferences");
  }
  if (const auto it = doc.FindMember("weekStart"); it != doc.MemberEnd()) {
    bool known = false;
    for (int i = 0; i < 3; ++i)
      if (it->value.IsString() && std::string_view(it->value.GetString()) == kWeekStartNames[i]) {
        p.week_start = static_cast<WeekStart>(i);
        known = true;
      }
    if (!known) note(problems, "unknown first day of the week in the saved preferences");
  }
  if (const auto it = doc.FindMember("displayZone"); it != doc.MemberEnd()) {
    const std::string_view zone = it->value.IsString() ? std::string_view(it->value.GetString(), it->value.GetStringLength())
                                                       : std::string_view("?");
    if (zone.empty() || zone == kDeviceZone || valid_zone_name(zone))
      p.display_zone = std::string(zone);
    else
      note(problems, "the saved time zone is not a zone name; times show in UTC");
  }
  if (const auto it = doc.FindMember("uiScale"); it != doc.MemberEnd()) {
    const double scale = it->value.IsNumber() ? it->value.GetDouble() : NAN;
    if (std::isfinite(scale) && scale >= kMinUiScale - 1e-6 && scale <= kMaxUiScale + 1e-6)
      p.ui_scale = static_cast<float>(scale);
    else
      note(problems, "the saved text size is not between 85 % and 200 %");
  }
  return p;
}

}  // namespace cairn
