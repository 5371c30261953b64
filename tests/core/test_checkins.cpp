#include <doctest/doctest.h>

#include "core/checkins.h"
#include "core/command_stack.h"

using namespace cairn;
using namespace std::string_literals;

namespace {

Date day(const char* iso) { return parse_date(iso).value(); }
Timestamp at(const char* iso) { return parse_timestamp(iso).value(); }

// A project with three people; commands go through a CommandStack whose
// clock the test sets, so "when was it written" is known.
struct Team {
  Workspace ws;
  IdSource ids{77};
  Timestamp now = at("2026-11-25T09:00:00Z");
  CommandStack stack{ws, "test", [this] { return now; }};
  Id project = make("project", {}, {{"name", "Churn model"s}});
  Id ana = make("person", project, {{"name", "Ana"s}, {"time_zone", "Europe/Berlin"s}});
  Id ben = make("person", project, {{"name", "Ben"s}, {"time_zone", "America/Los_Angeles"s}});
  Id chitra = make("person", project, {{"name", "Chitra"s}, {"time_zone", "Asia/Kolkata"s}});

  Id make(const char* kind, Id parent, std::vector<std::pair<std::string, Value>> fields) {
    const Id id = ids.next();
    Command c;
    c.ops.push_back(CreateItem{kind, id, parent, std::move(fields)});
    const ApplyResult r = stack.exec(c);
    REQUIRE_MESSAGE(r.ok, r.error);
    return id;
  }
  Id check_in(Id person, Date week, const char* done) {
    return make("check_in", project, {{"person", person}, {"week", week}, {"done", std::string(done)}});
  }
  const Project& p() const { return *ws.find<Project>(project); }
};

std::vector<std::string> names(const std::vector<const Person*>& people) {
  std::vector<std::string> out;
  for (const Person* p : people) out.push_back(p->name);
  return out;
}

}  // namespace

TEST_CASE("check-ins: weeks begin on Monday, across months and years") {
  CHECK(weekday_of(day("2026-11-23")) == 0);  // a Monday
  CHECK(weekday_of(day("2026-11-29")) == 6);  // a Sunday
  CHECK(weekday_of(day("1970-01-01")) == 3);  // a Thursday
  CHECK(weekday_of(day("1969-12-29")) == 0);  // before 1970 too
  CHECK(week_of(day("2026-11-23")) == day("2026-11-23"));
  CHECK(week_of(day("2026-11-29")) == day("2026-11-23"));
  CHECK(week_of(day("2026-11-30")) == day("2026-11-30"));
  CHECK(week_of(day("2027-01-01")) == day("2026-12-28"));  // a Friday: the week began in the old year
  CHECK(week_of(day("2028-03-01")) == day("2028-02-28"));  // across a leap day
}

TEST_CASE("check-ins: the deadline is the project's weekday and hour in UTC") {
  Team t;
  CHECK(checkin_deadline(t.p(), day("2026-11-23")) == at("2026-11-27T16:00:00Z"));  // default: Friday 16:00
  CHECK(checkin_deadline(t.p(), day("2026-11-26")) == at("2026-11-27T16:00:00Z"));  // any day of the week
  Command c;
  c.ops.push_back(SetField{t.project, "checkin_weekday", std::int64_t{0}});
  c.ops.push_back(SetField{t.project, "checkin_hour_utc", std::int64_t{9}});
  REQUIRE(t.stack.exec(c).ok);
  CHECK(checkin_deadline(t.p(), day("2026-11-29")) == at("2026-11-23T09:00:00Z"));
  Command bad;
  bad.ops.push_back(SetField{t.project, "checkin_weekday", std::int64_t{7}});
  CHECK_FALSE(t.stack.exec(bad).ok);  // out of range: refused, nothing changed
  CHECK(t.p().checkin_weekday == 0);
}

TEST_CASE("check-ins: who has checked in, who is missing, who was late") {
  Team t;
  const Date week = day("2026-11-23");
  t.check_in(t.ana, day("2026-11-24"), "Labelled 2k images");  // filed under the week's Monday by the day
  t.now = at("2026-11-27T16:30:00Z");  // half an hour after the deadline
  t.check_in(t.ben, week, "Trained the baseline");
  t.make("check_in", t.project, {{"person", t.chitra}, {"week", week}});  // empty: does not count

  const auto rows = week_checkins(t.ws, t.project, week, t.now);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].person->name == "Ana");
  CHECK(rows[0].status == CheckInStatus::checked_in);
  CHECK(rows[0].written_at == at("2026-11-25T09:00:00Z"));
  CHECK(rows[1].status == CheckInStatus::late);
  CHECK(rows[2].status == CheckInStatus::overdue);
  CHECK(names(missing_checkins(t.ws, t.project, week, t.now)) == std::vector<std::string>{"Chitra"});
  CHECK(names(late_checkins(t.ws, t.project, week, t.now)) == std::vector<std::string>{"Ben"});

  // Before the deadline, someone who has not checked in is missing, not overdue.
  const auto early = week_checkins(t.ws, t.project, week, at("2026-11-27T15:59:00Z"));
  CHECK(early[2].status == CheckInStatus::missing);
  // Next week nobody has checked in yet.
  CHECK(missing_checkins(t.ws, t.project, day("2026-11-30"), t.now).size() == 3);
  // A check-in of another project's person never shows here.
  const Id other = t.make("project", {}, {{"name", "Other"s}});
  t.make("check_in", other, {{"person", t.ana}, {"week", week}, {"done", "x"s}});
  CHECK(checkin_of(t.ws, t.project, t.ana, week)->done == "Labelled 2k images");
  CHECK(week_checkins(t.ws, other, week, t.now).empty());
}

