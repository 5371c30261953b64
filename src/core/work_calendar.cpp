#include "core/work_calendar.h"

#include <algorithm>

namespace cairn {
namespace {

// 1969-12-29, a Monday: weekday arithmetic counts whole weeks from here.
constexpr std::int64_t kReferenceMonday = -3;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

bool is_weekend(std::int64_t day) {
  const std::int64_t x = day - kReferenceMonday;
  return x - 7 * floor_div(x, 7) >= 5;  // 0 = Monday ... 6 = Sunday
}

}  // namespace

WorkingDays::WorkingDays(Date project_start, const WorkCalendar& calendar) : skip_weekends_(calendar.skip_weekends) {
  holidays_.reserve(calendar.holidays.size());
  for (const Date d : calendar.holidays)
    if (!skip_weekends_ || !is_weekend(d.days)) holidays_.push_back(d.days);
  std::sort(holidays_.begin(), holidays_.end());
  holidays_.erase(std::unique(holidays_.begin(), holidays_.end()), holidays_.end());
  origin_ordinal_ = ordinal(project_start.days);
}

// Mondays to Fridays (or all days) in [reference, day), negative before it.
std::int64_t WorkingDays::weekdays_before(std::int64_t day) const {
  const std::int64_t x = day - kReferenceMonday;
  if (!skip_weekends_) return x;
  const std::int64_t weeks = floor_div(x, 7);
  return 5 * weeks + std::min<std::int64_t>(x - 7 * weeks, 5);
}

// The weekday with `ordinal` weekdays before it: the inverse of weekdays_before.
std::int64_t WorkingDays::weekday_at(std::int64_t ordinal) const {
  if (!skip_weekends_) return kReferenceMonday + ordinal;
  const std::int64_t weeks = floor_div(ordinal, 5);
  return kReferenceMonday + 7 * weeks + (ordinal - 5 * weeks);
}

std::int64_t WorkingDays::ordinal(std::int64_t day) const {
  const auto holidays_before = std::lower_bound(holidays_.begin(), holidays_.end(), day) - holidays_.begin();
  return weekdays_before(day) - holidays_before;
}

bool WorkingDays::is_working(Date day) const {
  if (skip_weekends_ && is_weekend(day.days)) return false;
  return !std::binary_search(holidays_.begin(), holidays_.end(), day.days);
}

// The working day D with ordinal(D) == m satisfies D = weekday_at(m + h)
// where h counts the holidays up to D. Iterating h from 0 climbs
// monotonically to the smallest such h, which is the answer (a holiday can
// never be that fixed point); it takes a step per cluster of holidays crossed.
Date WorkingDays::date_at(std::int64_t index) const {
  const std::int64_t m = origin_ordinal_ + index;
  std::int64_t h = 0;
  for (;;) {
    const std::int64_t day = weekday_at(m + h);
    const std::int64_t next = std::upper_bound(holidays_.begin(), holidays_.end(), day) - holidays_.begin();
    if (next == h) return Date{static_cast<std::int32_t>(day)};
    h = next;
  }
}

std::int64_t WorkingDays::index_of(Date day) const { return ordinal(day.days) - origin_ordinal_; }

std::int64_t WorkingDays::working_days_through(Date day) const {
  return std::max<std::int64_t>(0, index_of(Date{day.days + 1}));
}

}  // namespace cairn
