#include <doctest/doctest.h>

#include "core/commands.h"

using namespace cairn;

namespace {

Command one(Operation op) {
  Command c;
  c.ops.push_back(std::move(op));
  c.author = "ada";
  c.at = Timestamp{1000};
  return c;
}

struct Fixture {
  Workspace ws;
  IdSource ids{1};
  Id project = ids.next();
  Id task = ids.next();

  Fixture() {
    REQUIRE(apply(ws, one(CreateItem{"project", project, {}, {{"name", std::string("Churn model")}}})).ok);
    REQUIRE(apply(ws, one(CreateItem{"task", task, project, {{"title", std::string("Collect labels")},
                                                             {"stage", std::string("labelling")}}}))
                .ok);
  }
};

}  // namespace

TEST_CASE_FIXTURE(Fixture, "create sets the given fields and keeps defaults for the rest") {
  const Task* t = ws.find<Task>(task);
  REQUIRE(t);
  CHECK(t->title == "Collect labels");
  CHECK(t->stage == Stage::labelling);
  CHECK(t->status == TaskStatus::backlog);
  CHECK(t->parent == project);
  CHECK(ws.children_of(project) == std::vector<Id>{task});
  CHECK(kind_name(ws.kind_of(task)) == "task");
}

TEST_CASE_FIXTURE(Fixture, "set changes one field and its inverse restores it") {
  const ApplyResult r = apply(ws, one(SetField{task, "status", std::string("in_progress")}));
  REQUIRE(r.ok);
  CHECK(ws.find<Task>(task)->status == TaskStatus::in_progress);
  REQUIRE(apply(ws, r.inverse).ok);
  CHECK(ws.find<Task>(task)->status == TaskStatus::backlog);
}

TEST_CASE_FIXTURE(Fixture, "values are checked: type, range, enumeration names, ids and dates") {
  auto error_of = [&](const char* field, Value v) { return apply(ws, one(SetField{task, field, std::move(v)})).error; };
  CHECK(error_of("title", 3.0).find("title expects text, got number") != std::string::npos);
  CHECK(error_of("status", std::string("doing")).find("expects one of backlog, todo, in_progress, blocked, done") !=
        std::string::npos);
  CHECK(error_of("likely_days", -1.0).find("expects a value from 0 to 100000") != std::string::npos);
  CHECK(error_of("due", std::string("2026-13-01")).find("expects a date like") != std::string::npos);
  CHECK(error_of("assignee", std::string("bob")).find("expects an id like") != std::string::npos);
  // Only days the ISO form can write and read back (found by the fuzzer).
  CHECK(error_of("due", Date{kLastDate.days + 1}).find("between 0000-01-01 and 9999-12-31") != std::string::npos);
  CHECK(error_of("due", Date{kFirstDate.days - 1}).find("between 0000-01-01 and 9999-12-31") != std::string::npos);
  CHECK(error_of("due", kLastDate).empty());
  CHECK(format_date(kLastDate) == "9999-12-31");
  CHECK(format_date(kFirstDate) == "0000-01-01");
  CHECK(error_of("nonsense", true).find("task has no field 'nonsense'") != std::string::npos);
  // Text forms of dates and ids are accepted (JSON, automation API).
  CHECK(error_of("due", std::string("2026-12-01")).empty());
  CHECK(ws.find<Task>(task)->due == parse_date("2026-12-01"));
  CHECK(error_of("due", Null{}).empty());
  CHECK_FALSE(ws.find<Task>(task)->due.has_value());
  // Whole doubles are accepted for integer fields (JSON numbers).
  const Id risk = ids.next();
  REQUIRE(apply(ws, one(CreateItem{"risk", risk, project, {{"likelihood", 4.0}}})).ok);
  CHECK(ws.find<Risk>(risk)->likelihood == 4);
  CHECK_FALSE(apply(ws, one(SetField{risk, "impact", 2.5})).ok);
  CHECK_FALSE(apply(ws, one(SetField{risk, "impact", std::int64_t{6}})).ok);
}

