#pragma once
#include "core/commands.h"
#include "core/workspace.h"

namespace cairn {

// likelihood x impact, each 1..5, so 1..25.
int risk_score(const Risk& risk);

// Bands of the score on the 5 x 5 matrix:
//   low 1-4, medium 5-9, high 10-14, critical 15-25
// (critical needs both likelihood and impact of at least 3, and one of 5).
enum class RiskLevel { low, medium, high, critical };
RiskLevel risk_level(const Risk& risk);
const char* risk_level_name(RiskLevel level);  // "Low", "Medium", "High", "Critical"

// Every risk but a closed one is reviewed (accepted risks too: acceptance is
// revisited). Overdue when next_review < today.
bool review_overdue(const Risk& risk, Date today);

// Days ahead of a review that its task is created.
inline constexpr int kReviewLeadDays = 7;

// For every risk of the project that is not closed, has next_review <= today
// + 7 and has no open (not done) review task yet, creates a task "Review
// risk: <title>" (stage evaluation for bias/fairness risks, else other;
// status todo; due = next_review; tags "risk-review" and "risk:<risk id>")
// and moves next_review on by review_every_days, repeatedly until it is after
// today (a review long overdue is done once, not once per missed period).
// The "risk:<id>" tag makes it idempotent. No ops when nothing is due.
// Label "Create risk review tasks".
Command recurring_review_tasks(const Workspace& workspace, Id project, Date today, IdSource& ids);

// "risk:<id>": the tag that ties a review task to its risk.
std::string review_tag(Id risk);

}  // namespace cairn
