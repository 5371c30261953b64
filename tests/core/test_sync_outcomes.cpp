// The documented outcome of each kind of concurrent edit (docs/sync.md),
// two devices at a time.
#include <doctest/doctest.h>

#include "core/command_stack.h"
#include "core/project_replica.h"
#include "support/one_op.h"

using namespace cairn;
using cairn::testing::op;

namespace {

struct Device {
  std::string name;
  Workspace ws;
  std::int64_t now_ms = 1'800'000'000'000;
  CommandStack stack;
  ProjectReplica replica;

  Device(std::string who, Id project) : name(std::move(who)), stack(ws, name, [this] { return Timestamp{now_ms}; }), replica(project, name) {}
  void exec(Operation o) {
    REQUIRE(stack.exec(op(std::move(o))).ok);
    replica.stamp(ws, name, now_ms);
  }
  // What this device has not pushed yet.
  std::vector<ItemDoc> outgoing() const {
    std::vector<ItemDoc> out;
    for (const Id id : replica.outbox()) out.push_back(replica.docs().at(id));
    return out;
  }
  ReceiveReport receive(std::vector<ItemDoc> docs) { return replica.receive(ws, std::move(docs), name, now_ms); }
};

// Both devices send what they have to each other, until neither has news.
void exchange(Device& a, Device& b) {
  for (int i = 0; i < 3; ++i) {
    b.receive(a.outgoing());
    a.receive(b.outgoing());
    for (Device* d : {&a, &b})
      for (const ItemDoc& doc : d->outgoing()) d->replica.pushed(doc);
  }
  REQUIRE(a.ws.same_items(b.ws));
  REQUIRE(a.replica.docs() == b.replica.docs());
}

struct Pair {
  IdSource ids{11};
  Id project = ids.next();
  Id task = ids.next();
  Device ana{"ana", project};
  Device ben{"ben", project};
  Pair() {
    ana.exec(CreateItem{"project", project, {}, {{"name", std::string("Churn model")}}});
    ana.exec(CreateItem{"task", task, project, {{"title", std::string("Label 10k images")}}});
    exchange(ana, ben);
    REQUIRE(ben.ws.find<Task>(task) != nullptr);
  }
  std::vector<Change> history_of(const Device& d, std::string_view what) const {
    std::vector<Change> out;
    for (const Change& c : d.ws.history(task))
      if (c.what == what) out.push_back(c);
    return out;
  }
};

}  // namespace

TEST_CASE_FIXTURE(Pair, "two people edit different fields of one item: both edits survive") {
  ana.exec(SetField{task, "title", std::string("Label 20k images")});
  ben.exec(SetField{task, "description", std::string("Two annotators per image")});
  exchange(ana, ben);
  CHECK(ben.ws.find<Task>(task)->title == "Label 20k images");
  CHECK(ana.ws.find<Task>(task)->description == "Two annotators per image");
  CHECK(history_of(ben, "title").back().author == "ana");
}

TEST_CASE_FIXTURE(Pair, "two people change the same field: the later write wins everywhere; the other stays in history with its author") {
  ana.exec(SetField{task, "due", std::string("2026-12-12")});
  ben.now_ms += 60'000;
  ben.exec(SetField{task, "due", std::string("2026-12-19")});
  exchange(ana, ben);
  CHECK(format_date(*ana.ws.find<Task>(task)->due) == "2026-12-19");
  for (const Device* d : {&ana, &ben}) {
    const std::vector<Change> lost = history_of(*d, "lost:due");
    REQUIRE(lost.size() == 1);
    CHECK(lost.front().author == "ana");
    CHECK(lost.front().before == Value{parse_date("2026-12-12").value()});
    CHECK(lost.front().after == Value{parse_date("2026-12-19").value()});
  }
  CHECK(history_of(ana, "due").back().author == "ben");  // Ana's screen shows Ben's date replacing hers
}

TEST_CASE_FIXTURE(Pair, "a removal racing an edit: the removal stands, the edit is kept and shows again when the item is restored") {
  ana.exec(RemoveItem{task});
  ben.now_ms += 60'000;
  ben.exec(SetField{task, "title", std::string("Label 30k images")});
  exchange(ana, ben);
  CHECK(ben.ws.find<Task>(task) == nullptr);
  CHECK(std::get<std::string>(ben.replica.docs().at(task).fields.at("title").value) == "Label 30k images");
  CHECK(history_of(ben, "removed").back().author == "ana");

  REQUIRE(ana.stack.undo().ok);  // Ana restores the task: Ben's edit is in it
  ana.replica.stamp(ana.ws, "ana", ana.now_ms);
  exchange(ana, ben);
  REQUIRE(ben.ws.find<Task>(task) != nullptr);
  CHECK(ben.ws.find<Task>(task)->title == "Label 30k images");
  CHECK(ana.ws.find<Task>(task)->title == "Label 30k images");
}

