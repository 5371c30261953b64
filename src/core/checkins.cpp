#include "core/checkins.h"

#include <algorithm>
#include <cstdio>

namespace cairn {
namespace {

constexpr std::int64_t kMsPerDay = 86'400'000;
constexpr const char* kWeekdays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0); }

// "Fri 27 Nov" and "16:00" of the instant shifted by `offset` seconds.
struct DayTime {
  std::string day, time;
};
DayTime split(Timestamp t, std::int32_t offset) {
  const std::int64_t ms = t.ms + std::int64_t{offset} * 1000;
  const Date d{static_cast<std::int32_t>(floor_div(ms, kMsPerDay))};
  const std::int64_t minutes = (ms - std::int64_t{d.days} * kMsPerDay) / 60000;
  const std::string iso = format_date(d);  // YYYY-MM-DD
  const int month = std::stoi(iso.substr(5, 2));
  char day[24], time[8];
  std::snprintf(day, sizeof day, "%s %d %s", kWeekdays[weekday_of(d)], std::stoi(iso.substr(8, 2)), kMonths[month - 1]);
  std::snprintf(time, sizeof time, "%02d:%02d", static_cast<int>(minutes / 60), static_cast<int>(minutes % 60));
  return {day, time};
}

}  // namespace

int weekday_of(Date d) { return static_cast<int>(((std::int64_t{d.days} + 3) % 7 + 7) % 7); }  // 1970-01-01 was a Thursday

Date week_of(Date d) { return Date{d.days - weekday_of(d)}; }

Timestamp checkin_deadline(const Project& project, Date week) {
  const Date day{week_of(week).days + static_cast<std::int32_t>(std::clamp<std::int64_t>(project.checkin_weekday, 0, 6))};
  const std::int64_t hour = std::clamp<std::int64_t>(project.checkin_hour_utc, 0, 23);
  return Timestamp{std::int64_t{day.days} * kMsPerDay + hour * 3'600'000};
}

bool has_content(const CheckIn& c) { return !c.done.empty() || !c.next.empty() || !c.blockers.empty(); }

const CheckIn* checkin_of(const Workspace& ws, Id project, Id person, Date week) {
  const CheckIn* best = nullptr;
  auto size = [](const CheckIn& c) { return c.done.size() + c.next.size() + c.blockers.size(); };
  for (const Id id : ws.children_of(project)) {
    const CheckIn* c = ws.find<CheckIn>(id);
    if (!c || c->person != person || !c->week || week_of(*c->week) != week_of(week)) continue;
    if (!best || size(*c) > size(*best) || (size(*c) == size(*best) && c->id < best->id)) best = c;
  }
  return best;
}

const char* checkin_status_name(CheckInStatus status) {
  switch (status) {
    case CheckInStatus::checked_in: return "checked in";
    case CheckInStatus::late: return "checked in late";
    case CheckInStatus::missing: return "missing";
    case CheckInStatus::overdue: return "overdue";
  }
  return "";
}

std::optional<Timestamp> checked_in_at(const Workspace& ws, const CheckIn& c) {
  for (const Change& change : ws.history(c.id))
    if (change.what == "created") return change.at;
  return std::nullopt;
}

std::vector<CheckInRow> week_checkins(const Workspace& ws, Id project_id, Date week, Timestamp now) {
  std::vector<CheckInRow> rows;
  const Project* project = ws.find<Project>(project_id);
  if (!project) return rows;
  const Timestamp deadline = checkin_deadline(*project, week);
  for (const Id id : ws.children_of(project_id)) {
    const Person* person = ws.find<Person>(id);
    if (!person) continue;
    CheckInRow row;
    row.person = person;
    row.checkin = checkin_of(ws, project_id, person->id, week);
    if (row.checkin && has_content(*row.checkin)) {
      row.written_at = checked_in_at(ws, *row.checkin);
      row.status = row.written_at && *row.written_at > deadline ? CheckInStatus::late : CheckInStatus::checked_in;
    } else {
      row.status = now > deadline ? CheckInStatus::overdue : CheckInStatus::missing;
    }
    rows.push_back(row);
  }
  std::sort(rows.begin(), rows.end(), [](const CheckInRow& a, const CheckInRow& b) {
    return a.person->name != b.person->name ? a.person->name < b.person->name : a.person->id < b.person->id;
  });
  return rows;
}

std::vector<const Person*> missing_checkins(const Workspace& ws, Id project, Date week, Timestamp now) {
  std::vector<const Person*> people;
  for (const CheckInRow& row : week_checkins(ws, project, week, now))
    if (row.status == CheckInStatus::missing || row.status == CheckInStatus::overdue) people.push_back(row.person);
  return people;
}

std::vector<const Person*> late_checkins(const Workspace& ws, Id project, Date week, Timestamp now) {
  std::vector<const Person*> people;
  for (const CheckInRow& row : week_checkins(ws, project, week, now))
    if (row.status == CheckInStatus::late) people.push_back(row.person);
  return people;
}

std::string format_utc_day_time(Timestamp t) {
  const DayTime utc = split(t, 0);
  return utc.day + " " + utc.time + " UTC";
}

std::string format_in_zone(Timestamp t, const TimeZones& zones, std::string_view zone) {
  const std::optional<std::int32_t> offset = zones.offset(zone, t);
  if (!offset) return std::string(zone) + ": " + zones.problem(zone);
  const DayTime utc = split(t, 0);
  const DayTime local = split(t, *offset);
  return (local.day == utc.day ? local.time : local.day + " " + local.time) + " " + std::string(zone);
}

std::string format_deadline(Timestamp t, const TimeZones& zones, std::string_view zone) {
  std::string text = format_utc_day_time(t);
  if (zone != "UTC" && zone != "Etc/UTC" && !zone.empty()) text += " \xC2\xB7 " + format_in_zone(t, zones, zone);
  return text;
}

}  // namespace cairn
