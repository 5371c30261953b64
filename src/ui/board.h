#pragma once
#include "ui/view_context.h"

namespace cairn::ui {

struct BoardState {
  bool by_stage = false;  // columns by lifecycle stage instead of status
};

// Kanban board of the project's tasks: columns by status (or stage); drag a
// card to another column or onto another card to move it there. Cards show
// assignee, buffered estimate, open blockers and definition-of-done progress.
void draw_board(ViewContext& ctx, BoardState& state);

// The order value that puts a task between `before` and `after` (either may
// be missing), used when a card is dropped.
double order_between(const double* before, const double* after);

}  // namespace cairn::ui
