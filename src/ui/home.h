#pragma once
#include "core/id.h"
#include "core/workspace.h"
#include "ui/commands_out.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/view_context.h"

namespace cairn::ui {

// The home view: the workspace's projects (open, create, rename, delete)
// and what Cairn plans.
void draw_home(ViewContext& ctx);

// The command that creates a new, empty project (File > New project).
Command new_project_command(IdSource& ids, std::size_t existing_projects);

}  // namespace cairn::ui
