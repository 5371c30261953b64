#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/baseline.h"
#include "core/commands.h"
#include "core/forecast.h"
#include "core/gates.h"
#include "core/health.h"
#include "core/risks.h"
#include "core/schedule.h"
#include "core/schedule_input.h"
#include "core/workspace.h"

namespace cairn {

// A status report's content, computed from the workspace (this file) and
// rendered apart (core/report_markdown.h). Everything a reader sees is
// resolved to text and numbers here, so rendering needs no workspace.
//
// The article's advice is to translate model metrics into money: each
// metric's improvement over its baseline, in the metric's direction, times
// its value per unit (Metric::value_per_unit, money per month) is what the
// work is worth now.

// --- The value model ------------------------------------------------------------

struct BusinessValue {
  std::optional<double> change;       // latest - baseline (signed, in the metric's unit)
  std::optional<double> improvement;  // the change in the metric's direction: positive is better
  std::optional<double> relative;     // change / |baseline| (unset when the baseline is 0)
  std::optional<double> monthly;      // improvement x value_per_unit: money per month (negative: lost)
  std::optional<double> at_target;    // what reaching the target would be worth a month
  std::optional<double> to_target;    // target - latest in the metric's direction: > 0 still to go
  bool target_met = false;
};

// Needs a baseline and a latest value for the change, and value_per_unit
// for money; what is missing stays unset.
BusinessValue business_value(const Metric& metric, std::optional<double> latest);

// "$16,000", "€1,250", "£300", "1,200 CHF": whole units with thousands
// separators; the symbol for USD, EUR, GBP and JPY, else the code after.
std::string format_money(double amount, std::string_view currency);
// "28 Nov 2026".
std::string human_date(Date date);

// --- The report ------------------------------------------------------------------

struct MetricLine {
  Id metric;
  std::string name, unit;
  MetricLevel level = MetricLevel::ml;
  Direction direction = Direction::higher_is_better;
  std::optional<double> baseline, latest, target, value_per_unit;
  std::string latest_source;        // "reading of 2026-11-20"
  std::optional<double> previous;   // in the last kept report
  BusinessValue value;
  std::string sentence;  // "Precision 78% → 82% (+4 points) ≈ $16,000 a month"
  std::string target_text;  // "target 85%: 3 points to go, ≈ $12,000 a month more when reached"
};

struct BlockerLine {
  std::string text, task;    // the blocker and the task it blocks
  std::string blocked_by;    // the blocking task's title, or ""
  std::optional<int> age_days;  // unset: no date recorded
};

struct GateLine {
  std::string name;
  std::optional<Date> due;
  std::optional<int> days_left;  // negative: past
  bool missed = false;
  int met = 0;
  std::vector<std::string> criteria;  // "Precision ≥ 0.8: met (0.82, reading of 2026-11-20)"
  // Share of forecast runs finished by the gate's date: of the task the gate
  // waits for (Gate::milestone) when it has one, else of ALL remaining work
  // (a cautious figure: the gate may need less than everything).
  std::optional<double> finish_probability;
  std::string waits_for;  // the title of the gate's task; "": the whole plan
};

struct RiskLine {
  std::string title, owner, mitigation;
  int score = 0;  // likelihood x impact
  RiskLevel level = RiskLevel::low;
  RiskStatus status = RiskStatus::open;
};

struct ForecastLine {
  std::size_t runs = 0;
  Date p50, p80, p95;
};

struct SinceLastReport {
  bool has_last = false;
  Timestamp since;              // the last report's taken_at, or 7 days before today
  std::vector<std::string> done;  // titles of tasks marked done since, oldest first
  std::int64_t tasks_done_then = 0, tasks_total_then = 0, open_blockers_then = 0;
  std::optional<Date> p80_then, planned_finish_then;
  std::string health_then;  // "on_track", ... ("" when not known)
  std::vector<std::string> metric_changes;  // "Precision 0.80 → 0.82 (+2 points)"
};

struct TimelineLines {
  bool has_baseline = false;
  std::string baseline_name;
  Date baseline_taken;
  std::optional<Date> baseline_finish, finish;
  std::optional<std::int64_t> finish_slip;  // working days, positive: later
  std::string summary;  // the plain-words sentence
  std::vector<std::string> slipped;  // "“Label 10k images”: 4 working days later (finish 12 Nov → 18 Nov 2026)"
  std::vector<std::string> other;    // tasks added, removed, unplanned since
};

struct StatusReport {
  Id project;
  std::string project_name;
  std::string currency;
  Date today;
  ReportAudience audience = ReportAudience::executive;
  HealthReport health;
  std::int64_t tasks_total = 0, tasks_done = 0, tasks_in_progress = 0, tasks_blocked = 0;
  std::int64_t open_blockers = 0;  // unresolved blockers of unfinished tasks
  std::optional<Date> planned_finish;  // critical-path finish of the remaining work
  std::optional<ForecastLine> forecast;
  std::size_t unestimated = 0;
  SinceLastReport since;
  std::vector<MetricLine> metrics;   // the most money a month first, then the unpriced by name
  std::optional<double> total_monthly_value;  // sum over metrics that have a value
  std::vector<BlockerLine> blockers;  // oldest first, undated last
  std::vector<GateLine> gates;        // pending (and missed), by due date
  std::vector<RiskLine> risks;        // not closed, highest score first
  std::optional<double> budget;
  double spent = 0, gpu_hours = 0;
  std::size_t experiments = 0;
  TimelineLines timeline;
};

// "on_track", "at_risk", "off_track": how a kept report stores health.
std::string_view health_key(Health health);

// The kept reports of a project, newest first (taken_at, then id).
std::vector<const Report*> reports_of(const Workspace& workspace, Id project);

// Forecast runs for a report of a project with `tasks` remaining tasks:
// 10,000 for small plans, fewer for large ones, never under 1,000 (as the
// dashboard's). Seed 1, PERT-beta: the CLI and the app agree.
std::size_t report_forecast_runs(std::size_t tasks);
inline constexpr std::uint64_t kReportForecastSeed = 1;

// The report from parts the caller computed (the app spreads the forecast
// over frames): the plan of the remaining work from `today`
// (schedule_input_from), its schedule and its forecast (or null).
// `last` is the kept report to compare with, or null.
StatusReport compute_status_report(const Workspace& workspace, Id project, Date today, ReportAudience audience,
                                   const Report* last, const ProjectPlan& plan, const Schedule& schedule,
                                   const MonteCarloForecast* forecast);
// The same, computing the schedule and the whole forecast here, and
// comparing with the newest kept report.
StatusReport compute_status_report(const Workspace& workspace, Id project, Date today, ReportAudience audience);

// One command creating a Report under the project with the report's figures
// and `markdown` (label "Keep status report"). `created` gets its id.
Command keep_report_command(const StatusReport& report, std::string markdown, Timestamp now, IdSource& ids,
                            Id* created = nullptr);

}  // namespace cairn
