#include "core/time_zone.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace cairn {
namespace {

using namespace std::chrono;

constexpr std::int64_t kDay = 86400;

// --- POSIX TZ strings ---------------------------------------------------------

// A cursor over the TZ string; every reader returns false on a malformed part.
struct Reader {
  std::string_view s;
  std::size_t pos = 0;
  bool done() const { return pos >= s.size(); }
  char peek() const { return done() ? '\0' : s[pos]; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++pos;
    return true;
  }
  bool number(int& out, int max_digits) {
    const std::size_t start = pos;
    int value = 0;
    while (!done() && s[pos] >= '0' && s[pos] <= '9' && pos - start < static_cast<std::size_t>(max_digits))
      value = value * 10 + (s[pos++] - '0');
    out = value;
    return pos > start;
  }
};

bool is_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "CET" or "<+0530>": at least three characters.
bool read_name(Reader& r, std::string& out) {
  const std::size_t start = r.pos;
  if (r.eat('<')) {
    while (!r.done() && (is_alpha(r.peek()) || is_digit(r.peek()) || r.peek() == '+' || r.peek() == '-')) ++r.pos;
    out = std::string(r.s.substr(start + 1, r.pos - start - 1));
    return r.eat('>') && out.size() >= 3;
  }
  while (!r.done() && is_alpha(r.peek())) ++r.pos;
  out = std::string(r.s.substr(start, r.pos - start));
  return out.size() >= 3;
}

// [+-]hh[:mm[:ss]], hours up to `max_hours`; seconds, signed as written.
bool read_hms(Reader& r, std::int32_t& out, int max_hours) {
  int sign = 1;
  if (r.eat('-')) sign = -1;
  else r.eat('+');
  int h = 0, m = 0, sec = 0;
  if (!r.number(h, 3) || h > max_hours) return false;
  if (r.eat(':')) {
    if (!r.number(m, 2) || m > 59) return false;
    if (r.eat(':') && (!r.number(sec, 2) || sec > 59)) return false;
  }
  out = sign * (h * 3600 + m * 60 + sec);
  return true;
}

bool read_when(Reader& r, PosixTzRule::When& w) {
  using Kind = PosixTzRule::When::Kind;
  if (r.eat('J')) {
    w.kind = Kind::julian_no_leap;
    if (!r.number(w.day, 3) || w.day < 1 || w.day > 365) return false;
  } else if (r.eat('M')) {
    w.kind = Kind::month_week_day;
    if (!r.number(w.month, 2) || w.month < 1 || w.month > 12 || !r.eat('.')) return false;
    if (!r.number(w.week, 1) || w.week < 1 || w.week > 5 || !r.eat('.')) return false;
    if (!r.number(w.day, 1) || w.day > 6) return false;
  } else {
    w.kind = Kind::zero_based_day;
    if (!r.number(w.day, 3) || w.day > 365) return false;
  }
  w.seconds = 7200;
  // Version 3 allows -167..167 hours (a transition at "25:00" or the day before).
  if (r.eat('/') && !read_hms(r, w.seconds, 167)) return false;
  return true;
}

std::int64_t days_of(int y, unsigned m, unsigned d) {
  return sys_days{year{y} / month{m} / day{d}}.time_since_epoch().count();
}

bool leap_year(int y) { return year{y}.is_leap(); }

// The day (days since 1970) a rule's transition falls on in year `y`.
std::int64_t transition_day(const PosixTzRule::When& w, int y) {
  using Kind = PosixTzRule::When::Kind;
  const std::int64_t jan1 = days_of(y, 1, 1);
  switch (w.kind) {
    case Kind::julian_no_leap: return jan1 + w.day - 1 + ((leap_year(y) && w.day >= 60) ? 1 : 0);
    case Kind::zero_based_day: return jan1 + w.day;
    case Kind::month_week_day: {
      const std::int64_t first = days_of(y, static_cast<unsigned>(w.month), 1);
      const int first_weekday = static_cast<int>(weekday{sys_days{days{first}}}.c_encoding());  // 0 = Sunday
      std::int64_t d = first + (w.day - first_weekday + 7) % 7 + 7 * (w.week - 1);
      const auto next_month = year_month{year{y}, month{static_cast<unsigned>(w.month)}} + months{1};
      const std::int64_t month_end = sys_days{next_month / day{1}}.time_since_epoch().count();
      while (d >= month_end) d -= 7;  // week 5: the last such day of the month
      return d;
    }
  }
  return jan1;
}

int year_of(std::int64_t utc_seconds) {
  const std::int64_t day_count = utc_seconds >= 0 ? utc_seconds / kDay : -((-utc_seconds + kDay - 1) / kDay);
  return static_cast<int>(year_month_day{sys_days{days{day_count}}}.year());
}

// --- TZif ---------------------------------------------------------------------

struct Bytes {
  std::span<const std::uint8_t> data;
  std::size_t pos = 0;
  std::size_t left() const { return data.size() - pos; }
  std::uint32_t u32() {
    const std::uint32_t v = (std::uint32_t{data[pos]} << 24) | (std::uint32_t{data[pos + 1]} << 16) |
                            (std::uint32_t{data[pos + 2]} << 8) | std::uint32_t{data[pos + 3]};
    pos += 4;
    return v;
  }
  std::int64_t i64() {
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v = (v << 8) | data[pos + i];
    pos += 8;
    return static_cast<std::int64_t>(v);
  }
};

struct Header {
  int version = 1;
  std::uint32_t isutcnt = 0, isstdcnt = 0, leapcnt = 0, timecnt = 0, typecnt = 0, charcnt = 0;
  // Length of the data block that follows, with 4- or 8-byte times.
  std::uint64_t data_length(std::uint64_t time_size) const {
    return timecnt * time_size + timecnt + typecnt * 6ull + charcnt + leapcnt * (time_size + 4) + isstdcnt + isutcnt;
  }
};

bool read_header(Bytes& in, Header& h, std::string& error) {
  if (in.left() < 44) {
    error = "too short for a TZif header";
    return false;
  }
  const auto* p = in.data.data() + in.pos;
  if (p[0] != 'T' || p[1] != 'Z' || p[2] != 'i' || p[3] != 'f') {
    error = "not a TZif file (no \"TZif\" magic)";
    return false;
  }
  switch (p[4]) {
    case 0: h.version = 1; break;
    case '2': h.version = 2; break;
    case '3': h.version = 3; break;
    case '4': h.version = 4; break;
    default: error = "unknown TZif version"; return false;
  }
  in.pos += 20;
  h.isutcnt = in.u32();
  h.isstdcnt = in.u32();
  h.leapcnt = in.u32();
  h.timecnt = in.u32();
  h.typecnt = in.u32();
  h.charcnt = in.u32();
  if (h.typecnt == 0 || h.charcnt == 0) {
    error = "TZif header with no local time types or no designations";
    return false;
  }
  if ((h.isutcnt != 0 && h.isutcnt != h.typecnt) || (h.isstdcnt != 0 && h.isstdcnt != h.typecnt)) {
    error = "TZif header counts disagree";
    return false;
  }
  if (h.typecnt > 256) {  // type indices are one byte
    error = "TZif file with more than 256 local time types";
    return false;
  }
  return true;
}

}  // namespace

