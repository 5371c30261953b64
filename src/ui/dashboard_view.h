#pragma once
#include <cstdint>
#include <memory>

#include "core/baseline.h"
#include "core/forecast.h"
#include "core/health.h"
#include "core/schedule_input.h"
#include "ui/view_context.h"

namespace cairn::ui {

// The dashboard's schedule of the open project and its Monte Carlo
// forecast, rebuilt when the workspace, the project or the day changes; the
// forecast's runs are spread over frames so the UI never freezes.
struct DashboardState {
  Id project;
  std::uint64_t revision = ~0ull;
  Date today;
  ProjectPlan plan;
  Schedule schedule;
  std::unique_ptr<MonteCarloForecast> forecast;
  std::size_t target_runs = 0;
  // Baseline variance: the plan's dates now (with the schedule), and the
  // variance against the chosen baseline (nil: the newest).
  PlannedDates planned;
  Id baseline;
  Id variance_of;
  std::uint64_t variance_revision = ~0ull;
  BaselineVariance variance;
  std::vector<std::string> variance_lines;
  // Health, progress and spend scan every task and experiment (about 5 ms
  // at 10k tasks): once per change, not per frame.
  Id health_project;
  std::uint64_t health_revision = ~0ull;
  Date health_today;
  HealthReport health;
  struct Progress {
    int total = 0, done = 0, blocked = 0;
    double buffered_days = 0, buffered_done_days = 0;
  } progress;
  struct Spend {
    double cost = 0, gpu_hours = 0;
  } spend;
};

// Forecast runs wanted for a project of `tasks` tasks: 10,000 for small
// plans, fewer for large ones (a run costs about 0.1 us per task) but never
// under 1,000.
std::size_t forecast_runs_for(std::size_t tasks);
// Runs per step of a forecast spread over frames: about 0.2 ms of work, so
// the time slice is not overrun by much.
std::size_t forecast_batch_for(std::size_t tasks);

// The project at a glance: health (on track / at risk / off track) with its
// reasons, progress, the critical-path finish and P50/P80/P95 forecast, the
// slip since a saved baseline, next gates, success metrics against their
// targets, and budget against what experiments cost so far.
void draw_dashboard(ViewContext& ctx, DashboardState& state);

}  // namespace cairn::ui
