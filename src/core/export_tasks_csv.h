#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/workspace.h"

namespace cairn {

// The column names of the tasks CSV, in order (docs/exports.md explains each).
std::span<const std::string_view> task_csv_columns();

// Tasks as CSV for a spreadsheet (RFC 4180, UTF-8, CRLF): a header row, then
// one row per task of `project` (of every project when unset), projects by
// name, tasks in their list order. An unknown project gives the header only.
std::string export_tasks_csv(const Workspace& workspace, std::optional<Id> project = std::nullopt);

// A number as a spreadsheet reads it: "2", "1.5", "0.25" (at most 15
// significant digits, no trailing zeros).
std::string csv_number(double x);

}  // namespace cairn
