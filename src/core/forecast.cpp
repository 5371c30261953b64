#include "core/forecast.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace cairn {
namespace {

// Nearest rank: the smallest finish at least `percent` % of iterations reach.
std::size_t rank_index(std::size_t count, std::size_t percent) {
  return std::max<std::size_t>(1, (count * percent + 99) / 100) - 1;
}

double days_of(std::int64_t ticks) { return static_cast<double>(ticks) / static_cast<double>(kTicksPerDay); }

}  // namespace

MonteCarloForecast::MonteCarloForecast(const ForecastInput& input)
    : graph_(build_schedule_graph(input.schedule)), distribution_(input.distribution), random_(input.seed) {
  const std::size_t n = graph_.size();
  ranges_.resize(n);
  for (std::size_t p = 0; p < n; ++p) {
    Range& r = ranges_[p];
    r.fixed = graph_.duration[p];
    const std::size_t task = graph_.order[p];
    if (task >= input.ranges.size()) continue;
    const ThreePoint& t = input.ranges[task];
    if (!std::isfinite(t.optimistic) || !std::isfinite(t.likely) || !std::isfinite(t.pessimistic)) continue;
    constexpr double kMaxDays = 1e9;  // as the schedule clamps
    double points[3] = {std::clamp(t.optimistic, 0.0, kMaxDays), std::clamp(t.likely, 0.0, kMaxDays),
                        std::clamp(t.pessimistic, 0.0, kMaxDays)};
    std::sort(points, points + 3);
    r.fixed = ticks_of(points[1]).value_or(0);
    if (ticks_of(points[0]) == ticks_of(points[2])) continue;  // nothing to draw
    r.fixed = -1;
    r.low = points[0];
    r.width = points[2] - points[0];
    r.mode = (points[1] - points[0]) / r.width;
    r.alpha = RandomDraws::GammaShape(1 + 4 * r.mode);
    r.beta = RandomDraws::GammaShape(1 + 4 * (points[2] - points[1]) / r.width);
  }

  std::unordered_map<Id, std::uint32_t> position_of;
  for (std::uint32_t p = 0; p < n; ++p) position_of.emplace(input.schedule.tasks[graph_.order[p]].id, p);
  for (const Id id : input.milestones) {
    const auto it = position_of.find(id);
    if (it == position_of.end()) {
      graph_.problems.push_back({ScheduleProblemKind::unknown_task, {id}, ScheduleProblem::kNoDependency});
      continue;
    }
    milestone_positions_.push_back(it->second);
  }
  milestone_finishes_.resize(milestone_positions_.size());
  duration_.resize(n);
  start_.resize(n);
  finish_.resize(n);
}

std::int64_t MonteCarloForecast::draw(const Range& r) {
  if (r.fixed >= 0) return r.fixed;
  double share = 0;  // of the width above optimistic
  if (distribution_ == DurationDistribution::pert_beta) {
    share = random_.beta(r.alpha, r.beta);
  } else {
    const double u = random_.uniform();
    share = u < r.mode ? std::sqrt(u * r.mode) : 1 - std::sqrt((1 - u) * (1 - r.mode));
  }
  // share is in (0, 1), so the duration is finite and >= 0: round half up
  // (as ticks_of does for positive values) without its checks and libm call.
  return static_cast<std::int64_t>((r.low + r.width * share) * static_cast<double>(kTicksPerDay) + 0.5);
}

void MonteCarloForecast::run(std::size_t iterations) {
  finishes_.reserve(finishes_.size() + iterations);
  for (auto& finishes : milestone_finishes_) finishes.reserve(finishes.size() + iterations);
  for (std::size_t i = 0; i < iterations; ++i) {
    for (std::size_t p = 0; p < ranges_.size(); ++p) duration_[p] = draw(ranges_[p]);
    finishes_.push_back(forward_pass(graph_, duration_, start_, finish_));
    for (std::size_t k = 0; k < milestone_positions_.size(); ++k)
      milestone_finishes_[k].push_back(finish_[milestone_positions_[k]]);
  }
}

FinishForecast MonteCarloForecast::summarise(const std::vector<std::int64_t>& finishes) const {
  FinishForecast f;
  f.p50 = f.p80 = f.p95 = graph_.days.origin();
  if (finishes.empty()) return f;
  std::vector<std::int64_t> sorted = finishes;
  std::sort(sorted.begin(), sorted.end());
  std::int64_t sum = 0;
  for (const std::int64_t t : sorted) sum += t;
  f.mean_days = days_of(sum) / static_cast<double>(sorted.size());
  const auto at = [&](std::size_t percent, double& days, Date& date) {
    const std::int64_t ticks = sorted[rank_index(sorted.size(), percent)];
    days = days_of(ticks);
    date = graph_.days.date_at(finish_day_of(ticks));
  };
  at(50, f.p50_days, f.p50);
  at(80, f.p80_days, f.p80);
  at(95, f.p95_days, f.p95);
  return f;
}

FinishForecast MonteCarloForecast::project() const { return summarise(finishes_); }

FinishForecast MonteCarloForecast::milestone(std::size_t k) const {
  return k < milestone_finishes_.size() ? summarise(milestone_finishes_[k]) : summarise({});
}

// A finish at offset f ends on working day ceil(f) - 1, which is on or
// before `day` exactly when f <= (working days through `day`).
double MonteCarloForecast::share_by(const std::vector<std::int64_t>& finishes, Date day) const {
  const std::int64_t days = graph_.days.working_days_through(day);
  if (finishes.empty() || days <= 0) return 0;
  const std::int64_t limit = days * kTicksPerDay;
  const auto count = std::count_if(finishes.begin(), finishes.end(), [&](std::int64_t t) { return t <= limit; });
  return static_cast<double>(count) / static_cast<double>(finishes.size());
}

double MonteCarloForecast::probability_by(Date day) const { return share_by(finishes_, day); }

double MonteCarloForecast::milestone_probability_by(std::size_t k, Date day) const {
  return k < milestone_finishes_.size() ? share_by(milestone_finishes_[k], day) : 0.0;
}

}  // namespace cairn
