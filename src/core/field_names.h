#pragma once
#include <span>
#include <string>
#include <string_view>

#include "core/model.h"

namespace cairn {

// A field of item type T, named at compile time: `field::task::due` is the
// Task field "due". Code that sets or reads a field names it this way, so a
// field renamed here (or used with the wrong kind of item, where the API
// knows the item) fails to compile instead of failing at run time. Each name
// is written once, below; core/fields.cpp builds the field tables from these
// constants. Names that come from outside (the JSON command API, imports,
// stored snapshots) stay text and are checked by find_field.
template <class T>
struct FieldName {
  std::string_view name;
  // Commands and changes carry field names as text.
  constexpr operator std::string_view() const { return name; }
  operator std::string() const { return std::string(name); }
  friend constexpr bool operator==(const FieldName&, const FieldName&) = default;
};

// Every field name of T in the order of fields_of<T>() (tested).
template <class T>
constexpr std::span<const FieldName<T>> field_names_of();

// One list per item kind, in the order of its field table; each entry
// X(name) becomes the constant field::<kind>::name, named "name".
// clang-format off
#define CAIRN_FIELDS_PROJECT(X) \
  X(name) X(domain) X(phase) X(problem) X(business_goal) X(scope_in) X(scope_out) X(latency_p95_ms) \
  X(budget) X(budget_currency) X(compliance) X(buffer_data_collection) X(buffer_labelling) \
  X(buffer_other) X(archived) X(holidays) X(wip_todo) X(wip_in_progress) X(wip_blocked) \
  X(wip_stage_data_collection) X(wip_stage_labelling) X(wip_stage_features) X(wip_stage_training) \
  X(wip_stage_evaluation) X(wip_stage_deployment) X(wip_stage_monitoring) X(wip_stage_research_spike) \
  X(wip_stage_other) X(checkin_weekday) X(checkin_hour_utc)
#define CAIRN_FIELDS_PERSON(X) X(name) X(role) X(time_zone) X(responsibility) X(capacity_days_per_week)
#define CAIRN_FIELDS_METRIC(X) X(name) X(level) X(unit) X(direction) X(baseline) X(target) X(value_per_unit)
#define CAIRN_FIELDS_METRIC_READING(X) X(on) X(value) X(note)
#define CAIRN_FIELDS_DATA_SOURCE(X) X(name) X(owner) X(licence) X(personal_data) X(status) X(notes)
#define CAIRN_FIELDS_TASK(X) \
  X(title) X(description) X(status) X(stage) X(assignee) X(optimistic_days) X(likely_days) \
  X(pessimistic_days) X(buffer_override) X(actual_days) X(start) X(due) X(tags) X(sprint) X(order)
#define CAIRN_FIELDS_CHECKLIST_ITEM(X) X(text) X(done) X(order)
#define CAIRN_FIELDS_DEPENDENCY(X) X(predecessor) X(type) X(lag_days)
#define CAIRN_FIELDS_BLOCKER(X) X(text) X(since) X(blocking_task) X(resolved)
#define CAIRN_FIELDS_SPRINT(X) X(name) X(kind) X(goal) X(start) X(end)
#define CAIRN_FIELDS_GATE(X) X(name) X(due) X(decision) X(decided_on) X(rationale) X(evidence) X(milestone)
#define CAIRN_FIELDS_GATE_CRITERION(X) X(metric) X(comparison) X(threshold)
#define CAIRN_FIELDS_RISK(X) \
  X(title) X(category) X(likelihood) X(impact) X(owner) X(mitigation) X(status) X(review_every_days) \
  X(next_review)
#define CAIRN_FIELDS_EXPERIMENT(X) \
  X(title) X(hypothesis) X(status) X(dataset_version) X(model_version) X(parameters) X(gpu_hours) \
  X(cost) X(notes) X(on)
#define CAIRN_FIELDS_EXPERIMENT_RESULT(X) X(metric) X(value)
#define CAIRN_FIELDS_EXTERNAL_RUN(X) X(system) X(run_id) X(url)
#define CAIRN_FIELDS_CHECK_IN(X) X(person) X(week) X(done) X(next) X(blockers)
#define CAIRN_FIELDS_POST_MORTEM(X) X(title) X(subject) X(on) X(went_well) X(went_wrong) X(root_causes)
#define CAIRN_FIELDS_ACTION_ITEM(X) X(text) X(owner) X(task) X(done)
#define CAIRN_FIELDS_DECISION(X) X(title) X(on) X(decision) X(rationale) X(gate)
#define CAIRN_FIELDS_SAVED_FILTER(X) X(name) X(text) X(status) X(stage) X(assignee) X(sprint) X(only_blocked) X(tag)
#define CAIRN_FIELDS_BASELINE(X) X(name) X(taken_at) X(finish)
#define CAIRN_FIELDS_BASELINE_TASK(X) X(task) X(start) X(finish) X(estimate_days)
#define CAIRN_FIELDS_REPORT(X) \
  X(taken_at) X(audience) X(markdown) X(tasks_done) X(tasks_total) X(open_blockers) X(forecast_p80) \
  X(planned_finish) X(health) X(metric_values)
// clang-format on

#define CAIRN_FIELD_CONSTANT(name) inline constexpr FieldName<Item> name{#name};
#define CAIRN_FIELD_ENTRY(name) name,
#define CAIRN_FIELD_NAMES(T, kind, LIST)                                                   \
  namespace field::kind {                                                                  \
  using Item = T;                                                                          \
  LIST(CAIRN_FIELD_CONSTANT)                                                               \
  inline constexpr FieldName<T> kAll[] = {LIST(CAIRN_FIELD_ENTRY)};                        \
  }                                                                                        \
  template <>                                                                              \
  constexpr std::span<const FieldName<T>> field_names_of<T>() {                            \
    return field::kind::kAll;                                                              \
  }

CAIRN_FIELD_NAMES(Project, project, CAIRN_FIELDS_PROJECT)
CAIRN_FIELD_NAMES(Person, person, CAIRN_FIELDS_PERSON)
CAIRN_FIELD_NAMES(Metric, metric, CAIRN_FIELDS_METRIC)
CAIRN_FIELD_NAMES(MetricReading, metric_reading, CAIRN_FIELDS_METRIC_READING)
CAIRN_FIELD_NAMES(DataSource, data_source, CAIRN_FIELDS_DATA_SOURCE)
CAIRN_FIELD_NAMES(Task, task, CAIRN_FIELDS_TASK)
CAIRN_FIELD_NAMES(ChecklistItem, checklist_item, CAIRN_FIELDS_CHECKLIST_ITEM)
CAIRN_FIELD_NAMES(Dependency, dependency, CAIRN_FIELDS_DEPENDENCY)
CAIRN_FIELD_NAMES(Blocker, blocker, CAIRN_FIELDS_BLOCKER)
CAIRN_FIELD_NAMES(Sprint, sprint, CAIRN_FIELDS_SPRINT)
CAIRN_FIELD_NAMES(Gate, gate, CAIRN_FIELDS_GATE)
CAIRN_FIELD_NAMES(GateCriterion, gate_criterion, CAIRN_FIELDS_GATE_CRITERION)
CAIRN_FIELD_NAMES(Risk, risk, CAIRN_FIELDS_RISK)
CAIRN_FIELD_NAMES(Experiment, experiment, CAIRN_FIELDS_EXPERIMENT)
CAIRN_FIELD_NAMES(ExperimentResult, experiment_result, CAIRN_FIELDS_EXPERIMENT_RESULT)
CAIRN_FIELD_NAMES(ExternalRun, external_run, CAIRN_FIELDS_EXTERNAL_RUN)
CAIRN_FIELD_NAMES(CheckIn, check_in, CAIRN_FIELDS_CHECK_IN)
CAIRN_FIELD_NAMES(PostMortem, post_mortem, CAIRN_FIELDS_POST_MORTEM)
CAIRN_FIELD_NAMES(ActionItem, action_item, CAIRN_FIELDS_ACTION_ITEM)
CAIRN_FIELD_NAMES(Decision, decision, CAIRN_FIELDS_DECISION)
CAIRN_FIELD_NAMES(SavedFilter, saved_filter, CAIRN_FIELDS_SAVED_FILTER)
CAIRN_FIELD_NAMES(Baseline, baseline, CAIRN_FIELDS_BASELINE)
CAIRN_FIELD_NAMES(BaselineTask, baseline_task, CAIRN_FIELDS_BASELINE_TASK)
CAIRN_FIELD_NAMES(Report, report, CAIRN_FIELDS_REPORT)

#undef CAIRN_FIELD_NAMES
#undef CAIRN_FIELD_ENTRY
#undef CAIRN_FIELD_CONSTANT

}  // namespace cairn
