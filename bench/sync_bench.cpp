// Team sync against PouchDB Server on a loopback port (started here, as the
// integration tests start it): a first upload and a first download of 1k
// and 10k tasks, the longest single step of the download (what a frame
// would wait for), one edit's latency from one client to another, and the
// bytes one edit and a batch of 1,000 edits send. Writes
// bench/results/sync-native.json and prints a Markdown table. Run by
// scripts/bench.sh.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/sync_driver.h"
#include "core/command_stack.h"
#include "sync/pouchdb_server.h"

namespace {

using namespace cairn;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::int64_t wall_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// Counts what goes over the wire.
class CountingHttp final : public HttpClient {
 public:
  explicit CountingHttp(HttpClient& inner) : inner_(inner) {}
  std::uint64_t start(const std::string& url, const HttpRequest& r, const std::vector<std::string>& h, Done done) override {
    sent += r.body.size() + r.target.size();
    return inner_.start(url, r, h, [this, done = std::move(done)](HttpReply reply) {
      received += reply.body.size();
      done(std::move(reply));
    });
  }
  void abort(std::uint64_t id) override { inner_.abort(id); }
  void poll(int wait_ms) override { inner_.poll(wait_ms); }
  std::size_t sent = 0, received = 0;

 private:
  HttpClient& inner_;
};

struct Client {
  std::string name;
  Workspace ws;
  CommandStack stack;
  ProjectReplica replica;
  Replicator replicator;
  SyncDriver driver;
  double longest_tick_ms = 0;
  Client(std::string who, Id project, testing::PouchDbServer& server, HttpClient& http, const std::string& db)
      : name(std::move(who)), stack(ws, name, [] { return Timestamp{wall_ms()}; }), replica(project, name),
        replicator(replica, name),
        driver(replicator, http, SyncServer{server.url() + db + "/", {testing::basic_auth(name, name + "-pw")}}) {}
  void tick() {
    const auto start = Clock::now();
    const std::size_t pulled = replicator.progress().pulled;
    driver.tick(ws, name, wall_ms());
    const double took = ms_since(start);
    longest_tick_ms = std::max(longest_tick_ms, took);
    // SYNC_BENCH_TRACE=1: every step over 5 ms, to find what a frame would wait for.
    if (std::getenv("SYNC_BENCH_TRACE") && took > 5)
      std::fprintf(stderr, "%s: step of %.1f ms, pulled %zu -> %zu, items %zu\n", name.c_str(), took, pulled,
                   replicator.progress().pulled, ws.size());
  }
  bool settled() const {
    return replicator.progress().state == SyncState::up_to_date && replica.outbox().empty() && driver.request_open();
  }
};

void run_until(std::vector<Client*> clients, HttpClient& http, const std::function<bool()>& done) {
  const auto until = Clock::now() + std::chrono::minutes(5);
  while (!done()) {
    if (Clock::now() > until) {
      std::fprintf(stderr, "cairn_sync_bench: gave up after 5 minutes\n");
      std::exit(1);
    }
    for (Client* c : clients) c->tick();
    http.poll(5);
  }
}

struct Row {
  std::size_t tasks;
  double upload_ms, download_ms, longest_step_ms;
  std::size_t download_bytes;
};

}  // namespace