// --- POSIX rules ----------------------------------------------------------------

std::optional<PosixTzRule> parse_posix_tz(std::string_view text, std::string* error) {
  auto fail = [&](const char* why) -> std::optional<PosixTzRule> {
    if (error) *error = std::string("TZ rule \"") + std::string(text) + "\": " + why;
    return std::nullopt;
  };
  Reader r{text};
  PosixTzRule rule;
  std::int32_t offset = 0;
  if (!read_name(r, rule.standard.abbreviation)) return fail("no standard time name");
  if (!read_hms(r, offset, 24)) return fail("no standard offset");
  rule.standard.utc_offset = -offset;  // POSIX counts west of UTC
  if (r.done()) return rule;
  LocalTimeType summer;
  summer.dst = true;
  if (!read_name(r, summer.abbreviation)) return fail("bad summer time name");
  summer.utc_offset = rule.standard.utc_offset + 3600;
  if (!r.done() && r.peek() != ',') {
    if (!read_hms(r, offset, 24)) return fail("bad summer time offset");
    summer.utc_offset = -offset;
  }
  rule.summer = summer;
  if (r.done()) {  // no transition rule: the US rule, as tzcode assumes
    rule.start = {PosixTzRule::When::Kind::month_week_day, 0, 3, 2, 7200};
    rule.end = {PosixTzRule::When::Kind::month_week_day, 0, 11, 1, 7200};
    return rule;
  }
  if (!r.eat(',') || !read_when(r, rule.start)) return fail("bad start of summer time");
  if (!r.eat(',') || !read_when(r, rule.end)) return fail("bad end of summer time");
  if (!r.done()) return fail("unexpected characters at the end");
  return rule;
}

