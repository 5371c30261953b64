// The status report view: the audience switch changes the text, "Keep this
// report" creates one Report item in one undoable step, a kept report can
// be viewed, Copy and Download hand over the Markdown shown; no id clashes.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "checked_ui.h"
#include "core/display_time.h"
#include "ui/report_view.h"

namespace cairn::uitest {
namespace {

// A small project with a priced metric, a blocker, a gate and a risk.
struct SmallProject {
  Workspace ws;
  Id project, task, metric;

  SmallProject() {
    IdSource ids(42);
    project = ids.next();
    task = ids.next();
    metric = ids.next();
    const Id gate = ids.next();
    Command c;
    c.label = "setup";
    c.ops = {CreateItem{"project", project, {}, {{"name", std::string("Defect detection")}, {"budget", 50000.0}}},
             CreateItem{"task", task, project, {{"title", std::string("Label 10k images")}, {"likely_days", 4.0}}},
             CreateItem{"task", ids.next(), project, {{"title", std::string("Train v1")}, {"likely_days", 3.0}}},
             CreateItem{"blocker", ids.next(), task, {{"text", std::string("Waiting for the labelling vendor")}}},
             CreateItem{"metric", metric, project,
                        {{"name", std::string("Precision")}, {"unit", std::string("%")}, {"baseline", 78.0},
                         {"target", 85.0}, {"value_per_unit", 4000.0}}},
             CreateItem{"metric_reading", ids.next(), metric, {{"on", Date{20000}}, {"value", 82.0}}},
             CreateItem{"gate", gate, project, {{"name", std::string("Pilot go/no-go")}}},
             CreateItem{"gate_criterion", ids.next(), gate, {{"metric", metric}, {"threshold", 80.0}}},
             CreateItem{"risk", ids.next(), project, {{"title", std::string("Label noise")}, {"likelihood", std::int64_t{4}}}}};
    const ApplyResult r = apply(ws, c);
    REQUIRE_MESSAGE(r.ok, r.error);
  }
};

// Frames until the report is computed (the forecast runs over frames).
void wait_for_report(CheckedUi& c) {
  for (int i = 0; i < 500 && !ui::report_ready(c.ui.state().views.report); ++i) c.ui.frame();
  REQUIRE(ui::report_ready(c.ui.state().views.report));
  c.ui.frame();
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_SUITE("input") {

TEST_CASE("status report: audience switch, keep (undoable), view a kept report, copy, download") {
  SmallProject s;
  CheckedUi c{s.ws};
  c.show(s.project, ui::View::report);
  wait_for_report(c);
  const ui::ReportState& state = c.ui.state().views.report;
  CHECK(state.audience == ReportAudience::executive);
  const std::string executive = state.markdown;
  CHECK(executive.starts_with("# Status report: Defect detection\n"));
  CHECK(contains(executive, "Executive summary"));
  CHECK(contains(executive, "$16,000 a month"));

  // The audience switch changes the text.
  REQUIRE(c.click_item("The team", "view"));
  c.ui.frame();
  CHECK(state.audience == ReportAudience::team);
  CHECK(state.markdown != executive);
  CHECK(contains(state.markdown, "Team detail"));
  CHECK(contains(state.markdown, "## Forecast"));
  const std::string team = state.markdown;

  // Copy puts the shown Markdown on the clipboard.
  REQUIRE(c.click_item("Copy", "view"));
  ImGui::SetCurrentContext(c.ui.context());
  REQUIRE(ImGui::GetClipboardText() != nullptr);
  CHECK(std::string(ImGui::GetClipboardText()) == team);

  // Download hands the App a file to save: on the desktop it asks for a path.
  REQUIRE(c.click_item("Download .md", "view"));
  CHECK_FALSE(state.download.requested);
  CHECK(state.download.name.ends_with("-status-report.md"));
  CHECK(state.download.text == team);
  CHECK(c.ui.state().path_dialog.mode == ui::PathDialog::Mode::save_text);
  CHECK(c.ui.state().path_dialog.path == "/home/user/Documents/" + state.download.name);
  c.ui.frames(2);
  c.ui.key(ImGuiKey_Escape);  // cancels the path dialog
  c.ui.frames(2);

  // Keep: one Report item, one undo step.
  const std::size_t items = c.ui.workspace().size();
  REQUIRE(c.click_item("Keep this report", "view"));
  const Workspace& ws = c.ui.workspace();
  REQUIRE(ws.all<Report>().size() == 1);
  CHECK(ws.size() == items + 1);
  const Report kept = ws.all<Report>().begin()->second;
  CHECK(kept.parent == s.project);
  CHECK(kept.audience == ReportAudience::team);
  CHECK(kept.markdown == team);
  CHECK(kept.tasks_total == 2);
  CHECK(kept.open_blockers == 1);
  REQUIRE(kept.metric_values.size() == 1);
  CHECK(kept.metric_values[0] == s.metric.to_string() + "=82");
  CHECK(c.ui.stack().undo_label() == "Keep status report");

  // The next report compares with the kept one.
  wait_for_report(c);
  CHECK(contains(state.markdown, "Compared with the report of"));

  // View the kept report from the list, then go back.
  REQUIRE(c.click_item(format_shown_time(kept.taken_at, "", TimeZones{}), "kept", /*prefix=*/true));
  c.ui.frame();
  CHECK(state.viewing == kept.id);
  CHECK(state.preview.source == kept.markdown);
  CHECK(c.items.find("Keep this report", "view") == nullptr);  // a kept report is kept already
  REQUIRE(c.click_item("Back to the current report", "view"));
  c.ui.frame();
  CHECK(state.viewing.nil());

  // Times follow the display zone chosen in the settings: the kept report is
  // listed in Tokyo's time (UTC+09:00, no summer time) once it is chosen.
  c.ui.state().show_settings = true;
  c.ui.frames(2);
  REQUIRE(c.click_item("Another zone", "Settings"));  // nothing typed yet: focuses the field
  c.ui.frames(2);
  CHECK(c.ui.preferences().display_zone.empty());
  c.ui.type("Asia/Tokyo");
  c.ui.frames(2);
  CHECK(c.ui.preferences().display_zone == "Asia/Tokyo");
  c.ui.state().show_settings = false;
  c.ui.frames(2);
  const Timestamp tokyo{kept.taken_at.ms + 9 * 3'600'000};
  const std::string local = format_timestamp(tokyo);
  CHECK(c.items.find(local.substr(0, 10) + " " + local.substr(11, 5) + " UTC+09:00", "kept", /*prefix=*/true) != nullptr);

  // Undo removes it; the report goes back to having nothing to compare with.
  c.ui.key(ImGuiMod_Ctrl | ImGuiKey_Z);
  CHECK(c.ui.workspace().all<Report>().empty());
  wait_for_report(c);
  CHECK(contains(state.markdown, "No earlier report was kept"));
  check_clean(c);
}

TEST_CASE("status report of the 10k-task project: the forecast is spread over frames") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::report);
  c.ui.frame();
  CHECK(c.ui.last_busy());  // still forecasting: asks for another frame
  CHECK_FALSE(ui::report_ready(c.ui.state().views.report));
  int frames = 1;
  double slowest_forecast_frame = 0;
  while (!ui::report_ready(c.ui.state().views.report) && frames < 2000) {
    c.ui.frame();
    ++frames;
    if (!ui::report_ready(c.ui.state().views.report))
      slowest_forecast_frame = std::max(slowest_forecast_frame, c.ui.last_times().draw);
  }
  REQUIRE(ui::report_ready(c.ui.state().views.report));
  CHECK(frames > 2);
  const double report_frame = c.ui.last_times().draw;
  c.ui.frames(3);
  MESSAGE("10k tasks: report ready after " << frames << " frames; slowest forecasting frame " << slowest_forecast_frame
                                           << " ms, the frame computing the report " << report_frame
                                           << " ms, an idle frame " << c.ui.last_times().draw << " ms");
  CHECK(contains(c.ui.state().views.report.markdown, "# Status report:"));
  // Switching audience only renders again: no new forecast.
  REQUIRE(c.click_item("The team", "view"));
  c.ui.frame();
  CHECK(ui::report_ready(c.ui.state().views.report));
  CHECK_FALSE(c.ui.last_busy());
  check_clean(c);
}

}  // TEST_SUITE

}  // namespace cairn::uitest
