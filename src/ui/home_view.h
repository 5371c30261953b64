#pragma once
#include <cstdint>
#include <map>
#include <string>

#include "core/id.h"
#include "core/health.h"
#include "core/workspace.h"
#include "ui/commands_out.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/view_context.h"

namespace cairn::ui {

// One project's row on the home screen.
struct ProjectGlance {
  Health health = Health::on_track;
  std::string reasons;    // for the tooltip
  std::string next_gate;  // "Data feasibility in 8 days", "missed: …", "—"
  int open_blockers = 0;
};

// The glances, computed once per change of the workspace or of the day
// (each scans a project's tasks: too slow for every frame at 10k tasks).
struct HomeState {
  std::uint64_t revision = ~0ull;
  Date today;
  std::map<Id, ProjectGlance> glances;
};

// The home view: the workspace's projects (open, create, rename, delete)
// and what Cairn plans.
void draw_home(ViewContext& ctx, HomeState& state);

// The command that creates a new, empty project (File > New project).
Command new_project_command(IdSource& ids, std::size_t existing_projects);

}  // namespace cairn::ui
