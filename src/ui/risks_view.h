#pragma once
#include "ui/view_context.h"

namespace cairn::ui {

struct RisksState {
  int likelihood = 0;  // heat map filter: 1..5, 0 = none
  int impact = 0;
};

// The risk register (table) and a 5 x 5 likelihood x impact heat map; a
// click on a cell filters the table to it. Overdue reviews are flagged, and
// due recurring reviews (bias audits every 4 weeks...) become tasks.
void draw_risks(ViewContext& ctx, RisksState& state);

}  // namespace cairn::ui
