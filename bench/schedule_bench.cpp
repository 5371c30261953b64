// Scheduling benchmark: the critical path (core/schedule.h) over random
// networks of 1k, 10k and 100k tasks with ~3 dependencies each, and the Monte
// Carlo forecast (core/forecast.h), 10k iterations over 1k tasks. Median
// times of several runs after a warm-up. Writes
// bench/results/schedule-native.json and prints a Markdown table. Run by
// hand or by scripts/bench.sh; `cairn_schedule_bench 1000 10000` measures
// only the critical path sizes given (the forecast always runs).
//
// The network: tasks in a hidden order, each depending on 0 to 6 (mean 3)
// earlier tasks, mostly within the previous few hundred (as real plans chain
// locally); 85 % finish-to-start, the rest SS/FF/SF; lags of -1 to 2 days;
// one task in 20 pinned; durations 0.5 to 10 days; ten holidays. Tasks and
// dependencies are shuffled, so the input is not already in order.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>  // mallopt, for the warm-allocator figures
#endif

#include "core/forecast.h"
#include "core/schedule.h"

namespace {

using namespace cairn;

void fail(const std::string& what) {
  std::fprintf(stderr, "cairn_schedule_bench: %s\n", what.c_str());
  std::exit(1);
}

// splitmix64: small, and the same stream on every platform.
struct Rng {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(next() % n); }
  template <class T>
  void shuffle(std::vector<T>& v) {
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(static_cast<std::uint32_t>(i))]);
  }
};

constexpr std::int32_t kStartDay = 20514;  // 2026-03-02, a Monday

struct Network {
  ForecastInput forecast;  // forecast.schedule is the critical path input
  std::size_t dependencies = 0;
};

