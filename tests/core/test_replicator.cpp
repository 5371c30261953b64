// The CouchDB replication protocol: replies as CouchDB 3 writes them, and
// the replicator against an in-memory CouchDB that loses replies, is wiped,
// grows conflicts and refuses non-members.
#include <doctest/doctest.h>

#include <deque>
#include <random>

#include "core/command_stack.h"
#include "core/couch_replies.h"
#include "core/replicator.h"
#include "support/fake_couch.h"
#include "support/one_op.h"

using namespace cairn;
using cairn::testing::FakeCouch;
using cairn::testing::op;

namespace {

const std::string kTaskId = "6f1c2a4e-8a43-4c1e-9f39-0a6f1c2a4e8a";
const std::string kFields = R"("kind":"task","parent":"0b7c2a4e-8a43-4c1e-9f39-0a6f1c2a4e8a","fields":{"title":{"v":"Label","c":"0000018c9f3a2b10-00000000-laptop","a":"ana"}})";

struct Client {
  std::string name;
  Workspace ws;
  std::int64_t now_ms = 1'800'000'000'000;
  CommandStack stack;
  ProjectReplica replica;
  Replicator replicator;
  std::optional<HttpRequest> held;  // a longpoll the server keeps open

  Client(std::string who, Id project, SyncCheckpoint saved = {})
      : name(std::move(who)), stack(ws, name, [this] { return Timestamp{now_ms}; }), replica(project, name),
        replicator(replica, name, std::move(saved)) {}
  void exec(Operation o) {
    REQUIRE(stack.exec(op(std::move(o))).ok);
    replica.stamp(ws, name, now_ms);
  }
  void reply(const HttpReply& r) { replicator.reply(r, ws, name, now_ms); }
};

struct Network {
  std::mt19937_64 rng{1};
  int lose_one_in = 0;  // 0: nothing is lost
  bool lose() { return lose_one_in > 0 && rng() % static_cast<unsigned>(lose_one_in) == 0; }
};

// One request of `c` (or its held longpoll); false if it had nothing to do.
bool step(Client& c, FakeCouch& server, Network& net) {
  if (c.held) {
    if (c.replicator.should_abort_longpoll()) {
      c.held.reset();
      c.reply({0, "", true});
      return true;
    }
    const std::optional<HttpReply> r = server.handle(*c.held);
    if (!r) return false;
    c.held.reset();
    c.reply(*r);
    return true;
  }
  const std::optional<HttpRequest> request = c.replicator.next(c.now_ms);
  if (!request) return false;
  if (net.lose()) {  // lost on the way there
    c.reply({0, "", false});
    return true;
  }
  const std::optional<HttpReply> r = server.handle(*request);
  if (!r) {
    c.held = request;
    return true;
  }
  if (net.lose()) {  // lost on the way back: the server did it
    c.reply({0, "", false});
    return true;
  }
  c.reply(*r);
  return true;
}

// Runs every client until none has anything left to do (each waits on a
// longpoll, or has stopped).
void settle(std::deque<Client>& clients, FakeCouch& server, Network& net) {
  for (int i = 0; i < 20000; ++i) {
    bool moved = false;
    for (Client& c : clients) {
      if (step(c, server, net)) {
        moved = true;
      } else if (c.replicator.retry_at() > c.now_ms) {
        c.now_ms = c.replicator.retry_at();
        moved = true;
      }
    }
    if (!moved) return;
  }
  FAIL("the clients never settled");
}

// A few rounds for every client, waiting out their backoff: for a server
// that is down, where the clients never settle.
void run_a_while(std::deque<Client>& clients, FakeCouch& server, Network& net) {
  for (int i = 0; i < 20; ++i)
    for (Client& c : clients)
      if (!step(c, server, net)) c.now_ms = std::max(c.now_ms, c.replicator.retry_at());
}

struct Team {
  IdSource ids{5};
  Id project = ids.next();
  FakeCouch server;
  Network net;
  std::deque<Client> clients;
  Team(int count = 2) {
    for (int i = 0; i < count; ++i) clients.emplace_back(i == 0 ? "ana" : i == 1 ? "ben" : "cy" + std::to_string(i), project);
    clients[0].exec(CreateItem{"project", project, {}, {{"name", std::string("Churn model")}}});
    for (int i = 0; i < 5; ++i)
      clients[0].exec(CreateItem{"task", ids.next(), project, {{"title", std::string("Task ") + std::to_string(i)}}});
  }
  Client& ana() { return clients[0]; }
  Client& ben() { return clients[1]; }
  void check_converged() {
    for (Client& c : clients) {
      CAPTURE(c.name);
      CHECK(c.ws.same_items(clients.front().ws));
      CHECK(c.replica.outbox().empty());
      CHECK(c.replicator.progress().state == SyncState::up_to_date);
    }
    CHECK(server.live_ids().size() == clients.front().replica.docs().size());
    CHECK(server.conflicted() == 0);
  }
};

}  // namespace

