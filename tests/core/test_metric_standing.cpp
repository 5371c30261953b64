// A metric's latest value against its baseline and target (core/metric_standing.h).
#include <doctest/doctest.h>

#include <string>

#include "core/metric_standing.h"

namespace cairn {

TEST_CASE("a metric's latest value: target met, short of it, or worse than the baseline, in either direction") {
  // Recall, higher is better: baseline 72, target 95.
  CHECK(metric_standing(Direction::higher_is_better, 72.0, 95.0, 95.0) == MetricStanding::target_met);
  CHECK(metric_standing(Direction::higher_is_better, 72.0, 89.0, 95.0) == MetricStanding::short_of_target);
  CHECK(metric_standing(Direction::higher_is_better, 72.0, 72.0, 95.0) == MetricStanding::short_of_target);
  CHECK(metric_standing(Direction::higher_is_better, 72.0, 70.0, 95.0) == MetricStanding::regressed);
  // Latency, lower is better: baseline 420 ms, target 180 ms.
  CHECK(metric_standing(Direction::lower_is_better, 420.0, 240.0, 180.0) == MetricStanding::short_of_target);
  CHECK(metric_standing(Direction::lower_is_better, 420.0, 180.0, 180.0) == MetricStanding::target_met);
  CHECK(metric_standing(Direction::lower_is_better, 420.0, 450.0, 180.0) == MetricStanding::regressed);
  // Something missing.
  CHECK(metric_standing(Direction::higher_is_better, std::nullopt, 80.0, 95.0) == MetricStanding::short_of_target);
  CHECK(metric_standing(Direction::higher_is_better, 72.0, 70.0, std::nullopt) == MetricStanding::regressed);
  CHECK(metric_standing(Direction::higher_is_better, 72.0, 80.0, std::nullopt) == MetricStanding::unjudged);
  CHECK(metric_standing(Direction::higher_is_better, std::nullopt, 80.0, std::nullopt) == MetricStanding::unjudged);
  CHECK(std::string(metric_standing_text(MetricStanding::regressed)) == "Worse than the baseline");
}

}  // namespace cairn