Network make_network(int n, std::uint64_t seed) {
  Rng r{seed};
  Network net;
  ScheduleInput& in = net.forecast.schedule;
  in.project_start = Date{kStartDay};
  for (int h = 0; h < 10; ++h) in.calendar.holidays.push_back(Date{kStartDay + 17 + 36 * h});
  std::vector<Id> ids(static_cast<std::size_t>(n));
  for (Id& id : ids) id = Id{r.next(), r.next()};
  std::vector<ThreePoint> ranges;
  for (int i = 0; i < n; ++i) {
    const double likely = (1 + r.below(20)) / 2.0;
    ScheduleTask t{ids[static_cast<std::size_t>(i)], likely, std::nullopt};
    if (r.below(20) == 0) t.pinned_start = Date{kStartDay + static_cast<std::int32_t>(r.below(400))};
    in.tasks.push_back(t);
    ranges.push_back({likely * 0.75, likely, likely * (1.5 + r.below(3) / 2.0)});
    const int count = i == 0 ? 0 : static_cast<int>(r.below(7));
    for (int k = 0; k < count; ++k) {
      const std::uint32_t window = static_cast<std::uint32_t>(std::min(i, 300));
      const int from = i - 1 - static_cast<int>(r.below(window));
      const std::uint32_t kind = r.below(20);
      const DependencyType type = kind < 17 ? DependencyType::finish_to_start : static_cast<DependencyType>(kind - 16);
      in.dependencies.push_back({ids[static_cast<std::size_t>(from)], t.id, type, (static_cast<double>(r.below(13)) - 4) / 4});
    }
  }
  // Shuffle tasks and their ranges together.
  std::vector<std::size_t> order(in.tasks.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  r.shuffle(order);
  std::vector<ScheduleTask> tasks;
  for (const std::size_t i : order) {
    tasks.push_back(in.tasks[i]);
    net.forecast.ranges.push_back(ranges[i]);
  }
  in.tasks = std::move(tasks);
  r.shuffle(in.dependencies);
  net.dependencies = in.dependencies.size();
  net.forecast.seed = seed;
  return net;
}

struct Timing {
  double median = 0;
  std::vector<double> runs;
};

double elapsed_ms(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// A run repeats the body until it lasts about 2 ms and reports the time per
// body: in a page that is not cross-origin isolated Chromium's clock moves in
// 100 us steps, too coarse for a 0.15 ms critical path.
template <class F>
Timing measure(int runs, int warmup, F&& body) {
  Timing t;
  for (int i = 0; i < warmup; ++i) body();
  int repeat = 1;  // doubled until a run of `repeat` bodies lasts 2 ms
  for (;;) {
    const auto start = std::chrono::steady_clock::now();
    for (int k = 0; k < repeat; ++k) body();
    if (elapsed_ms(start) >= 2.0 || repeat >= (1 << 16)) break;
    repeat *= 2;
  }
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    for (int k = 0; k < repeat; ++k) body();
    t.runs.push_back(elapsed_ms(start) / repeat);
  }
  std::vector<double> sorted = t.runs;
  std::sort(sorted.begin(), sorted.end());
  t.median = sorted[sorted.size() / 2];
  return t;
}

std::string runs_json(const Timing& t) {
  std::string s = "{\"median\": " + std::to_string(t.median) + ", \"runs\": [";
  for (std::size_t i = 0; i < t.runs.size(); ++i) s += (i ? ", " : "") + std::to_string(t.runs[i]);
  return s + "]}";
}

struct CpmResult {
  int tasks = 0;
  std::size_t dependencies = 0, critical = 0;
  double duration_days = 0;
  Timing time, warm;
};

// glibc hands the few MB a 10k-task schedule allocates back to the kernel
// after each call, so every call pays fresh page faults, which cost several
// times the computation on this VM. The "warm" figures keep freed memory in
// malloc (as the WebAssembly heap, which never shrinks, always does).
void keep_freed_memory() {
#if defined(__GLIBC__)
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  mallopt(M_MMAP_THRESHOLD, 1 << 30);
#endif
}

CpmResult bench_cpm(int n) {
  const Network net = make_network(n, 0xC0FFEEu + static_cast<std::uint64_t>(n));
  CpmResult r;
  r.tasks = n;
  r.dependencies = net.dependencies;
  Schedule s;
  const int runs = n >= 100000 ? 7 : n >= 10000 ? 21 : 51;
  r.time = measure(runs, 2, [&] { s = compute_schedule(net.forecast.schedule); });
  if (!s.problems.empty()) fail("the random network has problems");
  r.critical = s.critical_tasks.size();
  r.duration_days = s.duration_days;
  return r;
}

void bench_cpm_warm(CpmResult& r) {
  const Network net = make_network(r.tasks, 0xC0FFEEu + static_cast<std::uint64_t>(r.tasks));
  const int runs = r.tasks >= 100000 ? 7 : r.tasks >= 10000 ? 21 : 51;
  r.warm = measure(runs, 2, [&] { Schedule s = compute_schedule(net.forecast.schedule); });
}

struct ForecastResult {
  int tasks = 0, iterations = 0;
  std::size_t dependencies = 0;
  Timing prepare, run;
  FinishForecast figures;
};

ForecastResult bench_forecast(int n, int iterations) {
  const Network net = make_network(n, 0xF0CA57u);
  ForecastResult r;
  r.tasks = n;
  r.iterations = iterations;
  r.dependencies = net.dependencies;
  r.prepare = measure(11, 1, [&] { MonteCarloForecast f(net.forecast); });
  r.run = measure(5, 1, [&] {
    MonteCarloForecast f(net.forecast);
    f.run(static_cast<std::size_t>(iterations));
    r.figures = f.project();
  });
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<int> sizes;
  for (int i = 1; i < argc; ++i) sizes.push_back(std::atoi(argv[i]));
  if (sizes.empty()) sizes = {1000, 10000, 100000};

  std::vector<CpmResult> cpm;
  for (const int n : sizes) {
    std::fprintf(stderr, "schedule bench: critical path, %d tasks...\n", n);
    cpm.push_back(bench_cpm(n));
  }
  keep_freed_memory();
  for (CpmResult& r : cpm) bench_cpm_warm(r);
  std::fprintf(stderr, "schedule bench: forecast, 10k iterations over 1k tasks...\n");
  const ForecastResult mc = bench_forecast(1000, 10000);

  char date[32];
  const std::time_t now = std::time(nullptr);
  std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  std::string json = std::string("{\n  \"date\": \"") + date + "\",\n  \"critical_path\": [\n";
  for (std::size_t i = 0; i < cpm.size(); ++i) {
    const CpmResult& r = cpm[i];
    json += "    {\"tasks\": " + std::to_string(r.tasks) + ", \"dependencies\": " + std::to_string(r.dependencies) +
            ", \"critical_tasks\": " + std::to_string(r.critical) + ", \"duration_days\": " + std::to_string(r.duration_days) +
            ",\n     \"compute_ms\": " + runs_json(r.time) + ",\n     \"compute_warm_allocator_ms\": " +
            runs_json(r.warm) + "}" + (i + 1 < cpm.size() ? ",\n" : "\n");
  }
  json += "  ],\n  \"forecast\": {\"tasks\": " + std::to_string(mc.tasks) + ", \"dependencies\": " +
          std::to_string(mc.dependencies) + ", \"iterations\": " + std::to_string(mc.iterations) +
          ", \"distribution\": \"pert_beta\", \"p50_days\": " + std::to_string(mc.figures.p50_days) +
          ", \"p80_days\": " + std::to_string(mc.figures.p80_days) + ", \"p95_days\": " + std::to_string(mc.figures.p95_days) +
          ",\n    \"prepare_ms\": " + runs_json(mc.prepare) + ",\n    \"run_ms\": " + runs_json(mc.run) + "}\n}\n";
#if defined(__EMSCRIPTEN__)
  std::printf("--- schedule-bench-json ---\n%s--- end ---\n", json.c_str());
#else
  const std::filesystem::path out_dir = CAIRN_BENCH_RESULTS_DIR;
  std::filesystem::create_directories(out_dir);
  std::ofstream(out_dir / "schedule-native.json") << json;
#endif

#if defined(__EMSCRIPTEN__)
  std::printf("WebAssembly scheduling (median)\n\n");
#else
  std::printf("Native scheduling (median)\n\n");
#endif
  std::printf("| tasks | dependencies | critical tasks | duration | critical path | warm allocator |\n");
  std::printf("| ---: | ---: | ---: | ---: | ---: | ---: |\n");
  for (const CpmResult& r : cpm)
    std::printf("| %d | %zu | %zu | %.1f d | %.2f ms | %.2f ms |\n", r.tasks, r.dependencies, r.critical, r.duration_days,
                r.time.median, r.warm.median);
  std::printf("\n| forecast | prepare | %d iterations | per iteration | P50 / P80 / P95 |\n", mc.iterations);
  std::printf("| --- | ---: | ---: | ---: | ---: |\n");
  std::printf("| %d tasks, %zu dependencies, PERT-beta | %.2f ms | %.1f ms | %.1f us | %.1f / %.1f / %.1f d |\n", mc.tasks,
              mc.dependencies, mc.prepare.median, mc.run.median, 1000.0 * mc.run.median / mc.iterations,
              mc.figures.p50_days, mc.figures.p80_days, mc.figures.p95_days);
  return 0;
}