TEST_CASE_FIXTURE(Fixture, "create checks kind, id and parent") {
  CHECK(apply(ws, one(CreateItem{"unicorn", ids.next(), project, {}})).error.find("unknown kind 'unicorn'") !=
        std::string::npos);
  CHECK(apply(ws, one(CreateItem{"task", task, project, {}})).error.find("exists already") != std::string::npos);
  CHECK(apply(ws, one(CreateItem{"task", ids.next(), {}, {}})).error.find("task needs a parent project") !=
        std::string::npos);
  CHECK(apply(ws, one(CreateItem{"checklist_item", ids.next(), project, {}})).error.find(
            "checklist_item belongs under a task, not a project") != std::string::npos);
  CHECK(apply(ws, one(CreateItem{"project", ids.next(), project, {}})).error.find("project takes no parent") !=
        std::string::npos);
  CHECK(apply(ws, one(CreateItem{"task", Id{}, project, {}})).error.find("needs an id") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "remove takes the whole subtree and its inverse restores it exactly") {
  const Id check = ids.next();
  const Id gate = ids.next();
  const Id criterion = ids.next();
  REQUIRE(apply(ws, one(CreateItem{"checklist_item", check, task, {{"text", std::string("QA sample 5%")}}})).ok);
  REQUIRE(apply(ws, one(CreateItem{"gate", gate, project, {{"name", std::string("Data feasibility")}}})).ok);
  REQUIRE(apply(ws, one(CreateItem{"gate_criterion", criterion, gate, {{"threshold", 0.8}}})).ok);
  const Workspace before = ws;

  const ApplyResult removed = apply(ws, one(RemoveItem{project}));
  REQUIRE(removed.ok);
  CHECK(ws.size() == 0);
  CHECK(removed.changes.size() == 5);

  REQUIRE(apply(ws, removed.inverse).ok);
  CHECK(ws == before);
  CHECK(ws.children_of(gate) == std::vector<Id>{criterion});
  CHECK(ws.find<ChecklistItem>(check)->text == "QA sample 5%");
}

TEST_CASE_FIXTURE(Fixture, "a command applies all or nothing") {
  const Workspace before = ws;
  Command c;
  c.ops.push_back(SetField{task, "title", std::string("Renamed")});
  c.ops.push_back(CreateItem{"sprint", ids.next(), project, {{"kind", std::string("discovery")}}});
  c.ops.push_back(RemoveItem{task});
  c.ops.push_back(SetField{task, "title", std::string("gone")});  // fails: the task was removed
  const ApplyResult r = apply(ws, c);
  CHECK_FALSE(r.ok);
  CHECK(r.error.find("operation 4 (set title of") != std::string::npos);
  CHECK(ws == before);
  CHECK(ws.find<Task>(task)->title == "Collect labels");
}

TEST_CASE_FIXTURE(Fixture, "changes name the item, the field, before and after, time and author") {
  const ApplyResult r = apply(ws, one(SetField{task, "likely_days", 4.0}));
  REQUIRE(r.changes.size() == 1);
  const auto& [id, change] = r.changes.front();
  CHECK(id == task);
  CHECK(change.what == "likely_days");
  CHECK(change.before == Value{Null{}});
  CHECK(change.after == Value{4.0});
  CHECK(change.author == "ada");
  CHECK(change.at == Timestamp{1000});
}

TEST_CASE_FIXTURE(Fixture, "read_field reads any field of any item") {
  CHECK(read_field(ws, task, "stage") == Value{std::string("labelling")});
  CHECK(read_field(ws, project, "buffer_labelling") == Value{1.5});
  std::string error;
  CHECK(read_field(ws, project, "nope", &error) == Value{Null{}});
  CHECK(error == "project has no field 'nope'");
}

TEST_CASE_FIXTURE(Fixture, "the workspace knows each item's kind, count and ids shared across kinds without an index") {
  const Id check = ids.next();
  REQUIRE(apply(ws, one(CreateItem{"checklist_item", check, task, {{"text", std::string("Agreement > 0.8")}}})).ok);
  CHECK(ws.kind_of(project) == kKindIndex<Project>);
  CHECK(ws.kind_of(task) == kKindIndex<Task>);
  CHECK(ws.kind_of(check) == kKindIndex<ChecklistItem>);
  CHECK(ws.kind_of(ids.next()) == kItemKindCount);
  CHECK(ws.size() == 3);
  CHECK(ws.id_of_two_kinds().nil());

  REQUIRE(apply(ws, one(RemoveItem{check})).ok);
  CHECK_FALSE(ws.contains(check));
  CHECK(ws.size() == 2);

  // Only the store's loader could put one id under two kinds (a damaged save).
  for (const Id id : {check, task}) {
    Person person;
    person.id = id;
    person.parent = project;
    ws.insert(person);
  }
  CHECK(ws.id_of_two_kinds() == task);
}
