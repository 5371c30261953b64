// Imports from Jira, Linear and Trello (core/foreign_import.h) on sample
// files written in each tool's documented export layout
// (tests/fixtures/import/, docs/import.md).
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "core/command_stack.h"
#include "core/foreign_import.h"
#include "support/random_workspace.h"

using namespace cairn;

namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(CAIRN_TEST_DATA_DIR) + "/fixtures/import/" + name, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), name);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

ForeignSource read_fixture(const std::string& name) {
  const ForeignRead read = read_foreign_file(name, fixture(name));
  REQUIRE_MESSAGE(read.ok, read.error);
  return read.source;
}

const PreviewTask& task_titled(const ForeignPlan& plan, std::string_view title) {
  const auto it = std::find_if(plan.tasks.begin(), plan.tasks.end(), [&](const PreviewTask& t) { return t.title == title; });
  REQUIRE_MESSAGE(it != plan.tasks.end(), title);
  return *it;
}

const Task* stored_task(const Workspace& ws, std::string_view title) {
  for (const auto& [id, t] : ws.all<Task>())
    if (t.title == title) return &t;
  return nullptr;
}

bool has(const StringList& list, std::string_view s) { return std::find(list.begin(), list.end(), s) != list.end(); }

bool mentions(const std::vector<std::string>& lines, std::string_view a, std::string_view b = {}) {
  return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) {
    return l.find(a) != std::string::npos && l.find(b) != std::string::npos;
  });
}

}  // namespace

TEST_CASE("foreign import: the tool is recognised from the CSV header or the JSON keys") {
  CHECK(read_fixture("jira-issues.csv").tool == ForeignTool::jira);
  CHECK(read_fixture("linear-issues.csv").tool == ForeignTool::linear);
  CHECK(read_fixture("trello-board.json").tool == ForeignTool::trello);
  CHECK(read_foreign_file("tasks.csv", "Title,Owner\nA,B\n").source.tool == ForeignTool::csv);

  CHECK(is_foreign_file("jira-issues.csv", fixture("jira-issues.csv")));
  CHECK(is_foreign_file("board.json", fixture("trello-board.json")));
  CHECK(is_foreign_file("export", "Summary,Issue key\nA,B\n"));
  CHECK_FALSE(is_foreign_file("cairn.json", R"({"format":"cairn","version":1,"items":[]})"));
  CHECK_FALSE(is_foreign_file("broken.json", fixture("broken.json")));  // JSON errors: the Cairn path reports them
}

TEST_CASE("foreign import: Jira's layout maps onto tasks, with links, parents, estimates and every skip explained") {
  const ForeignSource source = read_fixture("jira-issues.csv");
  const ForeignImportOptions options = default_options(source);
  CHECK(options.estimate_unit == EstimateUnit::seconds);
  CHECK(source.table.header[options.mapping[ImportField::title]] == "Summary");
  CHECK(source.table.header[options.mapping[ImportField::blocks]] == "Outward issue link (Blocks)");
  CHECK(options.new_project_name == "jira-issues");

  IdSource ids(1);
  const ForeignPlan plan = plan_foreign_import(source, options, Workspace{}, ids);
  REQUIRE_MESSAGE(plan.ok, plan.error);
  CHECK(plan.tasks.size() == 6);  // ML-6 has no summary
  CHECK(mentions(plan.skipped, "line 9", "no title"));

  const PreviewTask& collect = task_titled(plan, "Collect raw events, dedupe");
  CHECK(collect.key == "ML-2");
  CHECK(collect.status == TaskStatus::done);
  CHECK(collect.assignee == "Jos\xC3\xA9 \xC3\x81lvarez");
  CHECK(collect.likely_days == doctest::Approx(4.0));  // 115200 s at 8 h a day
  CHECK(collect.actual_days == doctest::Approx(3.0));
  CHECK(collect.due == parse_date("2024-01-15"));
  CHECK(has(collect.tags, "data"));
  CHECK(has(collect.tags, "ingest"));  // the second "Labels" column
  CHECK(has(collect.tags, "priority:medium"));
  CHECK(has(collect.tags, "type:story"));
  CHECK(has(collect.tags, "sprint:Sprint 1"));
  CHECK(has(collect.tags, "ML-2"));
  CHECK(has(collect.tags, "parent:ML-1"));  // "10001" is ML-1's issue id
  CHECK(collect.description.rfind("Parent: ML-1 \xE2\x80\x94 Data pipeline epic\n\nPull the \"events\" table, then:\n- drop duplicates\n", 0) == 0);

  const PreviewTask& label = task_titled(plan, "Label 5k support tickets");
  CHECK(label.status == TaskStatus::backlog);  // "Waiting for legal" is unknown
  CHECK(mentions(plan.skipped, "Waiting for legal", "imported as backlog"));
  CHECK(label.assignee == "Zo\xC3\xAB Martin");
  CHECK_FALSE(label.likely_days.has_value());  // empty estimate
  CHECK(label.due == parse_date("2024-01-31"));
  CHECK(label.blocked_by == std::vector<std::string>{"ML-2"});

  CHECK(task_titled(plan, "Feature store schema").likely_days == doctest::Approx(2.0));
  CHECK(task_titled(plan, "Feature store schema").assignee == "\xE6\x9D\x8E\xE6\x98\x8E");
  CHECK_FALSE(has(task_titled(plan, "Feature store schema").tags, "priority:none"));
  CHECK(mentions(plan.skipped, "\xE2\x80\x9C" "abc\xE2\x80\x9D", "not a number"));
  CHECK(mentions(plan.skipped, "\xE2\x80\x9Csomeday\xE2\x80\x9D", "not a date"));
  CHECK(mentions(plan.skipped, "ML-9", "not in this file"));
  CHECK(mentions(plan.skipped, "parent \xE2\x80\x9CML-99\xE2\x80\x9D", "tag parent:ML-99"));
  CHECK(task_titled(plan, "Evaluate on holdout").status == TaskStatus::in_progress);  // "In Review"
  // Links named on both sides (outward on ML-2, inward on ML-3) count once.
  CHECK(plan.dependencies == 3);
  CHECK(plan.new_people.size() == 3);
}

