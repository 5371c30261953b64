#include "core/health.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/estimate.h"
#include "core/gates.h"
#include "core/risks.h"

namespace cairn {
namespace {

std::string quoted(const std::string& text) { return "\u201c" + text + "\u201d"; }

std::string days_text(double days) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", days);
  return text;
}

// "“A”, “B”, “C” and 2 more".
std::string title_list(std::vector<const Task*> tasks) {
  std::sort(tasks.begin(), tasks.end(), [](const Task* a, const Task* b) {
    if (a->due != b->due) return a->due < b->due;
    return a->title < b->title;
  });
  constexpr std::size_t kShown = 3;
  std::string out;
  for (std::size_t i = 0; i < tasks.size() && i < kShown; ++i) out += (i ? ", " : "") + quoted(tasks[i]->title);
  if (tasks.size() > kShown) out += " and " + std::to_string(tasks.size() - kShown) + " more";
  return out;
}

struct Finding {
  Health health;
  std::string reason;
};

void check_gates(const Workspace& ws, Id project, Date today, std::vector<Finding>& out) {
  for (const GateStatus& status : gates_of(ws, project, today)) {
    if (!status.missed) continue;
    const Gate* gate = ws.find<Gate>(status.gate);
    out.push_back({Health::off_track, "Gate " + quoted(gate->name) + " passed its date (" + format_date(*gate->due) +
                                          ") without a decision"});
  }
}

void check_blockers(const Workspace& ws, const std::vector<const Task*>& tasks, Date today,
                    std::vector<Finding>& out) {
  int count = 0;
  const Blocker* oldest = nullptr;
  const Task* oldest_task = nullptr;
  for (const Task* task : tasks) {
    if (task->status == TaskStatus::done) continue;
    for (const Id child : ws.children_of(task->id)) {
      const Blocker* b = ws.find<Blocker>(child);
      if (!b || b->resolved || !b->since || today.days - b->since->days <= kBlockerAgeDays) continue;
      ++count;
      // Ties on the day go by text, so the reason does not depend on ids.
      if (!oldest || *b->since < *oldest->since || (*b->since == *oldest->since && b->text < oldest->text)) {
        oldest = b;
        oldest_task = task;
      }
    }
  }
  if (count == 0) return;
  const std::string age = std::to_string(today.days - oldest->since->days) + " days";
  const std::string which = quoted(oldest->text) + " on " + quoted(oldest_task->title);
  if (count == 1) {
    out.push_back({Health::at_risk, "Blocker " + which + " unresolved for " + age});
  } else {
    out.push_back({count >= kBlockersOffTrack ? Health::off_track : Health::at_risk,
                   std::to_string(count) + " blockers unresolved for more than " + std::to_string(kBlockerAgeDays) +
                       " days (oldest: " + which + ", " + age + ")"});
  }
}

void check_risks(const Workspace& ws, Id project, Date today, std::vector<Finding>& out) {
  std::vector<const Risk*> risks;
  for (const Id child : ws.children_of(project))
    if (const Risk* r = ws.find<Risk>(child); r && (r->status == RiskStatus::open || r->status == RiskStatus::mitigating))
      risks.push_back(r);
  std::sort(risks.begin(), risks.end(), [](const Risk* a, const Risk* b) {
    if (risk_score(*a) != risk_score(*b)) return risk_score(*a) > risk_score(*b);
    return a->title < b->title;
  });
  for (const Risk* r : risks) {
    const RiskLevel level = risk_level(*r);
    const std::string head = "Risk " + quoted(r->title) + " is ";
    const std::string score = " (score " + std::to_string(risk_score(*r)) + ")";
    if (level == RiskLevel::critical)
      out.push_back({Health::at_risk, head + "critical" + score});
    else if (level == RiskLevel::high && review_overdue(*r, today))
      out.push_back({Health::at_risk, head + "high" + score + " and its review is overdue (since " +
                                          format_date(*r->next_review) + ")"});
  }
}

void check_overdue(const Workspace& ws, const std::vector<const Task*>& tasks, Date today,
                   std::vector<Finding>& out) {
  double total = 0.0, late = 0.0;
  std::vector<const Task*> overdue;
  for (const Task* task : tasks) {
    const double days = estimate_of(ws, *task).buffered_days.value_or(0.0);
    total += days;
    if (task->status != TaskStatus::done && task->due && *task->due < today) {
      overdue.push_back(task);
      late += days;
    }
  }
  if (overdue.empty()) return;
  const bool one = overdue.size() == 1;
  std::string reason = (one ? std::string("1 task") : std::to_string(overdue.size()) + " tasks") +
                       " past due and not done: " + title_list(overdue);
  Health health = Health::at_risk;
  if (total > 0.0) {
    // A tolerance so that exactly 20 % counts despite binary fractions; the
    // percent is rounded down so that "20 %" always means off track.
    const double share = late / total + 1e-9;
    const int percent = static_cast<int>(std::floor(share * 100.0));
    reason += " (" + days_text(late) + " of " + days_text(total) + " buffered days, " + std::to_string(percent) + " %)";
    if (share >= kOverdueShareOffTrack) health = Health::off_track;
  }
  out.push_back({health, std::move(reason)});
}

}  // namespace

HealthReport project_health(const Workspace& workspace, Id project, Date today) {
  std::vector<const Task*> tasks;
  for (const Id child : workspace.children_of(project))
    if (const Task* t = workspace.find<Task>(child)) tasks.push_back(t);

  std::vector<Finding> findings;
  check_gates(workspace, project, today, findings);
  check_blockers(workspace, tasks, today, findings);
  check_risks(workspace, project, today, findings);
  check_overdue(workspace, tasks, today, findings);

  std::stable_sort(findings.begin(), findings.end(),
                   [](const Finding& a, const Finding& b) { return a.health > b.health; });
  HealthReport report;
  for (Finding& f : findings) {
    report.health = std::max(report.health, f.health);
    report.reasons.push_back(std::move(f.reason));
  }
  return report;
}

const char* health_name(Health health) {
  switch (health) {
    case Health::on_track: return "On track";
    case Health::at_risk: return "At risk";
    case Health::off_track: return "Off track";
  }
  return "";
}

}  // namespace cairn
