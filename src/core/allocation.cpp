#include "core/allocation.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include "core/work_calendar.h"

namespace cairn {
namespace {

int weekday(Date d) {  // 0 = Monday; 1970-01-01 was a Thursday
  const std::int64_t w = (static_cast<std::int64_t>(d.days) + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

Date week_of(Date d, int first_weekday) { return Date{d.days - (weekday(d) - first_weekday + 7) % 7}; }

}  // namespace

std::vector<WeekLoad> over_allocated_weeks(const Workspace& workspace, const ProjectPlan& plan,
                                           const Schedule& schedule, int first_weekday) {
  const WorkingDays days(plan.input.project_start, plan.input.calendar);
  std::map<std::pair<Id, std::int32_t>, WeekLoad> loads;  // (person, week) -> load
  for (const TaskSchedule& t : schedule.tasks) {
    if (t.early_finish <= t.early_start) continue;
    const Task* task = workspace.find<Task>(t.id);
    if (!task || task->assignee.nil() || task->status == TaskStatus::done) continue;
    if (!workspace.find<Person>(task->assignee)) continue;
    // Working day i covers offsets [i, i + 1).
    for (auto i = static_cast<std::int64_t>(std::floor(t.early_start)); static_cast<double>(i) < t.early_finish; ++i) {
      const double share = std::min<double>(static_cast<double>(i + 1), t.early_finish) -
                           std::max<double>(static_cast<double>(i), t.early_start);
      if (share <= 0) continue;
      const Date week = week_of(days.date_at(i), first_weekday);
      WeekLoad& load = loads[{task->assignee, week.days}];
      load.person = task->assignee;
      load.week = week;
      load.assigned_days += share;
      if (load.tasks.empty() || load.tasks.back() != t.id) load.tasks.push_back(t.id);
    }
  }
  std::vector<WeekLoad> over;
  for (auto& [key, load] : loads) {
    int working = 0;
    for (int d = 0; d < 7; ++d) working += days.is_working(Date{load.week.days + d}) ? 1 : 0;
    const Person* person = workspace.find<Person>(load.person);
    load.capacity_days = person->capacity_days_per_week * std::min(working, 5) / 5.0;
    if (load.assigned_days >= load.capacity_days + kOverloadTolerance) over.push_back(std::move(load));
  }
  std::stable_sort(over.begin(), over.end(), [&](const WeekLoad& a, const WeekLoad& b) {
    const std::string& na = workspace.find<Person>(a.person)->name;
    const std::string& nb = workspace.find<Person>(b.person)->name;
    if (na != nb) return na < nb;
    if (a.person != b.person) return a.person < b.person;
    return a.week.days < b.week.days;
  });
  return over;
}

}  // namespace cairn