TEST_CASE_FIXTURE(Pair, "a parent removed while a child is added elsewhere: the child waits, kept, and comes back with its parent") {
  const Id check = ids.next();
  ana.exec(RemoveItem{task});
  ben.exec(CreateItem{"checklist_item", check, task, {{"text", std::string("Agree the label set")}}});
  exchange(ana, ben);
  CHECK(ana.ws.find<ChecklistItem>(check) == nullptr);
  CHECK(ben.ws.find<ChecklistItem>(check) == nullptr);
  CHECK(ana.replica.docs().count(check) == 1);

  REQUIRE(ana.stack.undo().ok);
  ana.replica.stamp(ana.ws, "ana", ana.now_ms);
  exchange(ana, ben);
  REQUIRE(ana.ws.find<ChecklistItem>(check) != nullptr);
  CHECK(ana.ws.find<ChecklistItem>(check)->text == "Agree the label set");
}

TEST_CASE_FIXTURE(Pair, "two people make a dependency cycle: both dependencies stay, the same on every device (the schedule reports the cycle)") {
  const Id other = ids.next();
  ana.exec(CreateItem{"task", other, project, {{"title", std::string("Train baseline")}}});
  exchange(ana, ben);
  const Id forward = ids.next(), backward = ids.next();
  ana.exec(CreateItem{"dependency", forward, other, {{"predecessor", task}}});
  ben.exec(CreateItem{"dependency", backward, task, {{"predecessor", other}}});
  exchange(ana, ben);
  CHECK(ana.ws.find<Dependency>(forward) != nullptr);
  CHECK(ana.ws.find<Dependency>(backward) != nullptr);
}

TEST_CASE_FIXTURE(Pair, "a device's own documents coming back change nothing and empty its outbox") {
  ana.exec(SetField{task, "title", std::string("Label 40k images")});
  const std::vector<ItemDoc> sent = ana.outgoing();
  REQUIRE(sent.size() == 1);
  for (const ItemDoc& doc : sent) ana.replica.pushed(doc);
  const std::size_t changes = ana.ws.history(task).size();
  const std::uint64_t revision = ana.ws.journal().now().seq;
  const ReceiveReport report = ana.receive(sent);
  CHECK(report.applied == 0);
  CHECK(ana.replica.outbox().empty());
  CHECK(ana.ws.history(task).size() == changes);
  CHECK(ana.ws.journal().now().seq == revision);
}

TEST_CASE_FIXTURE(Pair, "a document naming an item of another project is left out, with a reason") {
  const Id elsewhere = ids.next();
  REQUIRE(ben.stack.exec(op(CreateItem{"project", elsewhere, {}, {{"name", std::string("Private")}}})).ok);
  ItemDoc hostile{elsewhere, "project", {}, {}, {}};
  hostile.fields["name"] = FieldWrite{std::string("Taken over"), SyncClock{1, 0, "mallory"}, "mallory", {}};
  const ReceiveReport report = ben.receive({hostile});
  REQUIRE(report.warnings.size() == 1);
  CHECK(report.warnings.front().find("another project") != std::string::npos);
  CHECK(ben.ws.find<Project>(elsewhere)->name == "Private");
}

TEST_CASE_FIXTURE(Pair, "a document that would change an item's kind or parent is left out, with a reason") {
  ItemDoc hostile = ben.replica.docs().at(project);
  hostile.kind = "person";  // would make the project a person, so that it no longer shows
  hostile.fields.clear();
  const ReceiveReport kind = ben.receive({hostile});
  REQUIRE(kind.warnings.size() == 1);
  CHECK(kind.warnings.front().find("kind or parent") != std::string::npos);
  CHECK(ben.ws.find<Project>(project) != nullptr);

  ItemDoc moved = ben.replica.docs().at(task);
  moved.parent = Id{9, 9};
  CHECK(ben.receive({moved}).warnings.size() == 1);
  CHECK(ben.ws.find<Task>(task) != nullptr);
  CHECK(ben.replica.docs().at(task).parent == project);
}