TEST_CASE("CouchDB 3 replies: string sequences, per-document errors in a batch, conflicts, documents that are not items") {
  const ChangesReply changes = parse_changes(
      R"({"results":[{"seq":"3-g1AAAAG3eJzLYWBg4MhgTmHgz8tPSTV0MDQy","id":")" + kTaskId +
      R"(","changes":[{"rev":"2-7051cbe5c8faecd085a3fa619e6e6337"}],"doc":{"_id":")" + kTaskId +
      R"(","_rev":"2-7051cbe5c8faecd085a3fa619e6e6337","_conflicts":["2-b91bb807b4685080c6a651115ff558f5"],)" + kFields +
      R"(}},{"seq":"4-g1AAAAG3eJzLYWBg4MhgTmHgz8tPSTV0MDQz","id":"_design/validate","changes":[{"rev":"1-x"}],"doc":{"_id":"_design/validate","language":"javascript"}})"
      R"(],"last_seq":"4-g1AAAAG3eJzLYWBg4MhgTmHgz8tPSTV0MDQz","pending":0})");
  REQUIRE_MESSAGE(changes.ok, changes.error);
  CHECK(changes.last_seq == R"("4-g1AAAAG3eJzLYWBg4MhgTmHgz8tPSTV0MDQz")");
  REQUIRE(changes.rows.size() == 2);
  CHECK(changes.rows[0].has_doc);
  CHECK(changes.rows[0].doc.rev == "2-7051cbe5c8faecd085a3fa619e6e6337");
  CHECK(changes.rows[0].conflicts == std::vector<std::string>{"2-b91bb807b4685080c6a651115ff558f5"});
  CHECK_FALSE(changes.rows[1].has_doc);  // a design document is the server's, not an item
  CHECK(parse_changes(R"({"results":[],"last_seq":42})").last_seq == "42");  // PouchDB Server: integers

  const BulkDocsReply bulk = parse_bulk_docs(
      R"([{"ok":true,"id":"a","rev":"1-967a00dff5e02add41819138abb3284d"},)"
      R"({"id":"b","error":"conflict","reason":"Document update conflict."},)"
      R"({"id":"c","error":"forbidden","reason":"Only members may write"}])");
  REQUIRE(bulk.ok);
  REQUIRE(bulk.rows.size() == 3);
  CHECK(bulk.rows[0].rev == "1-967a00dff5e02add41819138abb3284d");
  CHECK(bulk.rows[1].error == "conflict");
  CHECK(bulk.rows[2].reason == "Only members may write");

  for (const char* broken : {"", "{", "[]", R"({"results":{}})", R"({"results":[]})", "null"})
    CHECK_FALSE(parse_changes(broken).ok);
  CHECK_FALSE(parse_bulk_docs(R"({"error":"bad_request","reason":"Missing JSON list of 'docs'"})").ok);
  CHECK(couch_error_reason(R"({"error":"unauthorized","reason":"Name or password is incorrect."})") ==
        "Name or password is incorrect.");

  const DocsReply leaves = parse_open_revs(R"([{"ok":{"_id":")" + kTaskId + R"(","_rev":"2-b91b",)" + kFields +
                                           R"(}},{"missing":"3-x"}])");
  REQUIRE(leaves.ok);
  CHECK(leaves.docs.size() == 1);
}

TEST_CASE("a project shared by one device reaches another; edits then flow both ways through the longpoll") {
  Team team;
  settle(team.clients, team.server, team.net);
  team.check_converged();
  CHECK(team.ben().replicator.progress().pulled >= 6);
  CHECK(team.ben().replicator.progress().synced_at_ms > 0);

  const Id task = team.ben().ws.all<Task>().begin()->first;
  team.ben().exec(SetField{task, "title", std::string("Renamed by Ben")});
  CHECK(team.ben().replicator.should_abort_longpoll());
  settle(team.clients, team.server, team.net);
  team.check_converged();
  CHECK(team.ana().ws.find<Task>(task)->title == "Renamed by Ben");
  CHECK(team.ana().ws.history(task).back().author == "ben");
}

