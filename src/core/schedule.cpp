#include "core/schedule.h"

#include <algorithm>

#include "core/schedule_graph.h"

namespace cairn {
namespace {

double days_of(std::int64_t ticks) { return static_cast<double>(ticks) / static_cast<double>(kTicksPerDay); }

// Per position, in ticks.
struct Passes {
  std::vector<std::int64_t> es, ef, ls, lf;
  std::int64_t finish = 0;
};

// Latest times: nothing may end after the project finish, and each link
// bounds its predecessor's start or finish by the successor's latest times.
void backward_pass(const ScheduleGraph& g, Passes& t) {
  for (std::size_t p = g.size(); p-- > 0;) {
    const std::int64_t d = g.duration[p];
    std::int64_t latest_finish = t.finish;
    for (std::uint32_t k = g.succ_begin[p]; k < g.succ_begin[p + 1]; ++k) {
      const ScheduleLink& link = g.succs[k];
      const std::int64_t bound = (link.to_finish ? t.lf[link.other] : t.ls[link.other]) - link.lag;
      latest_finish = std::min(latest_finish, link.from_finish ? bound : bound + d);
    }
    t.lf[p] = latest_finish;
    t.ls[p] = latest_finish - d;
  }
}

// How far a task can slip before it moves a successor or the project finish.
std::int64_t free_slack(const ScheduleGraph& g, const Passes& t, std::size_t p) {
  std::int64_t slack = t.finish - t.ef[p];
  for (std::uint32_t k = g.succ_begin[p]; k < g.succ_begin[p + 1]; ++k) {
    const ScheduleLink& link = g.succs[k];
    const std::int64_t required = (link.from_finish ? t.ef[p] : t.es[p]) + link.lag;
    slack = std::min(slack, (link.to_finish ? t.ef[link.other] : t.es[link.other]) - required);
  }
  return slack;
}

// A link with no room: the successor starts (or finishes) exactly when it
// allows. Into a critical task, such a link comes from a critical task.
bool driving(const ScheduleLink& link, const Passes& t, std::size_t successor) {
  const std::int64_t required = (link.from_finish ? t.ef[link.other] : t.es[link.other]) + link.lag;
  return (link.to_finish ? t.ef[successor] : t.es[successor]) == required;
}

// Walks back from the critical task that ends the project along driving
// links; ties go to the smallest id, so the chain does not depend on the
// input order. Returns positions, first task first.
std::vector<std::uint32_t> chain_positions(const ScheduleGraph& g, const Passes& t, const ScheduleInput& input) {
  const auto id_at = [&](std::uint32_t p) { return input.tasks[g.order[p]].id; };
  const auto critical = [&](std::uint32_t p) { return t.ls[p] == t.es[p]; };
  std::vector<std::uint32_t> chain;
  std::uint32_t last = 0;
  bool found = false;
  for (std::uint32_t p = 0; p < g.size(); ++p)
    if (critical(p) && t.ef[p] == t.finish && (!found || id_at(p) < id_at(last))) last = p, found = true;
  if (!found) return chain;
  for (std::uint32_t p = last;;) {
    chain.push_back(p);
    bool next = false;
    std::uint32_t best = 0;
    for (std::uint32_t k = g.pred_begin[p]; k < g.pred_begin[p + 1]; ++k) {
      const ScheduleLink& link = g.preds[k];
      if (critical(link.other) && driving(link, t, p) && (!next || id_at(link.other) < id_at(best)))
        best = link.other, next = true;
    }
    if (!next) break;
    p = best;
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

TaskSchedule task_schedule(const ScheduleGraph& g, const Passes& t, std::size_t p, Id id) {
  TaskSchedule s;
  s.id = id;
  const std::int64_t d = g.duration[p];
  s.duration_days = days_of(d);
  s.early_start = days_of(t.es[p]);
  s.early_finish = days_of(t.ef[p]);
  s.late_start = days_of(t.ls[p]);
  s.late_finish = days_of(t.lf[p]);
  s.total_slack = days_of(t.ls[p] - t.es[p]);
  s.free_slack = days_of(free_slack(g, t, p));
  s.critical = t.ls[p] == t.es[p];
  if (d > 0) {
    s.early_start_date = g.days.date_at(start_day_of(t.es[p]));
    s.early_finish_date = g.days.date_at(finish_day_of(t.ef[p]));
    s.late_start_date = g.days.date_at(start_day_of(t.ls[p]));
    s.late_finish_date = g.days.date_at(finish_day_of(t.lf[p]));
    return s;
  }
  // A milestone is a moment: on the last day of the work before it, or on
  // its pinned day when the pin holds it (never the Friday before a Monday pin).
  const bool pinned = t.es[p] == g.not_before[p] && t.es[p] > 0;
  const std::int64_t early = pinned ? start_day_of(t.es[p]) : finish_day_of(t.es[p]);
  s.early_start_date = s.early_finish_date = g.days.date_at(early);
  s.late_start_date = s.late_finish_date = g.days.date_at(std::max(early, finish_day_of(t.lf[p])));
  return s;
}

}  // namespace

const TaskSchedule* Schedule::find(Id id) const {
  for (const TaskSchedule& t : tasks)
    if (t.id == id) return &t;
  return nullptr;
}

Schedule compute_schedule(const ScheduleInput& input) {
  ScheduleGraph g = build_schedule_graph(input);
  const std::size_t n = g.size();
  Passes t;
  t.es.resize(n);
  t.ef.resize(n);
  t.ls.resize(n);
  t.lf.resize(n);
  t.finish = forward_pass(g, g.duration, t.es, t.ef);
  backward_pass(g, t);

  Schedule s;
  s.duration_days = days_of(t.finish);
  s.start_date = g.days.origin();
  s.finish_date = g.days.date_at(finish_day_of(t.finish));
  s.tasks.resize(n);
  for (std::size_t p = 0; p < n; ++p) s.tasks[g.order[p]] = task_schedule(g, t, p, input.tasks[g.order[p]].id);

  for (std::size_t i = 0; i < n; ++i)
    if (s.tasks[i].critical) s.critical_tasks.push_back(i);
  std::sort(s.critical_tasks.begin(), s.critical_tasks.end(), [&](std::size_t a, std::size_t b) {
    const TaskSchedule &x = s.tasks[a], &y = s.tasks[b];
    if (x.early_start != y.early_start) return x.early_start < y.early_start;
    return x.id != y.id ? x.id < y.id : a < b;
  });
  for (const std::uint32_t p : chain_positions(g, t, input)) s.critical_chain.push_back(g.order[p]);
  s.problems = std::move(g.problems);
  return s;
}

}  // namespace cairn
