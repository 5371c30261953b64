#pragma once
// Where a success metric's latest value stands against its baseline and
// target, for colouring it: the dashboard shows a value that improved on the
// baseline but has not reached the target yet differently from one that got
// worse than the baseline.
#include <optional>

#include "core/enums.h"

namespace cairn {

enum class MetricStanding {
  target_met,      // at or beyond the target
  short_of_target, // not at the target, not worse than the baseline (or no baseline)
  regressed,       // worse than the baseline
  unjudged,        // neither a baseline nor a target to compare with
};

MetricStanding metric_standing(Direction direction, std::optional<double> baseline, double latest,
                               std::optional<double> target);

// What a standing means, for a tooltip: "Target met", "Worse than the baseline", ...
const char* metric_standing_text(MetricStanding standing);

}  // namespace cairn
