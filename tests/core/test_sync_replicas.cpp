// Team sync's merge as a property: devices edit one shared project while
// apart, documents reach each other through a server in any order, late,
// stale and twice, and in the end every device shows the same project and
// no edit has vanished without a trace.
#include <doctest/doctest.h>

#include <algorithm>
#include <deque>
#include <memory>
#include <random>

#include "core/command_stack.h"
#include "core/json_io.h"
#include "core/project_replica.h"
#include "support/one_op.h"

using namespace cairn;
using cairn::testing::op;

namespace {

// The server's side of CouchDB as the replicas see it: the merged document
// of each item, and every version it ever held (delivered late, they are
// stale copies).
struct Server {
  std::map<Id, ItemDoc> docs;
  std::vector<ItemDoc> past;
  void put(const ItemDoc& doc) {
    ItemDoc& stored = docs[doc.id];
    merge_doc(stored, doc);
    past.push_back(stored);
  }
};

struct Device {
  std::string name;
  Workspace ws;
  std::int64_t now_ms;
  CommandStack stack;
  ProjectReplica replica;
  IdSource ids;

  Device(std::string device, Id project, std::int64_t skew_ms, std::uint64_t seed)
      : name(std::move(device)),
        now_ms(1'800'000'000'000 + skew_ms),
        stack(ws, name, [this] { return Timestamp{now_ms}; }),
        replica(project, name),
        ids(seed) {}

  // As against CouchDB: a write based on an older revision than the
  // server's is refused; the client reads the server's version, merges it
  // (so it sees every write that loses) and writes the merged document.
  void push(Server& server, std::mt19937_64& rng) {
    replica.stamp(ws, name, now_ms);
    std::vector<ItemDoc> newer;
    for (const Id id : replica.outbox()) {
      const auto stored = server.docs.find(id);
      if (stored != server.docs.end() && !(stored->second == replica.docs().at(id))) newer.push_back(stored->second);
    }
    if (!newer.empty()) receive(std::move(newer));
    const std::set<Id> outbox = replica.outbox();
    for (const Id id : outbox) {
      const ItemDoc sent = replica.docs().at(id);
      server.put(sent);
      CHECK(server.docs.at(id) == sent);  // the merged document holds everything the server had
      if (rng() % 4 != 0) replica.pushed(sent);  // else the reply is lost: pushed again later
    }
  }
  void receive(std::vector<ItemDoc> docs) {
    const ReceiveReport report = replica.receive(ws, std::move(docs), name, now_ms);
    CHECK_MESSAGE(report.warnings.empty(), report.warnings.front());
  }
};

struct Edit {
  Id item;
  std::string field;
  Value value;
};

template <class T>
std::vector<Id> ids_of(const Workspace& ws) {
  std::vector<Id> out;
  for (const auto& [id, item] : ws.all<T>()) out.push_back(id);
  return out;
}

// One random local change on `d`; the field edits it made go to `edits`.
void random_edit(Device& d, Id project, std::mt19937_64& rng, std::vector<Edit>& edits) {
  if (!d.ws.contains(project)) return;
  const std::vector<Id> tasks = ids_of<Task>(d.ws);
  const std::vector<Id> checks = ids_of<ChecklistItem>(d.ws);
  auto pick = [&](const std::vector<Id>& from) { return from[rng() % from.size()]; };
  auto set = [&](Id id, std::string field, Value value) {
    if (d.stack.exec(op(SetField{id, field, value})).ok) edits.push_back({id, field, value});
  };
  static const char* kStatuses[] = {"backlog", "todo", "in_progress", "blocked", "done"};
  const std::string text = d.name + "-" + std::to_string(rng() % 1000);
  switch (rng() % 9) {
    case 0:
    case 1:
      if (!tasks.empty()) set(pick(tasks), "title", text);
      break;
    case 2:
      if (!tasks.empty()) set(pick(tasks), "status", std::string(kStatuses[rng() % 5]));
      break;
    case 3:
      d.stack.exec(op(CreateItem{"task", d.ids.next(), project, {{"title", text}}}));
      break;
    case 4:
      if (!tasks.empty()) d.stack.exec(op(CreateItem{"checklist_item", d.ids.next(), pick(tasks), {{"text", text}}}));
      break;
    case 5:
      if (!checks.empty()) set(pick(checks), "done", rng() % 2 == 0);
      break;
    case 6:
      if (rng() % 3 == 0 && !tasks.empty()) d.stack.exec(op(RemoveItem{pick(tasks)}));
      else if (!checks.empty()) d.stack.exec(op(RemoveItem{pick(checks)}));
      break;
    case 7:
      d.stack.undo();  // a removal undone restores; an edit undone is a new edit
      break;
    case 8:  // dependencies, so that two devices can make a cycle
      if (tasks.size() >= 2)
        d.stack.exec(op(CreateItem{"dependency", d.ids.next(), pick(tasks), {{"predecessor", pick(tasks)}}}));
      break;
  }
}

// Some of the server's documents, current or stale, shuffled, some twice.
std::vector<ItemDoc> random_delivery(const Server& server, std::mt19937_64& rng) {
  std::vector<ItemDoc> out;
  const std::size_t count = 1 + rng() % 8;
  for (std::size_t i = 0; i < count && !server.past.empty(); ++i) {
    if (rng() % 3 == 0) {
      out.push_back(server.past[rng() % server.past.size()]);
    } else {
      auto it = server.docs.begin();
      std::advance(it, static_cast<long>(rng() % server.docs.size()));
      out.push_back(it->second);
    }
    if (rng() % 5 == 0) out.push_back(out.back());
  }
  return out;
}

std::vector<ItemDoc> everything(const Server& server) {
  std::vector<ItemDoc> out;
  for (const auto& [id, doc] : server.docs) out.push_back(doc);
  return out;
}

// The value is the field's value now, or some device's history shows it
// being replaced (by a later edit here or elsewhere, or lost to a
// concurrent one).
bool accounted_for(const Edit& e, const Server& server, const std::deque<Device>& devices) {
  const auto doc = server.docs.find(e.item);
  if (doc != server.docs.end()) {
    const auto field = doc->second.fields.find(e.field);
    if (field != doc->second.fields.end() && field->second.value == e.value) return true;
  }
  const std::string lost = std::string(kLostEditPrefix) + e.field;
  for (const Device& d : devices)
    for (const Change& c : d.ws.history(e.item))
      if ((c.what == e.field || c.what == lost) && c.before == e.value) return true;
  return false;
}

}  // namespace

