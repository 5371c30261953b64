// The communication views by mouse and keyboard: check-ins, post-mortems and
// the decision log, on the 10k-task project.
#include <doctest/doctest.h>

#include <string>

#include "checked_ui.h"
#include "core/checkins.h"

namespace cairn::uitest {
namespace {

using namespace std::string_literals;

// Items of the last frame with this label (hidden "##" labels included).
std::size_t count_items(const CheckedUi& c, std::string_view label) {
  std::size_t n = 0;
  for (const ItemRecord& r : c.items.items()) n += r.label == label ? 1 : 0;
  return n;
}

// Clicks the only ↺ of the view and checks that its list of changes opened.
void open_the_history(CheckedUi& c) {
  REQUIRE(count_items(c, kHistoryButton) == 1);
  open_first_history(c);
}

// The planning workspace with a second project to send tasks to.
Workspace with_second_project(Id& second) {
  Workspace ws = shared_planning().workspace;
  IdSource ids{99};
  second = ids.next();
  Command c;
  c.ops.push_back(CreateItem{"project", second, {}, {{"name", "Platform team"s}}});
  REQUIRE(apply(ws, c).ok);
  return ws;
}

}  // namespace

TEST_SUITE("input") {

TEST_CASE("check-ins: missing people are shown; a typed check-in is one undo step, redo brings it back") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::checkins);
  c.ui.frames(3);
  // Nobody has checked in: every person of the project is shown as missing
  // (Thursday noon: Friday's deadline is ahead), last week as overdue.
  std::size_t people = 0;
  for (const Id id : c.ui.workspace().children_of(p.project)) people += c.ui.workspace().find<Person>(id) ? 1 : 0;
  REQUIRE(people >= 2);
  CHECK(count_items(c, "missing##status") == people);
  REQUIRE(c.click_item("##previous", "view"));
  c.ui.frames(2);
  CHECK(count_items(c, "overdue##status") == people);
  REQUIRE(c.click_item("This week", "view"));
  c.ui.frames(2);

  REQUIRE(c.click_item("Ana Lima", "view"));
  c.ui.frames(2);
  REQUIRE(c.click_item("##Done", "view"));
  c.ui.type("Labelled ");
  c.ui.frames(2);
  c.ui.type("2k images");
  c.ui.frames(2);
  REQUIRE(c.click_item("Ana Lima", "view"));  // leaves the field: the typing run ends
  c.ui.frames(2);
  REQUIRE(c.ui.workspace().all<CheckIn>().size() == 1);
  const CheckIn& written = c.ui.workspace().all<CheckIn>().begin()->second;
  CHECK(written.done == "Labelled 2k images");
  CHECK(written.week == week_of(test_today()));
  CHECK(count_items(c, "missing##status") == people - 1);
  CHECK(count_items(c, "checked in##status") == 1);

  REQUIRE(c.ui.undo().ok);  // one step removes the whole check-in
  CHECK(c.ui.workspace().all<CheckIn>().empty());
  REQUIRE(c.ui.redo().ok);
  REQUIRE(c.ui.workspace().all<CheckIn>().size() == 1);
  CHECK(c.ui.workspace().all<CheckIn>().begin()->second.done == "Labelled 2k images");
  c.ui.frames(2);
  // The written check-in has a history (nobody else's row has one yet).
  open_the_history(c);
  check_clean(c);
}

TEST_CASE("post-mortems: root causes in words (from an import) are shown beside the categories and can be removed") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::postmortems);
  c.ui.frames(3);
  REQUIRE(c.click_item("+ Post-mortem of the project", "view"));
  const Id pm = c.ui.workspace().all<PostMortem>().begin()->first;
  REQUIRE(c.ui.exec(Command{{SetField{pm, "root_causes", StringList{"scope", "Vendor missed the SLA"}}},
                                    Timestamp{1}, "test", "Import"}).ok);
  c.ui.frames(2);
  REQUIRE(c.click_item("Data quality", "view"));  // ticking a category keeps the cause in words
  CHECK(c.ui.workspace().find<PostMortem>(pm)->root_causes == StringList{"data_quality", "scope", "Vendor missed the SLA"});
  c.ui.frames(2);
  REQUIRE(c.click_item("Vendor missed the SLA  \xC3\x97", "view"));
  CHECK(c.ui.workspace().find<PostMortem>(pm)->root_causes == StringList{"data_quality", "scope"});
  check_clean(c);
}

