#include <doctest/doctest.h>

#include <cmath>

#include "core/forecast.h"
#include "core/random_draws.h"
#include "core/schedule.h"

using namespace cairn;

namespace {

Date day(const char* iso) { return parse_date(iso).value(); }
Id id_of(int name) { return Id{0xF0CA57, static_cast<std::uint64_t>(name)}; }

struct Activity {
  int name;
  double o, m, p;
  std::vector<int> after;
};

// Heizer & Render, "Operations Management", chapter 3: the Milwaukee Paper
// project with its three-point estimates (weeks). Expected times 2, 3, 2, 4,
// 4, 3, 5, 2; critical path A-C-E-G-H, 15 weeks.
const std::vector<Activity> kMilwaukee = {
    {'A', 1, 2, 3, {}},         {'B', 2, 3, 4, {}},    {'C', 1, 2, 3, {'A'}},  {'D', 2, 4, 6, {'A', 'B'}},
    {'E', 1, 4, 7, {'C'}},      {'F', 1, 2, 9, {'C'}}, {'G', 3, 4, 11, {'D', 'E'}}, {'H', 1, 2, 3, {'F', 'G'}}};

// Only the critical path, as a chain: its mean is the sum of PERT means, 15.
const std::vector<Activity> kChain = {
    {'A', 1, 2, 3, {}}, {'C', 1, 2, 3, {'A'}}, {'E', 1, 4, 7, {'C'}}, {'G', 3, 4, 11, {'E'}}, {'H', 1, 2, 3, {'G'}}};

ForecastInput input_of(const std::vector<Activity>& activities, std::uint64_t seed,
                       DurationDistribution distribution = DurationDistribution::pert_beta) {
  ForecastInput in;
  in.schedule.project_start = day("2026-01-05");
  in.seed = seed;
  in.distribution = distribution;
  for (const Activity& a : activities) {
    in.schedule.tasks.push_back({id_of(a.name), (a.o + 4 * a.m + a.p) / 6, std::nullopt});
    in.ranges.push_back({a.o, a.m, a.p});
    for (const int p : a.after) in.schedule.dependencies.push_back({id_of(p), id_of(a.name)});
  }
  return in;
}

}  // namespace

TEST_CASE("forecast: the generator and the logarithm give the same numbers everywhere") {
  // xoshiro256** seeded by splitmix64(42), checked against the reference C code.
  RandomDraws r(42);
  CHECK(r.next() == 0x15780b2e0c2ec716ull);
  CHECK(r.next() == 0x6104d9866d113a7eull);
  CHECK(r.next() == 0xae17533239e499a1ull);
  for (double x = 1e-300; x < 1e300; x *= 1.37) CHECK(portable_log(x) == doctest::Approx(std::log(x)).epsilon(1e-15));
  for (double x = 0.5; x < 2; x += 0.001) CHECK(std::fabs(portable_log(x) - std::log(x)) < 1e-15);
  CHECK(portable_log(1) == 0);
}

TEST_CASE("forecast: draws have the moments of their distributions") {
  RandomDraws r(7);
  const int n = 200000;
  double sum = 0, sum2 = 0;
  for (int i = 0; i < n; ++i) {
    const double x = r.beta(2, 4);  // mean 1/3, variance 8 / (36 * 7)
    CHECK((x > 0 && x < 1));
    sum += x;
    sum2 += x * x;
  }
  const double mean = sum / n, variance = sum2 / n - mean * mean;
  CHECK(mean == doctest::Approx(1.0 / 3).epsilon(0.005));
  CHECK(variance == doctest::Approx(8.0 / 252).epsilon(0.02));
  double normal_sum = 0, normal_sum2 = 0;
  for (int i = 0; i < n; ++i) {
    const double z = r.normal();
    normal_sum += z;
    normal_sum2 += z * z;
  }
  CHECK(std::fabs(normal_sum / n) < 0.01);
  CHECK(normal_sum2 / n == doctest::Approx(1).epsilon(0.01));
}

TEST_CASE("forecast: a seed gives the same results, at once or in steps") {
  const ForecastInput in = input_of(kMilwaukee, 2026);
  MonteCarloForecast once(in), steps(in), other(input_of(kMilwaukee, 2027));
  once.run(3000);
  steps.run(1);
  steps.run(999);
  steps.run(2000);
  other.run(3000);
  CHECK(steps.iterations() == 3000);
  const FinishForecast a = once.project(), b = steps.project(), c = other.project();
  CHECK(a.mean_days == b.mean_days);
  CHECK(a.p50_days == b.p50_days);
  CHECK(a.p80_days == b.p80_days);
  CHECK(a.p95_days == b.p95_days);
  CHECK(a.p95 == b.p95);
  CHECK(a.mean_days != c.mean_days);
  // Pinned figures: a change of generator, draw order or arithmetic shows
  // here, and the WebAssembly build of these tests must give the same.
  std::int64_t total = 0;
  for (const std::int64_t t : once.project_finishes()) total += t;
  CHECK(total == 45625206);  // ticks over 3000 iterations: a mean of 15.208 weeks
  CHECK(a.p50_days == 15.094);
  CHECK(a.p80_days == 16.619);
  CHECK(a.p95_days == 18.228);
}

