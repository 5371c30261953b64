// The import dialog of a Jira CSV (ui/import_dialog.h), driven by mouse and
// keyboard: a mapping changed in a combo changes the preview, Import creates
// everything in one undo step, Cancel creates nothing.
#include <doctest/doctest.h>

#include <string>

#include "checked_ui.h"
#include "core/foreign_import.h"

namespace cairn::uitest {
namespace {

// A Jira export in its documented layout (tests/fixtures/import/ has a larger one).
constexpr const char* kJira =
    "Summary,Issue key,Issue id,Issue Type,Status,Priority,Assignee,Labels,Labels,Original Estimate,"
    "Inward issue link (Blocks),Outward issue link (Blocks)\r\n"
    "\"Collect events, dedupe\",ML-1,101,Task,Done,High,Jos\xC3\xA9 \xC3\x81lvarez,data,ingest,57600,,ML-2\r\n"
    "\"Label tickets\nin two languages\",ML-2,102,Task,Waiting for legal,Low,Zo\xC3\xAB Martin,labelling,,,ML-1,\r\n"
    "Baseline model,ML-3,103,Story,To Do,Medium,,,,28800,,\r\n";

ForeignSource jira_source() {
  const ForeignRead read = read_foreign_file("jira.csv", kJira);
  REQUIRE_MESSAGE(read.ok, read.error);
  return read.source;
}

}  // namespace

TEST_SUITE("input") {

TEST_CASE("import dialog: a changed column mapping changes the preview; Import is one undo step") {
  CheckedUi c{Workspace{}};
  c.scene = "import dialog";
  c.ui.state().import_dialog.open(jira_source());
  c.ui.frames(3);
  const ui::ImportDialogState& d = c.ui.state().import_dialog;
  REQUIRE(d.visible);
  REQUIRE(d.plan.ok);
  CHECK(d.plan.tasks.size() == 3);
  CHECK(d.plan.new_people.size() == 2);
  CHECK(d.plan.dependencies == 1);
  CHECK(d.plan.tasks[1].status == TaskStatus::backlog);  // "Waiting for legal"
  CHECK_FALSE(d.plan.skipped.empty());

  // Assignee <- (none): nobody is assigned, no people are made.
  REQUIRE(c.click_item("##map_Assignee", "Import tasks"));
  c.ui.frames(2);
  REQUIRE(c.click_item("(none)", "##Combo"));
  c.ui.frames(2);
  CHECK(d.plan.new_people.empty());
  CHECK(d.plan.tasks[0].assignee.empty());

  REQUIRE(c.click_item("Import 3 tasks", "Import tasks"));
  c.ui.frames(3);
  CHECK_FALSE(d.visible);
  const Workspace& ws = c.ui.workspace();
  CHECK(ws.all<Project>().size() == 1);
  CHECK(ws.all<Project>().begin()->second.name == "jira");
  CHECK(ws.all<Task>().size() == 3);
  CHECK(ws.all<Person>().empty());
  CHECK(ws.all<Dependency>().size() == 1);
  CHECK(c.ui.stack().undo_label() == "Import jira.csv");
  CHECK(c.ui.state().notice.title == "Imported");
  CHECK(c.ui.state().nav.view == ui::View::backlog);

  c.ui.key(ImGuiKey_Enter);  // dismiss the notice
  c.ui.frames(2);
  c.ui.key(ImGuiMod_Ctrl | ImGuiKey_Z);
  c.ui.frames(2);
  CHECK(c.ui.workspace().size() == 0);  // one undo removed the whole import
  check_clean(c);
}

TEST_CASE("import dialog: into an existing project, confirmed with Enter; Escape cancels with nothing written") {
  Workspace start;
  IdSource ids(11);
  const Id project = ids.next();
  REQUIRE(apply(start, Command{{CreateItem{"project", project, Id{}, {{"name", std::string("Churn")}}}}}).ok);
  CheckedUi c{start};
  c.ui.state().import_dialog.open(jira_source());
  c.ui.frames(3);
  REQUIRE(c.click_item("##target", "Import tasks"));
  c.ui.frames(2);
  REQUIRE(c.click_item("Churn", "##Combo"));
  c.ui.frames(2);
  CHECK(c.ui.state().import_dialog.options.project == project);
  c.ui.key(ImGuiKey_Escape);
  c.ui.frames(2);
  CHECK_FALSE(c.ui.state().import_dialog.visible);
  CHECK(c.ui.workspace().same_items(start));
  CHECK(c.ui.commands_run() == 0);

  c.ui.state().import_dialog.open(jira_source());
  c.ui.frames(3);
  c.ui.state().import_dialog.target = 1;  // Churn, as picked above
  c.ui.frames(2);
  c.ui.key(ImGuiKey_Enter);
  c.ui.frames(3);
  CHECK(c.ui.workspace().all<Project>().size() == 1);
  CHECK(c.ui.workspace().all<Task>().size() == 3);
  for (const auto& [id, t] : c.ui.workspace().all<Task>()) CHECK(t.parent == project);
  check_clean(c);
}

}  // TEST_SUITE
}  // namespace cairn::uitest
