// Team sync against a real CouchDB-compatible server (PouchDB Server, in
// memory, on a loopback port): the desktop transport (libcurl) and the
// replicator, as the app will run them.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <chrono>
#include <functional>
#include <memory>

#include "app/sync_driver.h"
#include "core/command_stack.h"
#include "support/one_op.h"
#include "sync/pouchdb_server.h"

using namespace cairn;
using cairn::testing::op;
using cairn::testing::PouchDbServer;

namespace {

const std::string kDb = "cairn-churn";

// Real time, plus a jump when a test waits out a backoff.
struct Clock {
  std::int64_t skip_ms = 0;
  std::int64_t now() const {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count() + skip_ms;
  }
};

struct Client {
  std::string name;
  Workspace ws;
  Clock& clock;
  CommandStack stack;
  ProjectReplica replica;
  std::unique_ptr<Replicator> replicator;
  std::unique_ptr<SyncDriver> driver;

  Client(std::string who, const std::string& password, Id project, PouchDbServer& server, HttpClient& http, Clock& c)
      : name(std::move(who)), clock(c), stack(ws, name, [this] { return Timestamp{clock.now()}; }), replica(project, name) {
    connect(server, http, password, {});
  }
  void connect(PouchDbServer& server, HttpClient& http, const std::string& password, SyncCheckpoint saved) {
    driver.reset();
    replicator = std::make_unique<Replicator>(replica, name, std::move(saved));
    driver = std::make_unique<SyncDriver>(*replicator, http, SyncServer{server.url() + kDb + "/", {testing::basic_auth(name, password)}});
  }
  void exec(Operation o) {
    REQUIRE(stack.exec(op(std::move(o))).ok);
    replica.stamp(ws, name, clock.now());
  }
  void tick() { driver->tick(ws, name, clock.now()); }
  SyncState state() const { return replicator->progress().state; }
  bool settled() const { return state() == SyncState::up_to_date && replica.outbox().empty() && driver->request_open(); }
};

// Moves every client along until `done` holds (true) or 30 s pass (false).
bool run_until(std::vector<Client*> clients, HttpClient& http, const std::function<bool()>& done) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < until) {
    for (Client* c : clients) c->tick();
    if (done()) return true;
    http.poll(20);
  }
  return false;
}

std::string describe(const std::vector<Client*>& clients) {
  std::string out;
  for (const Client* c : clients) {
    const SyncProgress& p = c->replicator->progress();
    out += c->name + ": " + sync_state_name(p.state) + ", " + std::to_string(c->replica.outbox().size()) + " waiting, " +
           std::to_string(p.pulled) + " pulled, " + std::to_string(c->ws.size()) + " items, open " +
           (c->driver->request_open() ? "yes" : "no") + ", since " + c->replicator->checkpoint().since + ", session " +
           c->replicator->checkpoint().session + (p.problem.empty() ? "" : ", problem: " + p.problem) + "\n";
  }
  return out;
}

bool converged(const std::vector<Client*>& clients) {
  for (const Client* c : clients)
    if (!c->settled() || !c->ws.same_items(clients.front()->ws)) return false;
  return true;
}

struct Team {
  IdSource ids{7};
  Id project = ids.next();
  PouchDbServer server;
  CurlHttp http;
  Clock clock;
  Team() {
    server.make_admin();
    for (const char* user : {"ana", "ben", "eve"}) server.add_user(user, std::string(user) + "-pw");
    server.make_database(kDb, {"ana", "ben"});
  }
  std::unique_ptr<Client> client(const std::string& name, const std::string& password = "") {
    return std::make_unique<Client>(name, password.empty() ? name + "-pw" : password, project, server, http, clock);
  }
  void make_project(Client& c, int tasks) {
    c.exec(CreateItem{"project", project, {}, {{"name", std::string("Churn model")}}});
    for (int i = 0; i < tasks; ++i) c.exec(CreateItem{"task", ids.next(), project, {{"title", "Task " + std::to_string(i)}}});
  }
};

}  // namespace