TEST_CASE("check-ins: the deadline in each person's zone, across a DST change") {
  // The zones as POSIX rules (the same as the tz database's for these years).
  TimeZones zones = TimeZones::from_query([](std::string_view name, Timestamp when) -> std::optional<std::int32_t> {
    const char* rule = name == "Europe/Berlin"         ? "CET-1CEST,M3.5.0,M10.5.0/3"
                       : name == "America/Los_Angeles" ? "PST8PDT,M3.2.0,M11.1.0"
                       : name == "Asia/Kolkata"        ? "IST-5:30"
                       : name == "Pacific/Auckland"    ? "NZST-12NZDT,M9.5.0,M4.1.0/3"
                                                       : nullptr;
    if (!rule) return std::nullopt;
    return posix_tz_at(parse_posix_tz(rule).value(), when.ms / 1000).utc_offset;
  });
  Team t;
  // Berlin moves to summer time on 29 March 2026: the UTC deadline stays, its local hour moves.
  const Timestamp before = checkin_deadline(t.p(), day("2026-03-23"));
  const Timestamp after = checkin_deadline(t.p(), day("2026-03-30"));
  CHECK(after.ms - before.ms == 7LL * 24 * 3600 * 1000);
  CHECK(format_deadline(before, zones, "Europe/Berlin") == "Fri 27 Mar 16:00 UTC \xC2\xB7 17:00 Europe/Berlin");
  CHECK(format_deadline(after, zones, "Europe/Berlin") == "Fri 3 Apr 16:00 UTC \xC2\xB7 18:00 Europe/Berlin");
  // Los Angeles changed on 8 March.
  CHECK(format_in_zone(checkin_deadline(t.p(), day("2026-03-02")), zones, "America/Los_Angeles") == "08:00 America/Los_Angeles");
  CHECK(format_in_zone(checkin_deadline(t.p(), day("2026-03-09")), zones, "America/Los_Angeles") == "09:00 America/Los_Angeles");
  CHECK(format_in_zone(checkin_deadline(t.p(), day("2026-11-23")), zones, "Asia/Kolkata") == "21:30 Asia/Kolkata");
  // The local day differs: it is named.
  CHECK(format_in_zone(checkin_deadline(t.p(), day("2026-11-23")), zones, "Pacific/Auckland") ==
        "Sat 28 Nov 05:00 Pacific/Auckland");
  CHECK(format_deadline(checkin_deadline(t.p(), day("2026-11-23")), zones, "UTC") == "Fri 27 Nov 16:00 UTC");
  CHECK(format_deadline(checkin_deadline(t.p(), day("2026-11-23")), zones, "Mars/Olympus") ==
        "Fri 27 Nov 16:00 UTC \xC2\xB7 Mars/Olympus: no such time zone");
}

TEST_CASE("check-ins: typing a new check-in is one undo step, and redo brings all of it back") {
  Team t;
  const Date week = day("2026-11-23");
  const std::size_t steps_before = t.ws.all<CheckIn>().size();
  const Id id = t.ids.next();
  const std::string key = "checkin/done";
  // The first keystroke creates the check-in, the next ones set its text (as the view does).
  Command first;
  first.ops.push_back(CreateItem{"check_in", id, t.project, {{"person", t.ana}, {"week", week}, {"done", "L"s}}});
  REQUIRE(t.stack.exec(first, key).ok);
  for (const char* text : {"La", "Lab", "Labelled"}) {
    Command c;
    c.ops.push_back(SetField{id, "done", std::string(text)});
    REQUIRE(t.stack.exec(c, key).ok);
  }
  CHECK(t.ws.find<CheckIn>(id)->done == "Labelled");
  REQUIRE(t.stack.undo().ok);
  CHECK(t.ws.all<CheckIn>().size() == steps_before);  // one undo removed the whole check-in
  REQUIRE(t.stack.redo().ok);
  REQUIRE(t.ws.find<CheckIn>(id) != nullptr);
  CHECK(t.ws.find<CheckIn>(id)->done == "Labelled");
  REQUIRE(t.stack.undo().ok);  // and again: still one step
  CHECK(t.ws.find<CheckIn>(id) == nullptr);
  // The step before (the people) is untouched.
  CHECK(t.ws.find<Person>(t.chitra) != nullptr);
}
