#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/field_names.h"
#include "ui/view_context.h"

namespace cairn::ui {

// One column of the board and its cards, in order.
struct BoardColumn {
  std::string title;
  FieldName<Task> field;  // status or stage
  std::string value;  // the enum name a dropped card takes
  std::vector<Id> tasks;
  std::optional<TaskStatus> status;  // status columns: for the WIP limit
  std::optional<Stage> stage;        // stage columns: for the WIP limit
};

struct BoardState {
  bool by_stage = false;  // columns by lifecycle stage instead of status
  // The columns, rebuilt only when the workspace, the project or the
  // grouping changes (sorting 10k tasks into columns every frame cost 1.5 ms).
  Id columns_project;
  std::uint64_t columns_revision = ~0ull;
  bool columns_by_stage = false;
  std::vector<BoardColumn> columns;
};

// Kanban board of the project's tasks: columns by status (or stage); drag a
// card to another column or onto another card to move it there. Cards show
// assignee, buffered estimate, open blockers and definition-of-done progress.
void draw_board(ViewContext& ctx, BoardState& state);

// The order value that puts a task between `before` and `after` (either may
// be missing), used when a card is dropped.
double order_between(const double* before, const double* after);

}  // namespace cairn::ui