int main() {
  testing::PouchDbServer server;
  server.make_admin();
  for (const char* user : {"ana", "ben"}) server.add_user(user, std::string(user) + "-pw");
  CurlHttp curl;
  CountingHttp http(curl);
  std::vector<Row> rows;
  double latency_median = 0, latency_max = 0;
  std::size_t bytes_one_edit = 0, bytes_thousand_edits = 0;

  for (const std::size_t tasks : {std::size_t{1000}, std::size_t{10000}}) {
    const std::string db = "bench-" + std::to_string(tasks);
    server.make_database(db, {"ana", "ben"});
    IdSource ids(tasks);
    const Id project = ids.next();
    Client ana("ana", project, server, http, db);
    ana.stack.exec(Command{{CreateItem{"project", project, {}, {{"name", std::string("Bench")}}}}, {}, {}, "New"});
    Command create{{}, {}, {}, "Tasks"};
    for (std::size_t i = 0; i < tasks; ++i)
      create.ops.push_back(CreateItem{"task", ids.next(), project,
                                      {{"title", "Task " + std::to_string(i)}, {"likely_days", 2.0}, {"stage", std::string("training")}}});
    ana.stack.exec(std::move(create));
    ana.replica.stamp(ana.ws, "ana", wall_ms());

    auto start = Clock::now();
    run_until({&ana}, http, [&] { return ana.settled(); });
    const double upload = ms_since(start);

    Client ben("ben", project, server, http, db);
    const std::size_t before = http.received;
    start = Clock::now();
    run_until({&ben}, http, [&] { return ben.settled(); });
    const double download = ms_since(start);
    if (!ben.ws.same_items(ana.ws)) {
      std::fprintf(stderr, "cairn_sync_bench: the download differs from the upload\n");
      return 1;
    }
    rows.push_back({tasks, upload, download, ben.longest_tick_ms, http.received - before});

    if (tasks == 1000) {
      // One edit at a time, from Ana to Ben: the time until Ben's workspace shows it.
      std::vector<double> latencies;
      std::vector<Id> task_ids;
      for (const auto& [id, t] : ana.ws.all<Task>()) task_ids.push_back(id);
      for (int i = 0; i < 21; ++i) {
        const std::size_t sent_before = http.sent;
        const std::string title = "Edit " + std::to_string(i);
        ana.stack.exec(Command{{SetField{task_ids[i], "title", title}}, {}, {}, "Rename"});
        ana.replica.stamp(ana.ws, "ana", wall_ms());
        const auto t0 = Clock::now();
        run_until({&ana, &ben}, http, [&] { return ben.ws.find<Task>(task_ids[i])->title == title; });
        latencies.push_back(ms_since(t0));
        run_until({&ana, &ben}, http, [&] { return ana.settled() && ben.settled(); });
        if (i == 0) bytes_one_edit = http.sent - sent_before;
      }
      std::sort(latencies.begin(), latencies.end());
      latency_median = latencies[latencies.size() / 2];
      latency_max = latencies.back();
      // 1,000 edits in one go (an import, a bulk change): the bytes sent.
      const std::size_t sent_before = http.sent;
      Command bulk{{}, {}, {}, "Bulk"};
      for (const Id id : task_ids) bulk.ops.push_back(SetField{id, "status", std::string("done")});
      ana.stack.exec(std::move(bulk));
      ana.replica.stamp(ana.ws, "ana", wall_ms());
      run_until({&ana, &ben}, http, [&] { return ana.settled() && ben.settled() && ben.ws.same_items(ana.ws); });
      bytes_thousand_edits = http.sent - sent_before;
    }
  }

  std::printf("| tasks | first upload | first download | longest step of the download | bytes downloaded |\n|---|---|---|---|---|\n");
  for (const Row& r : rows)
    std::printf("| %zu | %.0f ms | %.0f ms | %.1f ms | %.1f MB |\n", r.tasks, r.upload_ms, r.download_ms, r.longest_step_ms,
                static_cast<double>(r.download_bytes) / 1e6);
  std::printf("\none edit, Ana to Ben: median %.0f ms, slowest %.0f ms (21 edits)\n", latency_median, latency_max);
  std::printf("bytes sent: one edit %zu (its push, checkpoint and longpoll requests), 1,000 edits %zu\n", bytes_one_edit,
              bytes_thousand_edits);

  std::filesystem::create_directories(CAIRN_BENCH_RESULTS_DIR);
  std::ofstream out(std::string(CAIRN_BENCH_RESULTS_DIR) + "/sync-native.json");
  out << "{\"rows\":[";
  for (std::size_t i = 0; i < rows.size(); ++i)
    out << (i ? "," : "") << "{\"tasks\":" << rows[i].tasks << ",\"upload_ms\":" << rows[i].upload_ms
        << ",\"download_ms\":" << rows[i].download_ms << ",\"longest_step_ms\":" << rows[i].longest_step_ms
        << ",\"download_bytes\":" << rows[i].download_bytes << "}";
  out << "],\"edit_latency_median_ms\":" << latency_median << ",\"edit_latency_max_ms\":" << latency_max
      << ",\"bytes_one_edit\":" << bytes_one_edit << ",\"bytes_1000_edits\":" << bytes_thousand_edits << "}\n";
  return 0;
}
