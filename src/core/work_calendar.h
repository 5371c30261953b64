#pragma once
#include <cstdint>
#include <vector>

#include "core/time.h"

namespace cairn {

// Which days are worked: Monday to Friday (or every day) minus holidays.
struct WorkCalendar {
  bool skip_weekends = true;   // Saturdays and Sundays are not worked
  std::vector<Date> holidays;  // any order; duplicates and weekend days are harmless
};

// Working days counted from a project start: working day 0 is the first
// working day on or after the start. Every conversion is O(log holidays), so
// a schedule of 100k tasks converts its dates without walking the calendar.
class WorkingDays {
 public:
  WorkingDays() : WorkingDays(Date{}, WorkCalendar{}) {}
  WorkingDays(Date project_start, const WorkCalendar& calendar);

  Date origin() const { return date_at(0); }
  bool is_working(Date day) const;
  // The date of working day `index`; negative indexes count back before the origin.
  Date date_at(std::int64_t index) const;
  // The index of the first working day on or after `day` (so a Saturday maps
  // to the following Monday; days before the origin give indexes <= 0).
  std::int64_t index_of(Date day) const;
  // How many working days lie in [origin, day]; 0 when day < origin.
  std::int64_t working_days_through(Date day) const;

 private:
  std::int64_t weekdays_before(std::int64_t day) const;
  std::int64_t weekday_at(std::int64_t ordinal) const;
  std::int64_t ordinal(std::int64_t day) const;  // working days before `day`, from a fixed reference

  bool skip_weekends_ = true;
  std::vector<std::int32_t> holidays_;  // sorted, unique, working weekdays only
  std::int64_t origin_ordinal_ = 0;
};

}  // namespace cairn