LocalTimeType posix_tz_at(const PosixTzRule& rule, std::int64_t t) {
  if (!rule.summer) return rule.standard;
  // std::chrono::year holds +-32767: keep far instants within it (the app's dates end at 9999).
  t = std::clamp<std::int64_t>(t, -900'000'000'000, 900'000'000'000);
  // Summer time starts at a local standard time and ends at a local summer time.
  auto start = [&](int y) { return transition_day(rule.start, y) * kDay + rule.start.seconds - rule.standard.utc_offset; };
  auto end = [&](int y) { return transition_day(rule.end, y) * kDay + rule.end.seconds - rule.summer->utc_offset; };
  const int y = year_of(t);
  // Looking at the neighbouring years too covers rules whose times spill
  // over a year's end (version 3's "J365/25") and instants near New Year.
  const bool northern = start(y) < end(y);
  bool in_summer = false;
  for (int k = y - 1; k <= y + 1 && !in_summer; ++k) {
    if (northern) in_summer = start(k) <= t && t < end(k);
    else in_summer = start(k) <= t && t < end(k + 1);
  }
  return in_summer ? *rule.summer : rule.standard;
}

// --- TZif -----------------------------------------------------------------------

std::optional<TimeZone> TimeZone::parse_tzif(std::span<const std::uint8_t> bytes, std::string* error) {
  std::string why;
  auto fail = [&](std::string message) -> std::optional<TimeZone> {
    if (error) *error = "malformed TZif file: " + message;
    return std::nullopt;
  };
  Bytes in{bytes};
  Header h;
  if (!read_header(in, h, why)) return fail(why);
  std::uint64_t time_size = 4;
  if (h.version >= 2) {
    // Skip the version 1 block: the second header's 64-bit block is complete.
    const std::uint64_t v1 = h.data_length(4);
    if (v1 > in.left()) return fail("version 1 data block is cut short");
    in.pos += static_cast<std::size_t>(v1);
    const int declared = h.version;
    if (!read_header(in, h, why)) return fail("second header: " + why);
    if (h.version != declared) return fail("the two headers give different versions");
    time_size = 8;
  }
  if (h.data_length(time_size) > in.left()) return fail("data block is cut short");

  TimeZone zone;
  zone.version_ = h.version;
  zone.transitions_.reserve(h.timecnt);
  for (std::uint32_t i = 0; i < h.timecnt; ++i) {
    const std::int64_t t = time_size == 8 ? in.i64() : static_cast<std::int32_t>(in.u32());
    if (!zone.transitions_.empty() && t <= zone.transitions_.back()) return fail("transition times are not ascending");
    zone.transitions_.push_back(t);
  }
  zone.type_of_.reserve(h.timecnt);
  for (std::uint32_t i = 0; i < h.timecnt; ++i) {
    const std::uint8_t index = in.data[in.pos++];
    if (index >= h.typecnt) return fail("transition names a local time type that does not exist");
    zone.type_of_.push_back(index);
  }
  struct RawType {
    std::int32_t offset;
    bool dst;
    std::uint8_t designation;
  };
  std::vector<RawType> raw;
  raw.reserve(h.typecnt);
  for (std::uint32_t i = 0; i < h.typecnt; ++i) {
    const auto offset = static_cast<std::int32_t>(in.u32());
    const std::uint8_t dst = in.data[in.pos++];
    const std::uint8_t designation = in.data[in.pos++];
    if (offset == INT32_MIN || offset < -89999 || offset > 93599) return fail("UTC offset out of range");
    if (dst > 1) return fail("summer time flag is neither 0 nor 1");
    if (designation >= h.charcnt) return fail("designation index out of range");
    raw.push_back({offset, dst == 1, designation});
  }
  const std::string_view chars(reinterpret_cast<const char*>(in.data.data() + in.pos), h.charcnt);
  in.pos += h.charcnt;
  for (const RawType& t : raw) {
    const std::string_view rest = chars.substr(t.designation);
    const std::size_t nul = rest.find('\0');
    if (nul == std::string_view::npos) return fail("designation is not terminated");
    zone.types_.push_back({t.offset, t.dst, std::string(rest.substr(0, nul))});
  }
  // Leap seconds and the standard/wall and UT/local indicators do not change offsets.
  in.pos += static_cast<std::size_t>(h.leapcnt * (time_size + 4) + h.isstdcnt + h.isutcnt);

  if (h.version >= 2) {
    if (in.left() < 2 || in.data[in.pos] != '\n') return fail("no footer after the data block");
    const auto* begin = reinterpret_cast<const char*>(in.data.data() + in.pos + 1);
    const std::string_view rest(begin, in.left() - 1);
    const std::size_t newline = rest.find('\n');
    if (newline == std::string_view::npos) return fail("footer is not terminated");
    const std::string_view tz = rest.substr(0, newline);
    if (!tz.empty()) {
      std::string rule_error;
      zone.footer_ = parse_posix_tz(tz, &rule_error);
      if (!zone.footer_) return fail(rule_error);
    }
  }
  return zone;
}