TEST_CASE("foreign import: applying is one command; one undo restores the workspace exactly") {
  const Workspace start = testing::random_workspace(5, 2, 3, /*history=*/false);
  const Id project = start.all<Project>().begin()->first;
  const ForeignSource source = read_fixture("jira-issues.csv");
  ForeignImportOptions options = default_options(source);
  options.project = project;
  IdSource ids(2);
  ForeignPlan plan = plan_foreign_import(source, options, start, ids);
  REQUIRE_MESSAGE(plan.ok, plan.error);

  Workspace ws = start;
  CommandStack stack(ws, "test", [] { return Timestamp{1'700'000'000'000}; });
  const std::size_t tasks_before = start.all<Task>().size();
  const ApplyResult r = stack.exec(std::move(plan.command));
  REQUIRE_MESSAGE(r.ok, r.error);
  CHECK(ws.all<Task>().size() == tasks_before + 6);
  CHECK(ws.all<Dependency>().size() == start.all<Dependency>().size() + 3);
  CHECK(stack.undo_label() == "Import 6 tasks from Jira");

  const Task* label = stored_task(ws, "Label 5k support tickets");
  REQUIRE(label != nullptr);
  CHECK(label->parent == project);
  const Person* zoe = ws.find<Person>(label->assignee);
  REQUIRE(zoe != nullptr);
  CHECK(zoe->name == "Zo\xC3\xAB Martin");
  CHECK(zoe->parent == project);
  const Task* collect = stored_task(ws, "Collect raw events, dedupe");
  bool linked = false;
  for (const Id child : ws.children_of(label->id))
    if (const Dependency* d = ws.find<Dependency>(child))
      linked |= d->predecessor == collect->id && d->type == DependencyType::finish_to_start;
  CHECK(linked);

  REQUIRE(stack.undo().ok);
  CHECK(ws.same_items(start));
  CHECK_FALSE(stack.can_undo());
}

TEST_CASE("foreign import: existing people are matched by name, new names become people once") {
  Workspace ws;
  IdSource ids(3);
  const Id project = ids.next(), zoe = ids.next();
  Command setup{{CreateItem{"project", project, Id{}, {{"name", std::string("Churn")}}},
                 CreateItem{"person", zoe, project, {{"name", std::string("zo\xC3\xAB martin")}}}}};
  REQUIRE(apply(ws, setup).ok);
  const ForeignSource source = read_fixture("jira-issues.csv");
  ForeignImportOptions options = default_options(source);
  options.project = project;
  ForeignPlan plan = plan_foreign_import(source, options, ws, ids);
  REQUIRE(plan.ok);
  CHECK(plan.new_people.size() == 2);  // José and 李明; Zoë exists
  REQUIRE(apply(ws, plan.command).ok);
  CHECK(ws.all<Person>().size() == 3);
  CHECK(stored_task(ws, "Label 5k support tickets")->assignee == zoe);
}

