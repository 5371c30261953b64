#include <doctest/doctest.h>

#include "core/frame_policy.h"

using cairn::FramePolicy;

namespace {
// Draws frames while the policy wants them, returns how many were drawn.
int drain(FramePolicy& p, double now) {
  int n = 0;
  while (p.wants_frame(now) && n < 100) {
    p.frame_started(now);
    p.frame_drawn();
    ++n;
  }
  return n;
}
}  // namespace

TEST_CASE("the first frame needs no reason, then the policy is idle") {
  FramePolicy p(3);
  CHECK(p.wants_frame(0.0));
  CHECK(drain(p, 0.0) == 1);
  CHECK(p.idle());
  CHECK_FALSE(p.wants_frame(100.0));
  CHECK(p.seconds_until_due(100.0) == FramePolicy::kNever);
  CHECK(p.frames_drawn() == 1);
}

TEST_CASE("activity draws one frame plus the grace frames, then stops") {
  FramePolicy p(3);
  drain(p, 0.0);
  p.on_activity();
  CHECK(p.seconds_until_due(1.0) == 0.0);
  CHECK(drain(p, 1.0) == 4);
  CHECK(p.idle());

  // Activity during the grace period restarts it rather than adding up.
  p.on_activity();
  p.frame_started(2.0);
  p.frame_drawn();
  p.on_activity();
  CHECK(drain(p, 2.0) == 4);
}

TEST_CASE("a scheduled frame wakes the loop at its time, once") {
  FramePolicy p(2);
  drain(p, 0.0);
  p.request_frame_at(5.0);
  CHECK_FALSE(p.idle());
  CHECK_FALSE(p.wants_frame(4.9));
  CHECK(p.seconds_until_due(4.0) == doctest::Approx(1.0));
  CHECK(p.wants_frame(5.0));
  CHECK(drain(p, 5.0) == 1);
  CHECK(p.idle());
}

TEST_CASE("the earliest of several scheduled frames wins") {
  FramePolicy p(0);
  drain(p, 0.0);
  p.request_frame_at(3.0);
  p.request_frame_at(1.5);
  p.request_frame_at(2.0);
  CHECK(p.seconds_until_due(1.0) == doctest::Approx(0.5));
}

TEST_CASE("zero grace frames draws exactly one frame per activity") {
  FramePolicy p(0);
  drain(p, 0.0);
  p.on_activity();
  CHECK(drain(p, 1.0) == 1);
}

TEST_CASE("a later deadline requested while a due frame is built is kept") {
  // A tooltip frame due at 1.0 is being drawn; during it the app asks for an
  // autosave frame at 1.5. Losing that request would leave changes unsaved.
  FramePolicy p(0);
  drain(p, 0.0);
  p.request_frame_at(1.0);
  p.frame_started(1.0);
  p.request_frame_at(1.5);
  p.frame_drawn();
  CHECK_FALSE(p.idle());
  CHECK(p.seconds_until_due(1.2) == doctest::Approx(0.3));
  CHECK(drain(p, 1.5) == 1);
  CHECK(p.idle());
}

TEST_CASE("a wake (a due autosave) runs the loop without drawing a frame") {
  // In the browser a save's completion waits for every frame drawn while it
  // is written: the save wakes the loop but asks for no frame.
  FramePolicy p(0);
  drain(p, 0.0);
  p.request_wake_at(2.0);
  CHECK_FALSE(p.idle());
  CHECK(p.seconds_until_due(1.5) == doctest::Approx(0.5));
  CHECK_FALSE(p.wants_frame(2.0));           // due, but nothing to draw
  CHECK(p.seconds_until_due(2.5) == 0.0);    // the loop must run now
  p.woke(1.9);                                // too early: kept
  CHECK_FALSE(p.idle());
  p.woke(2.0);
  CHECK(p.idle());
  CHECK(p.seconds_until_due(3.0) == FramePolicy::kNever);
  // The earliest of two wakes is kept; a frame deadline before it comes first.
  p.request_wake_at(5.0);
  p.request_wake_at(4.0);
  p.request_frame_at(3.5);
  CHECK(p.seconds_until_due(3.0) == doctest::Approx(0.5));
  CHECK(drain(p, 3.5) == 1);
  CHECK(p.seconds_until_due(3.5) == doctest::Approx(0.5));
}
