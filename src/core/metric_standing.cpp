#include "core/metric_standing.h"

namespace cairn {

MetricStanding metric_standing(Direction direction, std::optional<double> baseline, double latest,
                               std::optional<double> target) {
  // a is at least as good as b.
  const auto as_good = [&](double a, double b) { return direction == Direction::higher_is_better ? a >= b : a <= b; };
  if (target && as_good(latest, *target)) return MetricStanding::target_met;
  if (baseline && !as_good(latest, *baseline)) return MetricStanding::regressed;
  if (target) return MetricStanding::short_of_target;
  return MetricStanding::unjudged;
}

const char* metric_standing_text(MetricStanding standing) {
  switch (standing) {
    case MetricStanding::target_met: return "Target met";
    case MetricStanding::short_of_target: return "Not at the target yet (no worse than the baseline)";
    case MetricStanding::regressed: return "Worse than the baseline";
    case MetricStanding::unjudged: return "No baseline or target to compare with";
  }
  return "";
}

}  // namespace cairn
