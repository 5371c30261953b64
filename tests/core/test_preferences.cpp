#include <doctest/doctest.h>

#include "core/preferences.h"

using namespace cairn;

TEST_CASE("preferences survive their JSON form") {
  Preferences p;
  p.theme = ThemeChoice::dark;
  p.ui_scale = 1.5f;
  std::vector<std::string> problems;
  CHECK(preferences_from_json(preferences_to_json(p), &problems) == p);
  CHECK(problems.empty());
  CHECK(preferences_from_json("", &problems) == Preferences{});  // nothing saved yet
  p.ui_scale = 1.3f;
  CHECK(preferences_to_json(p) == R"({"theme":"dark","uiScale":1.3,"weekStart":"monday","displayZone":""})");
  for (const WeekStart start : {WeekStart::monday, WeekStart::sunday, WeekStart::saturday}) {
    p.week_start = start;
    CHECK(preferences_from_json(preferences_to_json(p), &problems) == p);
  }
  CHECK(problems.empty());
  // Saved before weeks could start elsewhere: Monday.
  CHECK(preferences_from_json(R"({"theme":"dark","uiScale":1.3})").week_start == WeekStart::monday);
  const Preferences odd = preferences_from_json(R"({"weekStart":"friday"})", &problems);
  CHECK(odd.week_start == WeekStart::monday);
  CHECK(problems.size() == 1);
}

TEST_CASE("the display time zone: UTC, this device's, or an IANA name; anything else is refused") {
  std::vector<std::string> problems;
  for (const char* zone : {"", "device", "Asia/Tokyo", "America/Argentina/Buenos_Aires", "Etc/GMT+5"}) {
    Preferences p;
    p.display_zone = zone;
    CHECK(preferences_from_json(preferences_to_json(p), &problems) == p);
  }
  CHECK(problems.empty());
  // Saved before there was a choice: UTC.
  CHECK(preferences_from_json(R"({"theme":"dark"})").display_zone.empty());
  for (const char* bad : {R"({"displayZone":"../../etc/passwd"})", R"({"displayZone":42})", R"({"displayZone":"/etc/localtime"})"}) {
    problems.clear();
    const Preferences p = preferences_from_json(bad, &problems);
    CHECK(p.display_zone.empty());
    CHECK(problems.size() == 1);
  }
}

TEST_CASE("a week starting on Monday, Sunday or Saturday begins on that weekday (0 = Monday)") {
  CHECK(first_weekday(WeekStart::monday) == 0);
  CHECK(first_weekday(WeekStart::sunday) == 6);
  CHECK(first_weekday(WeekStart::saturday) == 5);
}

TEST_CASE("unreadable preferences keep the defaults and say what was wrong") {
  for (const char* text : {"{", "[1,2]", "null", "\"dark\""}) {
    std::vector<std::string> problems;
    CHECK(preferences_from_json(text, &problems) == Preferences{});
    CHECK(problems.size() == 1);
  }
  std::vector<std::string> problems;
  const Preferences p = preferences_from_json(R"({"theme":"neon","uiScale":9,"extra":true})", &problems);
  CHECK(p == Preferences{});
  CHECK(problems.size() == 2);
  problems.clear();
  // One bad value does not lose the good one.
  CHECK(preferences_from_json(R"({"theme":"light","uiScale":"big"})", &problems).theme == ThemeChoice::light);
  CHECK(problems.size() == 1);
}

TEST_CASE("text size steps up and down through the offered sizes and stops at the ends") {
  CHECK(next_ui_scale(1.0f, +1) == doctest::Approx(1.15));
  CHECK(next_ui_scale(1.0f, -1) == doctest::Approx(0.85));
  CHECK(next_ui_scale(2.0f, +1) == doctest::Approx(2.0));
  CHECK(next_ui_scale(0.85f, -1) == doctest::Approx(0.85));
  CHECK(next_ui_scale(1.2f, +1) == doctest::Approx(1.3));  // between steps: the next one
  CHECK(next_ui_scale(1.2f, -1) == doctest::Approx(1.15));
}
