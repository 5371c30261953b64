// The export choice in the File menu (ui/shell.cpp): each format of
// core/export_formats.h is a menu item, for the workspace and per project;
// on the desktop the path dialog opens with the format's file name and
// carries the format to the App.
#include <doctest/doctest.h>

#include <string>

#include "checked_ui.h"
#include "core/export_formats.h"

namespace cairn::uitest {

TEST_SUITE("input") {

TEST_CASE("export choice: File > Export project > NAME > Tasks (CSV) opens the path dialog for a .csv file") {
  const PlanningWorkspace& p = shared_planning();
  const std::string name = p.workspace.find<Project>(p.project)->name;
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::dashboard);
  c.scene = "export menu";
  c.ui.frames(2);
  REQUIRE(c.click_item("File"));
  c.ui.frames(2);
  REQUIRE(c.click_item("Export project"));
  c.ui.frames(2);
  REQUIRE(c.click_item(name));
  c.ui.frames(2);
  REQUIRE(c.click_item("Tasks (CSV)\xE2\x80\xA6"));
  c.ui.frames(2);
  const ui::PathDialog& dialog = c.ui.state().path_dialog;
  CHECK(dialog.mode == ui::PathDialog::Mode::export_file);
  CHECK(dialog.project == p.project);
  CHECK(dialog.format == ExportFormat::tasks_csv);
  CHECK(dialog.path == "/home/user/Documents/" + export_file_name(ExportFormat::tasks_csv, name, format_date(test_today())));
  CHECK(dialog.path.ends_with(".csv"));
  // The dialog's Export button confirms the suggested path (App::export_to writes it).
  bool confirmed = false;
  c.ui.after_frame = [&, registry = c.ui.after_frame] {
    registry();  // CheckedUi's own hook first
    confirmed |= c.ui.last_path_confirmed();
  };
  REQUIRE(c.click_item("Export"));
  c.ui.frames(2);
  CHECK(confirmed);
  CHECK(dialog.mode == ui::PathDialog::Mode::closed);
  check_clean(c);
}

TEST_CASE("export choice: File > Export workspace lists every format; Calendar asks for an .ics path") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::board);
  c.scene = "export workspace menu";
  c.ui.frames(2);
  REQUIRE(c.click_item("File"));
  c.ui.frames(2);
  REQUIRE(c.click_item("Export workspace"));
  c.ui.frames(2);
  for (const ExportFormatInfo& f : export_formats())
    CHECK_MESSAGE(c.items.find(std::string(f.label) + "\xE2\x80\xA6") != nullptr, f.label);
  REQUIRE(c.click_item("Calendar (.ics)\xE2\x80\xA6"));
  c.ui.frames(2);
  const ui::PathDialog& dialog = c.ui.state().path_dialog;
  CHECK(dialog.mode == ui::PathDialog::Mode::export_file);
  CHECK(dialog.project.nil());
  CHECK(dialog.format == ExportFormat::calendar_ics);
  CHECK(dialog.path.ends_with(".ics"));
  check_clean(c);
}

}  // TEST_SUITE

}  // namespace cairn::uitest
