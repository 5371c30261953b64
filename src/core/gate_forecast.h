#pragma once
#include <optional>
#include <vector>

#include "core/forecast.h"
#include "core/schedule_input.h"

namespace cairn {

// When will a gate's evidence be ready, and how likely by its due date? A
// gate waits for one task (Gate::milestone, usually a 0-day milestone at the
// end of the work the decision needs); its forecast is that task's finish
// over the Monte Carlo runs. Gates without a task, or whose task is not in
// the plan, have no forecast and are not listed.
struct GateForecast {
  Id gate;
  Id task;
  FinishForecast finish;                // P50 / P80 / P95 of the task's last day
  std::optional<double> chance_by_due;  // share of runs finishing on or before the gate's due date
};

std::vector<GateForecast> gate_forecasts(const Workspace& workspace, const ProjectPlan& plan,
                                         const MonteCarloForecast& forecast);

}  // namespace cairn
