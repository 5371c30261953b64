#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/random_draws.h"
#include "core/schedule.h"
#include "core/schedule_graph.h"

namespace cairn {

// Monte Carlo forecast of a project's finish: each iteration draws every
// task's duration between its optimistic and pessimistic values and runs the
// forward pass of the critical path method over a graph prepared once.
// Iterations accumulate across calls to run(), so the UI can spread 10k of
// them over frames; nothing is allocated per iteration. The same input and
// seed give the same numbers natively and in WebAssembly (core/random_draws.h),
// whether they are run at once or in steps.

enum class DurationDistribution {
  pert_beta,   // Beta with mean (o + 4m + p) / 6, shape 1 + 4(m - o)/(p - o), 1 + 4(p - m)/(p - o)
  triangular,  // mean (o + m + p) / 3: heavier tails than PERT
};

struct ThreePoint {  // working days, buffer already applied; optimistic <= likely <= pessimistic
  double optimistic = 0, likely = 0, pessimistic = 0;
};

struct ForecastInput {
  ScheduleInput schedule;          // tasks, dependencies, start, calendar
  std::vector<ThreePoint> ranges;  // one per schedule task; a task without one keeps its duration_days
  std::vector<Id> milestones;      // tasks whose finish is forecast too
  DurationDistribution distribution = DurationDistribution::pert_beta;
  std::uint64_t seed = 1;
};

// One finish over the iterations so far: nearest-rank percentiles.
struct FinishForecast {
  double mean_days = 0;
  double p50_days = 0, p80_days = 0, p95_days = 0;  // working-day offsets
  Date p50, p80, p95;                               // the last day worked
};

class MonteCarloForecast {
 public:
  explicit MonteCarloForecast(const ForecastInput& input);

  void run(std::size_t iterations);  // adds iterations to those so far
  std::size_t iterations() const { return finishes_.size(); }

  FinishForecast project() const;
  // Every iteration's project finish in ticks (kTicksPerDay), in run order: for histograms.
  std::span<const std::int64_t> project_finishes() const { return finishes_; }
  FinishForecast milestone(std::size_t k) const;  // k-th of ForecastInput::milestones
  // Share of iterations whose project finish (last day worked) is on or before `day`.
  double probability_by(Date day) const;
  // The same for the k-th milestone's finish.
  double milestone_probability_by(std::size_t k, Date day) const;
  // Problems of the schedule input, and milestones that are not tasks (unknown_task).
  const std::vector<ScheduleProblem>& problems() const { return graph_.problems; }

 private:
  struct Range {  // by position
    double low = 0, width = 0;  // optimistic, pessimistic - optimistic
    RandomDraws::GammaShape alpha{1}, beta{1};  // PERT-beta shape
    double mode = 0;             // triangular: (likely - optimistic) / width
    std::int64_t fixed = -1;     // ticks, when there is nothing to draw
  };
  std::int64_t draw(const Range& range);
  FinishForecast summarise(const std::vector<std::int64_t>& finishes) const;
  double share_by(const std::vector<std::int64_t>& finishes, Date day) const;

  ScheduleGraph graph_;
  DurationDistribution distribution_;
  RandomDraws random_;
  std::vector<Range> ranges_;
  std::vector<std::uint32_t> milestone_positions_;
  std::vector<std::int64_t> duration_, start_, finish_;  // scratch for one iteration
  std::vector<std::int64_t> finishes_;                    // project finish per iteration, ticks
  std::vector<std::vector<std::int64_t>> milestone_finishes_;
};

}  // namespace cairn
