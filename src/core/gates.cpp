#include "core/gates.h"

#include <algorithm>

namespace cairn {
namespace {

std::string quoted(const std::string& text) { return "\u201c" + text + "\u201d"; }

// Is `candidate` newer than `best`? `candidate_is_reading` breaks a tie of
// days between a reading and an experiment; equal kinds tie on the value.
bool newer(const MetricValue& candidate, bool candidate_is_reading, const std::optional<MetricValue>& best,
           bool best_is_reading) {
  if (!best) return true;
  if (candidate.on != best->on) return candidate.on > best->on;
  if (candidate_is_reading != best_is_reading) return candidate_is_reading;
  return candidate.value > best->value;
}

}  // namespace

std::optional<MetricValue> latest_value(const Workspace& workspace, Id metric) {
  std::optional<MetricValue> best;
  bool best_is_reading = false;
  for (const Id child : workspace.children_of(metric)) {
    const MetricReading* reading = workspace.find<MetricReading>(child);
    if (!reading) continue;
    MetricValue v{reading->value, reading->on, "reading of " + format_date(reading->on)};
    if (newer(v, true, best, best_is_reading)) {
      best = std::move(v);
      best_is_reading = true;
    }
  }
  // Results are not indexed by metric; a project holds few of them.
  for (const auto& [id, result] : workspace.all<ExperimentResult>()) {
    if (result.metric != metric || metric.nil()) continue;
    const Experiment* experiment = workspace.find<Experiment>(result.parent);
    if (!experiment || !experiment->on) continue;
    MetricValue v{result.value, *experiment->on, "experiment " + quoted(experiment->title)};
    if (newer(v, false, best, best_is_reading)) {
      best = std::move(v);
      best_is_reading = false;
    }
  }
  return best;
}

bool compare(double value, Comparison comparison, double threshold) {
  switch (comparison) {
    case Comparison::at_least: return value >= threshold;
    case Comparison::at_most: return value <= threshold;
    case Comparison::above: return value > threshold;
    case Comparison::below: return value < threshold;
  }
  return false;
}

const char* comparison_symbol(Comparison comparison) {
  switch (comparison) {
    case Comparison::at_least: return "\u2265";
    case Comparison::at_most: return "\u2264";
    case Comparison::above: return ">";
    case Comparison::below: return "<";
  }
  return "?";
}

GateStatus evaluate_gate(const Workspace& workspace, Id gate_id, Date today) {
  GateStatus status;
  status.gate = gate_id;
  const Gate* gate = workspace.find<Gate>(gate_id);
  if (!gate) return status;

  for (const Id child : workspace.children_of(gate_id)) {
    const GateCriterion* criterion = workspace.find<GateCriterion>(child);
    if (!criterion) continue;
    CriterionResult r;
    r.criterion = child;
    r.metric = criterion->metric;
    r.comparison = criterion->comparison;
    r.threshold = criterion->threshold;
    if (const Metric* metric = workspace.find<Metric>(criterion->metric)) {
      r.metric_name = metric->name;
      r.latest = latest_value(workspace, criterion->metric);
    }
    if (r.latest)
      r.state = compare(r.latest->value, r.comparison, r.threshold) ? CriterionState::met : CriterionState::not_met;
    status.criteria.push_back(std::move(r));
  }
  // children_of has no stable order (undo and loading reorder it).
  std::sort(status.criteria.begin(), status.criteria.end(), [](const CriterionResult& a, const CriterionResult& b) {
    if (a.metric_name != b.metric_name) return a.metric_name < b.metric_name;
    return a.criterion < b.criterion;
  });

  status.all_met = !status.criteria.empty() &&
                   std::all_of(status.criteria.begin(), status.criteria.end(),
                               [](const CriterionResult& r) { return r.state == CriterionState::met; });
  if (gate->due) {
    status.days_left = gate->due->days - today.days;
    status.missed = gate->decision == GateDecision::pending && *gate->due < today;
  }
  return status;
}

std::vector<GateStatus> gates_of(const Workspace& workspace, Id project, Date today) {
  std::vector<const Gate*> gates;
  for (const Id child : workspace.children_of(project))
    if (const Gate* gate = workspace.find<Gate>(child)) gates.push_back(gate);
  std::sort(gates.begin(), gates.end(), [](const Gate* a, const Gate* b) {
    if (a->due.has_value() != b->due.has_value()) return a->due.has_value();
    if (a->due != b->due) return *a->due < *b->due;
    if (a->name != b->name) return a->name < b->name;
    return a->id < b->id;
  });
  std::vector<GateStatus> result;
  result.reserve(gates.size());
  for (const Gate* gate : gates) result.push_back(evaluate_gate(workspace, gate->id, today));
  return result;
}

Command record_decision(const Workspace& workspace, Id gate_id, GateDecision decision, std::string rationale,
                        Date today, IdSource& ids) {
  Command command;
  command.label = "Record gate decision";
  const Gate* gate = workspace.find<Gate>(gate_id);
  if (!gate) return command;

  const bool reopen = decision == GateDecision::pending;
  const std::string name(enum_name(decision));
  command.ops.push_back(SetField{gate_id, field::gate::decision, name});
  command.ops.push_back(SetField{gate_id, field::gate::decided_on, reopen ? Value{Null{}} : Value{today}});
  command.ops.push_back(SetField{gate_id, field::gate::rationale, rationale});
  command.ops.push_back(
      create_op<Decision>(ids.next(), gate->parent,
                          {{field::decision::title, "Gate " + quoted(gate->name) + ": " + (reopen ? "reopened" : name)},
                           {field::decision::on, today},
                           {field::decision::decision, name},
                           {field::decision::rationale, std::move(rationale)},
                           {field::decision::gate, gate_id}}));
  return command;
}

}  // namespace cairn