TEST_CASE("replicas that edit apart and exchange documents in any order, late, stale and twice end identical, and no edit vanishes") {
  for (std::uint64_t seed = 1; seed <= 150; ++seed) {
    CAPTURE(seed);
    std::mt19937_64 rng(seed);
    IdSource project_ids(seed * 7919);
    const Id project = project_ids.next();
    const int count = 2 + static_cast<int>(seed % 3);
    std::deque<Device> devices;
    for (int i = 0; i < count; ++i) {
      const std::int64_t skew = static_cast<std::int64_t>(rng() % 600'000) - 300'000;  // clocks up to 5 min apart
      devices.emplace_back("device-" + std::to_string(i), project, skew, seed * 100 + static_cast<std::uint64_t>(i));
    }
    Server server;
    std::vector<Edit> edits;
    Device& first = devices.front();
    REQUIRE(first.stack.exec(op(CreateItem{"project", project, {}, {{"name", std::string("Shared")}}})).ok);
    for (int i = 0; i < 3; ++i)
      REQUIRE(first.stack.exec(op(CreateItem{"task", first.ids.next(), project, {{"title", std::string("Seed task")}}})).ok);
    first.push(server, rng);
    for (Device& d : devices) d.receive(everything(server));

    for (int step = 0; step < 160; ++step) {
      Device& d = devices[rng() % devices.size()];
      d.now_ms += static_cast<std::int64_t>(rng() % 5000);
      switch (rng() % 4) {
        case 0:
        case 1:
          random_edit(d, project, rng, edits);
          d.replica.stamp(d.ws, d.name, d.now_ms);  // as the App does after every command
          break;
        case 2: d.push(server, rng); break;
        case 3: d.receive(random_delivery(server, rng)); break;
      }
    }
    // Everyone back online: push, then read everything, until nothing moves.
    for (int round = 0; round < 3; ++round) {
      for (Device& d : devices) {
        d.push(server, rng);
        for (const Id id : std::set<Id>(d.replica.outbox())) d.replica.pushed(d.replica.docs().at(id));
      }
      for (Device& d : devices) d.receive(everything(server));
    }

    for (const Device& d : devices) {
      CAPTURE(d.name);
      CHECK(d.ws.same_items(devices.front().ws));
      CHECK(d.replica.docs() == server.docs);
      CHECK(d.replica.outbox().empty());
    }
    for (const Edit& e : edits) {
      CAPTURE(e.field);
      const bool ok = accounted_for(e, server, devices);
      CHECK(ok);
      if (!ok) {  // what each device's history says of the item
        const auto doc = server.docs.find(e.item);
        MESSAGE("item " << e.item.to_string() << " value " << value_to_json(e.value) << " removed "
                        << (doc != server.docs.end() ? doc->second.is_removed() : -1) << " doc value "
                        << (doc != server.docs.end() && doc->second.fields.count(e.field) ? value_to_json(doc->second.fields.at(e.field).value) : "-"));
        for (const Device& d : devices)
          for (const Change& c : d.ws.history(e.item))
            MESSAGE(d.name << " " << c.author << " " << c.what << " " << value_to_json(c.before) << " -> " << value_to_json(c.after));
      }
    }
  }
}