TEST_CASE("foreign import: Linear's layout: points stay points unless given a rate, statuses, BOM, links") {
  const ForeignSource source = read_fixture("linear-issues.csv");
  ForeignImportOptions options = default_options(source);
  CHECK(options.estimate_unit == EstimateUnit::points);
  CHECK(source.table.header[options.mapping[ImportField::sprint]] == "Cycle Name");
  IdSource ids(4);
  ForeignPlan plan = plan_foreign_import(source, options, Workspace{}, ids);
  REQUIRE_MESSAGE(plan.ok, plan.error);
  REQUIRE(plan.tasks.size() == 5);
  const PreviewTask& ranking = task_titled(plan, "Ranking service");
  CHECK_FALSE(ranking.likely_days.has_value());
  CHECK(has(ranking.tags, "points:8"));
  CHECK(has(ranking.tags, "Backend"));
  CHECK(has(ranking.tags, "ML"));  // "Backend, ML" split at the comma
  CHECK(has(ranking.tags, "sprint:Cycle 3"));
  CHECK(ranking.start == parse_date("2024-03-02"));
  CHECK(ranking.due == parse_date("2024-03-29"));
  const PreviewTask& load = task_titled(plan, "Load test, p95 < 80 ms");
  CHECK(load.description.find("Use k6;\nreport p50, p95\nand p99") != std::string::npos);
  CHECK(load.blocked_by == std::vector<std::string>{"ENG-10"});
  CHECK(has(load.tags, "parent:ENG-10"));
  CHECK(task_titled(plan, "Drop legacy recommender").status == TaskStatus::done);  // Canceled
  CHECK(task_titled(plan, "Offline metrics dashboard").status == TaskStatus::backlog);
  CHECK(mentions(plan.skipped, "Ready for QA", "imported as backlog"));
  CHECK(mentions(plan.skipped, "ENG-404", "not in this file"));
  CHECK(plan.dependencies == 2);
  CHECK_FALSE(has(task_titled(plan, "Candidate generation (\xE4\xB8\xAD\xE6\x96\x87 catalogue)").tags, "priority:no priority"));

  options.days_per_point = 0.5;
  plan = plan_foreign_import(source, options, Workspace{}, ids);
  CHECK(task_titled(plan, "Ranking service").likely_days == doctest::Approx(4.0));
  CHECK_FALSE(has(task_titled(plan, "Ranking service").tags, "points:8"));
}

TEST_CASE("foreign import: Trello's board: lists are statuses, members people, checklists the definition of done") {
  const ForeignSource source = read_fixture("trello-board.json");
  CHECK(source.board_name == "Vision QA board");
  const ForeignImportOptions options = default_options(source);
  CHECK(options.new_project_name == "Vision QA board");
  IdSource ids(5);
  ForeignPlan plan = plan_foreign_import(source, options, Workspace{}, ids);
  REQUIRE_MESSAGE(plan.ok, plan.error);
  REQUIRE(plan.tasks.size() == 4);  // an archived card and a card in an archived list are left out
  CHECK(mentions(plan.skipped, "1 archived card"));
  CHECK(mentions(plan.skipped, "archived lists"));
  const PreviewTask& collect = task_titled(plan, "Collect 10k images");
  CHECK(collect.status == TaskStatus::in_progress);  // "Doing"
  CHECK(collect.assignee == "Zo\xC3\xAB Martin");
  CHECK(mentions(plan.skipped, "card 1", "more members"));
  CHECK(collect.start == parse_date("2024-05-01"));
  CHECK(collect.due == parse_date("2024-05-20"));
  CHECK(has(collect.tags, "data"));
  CHECK(collect.checklist_items == 2);
  CHECK(has(task_titled(plan, "Label defects").tags, "red"));  // an unnamed label: its colour
  CHECK(task_titled(plan, "Pick the backbone").status == TaskStatus::done);
  CHECK(mentions(plan.skipped, "Parking lot", "imported as backlog"));

  Workspace ws;
  REQUIRE(apply(ws, plan.command).ok);
  CHECK(ws.all<Project>().begin()->second.name == "Vision QA board");
  CHECK(ws.all<Person>().size() == 2);  // Zoë (first member of card 1) and 陈静
  std::vector<std::pair<std::string, bool>> dod;
  const Task* task = stored_task(ws, "Collect 10k images");
  for (const Id child : ws.children_of(task->id))
    if (const ChecklistItem* item = ws.find<ChecklistItem>(child)) dod.push_back({item->text, item->done});
  std::sort(dod.begin(), dod.end());
  CHECK(dod == std::vector<std::pair<std::string, bool>>{{"Images de-identified", true}, {"Licences checked", false}});
}

