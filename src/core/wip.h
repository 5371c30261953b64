#pragma once
// Work-in-progress limits of the board's columns: by status (todo, in
// progress, blocked) or, on the board grouped by stage, by lifecycle stage.
#include <cstddef>
#include <cstdint>
#include <optional>

#include "core/field_names.h"
#include "core/model.h"

namespace cairn {

// The project field holding the limit of a status column ("wip_in_progress"),
// or none for the columns that take none (backlog, done).
std::optional<FieldName<Project>> wip_field(TaskStatus status);

// The limit the project sets for a status column, if any.
std::optional<std::int64_t> wip_limit(const Project& project, TaskStatus status);

// How many tasks a column of `count` holds beyond its limit (0: within it or
// no limit).
std::int64_t wip_excess(const Project& project, TaskStatus status, std::size_t count);

// The same for a stage column: every stage takes a limit ("wip_stage_labelling").
FieldName<Project> wip_field(Stage stage);
std::optional<std::int64_t> wip_limit(const Project& project, Stage stage);
std::int64_t wip_excess(const Project& project, Stage stage, std::size_t count);

}  // namespace cairn
