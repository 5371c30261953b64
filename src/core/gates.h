#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/commands.h"
#include "core/workspace.h"

namespace cairn {

// Gates are go/no-go checkpoints: each criterion compares the latest value of
// a metric with a threshold; a gate whose date passes without a decision is a
// missed kill switch.

struct MetricValue {
  double value = 0.0;
  Date on;
  std::string source;  // "reading of 2026-11-20" or "experiment “title”"
};

// The newest value of a metric: its readings (dated by `on`) and the results
// of experiments that have a date (dated by the experiment's `on`). On the
// same day a reading wins over an experiment (a reading is a deliberate
// measurement); between two readings, or two experiments, of the same day the
// one with the larger value wins, so the answer does not depend on ids.
std::optional<MetricValue> latest_value(const Workspace& workspace, Id metric);

enum class CriterionState { met, not_met, no_data };

struct CriterionResult {
  Id criterion;
  Id metric;
  std::string metric_name;  // "" when the metric is not set or was removed
  Comparison comparison = Comparison::at_least;
  double threshold = 0.0;
  std::optional<MetricValue> latest;
  CriterionState state = CriterionState::no_data;
};

// at_least: value >= threshold, at_most: <=, above: >, below: <.
bool compare(double value, Comparison comparison, double threshold);
// "≥", "≤", ">", "<".
const char* comparison_symbol(Comparison comparison);

struct GateStatus {
  Id gate;
  std::vector<CriterionResult> criteria;  // by metric name, then id
  bool all_met = false;  // at least one criterion, and every one met
  bool missed = false;   // due < today and decision pending: a missed kill switch
  std::optional<int> days_left;  // due - today (negative when past)
};

// A gate that does not exist gives an empty status (criteria empty, gate set).
GateStatus evaluate_gate(const Workspace& workspace, Id gate, Date today);
// The project's gates sorted by due date (unset last), then name.
std::vector<GateStatus> gates_of(const Workspace& workspace, Id project, Date today);

// One command: sets the gate's decision, decided_on = today and rationale,
// and logs a Decision under the gate's project (title "Gate “name”: go",
// on = today, decision "go", the rationale, gate = the gate). Recording
// `pending` reopens the gate: decided_on is cleared and the log says
// "reopened". Label "Record gate decision"; no ops for an unknown gate.
Command record_decision(const Workspace& workspace, Id gate, GateDecision decision, std::string rationale, Date today,
                        IdSource& ids);

}  // namespace cairn
