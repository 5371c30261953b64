#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/forecast.h"
#include "core/schedule_input.h"
#include "core/status_report.h"
#include "ui/file_to_save.h"
#include "ui/markdown_preview.h"
#include "ui/view_context.h"

namespace cairn::ui {

// The report of the open project, rebuilt when the workspace, the project
// or the day changes. The forecast behind it runs a few milliseconds per
// frame (as the dashboard's); the report is computed once it is done and
// rendered again only when the audience changes.
struct ReportState {
  ReportAudience audience = ReportAudience::executive;
  Id project;
  std::uint64_t revision = ~0ull;
  Date today;
  ProjectPlan plan;
  Schedule schedule;
  std::unique_ptr<MonteCarloForecast> forecast;
  std::size_t target_runs = 0;
  bool computed = false;  // `report` matches the workspace
  StatusReport report;
  ReportAudience rendered = ReportAudience::executive;
  std::string markdown;  // the current report as Markdown
  std::vector<Id> kept;  // the project's kept reports, newest first
  Id viewing;            // a kept report shown instead (nil: the current one)
  MarkdownPreview preview;
  FileToSave download;
};

// Audience switch, preview, Copy, Download .md, Keep this report, and the
// list of kept reports.
void draw_report(ViewContext& ctx, ReportState& state);

// For tests: true once the report of the open project is computed.
inline bool report_ready(const ReportState& state) { return state.computed; }

}  // namespace cairn::ui
