#pragma once
#include "ui/backlog_view.h"
#include "ui/checkins_view.h"
#include "ui/decisions_view.h"
#include "ui/postmortems_view.h"
#include "ui/report_view.h"
#include "ui/dashboard_view.h"
#include "ui/board_view.h"
#include "ui/experiments_view.h"
#include "ui/forecast_runner.h"
#include "ui/gates_view.h"
#include "ui/risks_view.h"
#include "ui/sprints_view.h"
#include "ui/timeline_view.h"
#include "ui/view_context.h"

namespace cairn::ui {

// UI state of the views, kept between frames (not part of the workspace).
struct ViewStates {
  DashboardState dashboard;
  BoardState board;
  BacklogState backlog;
  GatesState gates;
  RisksState risks;
  SprintsState sprints;
  ExperimentsState experiments;
  TimelineState timeline;
  ForecastRunner forecast;  // shared by the gates and the timeline
  ReportState report;
  CheckinsState checkins;
  PostmortemsState postmortems;
  DecisionsState decisions;
};

// One project: its name and health at the top, the views in a bar on the
// left, the chosen view beside it, and the task editor when a task is open.
void draw_project(ViewContext& ctx, ViewStates& states);

}  // namespace cairn::ui
