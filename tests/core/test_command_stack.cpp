#include <doctest/doctest.h>

#include <random>

#include "core/command_stack.h"
#include "core/fields.h"
#include "support/one_op.h"

using namespace cairn;
using cairn::testing::op;

namespace {

struct Fixture {
  Workspace ws;
  std::int64_t now = 0;
  CommandStack stack{ws, "grace", [this] { return Timestamp{++now}; }};
  IdSource ids{3};
  Id project = ids.next();
  Id task = ids.next();

  Fixture() {
    REQUIRE(stack.exec(op(CreateItem{"project", project, {}, {}}, "New project")).ok);
    REQUIRE(stack.exec(op(CreateItem{"task", task, project, {}}, "New task")).ok);
  }
  std::string title() const { return ws.find<Task>(task)->title; }
};

}  // namespace

TEST_CASE_FIXTURE(Fixture, "undo and redo walk back and forth through commands") {
  REQUIRE(stack.exec(op(SetField{task, "title", std::string("Label 10k images")}, "Rename task")).ok);
  CHECK(stack.undo_label() == "Rename task");
  REQUIRE(stack.undo().ok);
  CHECK(title().empty());
  CHECK(stack.redo_label() == "Rename task");
  REQUIRE(stack.redo().ok);
  CHECK(title() == "Label 10k images");
  REQUIRE(stack.undo().ok);
  REQUIRE(stack.undo().ok);  // the task creation
  CHECK(ws.find<Task>(task) == nullptr);
  REQUIRE(stack.redo().ok);
  REQUIRE(stack.redo().ok);
  CHECK(title() == "Label 10k images");
  CHECK_FALSE(stack.redo().ok);
}

TEST_CASE_FIXTURE(Fixture, "keystrokes in one field coalesce into one undo step") {
  const std::string key = task.to_string() + "/title";
  for (const char* text : {"L", "La", "Lab", "Labe", "Label"})
    REQUIRE(stack.exec(op(SetField{task, "title", std::string(text)}), key).ok);
  CHECK(title() == "Label");
  REQUIRE(stack.undo().ok);
  CHECK(title().empty());
  REQUIRE(stack.redo().ok);
  CHECK(title() == "Label");
  // History holds one change from "" to "Label", not five.
  const auto& h = stack.history(task);
  REQUIRE(h.size() == 4);  // created, title, undo, redo
  CHECK(h[1].what == "title");
  CHECK(h[1].before == Value{std::string()});
  CHECK(h[1].after == Value{std::string("Label")});
}

TEST_CASE_FIXTURE(Fixture, "seal, another field or another command ends a coalescing run") {
  const std::string key = task.to_string() + "/title";
  REQUIRE(stack.exec(op(SetField{task, "title", std::string("A")}), key).ok);
  stack.seal();  // the field lost focus
  REQUIRE(stack.exec(op(SetField{task, "title", std::string("AB")}), key).ok);
  REQUIRE(stack.exec(op(SetField{task, "status", std::string("todo")})).ok);
  REQUIRE(stack.exec(op(SetField{task, "title", std::string("ABC")}), key).ok);
  REQUIRE(stack.undo().ok);
  CHECK(title() == "AB");
  REQUIRE(stack.undo().ok);
  CHECK(ws.find<Task>(task)->status == TaskStatus::backlog);
  REQUIRE(stack.undo().ok);
  CHECK(title() == "A");
}

TEST_CASE_FIXTURE(Fixture, "a failed command changes nothing and leaves undo alone") {
  const auto revision = stack.revision();
  CHECK_FALSE(stack.exec(op(SetField{task, "likely_days", std::string("soon")})).ok);
  CHECK(stack.revision() == revision);
  CHECK(stack.undo_label() == "New task");
}

TEST_CASE_FIXTURE(Fixture, "a new command clears redo; revision counts every change") {
  const auto r0 = stack.revision();
  REQUIRE(stack.exec(op(SetField{task, "title", std::string("x")})).ok);
  REQUIRE(stack.undo().ok);
  CHECK(stack.can_redo());
  REQUIRE(stack.exec(op(SetField{task, "title", std::string("y")})).ok);
  CHECK_FALSE(stack.can_redo());
  CHECK(stack.revision() == r0 + 3);
}

TEST_CASE_FIXTURE(Fixture, "history records time and author of each change") {
  REQUIRE(stack.exec(op(SetField{task, "status", std::string("done")})).ok);
  const auto& h = stack.history(task);
  REQUIRE(h.size() == 2);
  CHECK(h[0].what == "created");
  CHECK(h[1].what == "status");
  CHECK(h[1].author == "grace");
  CHECK(h[1].at > h[0].at);
  CHECK(h[1].after == Value{std::string("done")});
}

// Property: any sequence of commands undone completely gives back the
// starting workspace, and redone completely gives back the end state.
TEST_CASE("undo all then redo all round-trips random command sequences") {
  std::mt19937 rng(12345);
  for (int round = 0; round < 50; ++round) {
    Workspace ws;
    std::int64_t now = 0;
    CommandStack stack(ws, "prop", [&] { return Timestamp{++now}; });
    IdSource ids(static_cast<std::uint64_t>(round));
    std::vector<Id> projects, tasks;
    int applied = 0;
    for (int step = 0; step < 60; ++step) {
      const int choice = static_cast<int>(rng() % 5);
      Command c;
      if (choice == 0 || projects.empty()) {
        projects.push_back(ids.next());
        c.ops.push_back(CreateItem{"project", projects.back(), {}, {{"name", std::string("p")}}});
      } else if (choice == 1 || tasks.empty()) {
        tasks.push_back(ids.next());
        c.ops.push_back(CreateItem{"task", tasks.back(), projects[rng() % projects.size()], {}});
      } else if (choice == 2) {
        c.ops.push_back(SetField{tasks[rng() % tasks.size()], "likely_days", static_cast<double>(rng() % 20)});
      } else if (choice == 3) {
        c.ops.push_back(SetField{tasks[rng() % tasks.size()], "status",
                                 std::string(EnumNames<TaskStatus>::names[rng() % 5])});
      } else {
        c.ops.push_back(RemoveItem{rng() % 2 ? tasks[rng() % tasks.size()] : projects[rng() % projects.size()]});
      }
      if (stack.exec(c).ok) ++applied;  // some fail (item already removed): fine
    }
    const Workspace end = ws;
    for (int i = 0; i < applied; ++i) REQUIRE(stack.undo().ok);
    CHECK(ws.size() == 0);
    for (int i = 0; i < applied; ++i) REQUIRE(stack.redo().ok);
    CHECK(ws.same_items(end));
    CHECK(ws.history(projects.front()).size() > end.history(projects.front()).size());  // undo and redo are recorded
  }
}
