#pragma once
#include <cstdint>
#include <vector>

#include "ui/view_context.h"

namespace cairn::ui {

struct RisksState {
  int likelihood = 0;  // heat map filter: 1..5, 0 = none
  int impact = 0;
  // The project's risks by score, and how many reviews are due without a
  // task: both scan all the project's items (1.5 ms at 10k tasks), so they
  // are kept until the workspace, the project or the day changes.
  Id cached_project;
  std::uint64_t cached_revision = ~0ull;
  Date cached_today;
  std::vector<Id> risks;
  std::size_t due_reviews = 0;
};

// The risk register (table) and a 5 x 5 likelihood x impact heat map; a
// click on a cell filters the table to it. Overdue reviews are flagged, and
// due recurring reviews (bias audits every 4 weeks...) become tasks.
void draw_risks(ViewContext& ctx, RisksState& state);

}  // namespace cairn::ui