TEST_CASE("replies lost on the way there and back: every device still ends with every edit") {
  Team team(3);
  team.net.lose_one_in = 4;
  std::mt19937_64 rng(3);
  settle(team.clients, team.server, team.net);
  for (int round = 0; round < 30; ++round) {
    Client& c = team.clients[rng() % team.clients.size()];
    std::vector<Id> tasks;
    for (const auto& [id, t] : c.ws.all<Task>()) tasks.push_back(id);
    if (!tasks.empty()) c.exec(SetField{tasks[rng() % tasks.size()], "title", c.name + std::to_string(round)});
    c.now_ms += 1000;
    for (int i = 0; i < 5; ++i) step(c, team.server, team.net);
  }
  team.net.lose_one_in = 0;
  settle(team.clients, team.server, team.net);
  team.check_converged();
}

TEST_CASE("a server restarted empty is noticed: each device pushes everything again, and nothing is lost") {
  Team team;
  settle(team.clients, team.server, team.net);
  const Id task = team.ana().ws.all<Task>().begin()->first;
  team.server.wipe();
  team.ben().exec(SetField{task, "title", std::string("Edited while the server was down")});
  run_a_while(team.clients, team.server, team.net);
  CHECK(team.ben().replicator.progress().state == SyncState::no_database);
  team.ben().replicator.restart();
  REQUIRE(team.ben().replicator.next(team.ben().now_ms).has_value());
  team.ben().reply({0, "Could not resolve host: couch.example.org", false});
  CHECK(team.ben().replicator.progress().state == SyncState::offline);
  CHECK(team.ben().replicator.progress().problem == "Could not resolve host: couch.example.org");
  team.server.create();  // an admin creates the database again
  for (Client& c : team.clients) c.now_ms += Replicator::kMaxBackoffMs;
  settle(team.clients, team.server, team.net);
  team.check_converged();
  CHECK(team.ana().ws.find<Task>(task)->title == "Edited while the server was down");
  CHECK(team.server.live_ids().size() == 6);
}

TEST_CASE("a server wiped and recreated between two requests, with no request failing, is noticed at the next checkpoint") {
  Team team;
  settle(team.clients, team.server, team.net);
  for (Client& c : team.clients) c.held.reset();  // the open longpolls end quietly
  for (Client& c : team.clients) c.reply({0, "", true});
  team.server.wipe();
  team.server.create();
  const Id task = team.ana().ws.all<Task>().begin()->first;
  team.ana().exec(SetField{task, "title", std::string("After the wipe")});
  settle(team.clients, team.server, team.net);
  team.check_converged();
  CHECK(team.server.live_ids().size() == 6);
  CHECK(team.ben().ws.find<Task>(task)->title == "After the wipe");
}

TEST_CASE("a CouchDB conflict (two live leaves) is merged into one by whichever device sees it; losers are deleted") {
  Team team;
  settle(team.clients, team.server, team.net);
  const Id task = team.ana().ws.all<Task>().begin()->first;
  // A leaf another node wrote with a later title and an earlier due date.
  ItemDoc other = team.ana().replica.docs().at(task);
  other.fields["title"] = FieldWrite{std::string("From the other node"), SyncClock{1'900'000'000'000, 0, "node-b"}, "cy", {}};
  std::string body = encode_doc(other);
  body.erase(1, body.find(','));  // drops '"_id":"…",': the server keeps the id apart
  team.server.add_conflict(task.to_string(), "{" + body.substr(1));
  REQUIRE(team.server.conflicted() == 1);
  settle(team.clients, team.server, team.net);
  team.check_converged();
  CHECK(team.ben().ws.find<Task>(task)->title == "From the other node");
}

TEST_CASE("a non-member is told so and receives nothing; a session that expired waits, edits kept, until signed in again") {
  Team team;
  team.server.deny = true;
  settle(team.clients, team.server, team.net);
  CHECK(team.ben().replicator.progress().state == SyncState::no_access);
  CHECK(team.ben().ws.size() == 0);
  CHECK(team.ana().replica.outbox().size() == 6);  // queued, not lost
  team.server.deny = false;
  for (Client& c : team.clients) c.replicator.restart();
  settle(team.clients, team.server, team.net);
  team.check_converged();
}
