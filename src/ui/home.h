#pragma once
#include "core/id.h"
#include "core/workspace.h"
#include "ui/commands_out.h"
#include "ui/fonts.h"
#include "ui/theme.h"

namespace cairn::ui {

// The home view: the workspace's projects (create, rename, delete) and what
// Cairn plans. The planning views of a project arrive with later releases.
void draw_home(const Workspace& workspace, IdSource& ids, Theme theme, const Fonts& fonts, CommandSink& out);

// The command that creates a new, empty project (File > New project).
Command new_project_command(IdSource& ids, std::size_t existing_projects);

}  // namespace cairn::ui
