#pragma once
#include <cstdint>
#include <limits>

namespace cairn {

// Decides when a frame must be drawn. Idle means idle: a frame is drawn only
// for a reason (input, a window event, a command, an async completion, an
// animation), followed by a few grace frames so that ImGui can settle layouts
// that take more than one frame (menus opening, sizes measured on first use).
//
// Times are seconds on a monotonic clock supplied by the caller, which keeps
// this class free of any platform code and testable.
class FramePolicy {
 public:
  static constexpr double kNever = std::numeric_limits<double>::infinity();

  explicit FramePolicy(int grace_frames = 3) : grace_frames_(grace_frames) {}

  // Something happened that may change what is on screen.
  void on_activity() { pending_ = 1 + grace_frames_; }

  // An animation (cursor blink, delayed tooltip) wants a frame at `when`.
  // Keeps the earliest of several requests.
  void request_frame_at(double when) {
    if (when < deadline_) deadline_ = when;
  }

  // Work that draws nothing (a due autosave) wants the loop awake at `when`,
  // without a frame. Keeps the earliest of several requests.
  void request_wake_at(double when) {
    if (when < wake_at_) wake_at_ = when;
  }
  // Call when the loop has woken and done its due work: a wake time that
  // has come is consumed.
  void woke(double now) {
    if (now >= wake_at_) wake_at_ = kNever;
  }

  bool wants_frame(double now) const { return pending_ > 0 || now >= deadline_; }

  // Seconds until the loop must run: 0 when a frame or a wake is due now,
  // kNever when idle.
  double seconds_until_due(double now) const {
    if (wants_frame(now)) return 0.0;
    const double next = deadline_ < wake_at_ ? deadline_ : wake_at_;
    if (next == kNever) return kNever;
    return next > now ? next - now : 0.0;
  }

  bool idle() const { return pending_ == 0 && deadline_ == kNever && wake_at_ == kNever; }

  // Call when a frame starts: a deadline that has come is consumed here, so
  // that requests made while the frame is built are kept for later.
  void frame_started(double now) {
    if (now >= deadline_) deadline_ = kNever;
  }
  // Call after each drawn frame.
  void frame_drawn() {
    ++frames_drawn_;
    if (pending_ > 0) --pending_;
  }

  std::uint64_t frames_drawn() const { return frames_drawn_; }

 private:
  int grace_frames_;
  int pending_ = 1;  // the very first frame needs no reason
  double deadline_ = kNever;
  double wake_at_ = kNever;
  std::uint64_t frames_drawn_ = 0;
};

}  // namespace cairn