TEST_CASE("foreign import: changing the mapping changes the preview") {
  const ForeignSource source = read_fixture("jira-issues.csv");
  ForeignImportOptions options = default_options(source);
  options.mapping[ImportField::assignee] = -1;
  options.mapping[ImportField::labels] = -1;
  options.mapping[ImportField::estimate] = -1;
  IdSource ids(6);
  const ForeignPlan plan = plan_foreign_import(source, options, Workspace{}, ids);
  REQUIRE(plan.ok);
  CHECK(plan.new_people.empty());
  CHECK(task_titled(plan, "Collect raw events, dedupe").assignee.empty());
  CHECK_FALSE(has(task_titled(plan, "Collect raw events, dedupe").tags, "ingest"));
  CHECK_FALSE(task_titled(plan, "Feature store schema").likely_days.has_value());
  // The reporter as the title: every row has one.
  options.mapping[ImportField::title] = 10;
  CHECK(plan_foreign_import(source, options, Workspace{}, ids).tasks.size() == 7);
  options.mapping[ImportField::title] = -1;
  CHECK(plan_foreign_import(source, options, Workspace{}, ids).error.find("title") != std::string::npos);
}

TEST_CASE("foreign import: bad files are refused with the problem named, and nothing is planned") {
  const auto error_of = [](const std::string& name) {
    const ForeignRead read = read_foreign_file(name, fixture(name));
    CHECK_FALSE(read.ok);
    return read.error;
  };
  CHECK(error_of("latin1.csv").find("Latin-1/Windows-1252") != std::string::npos);
  CHECK(error_of("latin1.csv").find("line 2") != std::string::npos);
  CHECK(error_of("utf16.csv").find("saved as UTF-16") != std::string::npos);
  const std::string missing = error_of("missing-title-column.csv");
  CHECK(missing.find("no title column") != std::string::npos);
  CHECK(missing.find("Issue key, Issue id, Issue Type, Status, Assignee") != std::string::npos);
  CHECK(error_of("unterminated-quote.csv").find("line 3") != std::string::npos);
  CHECK(error_of("broken.json").find("broken JSON at line") != std::string::npos);
  CsvLimits tiny;
  tiny.max_bytes = 100;
  CHECK(read_foreign_file("jira-issues.csv", fixture("jira-issues.csv"), tiny)
            .error.find("bytes; files over 100 bytes are refused") != std::string::npos);
}

TEST_CASE("foreign import: dates in the forms the tools write") {
  CHECK(parse_foreign_date("2024-03-29") == parse_date("2024-03-29"));
  CHECK(parse_foreign_date("2024-03-29T23:30:00.000Z") == parse_date("2024-03-29"));
  CHECK(parse_foreign_date("22/Mar/24 3:14 PM") == parse_date("2024-03-22"));
  CHECK(parse_foreign_date("5/Dec/2023") == parse_date("2023-12-05"));
  CHECK(parse_foreign_date("2024/03/22") == parse_date("2024-03-22"));
  CHECK_FALSE(parse_foreign_date("03/04/24").has_value());  // day and month order unknown
  CHECK_FALSE(parse_foreign_date("31/Feb/24").has_value());
  CHECK_FALSE(parse_foreign_date("someday").has_value());
}

TEST_CASE("foreign import: 10k rows with labels and links plan and apply") {
  std::string csv = "Summary,Issue key,Issue id,Issue Type,Status,Labels,Labels,Original Estimate,Outward issue link (Blocks)\n";
  for (int i = 1; i <= 10000; ++i)
    csv += "Task " + std::to_string(i) + ",K-" + std::to_string(i) + "," + std::to_string(i) + ",Task,To Do,a,b,3600,K-" +
           std::to_string(i + 1) + "\n";
  const ForeignRead read = read_foreign_file("big.csv", csv);
  REQUIRE(read.ok);
  IdSource ids(7);
  const ForeignPlan plan = plan_foreign_import(read.source, default_options(read.source), Workspace{}, ids);
  REQUIRE(plan.ok);
  CHECK(plan.tasks.size() == 10000);
  CHECK(plan.dependencies == 9999);  // the last one points past the file
  Workspace ws;
  CHECK(apply(ws, plan.command).ok);
  CHECK(ws.all<Task>().size() == 10000);
}