TEST_CASE("two desktop clients share a project: first download, then edits both ways through the longpoll") {
  Team team;
  auto ana = team.client("ana"), ben = team.client("ben");
  team.make_project(*ana, 20);
  REQUIRE(run_until({ana.get(), ben.get()}, team.http, [&] { return converged({ana.get(), ben.get()}); }));
  CHECK(ben->ws.all<Task>().size() == 20);
  CHECK(ben->replicator->progress().pulled >= 21);

  const Id task = ben->ws.all<Task>().begin()->first;
  ben->exec(SetField{task, "title", std::string("Renamed on Ben's laptop")});
  REQUIRE(run_until({ana.get(), ben.get()}, team.http,
                    [&] { return converged({ana.get(), ben.get()}) && ana->ws.find<Task>(task)->title == "Renamed on Ben's laptop"; }));
  CHECK(ana->ws.history(task).back().author == "ben");

  SUBCASE("a client that starts again resumes from its checkpoint instead of reading everything") {
    ben->connect(team.server, team.http, "ben-pw", ben->replicator->checkpoint());
    ana->exec(CreateItem{"task", team.ids.next(), team.project, {{"title", std::string("Added while Ben was away")}}});
    REQUIRE(run_until({ana.get(), ben.get()}, team.http, [&] { return converged({ana.get(), ben.get()}); }));
    CHECK(ben->replicator->progress().pulled <= 2);
    CHECK(ben->ws.all<Task>().size() == 21);
  }
}

TEST_CASE("a user who is not a member is told so and gets nothing; a wrong password says so") {
  Team team;
  auto ana = team.client("ana"), eve = team.client("eve"), wrong = team.client("ben", "not-ben's");
  team.make_project(*ana, 3);
  REQUIRE(run_until({ana.get(), eve.get(), wrong.get()}, team.http, [&] {
    return ana->settled() && eve->state() == SyncState::no_access && wrong->state() == SyncState::signed_out;
  }));
  CHECK(eve->ws.size() == 0);
  CHECK(wrong->ws.size() == 0);
  CHECK(eve->replicator->progress().problem.find("no access") != std::string::npos);
}

TEST_CASE("the server killed in the middle of a push and restarted empty: the clients push everything again, nothing is lost") {
  Team team;
  auto ana = team.client("ana"), ben = team.client("ben");
  team.make_project(*ana, 450);  // five _bulk_docs batches
  REQUIRE(run_until({ana.get(), ben.get()}, team.http, [&] {
    const std::size_t waiting = ana->replica.outbox().size();
    return waiting > 0 && waiting < 451;  // some batches stored, some not
  }));
  team.server.kill();
  team.server.start();  // empty: an admin sets it up again
  team.server.make_admin();
  for (const char* user : {"ana", "ben"}) team.server.add_user(user, std::string(user) + "-pw");
  team.server.make_database(kDb, {"ana", "ben"});
  team.clock.skip_ms += Replicator::kMaxBackoffMs;  // past any backoff
  INFO(describe({ana.get(), ben.get()}) << team.server.request("GET", kDb, "").body);
  REQUIRE(run_until({ana.get(), ben.get()}, team.http, [&] { return converged({ana.get(), ben.get()}); }));
  CHECK(ben->ws.all<Task>().size() == 450);
  const HttpReply info = team.server.request("GET", kDb, "");
  CHECK(info.body.find("\"doc_count\":451") != std::string::npos);
}

TEST_CASE("a password goes only over https, or to this computer") {
  for (const char* ok : {"https://couch.example.org/db/", "http://127.0.0.1:5984/db/", "http://localhost/db/", "http://[::1]:5984/"})
    CHECK(secure_or_loopback(ok));
  for (const char* refused : {"http://couch.example.org/db/", "http://localhost.example.org/", "http://127.0.0.1.evil.org/", "ftp://127.0.0.1/"})
    CHECK_FALSE(secure_or_loopback(refused));

  Workspace ws;
  ProjectReplica replica(Id{1, 2}, "laptop");
  Replicator replicator(replica, "laptop");
  CurlHttp http;
  SyncDriver driver(replicator, http, SyncServer{"http://couch.example.org/cairn-churn/", {testing::basic_auth("ana", "pw")}});
  driver.tick(ws, "ana", 1'800'000'000'000);
  http.poll(0);
  driver.tick(ws, "ana", 1'800'000'000'000);
  CHECK(replicator.progress().state == SyncState::offline);
  CHECK(replicator.progress().problem.find("https://") != std::string::npos);
}
