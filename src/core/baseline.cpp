#include "core/baseline.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "core/estimate.h"
#include "core/schedule_input.h"
#include "core/timeline_input.h"
#include "core/timeline_layout.h"

namespace cairn {
namespace {

std::string title_of(const Workspace& ws, Id task) {
  const Task* t = ws.find<Task>(task);
  return t && !t->title.empty() ? t->title : std::string("(untitled)");
}

std::string days_text(std::int64_t days) {
  return std::to_string(days) + (days == 1 || days == -1 ? " working day" : " working days");
}

// "'Label 5k calls' slipped 4 working days, 'Train v1' 2": the tasks that
// slipped most, at most `max_tasks`.
std::string slipped_tasks_text(const Workspace& ws, const BaselineVariance& v, std::size_t max_tasks) {
  std::string text;
  std::size_t named = 0, slipped = 0;
  for (const TaskVariance& t : v.tasks) {
    if (t.finish_slip <= 0) break;  // sorted: the rest did not slip
    ++slipped;
    if (named == max_tasks) continue;
    text += (named == 0 ? "'" : ", '") + title_of(ws, t.task) + "' " +
            (named == 0 ? "slipped " + days_text(t.finish_slip) : std::to_string(t.finish_slip));
    ++named;
  }
  if (slipped > named) text += " and " + std::to_string(slipped - named) + " more";
  return text;
}

std::string ids_text(const Workspace& ws, const std::vector<Id>& ids, std::size_t max_tasks) {
  std::string text;
  for (std::size_t i = 0; i < ids.size() && i < max_tasks; ++i) text += (i ? ", '" : "'") + title_of(ws, ids[i]) + "'";
  if (ids.size() > max_tasks) text += " and " + std::to_string(ids.size() - max_tasks) + " more";
  return text;
}

}  // namespace

PlannedDates planned_dates(const Workspace& workspace, Id project, Date today) {
  const ProjectPlan plan = schedule_input_from(workspace, project, CalendarOptions{today, {}});
  return planned_dates(workspace, project, compute_schedule(plan.input));
}

PlannedDates planned_dates(const Workspace& workspace, Id project, const Schedule& schedule) {
  // The timeline's own rule for where a bar goes, so ghost bars line up.
  const std::vector<TimelineTask> tasks = timeline_tasks_from(workspace, project);
  const TimelineLayout layout = layout_timeline(tasks, schedule, TimelineGrouping::order);
  PlannedDates out;
  out.tasks.reserve(layout.bars.size());
  for (const TimelineBar& bar : layout.bars) {  // order grouping: one row per task, in project order
    PlannedTask p;
    p.task = bar.task;
    p.finish = Date{bar.end - 1};  // bars end the day after; a milestone's bar is empty, at the end of its day
    p.start = (bar.flags & bar_flags::milestone) ? p.finish : Date{bar.start};
    if (const Task* t = workspace.find<Task>(bar.task)) p.estimate_days = estimate_of(workspace, *t).buffered_days;
    if (!out.finish || p.finish > *out.finish) out.finish = p.finish;
    out.tasks.push_back(p);
  }
  return out;
}

Command save_baseline_command(Id project, const PlannedDates& plan, std::string name, Timestamp now, IdSource& ids,
                              Id* created) {
  Command c;
  c.label = "Save baseline";
  const Id baseline = ids.next();
  if (created) *created = baseline;
  c.ops.reserve(plan.tasks.size() + 1);
  c.ops.push_back(create_op<Baseline>(baseline, project,
                                      {{field::baseline::name, std::move(name)},
                                       {field::baseline::taken_at, now},
                                       {field::baseline::finish, plan.finish ? Value{*plan.finish} : Value{Null{}}}}));
  for (const PlannedTask& t : plan.tasks) {
    c.ops.push_back(create_op<BaselineTask>(
        ids.next(), baseline,
        {{field::baseline_task::task, t.task},
         {field::baseline_task::start, t.start},
         {field::baseline_task::finish, t.finish},
         {field::baseline_task::estimate_days, t.estimate_days ? Value{*t.estimate_days} : Value{Null{}}}}));
  }
  return c;
}

std::string next_baseline_name(const Workspace& workspace, Id project, Date today) {
  const std::string base = "Baseline " + format_date(today);
  std::unordered_set<std::string> taken;
  for (const Baseline* b : baselines_of(workspace, project)) taken.insert(b->name);
  std::string name = base;
  for (int n = 2; taken.count(name); ++n) name = base + " (" + std::to_string(n) + ")";
  return name;
}

std::vector<const Baseline*> baselines_of(const Workspace& workspace, Id project) {
  std::vector<const Baseline*> out;
  for (const Id id : workspace.children_of(project))
    if (const Baseline* b = workspace.find<Baseline>(id)) out.push_back(b);
  std::sort(out.begin(), out.end(), [](const Baseline* a, const Baseline* b) {
    return a->taken_at != b->taken_at ? a->taken_at > b->taken_at : a->id < b->id;
  });
  return out;
}

std::int64_t working_days_slip(Date from, Date to, const WorkCalendar& calendar) {
  const WorkingDays days(std::min(from, to), calendar);
  return days.index_of(to) - days.index_of(from);
}

BaselineVariance variance(const Workspace& workspace, Id baseline, const PlannedDates& now,
                          const WorkCalendar& calendar) {
  BaselineVariance v;
  v.baseline = baseline;
  const Baseline* b = workspace.find<Baseline>(baseline);
  if (!b) return v;
  std::unordered_map<Id, const BaselineTask*> then;
  for (const Id id : workspace.children_of(baseline))
    if (const BaselineTask* t = workspace.find<BaselineTask>(id); t && t->start && t->finish) then.emplace(t->task, t);

  std::unordered_set<Id> planned_now;
  for (const PlannedTask& p : now.tasks) {
    planned_now.insert(p.task);
    const auto it = then.find(p.task);
    if (it == then.end()) {
      v.added.push_back(p.task);
      continue;
    }
    const BaselineTask& was = *it->second;
    v.tasks.push_back({p.task, *was.start, *was.finish, p.start, p.finish, working_days_slip(*was.start, p.start, calendar),
                       working_days_slip(*was.finish, p.finish, calendar)});
  }
  std::sort(v.tasks.begin(), v.tasks.end(), [](const TaskVariance& x, const TaskVariance& y) {
    return x.finish_slip != y.finish_slip ? x.finish_slip > y.finish_slip : x.task < y.task;
  });
  for (const auto& [task, record] : then) {
    if (planned_now.count(task)) continue;
    const Task* t = workspace.find<Task>(task);
    (t && t->parent == b->parent ? v.unplanned : v.removed).push_back(task);
  }
  std::sort(v.removed.begin(), v.removed.end());  // the map's order is not stable
  std::sort(v.unplanned.begin(), v.unplanned.end());

  v.baseline_finish = b->finish;
  v.finish = now.finish;
  if (v.baseline_finish && v.finish) v.finish_slip = working_days_slip(*v.baseline_finish, *v.finish, calendar);
  return v;
}

BaselineVariance variance(const Workspace& workspace, Id project, Id baseline, Date today) {
  return variance(workspace, baseline, planned_dates(workspace, project, today));
}

std::vector<std::string> describe_variance(const Workspace& workspace, const BaselineVariance& v,
                                           std::size_t max_tasks) {
  std::vector<std::string> lines;
  const Baseline* b = workspace.find<Baseline>(v.baseline);
  if (!b) return lines;
  const std::string of = "the baseline of " + format_date(date_of(b->taken_at));
  const std::string slipped = slipped_tasks_text(workspace, v, max_tasks);
  std::string first;
  if (!v.finish_slip) {
    first = "No finish to compare with " + of;
  } else if (*v.finish_slip > 0) {
    first = "Finish moved " + days_text(*v.finish_slip) + " later than " + of;
  } else if (*v.finish_slip < 0) {
    first = "Finish moved " + days_text(-*v.finish_slip) + " earlier than " + of;
  } else {
    first = "Finish is on " + of;
  }
  if (v.finish_slip) first += " (" + format_date(*v.baseline_finish) + " \xE2\x86\x92 " + format_date(*v.finish) + ")";
  lines.push_back(first + (slipped.empty() ? "." : ": " + slipped + "."));
  if (!v.added.empty())
    lines.push_back(std::to_string(v.added.size()) + (v.added.size() == 1 ? " task" : " tasks") +
                    " added since: " + ids_text(workspace, v.added, max_tasks) + ".");
  if (!v.removed.empty())
    lines.push_back(std::to_string(v.removed.size()) + (v.removed.size() == 1 ? " task" : " tasks") +
                    " in the baseline no longer in the project.");
  if (!v.unplanned.empty())
    lines.push_back(std::to_string(v.unplanned.size()) + (v.unplanned.size() == 1 ? " task has" : " tasks have") +
                    " no dates now (done, or dates cleared): " + ids_text(workspace, v.unplanned, max_tasks) + ".");
  return lines;
}

}  // namespace cairn