LocalTimeType TimeZone::at(std::int64_t t) const {
  if (transitions_.empty()) return footer_ ? posix_tz_at(*footer_, t) : types_.front();
  if (t < transitions_.front()) return types_.front();  // before the table: type 0 (RFC 8536)
  if (footer_ && t > transitions_.back()) return posix_tz_at(*footer_, t);  // past the table
  const auto it = std::upper_bound(transitions_.begin(), transitions_.end(), t);
  const auto index = static_cast<std::size_t>(it - transitions_.begin()) - 1;
  return types_[type_of_[index]];
}

LocalTimeType TimeZone::at(Timestamp t) const {
  const std::int64_t seconds = t.ms >= 0 ? t.ms / 1000 : -((-t.ms + 999) / 1000);
  return at(seconds);
}

// --- Names and the cache -----------------------------------------------------------

bool valid_zone_name(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  std::size_t start = 0;
  while (start <= name.size()) {
    const std::size_t slash = std::min(name.find('/', start), name.size());
    const std::string_view part = name.substr(start, slash - start);
    if (part.empty() || part.front() == '.' || part.front() == '-') return false;
    for (const char c : part)
      if (!is_alpha(c) && !is_digit(c) && c != '.' && c != '_' && c != '+' && c != '-') return false;
    start = slash + 1;
  }
  return true;
}

TimeZones TimeZones::from_tzif(TzifLoader loader) {
  TimeZones zones;
  zones.loader_ = std::move(loader);
  return zones;
}

TimeZones TimeZones::from_query(OffsetQuery query) {
  TimeZones zones;
  zones.query_ = std::move(query);
  return zones;
}

const TimeZones::Entry& TimeZones::entry(std::string_view name) const {
  if (const auto it = cache_.find(name); it != cache_.end()) return it->second;
  Entry e;
  if (!valid_zone_name(name)) {
    e.error = "not an IANA time zone name";
  } else if (!loader_) {
    e.error = "no time zone data here";
  } else if (const std::optional<std::string> bytes = loader_(name); !bytes) {
    e.error = "no such time zone";
  } else {
    e.zone = TimeZone::parse_tzif({reinterpret_cast<const std::uint8_t*>(bytes->data()), bytes->size()}, &e.error);
  }
  return cache_.emplace(std::string(name), std::move(e)).first->second;
}

std::optional<std::int32_t> TimeZones::offset(std::string_view name, Timestamp at) const {
  if (name == "UTC" || name == "Etc/UTC") return 0;  // known everywhere, even without data
  if (query_) {
    if (!valid_zone_name(name)) return std::nullopt;
    return query_(name, at);
  }
  const Entry& e = entry(name);
  if (!e.zone) return std::nullopt;
  return e.zone->at(at).utc_offset;
}

std::string TimeZones::problem(std::string_view name) const {
  if (name == "UTC" || name == "Etc/UTC") return {};
  if (query_) {
    if (!valid_zone_name(name)) return "not an IANA time zone name";
    return query_(name, Timestamp{}) ? std::string() : std::string("no such time zone");
  }
  return entry(name).error;
}

std::string format_utc_offset(std::int32_t seconds) {
  const char sign = seconds < 0 ? '-' : '+';
  const std::int32_t a = std::abs(seconds);
  char text[16];
  if (a % 60 != 0)
    std::snprintf(text, sizeof text, "%c%02d:%02d:%02d", sign, a / 3600, a / 60 % 60, a % 60);
  else
    std::snprintf(text, sizeof text, "%c%02d:%02d", sign, a / 3600, a / 60 % 60);
  return text;
}

}  // namespace cairn