TEST_CASE("post-mortems: an action item becomes a task in another project in one command; undo removes both") {
  const PlanningWorkspace& p = shared_planning();
  Id second;
  CheckedUi c{with_second_project(second)};
  c.show(p.project, ui::View::postmortems);
  c.ui.frames(3);
  REQUIRE(c.click_item("+ Post-mortem of the project", "view"));
  REQUIRE(c.ui.workspace().all<PostMortem>().size() == 1);
  const Id pm = c.ui.workspace().all<PostMortem>().begin()->first;
  c.ui.frames(2);
  REQUIRE(c.click_item("Scope", "view"));  // a root-cause checkbox
  CHECK(c.ui.workspace().find<PostMortem>(pm)->root_causes == StringList{"scope"});
  c.ui.frames(2);
  REQUIRE(c.click_item("+ Action item", "view"));
  c.ui.frames(2);
  REQUIRE(c.click_item("+ Action item", "view"));
  c.ui.frames(2);
  REQUIRE(c.ui.workspace().children_of(pm).size() == 2);
  open_the_history(c);  // the post-mortem's, with its action items'

  const std::size_t tasks = c.ui.workspace().all<Task>().size();
  const std::size_t commands = c.ui.commands_run();
  REQUIRE(c.click_item("Create task\xE2\x80\xA6", "view"));
  c.ui.frames(2);
  REQUIRE(c.click_item("Platform team"));
  c.ui.frames(2);
  CHECK(c.ui.commands_run() == commands + 1);
  REQUIRE(c.ui.workspace().all<Task>().size() == tasks + 1);
  const ActionItem* linked = nullptr;
  for (const auto& [id, a] : c.ui.workspace().all<ActionItem>())
    if (!a.task.nil()) linked = &a;
  REQUIRE(linked != nullptr);
  const Id item = linked->id;
  const Task* task = c.ui.workspace().find<Task>(linked->task);
  REQUIRE(task != nullptr);
  CHECK(task->parent == second);
  CHECK(task->title == "New action item");

  REQUIRE(c.ui.undo().ok);  // one undo: no task, no link
  CHECK(c.ui.workspace().all<Task>().size() == tasks);
  CHECK(c.ui.workspace().find<ActionItem>(item)->task.nil());
  c.ui.frames(2);

  // Both at once, in this project: one more command, one undo step.
  REQUIRE(c.click_item("Create tasks for all\xE2\x80\xA6", "view"));
  c.ui.frames(2);
  const ItemRecord* here = nullptr;
  for (const ItemRecord& r : c.items.items())
    if (r.label.find("(this project)") != std::string::npos) here = &r;
  REQUIRE(here != nullptr);
  c.ui.click(here->center());
  c.ui.frames(2);
  CHECK(c.ui.workspace().all<Task>().size() == tasks + 2);
  for (const auto& [id, a] : c.ui.workspace().all<ActionItem>()) {
    REQUIRE(c.ui.workspace().find<Task>(a.task) != nullptr);
    CHECK(c.ui.workspace().find<Task>(a.task)->parent == p.project);
  }
  // The item shows its task, and a click opens it.
  REQUIRE(c.click_item("New action item", "view"));
  CHECK_FALSE(c.ui.state().nav.open_task.nil());
  c.ui.frames(2);
  REQUIRE(c.ui.undo().ok);
  CHECK(c.ui.workspace().all<Task>().size() == tasks);
  c.ui.frames(2);
  check_clean(c);
}

TEST_CASE("decision log: a decision added shows in the log and in its exports") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::decisions);
  c.ui.frames(3);
  const std::size_t rows_before = count_items(c, "##decision");
  REQUIRE(c.click_item("+ Decision", "view"));
  REQUIRE(c.ui.workspace().all<Decision>().size() == 1);
  c.ui.frames(2);
  CHECK(count_items(c, "##decision") == rows_before + 1);
  REQUIRE(c.click_item("##decision", "view"));
  c.ui.type("Ship the smaller model");
  c.ui.frames(2);
  CHECK(c.ui.workspace().all<Decision>().begin()->second.decision == "Ship the smaller model");
  // A download asks for a path on the desktop (the App takes the view's file).
  REQUIRE(c.click_item("Download CSV", "view"));
  const ui::FileToSave& csv = c.ui.state().views.decisions.download;
  const ui::PathDialog& dialog = c.ui.state().path_dialog;
  CHECK_FALSE(csv.requested);
  CHECK(dialog.mode == ui::PathDialog::Mode::save_text);
  CHECK(csv.name.size() > 4);
  CHECK(csv.name.substr(csv.name.size() - 4) == ".csv");
  CHECK(dialog.path == "/home/user/Documents/" + csv.name);
  CHECK(csv.text.find("New decision,,Ship the smaller model") != std::string::npos);
  c.ui.frames(2);
  c.ui.key(ImGuiKey_Escape);  // cancels the path dialog
  c.ui.frames(2);
  REQUIRE(c.click_item("Download Markdown", "view"));
  CHECK(c.ui.state().views.decisions.download.text.find("Ship the smaller model") != std::string::npos);
  CHECK(dialog.path.ends_with(".md"));
  c.ui.frames(2);
  c.ui.key(ImGuiKey_Escape);
  c.ui.frames(2);
  open_the_history(c);  // only a decision of the log's own has one (gate decisions: in the gates view)
  check_clean(c);
}

}  // TEST_SUITE

}  // namespace cairn::uitest
