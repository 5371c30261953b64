// Save/load benchmark of the native store: a realistic workspace with 1k,
// 10k and 100k tasks, built through commands with history recorded as the
// app records it; median times of encode, decode, FileStore save (temp file,
// fsync, rename) and FileStore load. Writes bench/results/store-native.json
// and prints a Markdown table. Run by scripts/bench.sh; `cairn_store_bench
// 1000 10000` measures only the sizes given.
//
// The workspace is the one bench/store_web.mjs imports in the browser: same
// generator (mulberry32), same draws in the same order, so the snapshot
// bytes match and native and web figures compare like with like.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <stdlib.h>  // mkdtemp

#include "core/commands.h"
#include "store/file_store.h"
#include "store/snapshot.h"

namespace {

using namespace cairn;
using Fields = std::vector<std::pair<std::string, Value>>;

void fail(const std::string& what) {
  std::fprintf(stderr, "cairn_store_bench: %s\n", what.c_str());
  std::exit(1);
}

// Text values must be std::string: a bare literal could become a bool Value.
std::string S(const char* text) { return text; }

// mulberry32, as in bench/store_web.mjs (unsigned 32-bit arithmetic).
struct Rng {
  std::uint32_t a;
  std::uint32_t next() {
    a += 0x6D2B79F5u;
    std::uint32_t t = a;
    t = (t ^ (t >> 15)) * (t | 1u);
    t = (t + (t ^ (t >> 7)) * (t | 61u)) ^ t;
    return t ^ (t >> 14);
  }
  std::uint32_t below(std::uint32_t n) { return next() % n; }
  template <std::size_t N>
  std::string pick(const std::array<const char*, N>& list) { return list[below(N)]; }
  double half_days(int lo, int hi) { return (lo * 2 + static_cast<int>(below(static_cast<std::uint32_t>((hi - lo) * 2 + 1)))) / 2.0; }
};

constexpr std::array<const char*, 16> kVerbs = {"Label", "Clean", "Audit", "Train", "Evaluate", "Deploy", "Monitor", "Benchmark",
                                                "Document", "Review", "Collect", "Tune", "Profile", "Validate", "Refactor", "Export"};
constexpr std::array<const char*, 16> kNouns = {
    "call transcripts", "churn features", "baseline model", "training set", "evaluation harness", "feature store",
    "labelling guide", "drift dashboard", "inference service", "data contract", "annotation batch", "holdout split",
    "latency budget", "GPU cluster", "consent records", "model card"};
constexpr std::array<const char*, 48> kWords = {
    "the", "data", "model", "labels", "pipeline", "metrics", "recall", "precision", "baseline", "latency", "p95",
    "budget", "stakeholders", "review", "sample", "bias", "drift", "schema", "features", "training", "validation",
    "holdout", "cohort", "segment", "weekly", "owner", "risk", "threshold", "experiment", "dataset", "version", "GPU",
    "hours", "cost", "quality", "coverage", "annotators", "guidelines", "agreement", "errors", "edge", "cases",
    "rollout", "shadow", "traffic", "monitoring", "alerts", "retraining"};
constexpr std::array<const char*, 6> kPeople = {"Ana Lima", "José Álvarez", "Mei Chen", "Tom Berg", "Priya Nair", "Lukas Weber"};
constexpr std::array<const char*, 6> kTags = {"data", "infra", "quality", "labelling", "eval", "blocked-by-legal"};
constexpr std::array<const char*, 5> kTaskStatus = {"backlog", "todo", "in_progress", "blocked", "done"};
constexpr std::array<const char*, 9> kStages = {"data_collection", "labelling", "features", "training", "evaluation",
                                                "deployment", "monitoring", "research_spike", "other"};
constexpr std::array<const char*, 7> kRiskCategories = {"bias_fairness", "privacy_compliance", "model_drift", "data_quality",
                                                        "cost", "schedule", "other"};
constexpr std::int32_t kBaseDay = 20458;  // 2026-01-05

class Builder {
 public:
  // Text of `lo`..`hi` characters from the word list, as a sentence.
  std::string sentence(std::uint32_t lo, std::uint32_t hi) {
    const std::size_t target = lo + r.below(hi - lo + 1);
    std::string s = r.pick(kWords);
    s[0] = static_cast<char>(s[0] >= 'a' && s[0] <= 'z' ? s[0] - 32 : s[0]);
    while (s.size() < target) s += std::string(" ") + r.pick(kWords);
    return s + ".";
  }
  std::string title() {
    const std::string verb = r.pick(kVerbs);
    const std::string noun = r.pick(kNouns);
    return verb + " " + noun + " for " + r.pick(kNouns);
  }
  Date day(std::uint32_t spread) { return Date{kBaseDay + static_cast<std::int32_t>(r.below(spread))}; }

