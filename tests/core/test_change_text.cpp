#include <doctest/doctest.h>

#include "core/change_text.h"
#include "core/command_stack.h"
#include "core/fields.h"
#include "support/one_op.h"

using namespace cairn;
using cairn::testing::op;

namespace {

// A task edited through commands, as the views do: its history is what the
// task editor shows.
struct Fixture {
  Workspace ws;
  std::int64_t now = 0;
  CommandStack stack{ws, "grace", [this] { return Timestamp{++now}; }};
  IdSource ids{11};
  Id project = ids.next();
  Id task = ids.next();
  Id person = ids.next();
  const std::size_t task_kind = kKindIndex<Task>;

  Fixture() {
    REQUIRE(stack.exec(op(CreateItem{"project", project, {}, {}})).ok);
    REQUIRE(stack.exec(op(CreateItem{"task", task, project, {{"title", std::string("Label images")}}})).ok);
    REQUIRE(stack.exec(op(CreateItem{"person", person, project, {{"name", std::string("Mei Chen")}}})).ok);
  }
  void set(const char* field, Value value) { REQUIRE(stack.exec(op(SetField{task, field, std::move(value)})).ok); }
  ChangeText last() const { return describe_change(ws, task_kind, ws.history(task).back()); }
};

}  // namespace

TEST_CASE_FIXTURE(Fixture, "a task's history reads as what changed, from what, to what") {
  CHECK(describe_change(ws, task_kind, ws.history(task).front()) == ChangeText{"Created", "", ""});

  set("title", std::string("Label 2,500 defect images"));
  CHECK(last() == ChangeText{"Title", "“Label images”", "“Label 2,500 defect images”"});

  set("status", std::string("in_progress"));
  CHECK(last() == ChangeText{"Status", "Backlog", "In progress"});

  set("assignee", person);
  CHECK(last() == ChangeText{"Assignee", "none", "“Mei Chen”"});

  set("likely_days", 2.5);
  CHECK(last() == ChangeText{"Likely days", "none", "2.5"});
  set("likely_days", 4.0);
  CHECK(last() == ChangeText{"Likely days", "2.5", "4"});

  set("due", *parse_date("2026-03-08"));
  CHECK(last() == ChangeText{"Due", "none", "2026-03-08"});

  set("tags", StringList{"data", "eval"});
  CHECK(last() == ChangeText{"Tags", "none", "data, eval"});

  set("description", std::string());
  CHECK(last() == ChangeText{"Description", "empty", "empty"});
}

TEST_CASE_FIXTURE(Fixture, "an id names the item it points to, or says it is gone or untitled") {
  set("assignee", person);
  const Change assigned = ws.history(task).back();
  CHECK(describe_change(ws, task_kind, assigned).after == "“Mei Chen”");
  // Ids are read when the history is shown: a removed person no longer has a name.
  REQUIRE(stack.exec(op(RemoveItem{person})).ok);
  CHECK(describe_change(ws, task_kind, assigned).after == "a removed item");

  const Id untitled = ids.next();
  REQUIRE(stack.exec(op(CreateItem{"checklist_item", untitled, task, {}})).ok);
  CHECK(value_text(ws, Value{untitled}) == "an untitled checklist item");
  CHECK(value_text(ws, Value{Id{}}) == "none");
}

TEST_CASE("names read as labels: words capitalised, acronyms and brands as written") {
  CHECK(label_of_name("in_progress") == "In progress");
  CHECK(label_of_name("likely_days") == "Likely days");
  CHECK(label_of_name("todo") == "To do");
  CHECK(label_of_name("ml") == "ML");
  CHECK(label_of_name("mlflow") == "MLflow");
  CHECK(label_of_name("wandb") == "W&B");
  CHECK(label_of_name("dvc") == "DVC");
  CHECK(label_of_name("nlp_llm") == "NLP/LLM");
  CHECK(label_of_name("privacy_compliance") == "Privacy/compliance");
}

TEST_CASE("values read as a person would") {
  Workspace ws;
  CHECK(value_text(ws, Value{Null{}}) == "none");
  CHECK(value_text(ws, Value{true}) == "yes");
  CHECK(value_text(ws, Value{false}) == "no");
  CHECK(value_text(ws, Value{std::int64_t{42}}) == "42");
  CHECK(value_text(ws, Value{0.1 + 0.2}) == "0.3");
  CHECK(value_text(ws, Value{1234567.0}) == "1234567");
  CHECK(value_text(ws, Value{StringList{}}) == "none");
  CHECK(value_text(ws, Value{*parse_timestamp("2026-11-26T15:42:07.250Z")}) == "2026-11-26T15:42:07.250Z");
  // Text that names an enumeration value stays text outside an enumeration field.
  CHECK(value_text(ws, Value{std::string("in_progress")}) == "“in_progress”");
}

