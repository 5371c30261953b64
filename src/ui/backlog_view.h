#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/field_names.h"
#include "ui/view_context.h"

namespace cairn::ui {

struct BacklogFilter {
  std::string text;   // in title, description or tags (case-insensitive)
  int status = -1;    // TaskStatus index, -1: any
  int stage = -1;     // Stage index, -1: any
  Id assignee;        // nil: anyone
  Id sprint;          // nil: any
  bool only_blocked = false;
  std::string tag;    // exact tag, "" : any
  bool operator==(const BacklogFilter&) const = default;
};

struct BacklogState {
  BacklogFilter filter;
  std::set<Id> selected;
  int sort_column = 0;
  bool sort_ascending = true;
  Id saved;                     // the saved filter last applied (still shown while unchanged)
  std::string new_filter_name;  // typed in the "Save filter" popup
  // The filtered and sorted rows, recomputed only when the workspace, the
  // filter or the order changes (sorting 10k titles every frame cost 2 ms).
  struct RowsKey {
    Id project;
    std::uint64_t revision = ~0ull;
    BacklogFilter filter;
    int sort_column = -1;
    bool sort_ascending = true;
    bool operator==(const RowsKey&) const = default;
  };
  RowsKey rows_key;
  std::vector<Id> rows;
};

// True when `task` passes the filter (shared with the command palette).
bool task_matches(const Workspace& ws, const Task& task, const BacklogFilter& filter);

// A saved filter as the backlog's filter, and the fields that save one.
BacklogFilter filter_of(const SavedFilter& saved);
std::vector<std::pair<FieldName<SavedFilter>, Value>> saved_filter_fields(const BacklogFilter& filter,
                                                                          const std::string& name);

// The backlog table: every task of the project, sortable and filterable,
// with multi-select (click, Ctrl+click, Shift+click) and bulk edit of
// status, stage, assignee and sprint. Rows are clipped: 10k tasks stay smooth.
void draw_backlog(ViewContext& ctx, BacklogState& state);

}  // namespace cairn::ui