  // Adds a CreateItem to the command being built; ids come from their own stream.
  Id add(const char* kind, Id parent, Fields fields) {
    Id id{(std::uint64_t{ids.next()} << 32), 0};
    id.hi |= (ids.next() & 0xFFFF0FFFu) | 0x4000u;  // UUID version 4
    id.lo = std::uint64_t{(ids.next() & 0x3FFFFFFFu) | 0x80000000u} << 32;  // variant 10
    id.lo |= ids.next();
    command.ops.push_back(CreateItem{kind, id, parent, std::move(fields)});
    return id;
  }

  // One project with `tasks` tasks and what a project of that size holds.
  void project(int p, int tasks, std::vector<Id>& edited) {
    const Id pid = add("project", Id{}, {{"name", "Project " + std::to_string(p + 1) + ": " + r.pick(kNouns)},
                                         {"domain", S("tabular")},
                                         {"phase", S("modelling")},
                                         {"problem", sentence(150, 300)},
                                         {"business_goal", sentence(80, 160)},
                                         {"scope_in", sentence(80, 200)},
                                         {"scope_out", sentence(60, 150)},
                                         {"latency_p95_ms", 120.0},
                                         {"budget", 50000.0 + 1000.0 * p},
                                         {"budget_currency", S("EUR")},
                                         {"compliance", StringList{"GDPR"}}});
    std::vector<Id> people, metrics, sprints, gates;
    for (const char* name : kPeople)
      people.push_back(add("person", pid, {{"name", S(name)}, {"role", S("ML engineer")}, {"time_zone", S("Europe/Berlin")},
                                           {"responsibility", sentence(40, 100)}, {"capacity_days_per_week", 4.0}}));
    for (int m = 0; m < 3; ++m) {
      metrics.push_back(add("metric", pid, {{"name", std::string(r.pick(kWords)) + " score"}, {"level", S("ml")},
                                            {"unit", S("%")}, {"baseline", 70.0}, {"target", 85.0}}));
      for (int k = 0; k < 4; ++k)
        add("metric_reading", metrics.back(), {{"on", day(300)}, {"value", r.half_days(60, 90)}, {"note", sentence(20, 60)}});
    }
    for (int d = 0; d < 2; ++d)
      add("data_source", pid, {{"name", r.pick(kNouns)}, {"owner", r.pick(kPeople)}, {"licence", S("internal")},
                               {"personal_data", true}, {"status", S("available")}, {"notes", sentence(40, 120)}});
    const int sprint_count = std::max(2, (tasks + 199) / 200);
    for (int s = 0; s < sprint_count; ++s)
      sprints.push_back(add("sprint", pid, {{"name", "Sprint " + std::to_string(s + 1)}, {"kind", S("delivery")},
                                            {"goal", sentence(40, 120)}, {"start", Date{kBaseDay + 14 * s}},
                                            {"end", Date{kBaseDay + 14 * s + 13}}}));
    for (int g = 0; g < 4; ++g) {
      gates.push_back(add("gate", pid, {{"name", "Gate " + std::to_string(g + 1)}, {"due", day(365)}, {"decision", S("pending")},
                                        {"rationale", sentence(60, 160)}}));
      for (int c = 0; c < 2; ++c)
        add("gate_criterion", gates.back(), {{"metric", metrics[static_cast<std::size_t>(c)]}, {"comparison", S("at_least")},
                                             {"threshold", 80.0}});
    }
    const int scaled = std::max(5, tasks / 100);
    for (int k = 0; k < scaled; ++k)
      add("risk", pid, {{"title", sentence(30, 70)}, {"category", r.pick(kRiskCategories)},
                        {"likelihood", std::int64_t{1 + r.below(5)}}, {"impact", std::int64_t{1 + r.below(5)}},
                        {"owner", r.pick(kPeople)}, {"mitigation", sentence(80, 200)}, {"next_review", day(365)}});
    for (int k = 0; k < scaled; ++k) {
      const Id e = add("experiment", pid, {{"title", title()}, {"hypothesis", sentence(80, 200)}, {"status", S("succeeded")},
                                           {"dataset_version", "v1." + std::to_string(k)}, {"model_version", "m" + std::to_string(k)},
                                           {"parameters", S("lr=0.001 batch=64 epochs=10")}, {"gpu_hours", r.half_days(1, 40)},
                                           {"notes", sentence(40, 120)}, {"on", day(365)}});
      for (int m = 0; m < 2; ++m)
        add("experiment_result", e, {{"metric", metrics[static_cast<std::size_t>(m)]}, {"value", r.half_days(60, 90)}});
      add("external_run", e, {{"system", S("mlflow")}, {"run_id", "run-" + std::to_string(r.next())}, {"url", "https://mlflow.example.com/runs/" + std::to_string(k)}});
    }
    for (int k = 0; k < 5; ++k)
      add("decision", pid, {{"title", sentence(30, 70)}, {"on", day(365)}, {"decision", sentence(40, 120)},
                            {"rationale", sentence(60, 160)}, {"gate", gates[static_cast<std::size_t>(k % 4)]}});

    Id previous;
    for (int i = 0; i < tasks; ++i) {
      const std::string status = r.pick(kTaskStatus);
      Fields f = {{"title", title()},
                  {"description", sentence(100, 300)},
                  {"status", status},
                  {"stage", r.pick(kStages)},
                  {"assignee", people[r.below(6)]},
                  {"optimistic_days", r.half_days(1, 3)},
                  {"likely_days", r.half_days(3, 6)},
                  {"pessimistic_days", r.half_days(6, 15)},
                  {"start", day(300)},
                  {"due", day(365)},
                  {"tags", StringList{r.pick(kTags), r.pick(kTags)}},
                  {"sprint", sprints[static_cast<std::size_t>(i % sprint_count)]},
                  {"order", static_cast<double>(i)}};
      if (status == "done") f.emplace_back("actual_days", r.half_days(1, 15));
      const Id task = add("task", pid, std::move(f));
      for (int c = 0; c <= i % 3; ++c)  // definition of done: 1 to 3 entries
        add("checklist_item", task, {{"text", sentence(20, 60)}, {"done", status == "done"}, {"order", static_cast<double>(c)}});
      if (i % 4 == 3) add("dependency", task, {{"predecessor", previous}, {"type", S("finish_to_start")}, {"lag_days", 0.0}});
      if (i % 4 == 0) edited.push_back(task);
      previous = task;
    }
  }

