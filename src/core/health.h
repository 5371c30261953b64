#pragma once
#include <string>
#include <vector>

#include "core/workspace.h"

namespace cairn {

enum class Health { on_track, at_risk, off_track };

struct HealthReport {
  Health health = Health::on_track;
  // Plain words, worst first, e.g. "Gate “Data feasibility” passed its date
  // (2026-11-20) without a decision".
  std::vector<std::string> reasons;
};

// The health of a project on `today`. Each rule that fires adds one reason;
// the worst rule wins.
//   - A gate past its due date with the decision still pending: off track
//     (one reason per gate).
//   - Unresolved blockers of unfinished tasks whose `since` is more than 7
//     days ago: at risk; 3 or more of them: off track (one reason). Blockers
//     without a date cannot age and are not counted.
//   - An open or mitigating risk (not accepted, not closed) that is critical,
//     or high with an overdue review: at risk (one reason per risk).
//   - Tasks not done with due < today: at risk; off track when their buffered
//     estimates are 20 % or more of the buffered estimates of all the
//     project's tasks, done ones included (one reason). Unestimated tasks
//     count as 0 days.
// Reasons of equal severity keep the order of the rules above.
HealthReport project_health(const Workspace& workspace, Id project, Date today);

inline constexpr int kBlockerAgeDays = 7;
inline constexpr int kBlockersOffTrack = 3;
inline constexpr double kOverdueShareOffTrack = 0.20;

const char* health_name(Health health);  // "On track", "At risk", "Off track"

}  // namespace cairn