TEST_CASE("long text is shortened at a character boundary") {
  CHECK(shortened("short", 80) == "short");
  const std::string long_text(100, 'x');
  CHECK(shortened(long_text, 80) == std::string(80, 'x') + "…");
  // "é" is two bytes: cutting at 3 would split the second one.
  CHECK(shortened("aééé", 4) == "aé…");
  CHECK(shortened("aééé", 3) == "aé…");
  CHECK(shortened("aééé", 2) == "a…");
  const Workspace ws;
  CHECK(value_text(ws, Value{std::string(200, 'y')}) == "“" + std::string(80, 'y') + "…”");
}

TEST_CASE("a change to a field of another kind uses that kind's enumerations") {
  Workspace ws;
  const Change change{Timestamp{1}, "grace", "category", std::string("model_drift"), std::string("bias_fairness")};
  CHECK(describe_change(ws, kKindIndex<Risk>, change) == ChangeText{"Category", "Model drift", "Bias/fairness"});
  // An unknown kind or field falls back to plain values.
  CHECK(describe_change(ws, kItemKindCount, change).after == "“bias_fairness”");
  const Change renamed{Timestamp{1}, "grace", "no_such_field", std::string("x"), Null{}};
  CHECK(describe_change(ws, kKindIndex<Task>, renamed) == ChangeText{"No such field", "“x”", "none"});
}

TEST_CASE("changes share a heading when one person made them in the same minute") {
  const auto at = [](std::int64_t ms, const char* author) { return Change{Timestamp{ms}, author, "title", {}, {}}; };
  const std::int64_t minute = 60 * 1000;
  const std::int64_t noon = 1764331200000;  // 2025-11-28 12:00:00 UTC
  CHECK(same_heading(at(noon, "Ana"), at(noon + minute - 1, "Ana")));
  CHECK_FALSE(same_heading(at(noon - 1, "Ana"), at(noon, "Ana")));  // 11:59:59.999 and 12:00
  CHECK_FALSE(same_heading(at(noon, "Ana"), at(noon, "Mei")));
  CHECK(same_heading(at(-1, "Ana"), at(-minute, "Ana")));  // before 1970 too: one minute
  CHECK_FALSE(same_heading(at(-1, "Ana"), at(0, "Ana")));
}

TEST_CASE("a flag's change reads as one word where there is one, else as no and yes") {
  Workspace ws;
  const Change tick{Timestamp{1}, "Ana", "done", Value{false}, Value{true}};
  const Change untick{Timestamp{1}, "Ana", "done", Value{true}, Value{false}};
  CHECK(describe_change(ws, kKindIndex<ChecklistItem>, tick) == ChangeText{"Ticked", "", ""});
  CHECK(describe_change(ws, kKindIndex<ChecklistItem>, untick) == ChangeText{"Unticked", "", ""});
  CHECK(describe_change(ws, kKindIndex<ActionItem>, tick) == ChangeText{"Marked done", "", ""});
  CHECK(describe_change(ws, kKindIndex<Blocker>, Change{Timestamp{1}, "Ana", "resolved", Value{false}, Value{true}}) ==
        ChangeText{"Resolved", "", ""});
  CHECK(describe_change(ws, kKindIndex<Blocker>, Change{Timestamp{1}, "Ana", "resolved", Value{true}, Value{false}}) ==
        ChangeText{"Reopened", "", ""});
  CHECK(describe_change(ws, kKindIndex<Project>, Change{Timestamp{1}, "Ana", "archived", Value{false}, Value{true}}) ==
        ChangeText{"Archived", "", ""});
  // Other flags keep their name and values.
  CHECK(describe_change(ws, kKindIndex<DataSource>, Change{Timestamp{1}, "Ana", "personal_data", Value{false}, Value{true}}) ==
        ChangeText{"Personal data", "no", "yes"});
  // A value that is not a flag (a damaged or foreign history) is shown as it is.
  CHECK(describe_change(ws, kKindIndex<ChecklistItem>, Change{Timestamp{1}, "Ana", "done", Value{}, Value{std::string("x")}})
            .what == "Done");
}

TEST_CASE("enumeration fields know their names, other fields do not") {
  const auto* status = find_field<Task>("status");
  REQUIRE(status != nullptr);
  CHECK(status->names.size() == EnumNames<TaskStatus>::names.size());
  CHECK(find_field<Task>("title")->names.empty());
  CHECK(find_field<Task>("likely_days")->names.empty());
  CHECK_FALSE(find_field<SavedFilter>("status")->names.empty());  // an optional enumeration
}