  Rng r{0xC0FFEEu};   // text and values
  Rng ids{0x1D5EEDu};  // ids
  Command command;
};

struct Built {
  Workspace workspace;
  std::size_t changes = 0;  // history entries
};

// Applies a command as the app's CommandStack does and records its history.
void run(Built& built, Command& command, std::int64_t at) {
  command.at = Timestamp{at};
  command.author = "local";
  ApplyResult result = apply(built.workspace, command);
  if (!result.ok) fail("building the workspace failed: " + result.error);
  for (auto& [id, change] : result.changes) {
    built.workspace.record(id, std::move(change));
    ++built.changes;
  }
}

// n tasks in max(1, n / 5000) projects, one import-like command per project,
// then one command moving every 4th task to in_progress (as the web bench does).
Built build_workspace(int n) {
  Built built;
  Builder b;
  const int projects = std::max(1, n / 5000);
  std::vector<Id> edited;
  std::int64_t at = 1'780'000'000'000;
  for (int p = 0; p < projects; ++p) {
    b.command = Command{};
    b.project(p, n / projects, edited);
    run(built, b.command, at += 1000);
  }
  Command status;
  for (const Id id : edited) status.ops.push_back(SetField{id, "status", std::string("in_progress")});
  run(built, status, at += 1000);
  return built;
}

struct Timing {
  double median = 0;
  std::vector<double> runs;
};

// Median of `runs` timed calls, after `warmup` untimed ones.
template <class F>
Timing measure(int runs, int warmup, F&& body) {
  Timing t;
  for (int i = 0; i < warmup; ++i) body();
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    body();
    t.runs.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::vector<double> sorted = t.runs;
  std::sort(sorted.begin(), sorted.end());
  t.median = sorted[sorted.size() / 2];
  return t;
}

struct Result {
  int tasks = 0;
  std::size_t items = 0, changes = 0, bytes = 0;
  double build_ms = 0;
  Timing encode, decode, save, load;
};

Result bench(int n, const std::filesystem::path& folder) {
  Result r;
  r.tasks = n;
  const auto started = std::chrono::steady_clock::now();
  const Built built = build_workspace(n);
  r.build_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  r.items = built.workspace.size();
  r.changes = built.changes;
  const int runs = n >= 100000 ? 3 : n >= 10000 ? 7 : 15;

  // Saves are measured in a steady state (after a warm-up, as repeated
  // autosaves run); loads on fresh memory, as at app start: every result is
  // kept until all runs are done (the app keeps what it loads). Page faults
  // of fresh memory are a large, noisy part of both on this VM.
  std::vector<std::uint8_t> bytes;
  r.encode = measure(runs, 1, [&] { bytes = store::encode_workspace(built.workspace, 1); });
  r.bytes = bytes.size();
  std::vector<store::Decoded> decoded;
  decoded.reserve(static_cast<std::size_t>(runs) + 1);
  decoded.push_back(store::decode_workspace(bytes));
  if (!(decoded.back().snapshot.workspace == built.workspace)) fail("the decoded workspace differs from the saved one");
  r.decode = measure(runs, 0, [&] {
    decoded.push_back(store::decode_workspace(bytes));
    if (!decoded.back().ok) fail("decode failed: " + decoded.back().error);
  });

  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  store::FileStore saver(folder);
  r.save = measure(runs, 1, [&] {  // the warm-up also makes the backup file every later save renames
    if (const auto s = saver.save(built.workspace); !s.ok) fail("save failed: " + s.error);
  });
  std::vector<store::Storage::Loaded> loaded;
  loaded.reserve(static_cast<std::size_t>(runs));
  r.load = measure(runs, 0, [&] {
    store::FileStore loader(folder);  // a fresh store, as at app start
    loaded.push_back(loader.load());
    if (!loaded.back().ok) fail("load failed: " + loaded.back().error);
  });
  std::filesystem::remove_all(folder);
  return r;
}

std::string runs_json(const Timing& t) {
  std::string s = "{\"median\": " + std::to_string(t.median) + ", \"runs\": [";
  for (std::size_t i = 0; i < t.runs.size(); ++i) s += (i ? ", " : "") + std::to_string(t.runs[i]);
  return s + "]}";
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<int> sizes;
  for (int i = 1; i < argc; ++i) sizes.push_back(std::atoi(argv[i]));
  if (sizes.empty()) sizes = {1000, 10000, 100000};
  // A fresh folder in the system's temp folder (its file system decides the cost of fsync).
  std::string folder_name = (std::filesystem::temp_directory_path() / "cairn-store-bench-XXXXXX").string();
  if (!::mkdtemp(folder_name.data())) fail("cannot create a temp folder");
  const std::filesystem::path folder = folder_name;

  std::vector<Result> results;
  for (const int n : sizes) {
    std::fprintf(stderr, "store bench: %d tasks...\n", n);
    results.push_back(bench(n, folder));
  }

  // JSON for bench/results/ (store_web.mjs reads it for the web/native ratios).
  char date[32];
  const std::time_t now = std::time(nullptr);
  std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  std::string json = std::string("{\n  \"date\": \"") + date + "\",\n  \"folder\": \"" +
                     folder.parent_path().string() + "\",\n  \"sizes\": [\n";
  for (std::size_t i = 0; i < results.size(); ++i) {
    const Result& r = results[i];
    json += "    {\"tasks\": " + std::to_string(r.tasks) + ", \"items\": " + std::to_string(r.items) +
            ", \"history_changes\": " + std::to_string(r.changes) + ", \"bytes\": " + std::to_string(r.bytes) +
            ", \"build_ms\": " + std::to_string(r.build_ms) + ",\n     \"encode_ms\": " + runs_json(r.encode) +
            ",\n     \"decode_ms\": " + runs_json(r.decode) + ",\n     \"file_save_ms\": " + runs_json(r.save) +
            ",\n     \"file_load_ms\": " + runs_json(r.load) + "}" + (i + 1 < results.size() ? ",\n" : "\n");
  }
  json += "  ]\n}\n";
  const std::filesystem::path out_dir = CAIRN_BENCH_RESULTS_DIR;
  std::filesystem::create_directories(out_dir);
  std::ofstream(out_dir / "store-native.json") << json;

  std::printf("Native store (median; FileStore save = encode + write + fsync + rename, "
              "load = read + decode of main and backup file)\n\n");
  std::printf("| tasks | items | history | snapshot | encode | decode | FileStore save | FileStore load |\n");
  std::printf("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
  for (const Result& r : results)
    std::printf("| %d | %zu | %zu | %.2f MB | %.1f ms | %.1f ms | %.1f ms | %.1f ms |\n", r.tasks, r.items, r.changes,
                static_cast<double>(r.bytes) / 1e6, r.encode.median, r.decode.median, r.save.median, r.load.median);
  return 0;
}
