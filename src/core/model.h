#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>
#include <vector>

#include "core/enums.h"
#include "core/id.h"
#include "core/time.h"
#include "core/value.h"

namespace cairn {

// The workspace is a flat set of items, each named by a random id and
// pointing at its parent (a task at its project, a checklist entry at its
// task). Flat items make every change a small command on one item, which is
// what undo, history and replication between devices need.
//
// Each item type declares its kind name and the kind of its parent ("" for
// top-level items). Fields are listed in core/fields.cpp.

// --- Project and charter ------------------------------------------------------

struct Project {
  static constexpr std::string_view kKind = "project";
  static constexpr std::string_view kParentKind = "";
  Id id, parent;
  bool operator==(const Project&) const = default;
  std::string name;
  Domain domain = Domain::other;
  Phase phase = Phase::discovery;
  std::string problem;        // problem statement
  std::string business_goal;
  std::string scope_in;
  std::string scope_out;
  // Constraints.
  std::optional<double> latency_p95_ms;
  std::optional<double> budget;
  std::string budget_currency = "USD";
  StringList compliance;      // e.g. GDPR, CCPA, HIPAA
  // Buffer rule: buffered estimate = estimate x factor of the task's stage.
  double buffer_data_collection = 1.5;
  double buffer_labelling = 1.5;
  double buffer_other = 1.0;
  bool archived = false;
  StringList holidays;  // non-working days of the schedule, "YYYY-MM-DD"
  // Board WIP limits: the most tasks a status column should hold (unset:
  // no limit). Only the columns where work waits or happens have one.
  std::optional<std::int64_t> wip_todo;
  std::optional<std::int64_t> wip_in_progress;
  std::optional<std::int64_t> wip_blocked;
  // WIP limits of the board's stage columns (the board grouped by stage).
  std::optional<std::int64_t> wip_stage_data_collection, wip_stage_labelling, wip_stage_features, wip_stage_training,
      wip_stage_evaluation, wip_stage_deployment, wip_stage_monitoring, wip_stage_research_spike, wip_stage_other;
  // The weekly check-in deadline, in UTC (a time everyone's zone can be
  // shown against): day of the week (0 = Monday ... 6 = Sunday) and hour.
  std::int64_t checkin_weekday = 4;  // Friday
  std::int64_t checkin_hour_utc = 16;
};

struct Person {
  static constexpr std::string_view kKind = "person";
  static constexpr std::string_view kParentKind = "project";
  Id id, parent;
  bool operator==(const Person&) const = default;
  std::string name;
  std::string role;
  std::string time_zone = "UTC";  // IANA name, e.g. Europe/Berlin
  std::string responsibility;
  double capacity_days_per_week = 5.0;
};

struct Metric {  // a success metric of the charter
  static constexpr std::string_view kKind = "metric";
  static constexpr std::string_view kParentKind = "project";
  Id id, parent;
  bool operator==(const Metric&) const = default;
  std::string name;
  MetricLevel level = MetricLevel::ml;
  std::string unit;
  Direction direction = Direction::higher_is_better;
  std::optional<double> baseline;
  std::optional<double> target;
  // The value model of status reports: money per month (in the project's
  // budget currency) that one unit of improvement in `direction` is worth,
  // e.g. 4000 for "each point of precision is worth $4,000 a month".
  std::optional<double> value_per_unit;
};

struct MetricReading {  // one measured value of a metric over time
  static constexpr std::string_view kKind = "metric_reading";
  static constexpr std::string_view kParentKind = "metric";
  Id id, parent;
  bool operator==(const MetricReading&) const = default;
  Date on;
  double value = 0.0;
  std::string note;
};

struct DataSource {
  static constexpr std::string_view kKind = "data_source";
  static constexpr std::string_view kParentKind = "project";
  Id id, parent;
  bool operator==(const DataSource&) const = default;
  std::string name;
  std::string owner;
  std::string licence;  // licence or permissions
  bool personal_data = false;
  DataSourceStatus status = DataSourceStatus::proposed;
  std::string notes;
};

// --- Work ---------------------------------------------------------------------

struct Task {
  static constexpr std::string_view kKind = "task";
  static constexpr std::string_view kParentKind = "project";
  Id id, parent;
  bool operator==(const Task&) const = default;
  std::string title;
  std::string description;
  TaskStatus status = TaskStatus::backlog;
  Stage stage = Stage::other;
  Id assignee;  // a Person, or nil
  // Three-point estimate in working days; unset until estimated.
  std::optional<double> optimistic_days;
  std::optional<double> likely_days;
  std::optional<double> pessimistic_days;
  std::optional<double> buffer_override;  // replaces the project's rule for this task
  std::optional<double> actual_days;
  std::optional<Date> start;
  std::optional<Date> due;
  StringList tags;
  Id sprint;  // a Sprint, or nil
  double order = 0.0;  // position within its column or list
};

struct ChecklistItem {  // definition-of-done entry
  static constexpr std::string_view kKind = "checklist_item";
  static constexpr std::string_view kParentKind = "task";
  Id id, parent;
  bool operator==(const ChecklistItem&) const = default;
  std::string text;
  bool done = false;
  double order = 0.0;
};

struct Dependency {  // parent (the successor) depends on `predecessor`
  static constexpr std::string_view kKind = "dependency";
  static constexpr std::string_view kParentKind = "task";
  Id id, parent;
  bool operator==(const Dependency&) const = default;
  Id predecessor;
  DependencyType type = DependencyType::finish_to_start;
  double lag_days = 0.0;  // may be negative (lead)
};

struct Blocker {
  static constexpr std::string_view kKind = "blocker";
  static constexpr std::string_view kParentKind = "task";
  Id id, parent;
  bool operator==(const Blocker&) const = default;
  std::string text;
  std::optional<Date> since;
  Id blocking_task;  // the task that blocks, or nil
  bool resolved = false;
};

struct Sprint {
  static constexpr std::string_view kKind = "sprint";
  static constexpr std::string_view kParentKind = "project";
  Id id, parent;
  bool operator==(const Sprint&) const = default;
  std::string name;
  SprintKind kind = SprintKind::delivery;
  std::string goal;
  std::optional<Date> start;
  std::optional<Date> end;
};

// --- Gates, risks, experiments ---------------------------------------------

struct Gate {  // checkpoint / kill switch
  static constexpr std::string_view kKind = "gate";
  static constexpr std::string_view kParentKind = "project";
  Id id, parent;
  bool operator==(const Gate&) const = default;
  std::string name;
  std::optional<Date> due;
  GateDecision decision = GateDecision::pending;
  std::optional<Date> decided_on;
  std::string rationale;
  StringList evidence;  // ids of experiments, as text
  Id milestone;  // the task whose finish the gate waits for (its forecast is the gate's); nil: none
};

struct GateCriterion {
  static constexpr std::string_view kKind = "gate_criterion";
  static constexpr std::string_view kParentKind = "gate";
  Id id, parent;
  bool operator==(const GateCriterion&) const = default;
  Id metric;
  Comparison comparison = Comparison::at_least;
  double threshold = 0.0;
};

struct Risk {
  static constexpr std::string_view kKind = "risk";
  static constexpr std::string_view kParentKind = "project";
  Id id, parent;
  bool operator==(const Risk&) const = default;
  std::string title;
  RiskCategory category = RiskCategory::other;
  std::int64_t likelihood = 3;  // 1..5
  std::int64_t impact = 3;      // 1..5
  std::string owner;
  std::string mitigation;
  RiskStatus status = RiskStatus::open;
  std::int64_t review_every_days = 28;
  std::optional<Date> next_review;
};

struct Experiment {
  static constexpr std::string_view kKind = "experiment";
  static constexpr std::string_view kParentKind = "project";
  Id id, parent;
  bool operator==(const Experiment&) const = default;
  std::string title;
  std::string hypothesis;
  ExperimentStatus status = ExperimentStatus::planned;
  std::string dataset_version;
  std::string model_version;
  std::string parameters;
  std::optional<double> gpu_hours;
  std::optional<double> cost;
  std::string notes;
  std::optional<Date> on;
};

struct ExperimentResult {  // a metric value an experiment reached
  static constexpr std::string_view kKind = "experiment_result";
  static constexpr std::string_view kParentKind = "experiment";
  Id id, parent;
  bool operator==(const ExperimentResult&) const = default;
  Id metric;
  double value = 0.0;
};

struct ExternalRun {  // MLflow run, W&B artifact name:version, DVC lock hash
  static constexpr std::string_view kKind = "external_run";
  static constexpr std::string_view kParentKind = "experiment";
  Id id, parent;
  bool operator==(const ExternalRun&) const = default;
  RunSystem system = RunSystem::mlflow;
  std::string run_id;
  std::string url;
};

// --- Communication -------------------------------------------------------------

struct CheckIn {  // weekly async check-in of one person
  static constexpr std::string_view kKind = "check_in";
  static constexpr std::string_view kParentKind = "project";
  Id id, parent;
  bool operator==(const CheckIn&) const = default;
  Id person;
  std::optional<Date> week;  // the week's first day
  std::string done;
  std::string next;
  std::string blockers;
};

struct PostMortem {
  static constexpr std::string_view kKind = "post_mortem";
  static constexpr std::string_view kParentKind = "project";
  Id id, parent;
  bool operator==(const PostMortem&) const = default;
  std::string title;
  Id subject;  // the failed gate, or nil for the whole project
  std::optional<Date> on;
  std::string went_well;
  std::string went_wrong;
  StringList root_causes;  // data_quality, communication, hardware, scope, other
};

struct ActionItem {
  static constexpr std::string_view kKind = "action_item";
  static constexpr std::string_view kParentKind = "post_mortem";
  Id id, parent;
  bool operator==(const ActionItem&) const = default;
  std::string text;
  std::string owner;
  Id task;  // the task created from it, or nil
  bool done = false;
};

struct Decision {  // decision log entry
  static constexpr std::string_view kKind = "decision";
  static constexpr std::string_view kParentKind = "project";
  Id id, parent;
  bool operator==(const Decision&) const = default;
  std::string title;
  std::optional<Date> on;
  std::string decision;
  std::string rationale;
  Id gate;  // the gate it decided, or nil
};

struct SavedFilter {  // a named backlog filter of a project
  static constexpr std::string_view kKind = "saved_filter";
  static constexpr std::string_view kParentKind = "project";
  Id id, parent;
  bool operator==(const SavedFilter&) const = default;
  std::string name;
  std::string text;  // in title, description or tags
  std::optional<TaskStatus> status;
  std::optional<Stage> stage;
  Id assignee;  // nil: anyone
  Id sprint;    // nil: any
  bool only_blocked = false;
  std::string tag;
};

// --- Baselines -----------------------------------------------------------------

// A saved copy of a project's plan, to measure slip against later ("the
// plan of 2 November finished on the 20th; now it is the 28th"). Its tasks
// are BaselineTask children, plain items, so a baseline exports, imports and
// undoes like everything else.
struct Baseline {
  static constexpr std::string_view kKind = "baseline";
  static constexpr std::string_view kParentKind = "project";
  Id id, parent;
  bool operator==(const Baseline&) const = default;
  std::string name;
  Timestamp taken_at;          // when it was saved (UTC)
  std::optional<Date> finish;  // the project's planned finish then (its latest task finish)
};

struct BaselineTask {  // one task's planned dates in a baseline
  static constexpr std::string_view kKind = "baseline_task";
  static constexpr std::string_view kParentKind = "baseline";
  Id id, parent;
  bool operator==(const BaselineTask&) const = default;
  Id task;
  std::optional<Date> start;   // first day planned
  std::optional<Date> finish;  // last day planned (inclusive)
  std::optional<double> estimate_days;  // the buffered estimate then, in working days
};

// --- Status reports ------------------------------------------------------------

// A status report as it was sent, kept so the next one can say what changed
// (core/status_report.h). The figures are those the next report compares
// against; metric values are "metric-id=value" texts so they survive JSON
// export and import as a plain list.
struct Report {
  static constexpr std::string_view kKind = "report";
  static constexpr std::string_view kParentKind = "project";
  Id id, parent;
  bool operator==(const Report&) const = default;
  Timestamp taken_at;  // when it was kept (UTC)
  ReportAudience audience = ReportAudience::executive;
  std::string markdown;  // the text as sent
  std::int64_t tasks_done = 0;
  std::int64_t tasks_total = 0;
  std::int64_t open_blockers = 0;
  std::optional<Date> forecast_p80;    // the P80 finish of the remaining work then
  std::optional<Date> planned_finish;  // the critical-path finish then
  std::string health;                  // "on_track", "at_risk" or "off_track"
  StringList metric_values;            // "3f2b8c1e-...=0.82": each metric's latest value then
};

// Every item type, in a fixed order (the order is part of the binary format).
using ItemTypes = std::tuple<Project, Person, Metric, MetricReading, DataSource, Task, ChecklistItem, Dependency,
                             Blocker, Sprint, Gate, GateCriterion, Risk, Experiment, ExperimentResult, ExternalRun,
                             CheckIn, PostMortem, ActionItem, Decision, SavedFilter, Baseline, BaselineTask, Report>;

// Any one item, by value.
using AnyItem = std::variant<Project, Person, Metric, MetricReading, DataSource, Task, ChecklistItem, Dependency,
                             Blocker, Sprint, Gate, GateCriterion, Risk, Experiment, ExperimentResult, ExternalRun,
                             CheckIn, PostMortem, ActionItem, Decision, SavedFilter, Baseline, BaselineTask, Report>;

inline constexpr std::size_t kItemKindCount = std::tuple_size_v<ItemTypes>;

}  // namespace cairn
