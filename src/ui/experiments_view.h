#pragma once
#include "ui/view_context.h"

namespace cairn::ui {

struct ExperimentsState {
  Id chart_metric;  // the metric whose trend is charted; nil: the first one
};

// The experiment log (hypothesis, dataset and model versions, parameters,
// cost, results, external run links that open in a new browser tab), a
// per-metric trend chart with the target line, and the lineage of dataset
// versions -> experiments -> model versions.
void draw_experiments(ViewContext& ctx, ExperimentsState& state);

}  // namespace cairn::ui
