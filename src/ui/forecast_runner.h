#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "core/forecast.h"
#include "core/gate_forecast.h"
#include "core/schedule_input.h"
#include "ui/view_context.h"

namespace cairn::ui {

// The open project's Monte Carlo forecast of its gates, shared by the views
// that show it (gates, timeline): rebuilt when the workspace, the project or
// the day changes, its runs spread over frames so no frame waits for them.
// It runs only while some gate waits for a task (Gate::milestone).
struct ForecastRunner {
  Id project;
  std::uint64_t revision = ~0ull;
  Date today;
  ProjectPlan plan;
  std::unique_ptr<MonteCarloForecast> forecast;
  std::size_t target_runs = 0;
  std::vector<GateForecast> gates;  // as of `gates_runs` runs
  std::size_t gates_runs = 0;

  bool done() const { return forecast && forecast->iterations() >= target_runs; }
  const GateForecast* gate(Id id) const;
};

// Brings the runner up to date and adds runs for about kBackgroundSlice, asking
// for another frame (ctx.busy) while runs remain.
void advance_forecast(ViewContext& ctx, ForecastRunner& runner);

// The step every forecast on screen takes each frame (gates and timeline,
// dashboard, status report): runs of a plan of `tasks` tasks for about
// kBackgroundSlice, up to `target_runs`; asks for another frame (ctx.busy)
// while runs remain. True when all are done.
bool run_forecast_slice(ViewContext& ctx, MonteCarloForecast& forecast, std::size_t target_runs, std::size_t tasks);

}  // namespace cairn::ui
