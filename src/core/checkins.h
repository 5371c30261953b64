#pragma once
// Weekly async check-ins: each person of a project writes done / next /
// blockers once a week, before the project's deadline (a weekday and an hour
// in UTC). Weeks begin on Monday (ISO 8601) whatever a device's calendar
// preference, so every device files a check-in under the same week.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/time.h"
#include "core/time_zone.h"
#include "core/workspace.h"

namespace cairn {

// 0 = Monday ... 6 = Sunday.
int weekday_of(Date d);
// The Monday of the week `d` belongs to.
Date week_of(Date d);

// The deadline of a week's check-ins: the project's weekday and hour, UTC.
Timestamp checkin_deadline(const Project& project, Date week);

// A check-in with something written in it (an empty one does not count).
bool has_content(const CheckIn& c);

// A person's check-in for a week (the week's Monday), or null. Should two
// exist (two devices offline), the one with the most text wins.
const CheckIn* checkin_of(const Workspace& ws, Id project, Id person, Date week);

enum class CheckInStatus {
  checked_in,  // written before the deadline (or when is unknown)
  late,        // written after the deadline
  missing,     // not written yet, the deadline is still ahead
  overdue,     // not written and the deadline has passed
};
const char* checkin_status_name(CheckInStatus status);  // "checked in", "late", ...

// When a check-in was first written: its creation in the item's history
// (unknown for check-ins imported without history).
std::optional<Timestamp> checked_in_at(const Workspace& ws, const CheckIn& c);

struct CheckInRow {
  const Person* person = nullptr;
  const CheckIn* checkin = nullptr;  // null: none yet
  CheckInStatus status = CheckInStatus::missing;
  std::optional<Timestamp> written_at;
};

// One row per person of the project (by name), for one week, seen at `now`.
std::vector<CheckInRow> week_checkins(const Workspace& ws, Id project, Date week, Timestamp now);
// The people who have not checked in for the week (missing or overdue).
std::vector<const Person*> missing_checkins(const Workspace& ws, Id project, Date week, Timestamp now);
// The people who checked in after the deadline.
std::vector<const Person*> late_checkins(const Workspace& ws, Id project, Date week, Timestamp now);

// "Fri 27 Nov 16:00 UTC".
std::string format_utc_day_time(Timestamp t);
// The same instant in a zone: "17:00 Europe/Berlin", with the day when it
// differs from the UTC day ("Sat 28 Nov 01:30 Pacific/Auckland"); the reason
// when the zone is unknown ("Mars/Olympus: no such time zone").
std::string format_in_zone(Timestamp t, const TimeZones& zones, std::string_view zone);
// "Fri 27 Nov 16:00 UTC · 17:00 Europe/Berlin" (just the UTC part for UTC).
std::string format_deadline(Timestamp t, const TimeZones& zones, std::string_view zone);

}  // namespace cairn