TEST_CASE("forecast: a chain converges to the sum of its PERT means") {
  MonteCarloForecast f(input_of(kChain, 11));
  f.run(20000);
  const FinishForecast r = f.project();
  // Sum of (o + 4m + p) / 6: 2 + 2 + 4 + 5 + 2. Standard error ~0.013.
  CHECK(r.mean_days == doctest::Approx(15).epsilon(0.004));
  CHECK(r.p50_days == doctest::Approx(15).epsilon(0.02));
  // The variance is the sum of the Beta variances, alpha beta / (36 x 7) x
  // (p - o)^2: 1/7 + 1/7 + 9/7 + 12/7 + 1/7 = 24/7 (not PERT's ((p - o) / 6)^2).
  double sum = 0, sum2 = 0;
  for (const std::int64_t ticks : f.project_finishes()) {
    const double x = static_cast<double>(ticks) / kTicksPerDay;
    sum += x;
    sum2 += x * x;
  }
  const double n = static_cast<double>(f.iterations());
  CHECK(sum2 / n - (sum / n) * (sum / n) == doctest::Approx(24.0 / 7).epsilon(0.05));

  MonteCarloForecast t(input_of(kChain, 11, DurationDistribution::triangular));
  t.run(20000);
  // Triangular means (o + m + p) / 3: 2 + 2 + 4 + 6 + 2.
  CHECK(t.project().mean_days == doctest::Approx(16).epsilon(0.004));
}

TEST_CASE("forecast: percentiles are ordered and match the probability of finishing by a date") {
  MonteCarloForecast f(input_of(kMilwaukee, 5));
  f.run(5000);
  const FinishForecast r = f.project();
  CHECK(r.p50_days <= r.p80_days);
  CHECK(r.p80_days <= r.p95_days);
  CHECK(r.p50 <= r.p80);
  CHECK(r.p80 <= r.p95);
  CHECK(r.p50_days >= 15 - 1);  // merging paths only push the finish later than the PERT path
  CHECK(f.probability_by(r.p80) >= 0.8);
  CHECK(f.probability_by(r.p95) >= 0.95);
  CHECK(f.probability_by(Date{r.p50.days - 7}) < 0.5);
  CHECK(f.probability_by(day("2026-01-04")) == 0);  // before the project starts
  CHECK(f.probability_by(day("2027-01-01")) == 1);
  double previous = 0;
  for (Date d = day("2026-01-05"); d <= day("2026-02-20"); d.days++) {
    const double p = f.probability_by(d);
    CHECK(p >= previous);
    previous = p;
  }
}

TEST_CASE("forecast: tasks without spread give the critical path's dates exactly") {
  std::vector<Activity> fixed = kMilwaukee;
  for (Activity& a : fixed) a.o = a.p = a.m = (a.o + 4 * a.m + a.p) / 6;
  ForecastInput in = input_of(fixed, 3);
  in.schedule.calendar.holidays = {day("2026-01-19")};
  in.milestones = {id_of('G')};
  const Schedule cpm = compute_schedule(in.schedule);
  MonteCarloForecast f(in);
  f.run(100);
  const FinishForecast r = f.project();
  CHECK(r.mean_days == 15);
  CHECK(r.p50_days == 15);
  CHECK(r.p95_days == 15);
  CHECK(r.p50 == cpm.finish_date);
  CHECK(r.p95 == cpm.finish_date);
  CHECK(f.probability_by(cpm.finish_date) == 1);
  CHECK(f.probability_by(Date{cpm.finish_date.days - 1}) == 0);
  const FinishForecast g = f.milestone(0);
  CHECK(g.p80_days == 13);
  CHECK(g.p80 == cpm.find(id_of('G'))->early_finish_date);
}

TEST_CASE("forecast: milestones, unknown milestones and cycles") {
  ForecastInput in = input_of(kMilwaukee, 9);
  in.milestones = {id_of('E'), id_of('Z')};
  in.schedule.dependencies.push_back({id_of('H'), id_of('A')});  // closes a cycle through the whole path
  MonteCarloForecast f(in);
  f.run(500);
  bool unknown = false, cycle = false;
  for (const ScheduleProblem& p : f.problems()) {
    unknown = unknown || (p.kind == ScheduleProblemKind::unknown_task && p.tasks == std::vector<Id>{id_of('Z')});
    cycle = cycle || p.kind == ScheduleProblemKind::cycle;
  }
  CHECK(unknown);
  CHECK(cycle);
  CHECK(f.iterations() == 500);
  const FinishForecast e = f.milestone(0);
  CHECK(e.p50_days > 0);
  CHECK(e.p50_days <= f.project().p50_days);
  CHECK(f.milestone(5).mean_days == 0);  // no such milestone: empty figures
  MonteCarloForecast empty(ForecastInput{});
  empty.run(10);
  CHECK(empty.project().p95_days == 0);
}
