#include "core/gate_forecast.h"

namespace cairn {

std::vector<GateForecast> gate_forecasts(const Workspace& workspace, const ProjectPlan& plan,
                                         const MonteCarloForecast& forecast) {
  std::vector<GateForecast> out;
  if (forecast.iterations() == 0) return out;
  for (const ProjectPlan::GateMilestone& link : plan.gate_milestones) {
    const Gate* gate = workspace.find<Gate>(link.gate);
    if (!gate || link.milestone >= plan.milestones.size()) continue;
    GateForecast f{gate->id, plan.milestones[link.milestone], forecast.milestone(link.milestone), std::nullopt};
    if (gate->due) f.chance_by_due = forecast.milestone_probability_by(link.milestone, *gate->due);
    out.push_back(f);
  }
  return out;
}

}  // namespace cairn
