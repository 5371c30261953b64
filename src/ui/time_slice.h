#pragma once
#include <chrono>

namespace cairn::ui {

// Work spread over frames (the Monte Carlo forecasts) gets this much of a
// frame, so that a view with its forecast running still draws in under the
// 2 ms goal (tests/ui/ui_bench.cpp).
inline constexpr std::chrono::microseconds kBackgroundSlice{1000};

// Calls step() until done(), or until one more step, as long as the average
// one so far, would end after `budget`. Always takes at least one step.
template <class Step, class Done>
void run_within(std::chrono::microseconds budget, Step step, Done done) {
  using Clock = std::chrono::steady_clock;
  const Clock::time_point started = Clock::now();
  int steps = 0;
  while (true) {
    step();
    ++steps;
    if (done()) return;
    const Clock::duration spent = Clock::now() - started;
    if (spent + spent / steps > budget) return;
  }
}

}  // namespace cairn::ui
