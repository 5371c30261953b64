#include "ui/forecast_runner.h"

#include <algorithm>

#include "ui/dashboard_view.h"
#include "ui/time_slice.h"

namespace cairn::ui {

bool run_forecast_slice(ViewContext& ctx, MonteCarloForecast& forecast, std::size_t target_runs, std::size_t tasks) {
  if (forecast.iterations() >= target_runs) return true;
  const std::size_t batch = forecast_batch_for(tasks);
  run_within(
      kBackgroundSlice, [&] { forecast.run(std::min(batch, target_runs - forecast.iterations())); },
      [&] { return forecast.iterations() >= target_runs; });
  const bool done = forecast.iterations() >= target_runs;
  if (!done && ctx.busy) *ctx.busy = true;
  return done;
}

const GateForecast* ForecastRunner::gate(Id id) const {
  for (const GateForecast& g : gates)
    if (g.gate == id) return &g;
  return nullptr;
}

void advance_forecast(ViewContext& ctx, ForecastRunner& r) {
  if (r.project != ctx.nav.project || r.revision != ctx.revision || r.today != ctx.today) {
    r.project = ctx.nav.project;
    r.revision = ctx.revision;
    r.today = ctx.today;
    r.plan = schedule_input_from(ctx.ws, r.project, CalendarOptions{ctx.today, {}});
    r.forecast.reset();
    r.gates.clear();
    r.gates_runs = 0;
    r.target_runs = forecast_runs_for(r.plan.input.tasks.size());
    // Only gates show it here: no gate waiting for a task, no runs (they
    // cost about 0.1 us per task each, a lot at 100k tasks).
    if (!r.plan.gate_milestones.empty())
      r.forecast = std::make_unique<MonteCarloForecast>(
          forecast_input_from(r.plan, DurationDistribution::pert_beta, /*seed=*/1));
  }
  if (!r.forecast) return;
  run_forecast_slice(ctx, *r.forecast, r.target_runs, r.plan.input.tasks.size());
  // Percentiles sort every run: refresh them only when the runs grew by a
  // tenth (and at the end), not every frame.
  const std::size_t runs = r.forecast->iterations();
  if (runs != r.gates_runs && (r.done() || runs >= r.gates_runs + r.target_runs / 10)) {
    r.gates = gate_forecasts(ctx.ws, r.plan, *r.forecast);
    r.gates_runs = runs;
  }
}

}  // namespace cairn::ui