TEST_CASE_FIXTURE(Fixture, "a task's history includes its checklist, dependencies and blockers, newest first") {
  const Id item = ids.next();
  const Id other = ids.next();
  const Id dependency = ids.next();
  const Id blocker = ids.next();
  REQUIRE(stack.exec(op(CreateItem{"checklist_item", item, task, {{"text", std::string("Agreement ≥ 0.8")}}})).ok);
  REQUIRE(stack.exec(op(CreateItem{"task", other, project, {{"title", std::string("Write the guideline")}}})).ok);
  REQUIRE(stack.exec(op(CreateItem{"dependency", dependency, task, {{"predecessor", other}}})).ok);
  REQUIRE(stack.exec(op(CreateItem{"blocker", blocker, task, {}})).ok);
  REQUIRE(stack.exec(op(SetField{item, "done", true})).ok);
  set("title", std::string("Label 2,500 images"));

  const std::vector<HistoryEntry> entries = history_with_children(ws, task);
  // The task's two own changes, the three children's creations and the tick.
  REQUIRE(entries.size() == 6);
  for (std::size_t i = 1; i < entries.size(); ++i) CHECK(entries[i - 1].change->at >= entries[i].change->at);
  CHECK(entries[0].item == task);
  CHECK(describe_change(ws, entries[0].kind_index, *entries[0].change).what == "Title");
  CHECK(entries[1].item == item);
  CHECK(describe_change(ws, entries[1].kind_index, *entries[1].change) == ChangeText{"Ticked", "", ""});
  CHECK(entries.back().item == task);  // created first
  // Another task's own changes are not in this one's.
  for (const HistoryEntry& e : entries) CHECK(e.item != other);

  CHECK(item_label(ws, item) == "Checklist item “Agreement ≥ 0.8”");
  CHECK(item_label(ws, dependency) == "Dependency on “Write the guideline”");
  CHECK(item_label(ws, blocker) == "An untitled blocker");
  CHECK(item_label(ws, ids.next()) == "A removed item");
  const Id metric = ids.next();
  const Id reading = ids.next();
  REQUIRE(stack.exec(op(CreateItem{"metric", metric, project, {{"name", std::string("Recall")}}})).ok);
  REQUIRE(stack.exec(op(CreateItem{"metric_reading", reading, metric, {{"on", *parse_date("2026-11-20")}}})).ok);
  CHECK(item_label(ws, reading) == "Reading of 2026-11-20");
}

TEST_CASE_FIXTURE(Fixture, "a removed checklist item stays in its task's history, by the name it had") {
  const Id item = ids.next();
  REQUIRE(stack.exec(op(CreateItem{"checklist_item", item, task, {{"text", std::string("Agreement ≥ 0.8")}}})).ok);
  REQUIRE(stack.exec(op(RemoveItem{item})).ok);
  std::vector<HistoryEntry> entries = history_with_children(ws, task);
  REQUIRE(!entries.empty());
  CHECK(entries[0].item == task);  // on the task: the item's own history left with it
  CHECK(describe_change(ws, entries[0].kind_index, *entries[0].change) ==
        ChangeText{"Removed checklist item “Agreement ≥ 0.8”", "", ""});
  // Undone, the item is back under the task, and says so.
  REQUIRE(stack.undo().ok);
  entries = history_with_children(ws, task);
  REQUIRE(!entries.empty());
  CHECK(entries[0].item == item);
  CHECK(describe_change(ws, entries[0].kind_index, *entries[0].change).what == "Restored");
  // Removing the task itself records its removal on the project, not on the gone task.
  REQUIRE(stack.exec(op(RemoveItem{task})).ok);
  const std::vector<HistoryEntry> project_entries = history_with_children(ws, project);
  REQUIRE(!project_entries.empty());
  CHECK(project_entries[0].item == project);
  CHECK(describe_change(ws, project_entries[0].kind_index, *project_entries[0].change).what.rfind("Removed task “", 0) == 0);
}

TEST_CASE_FIXTURE(Fixture, "changes made at one time list the last recorded first") {
  Command both;
  both.ops.push_back(SetField{task, "title", std::string("First")});
  both.ops.push_back(SetField{task, "status", std::string("todo")});
  both.label = "edit";
  REQUIRE(stack.exec(both).ok);
  const std::vector<HistoryEntry> entries = history_with_children(ws, task);
  REQUIRE(entries.size() >= 2);
  CHECK(entries[0].change->at == entries[1].change->at);
  CHECK(entries[0].change->what == "status");
  CHECK(entries[1].change->what == "title");
}

TEST_CASE_FIXTURE(Fixture, "an edit that lost to a concurrent one reads as lost, with the value kept") {
  const Change lost{Timestamp{1}, "Ana", std::string(kLostEditPrefix) + "status", std::string("in_progress"), std::string("done")};
  CHECK(describe_change(ws, task_kind, lost) == ChangeText{"Status (lost to a concurrent edit)", "In progress", "Done"});
}
