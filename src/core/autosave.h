#pragma once
#include <algorithm>
#include <cstdint>

namespace cairn {

// When to save: `kDelay` seconds after the last change (and no later than
// `kMaxDelay` after the first unsaved one, so continuous typing is saved too), at once
// when asked (the page is being hidden, the app quits), and again after a
// failure with a growing pause. Times are seconds on a monotonic clock.
class AutosavePolicy {
 public:
  static constexpr double kDelay = 0.5;
  static constexpr double kMaxDelay = 2.0;
  static constexpr double kFirstRetry = 2.0;
  static constexpr double kMaxRetry = 60.0;

  // The model is at `revision` now (CommandStack::revision()).
  void observe(std::uint64_t revision, double now) {
    if (revision == seen_) return;
    if (!dirty()) first_unsaved_ = now;
    seen_ = revision;
    if (failures_ == 0) due_at_ = std::min(now + kDelay, first_unsaved_ + kMaxDelay);
  }
  void save_now(double now) {
    if (dirty()) due_at_ = now;
  }

  bool dirty() const { return seen_ != saved_; }
  bool due(double now) const { return dirty() && due_at_ >= 0 && now >= due_at_; }
  // When the next save is due, or a negative number when nothing is to save.
  double due_at() const { return dirty() ? due_at_ : -1.0; }

  void saved(std::uint64_t revision) {
    saved_ = revision;
    first_unsaved_ = due_at_;  // edits after the saved revision count from the last due time
    failures_ = 0;
    retry_ = kFirstRetry;
    due_at_ = dirty() ? due_at_ : -1.0;
  }
  void failed(double now) {
    ++failures_;
    due_at_ = now + retry_;
    retry_ = retry_ * 2 > kMaxRetry ? kMaxRetry : retry_ * 2;
  }
  int failures() const { return failures_; }

  // After loading: what is on disk is revision `revision`.
  void loaded(std::uint64_t revision) {
    seen_ = saved_ = revision;
    due_at_ = -1.0;
  }

 private:
  std::uint64_t seen_ = 0;
  std::uint64_t saved_ = 0;
  double due_at_ = -1.0;
  double first_unsaved_ = 0.0;
  double retry_ = kFirstRetry;
  int failures_ = 0;
};

}  // namespace cairn
