#include <doctest/doctest.h>

#include "core/autosave.h"

using cairn::AutosavePolicy;

TEST_CASE("a change is saved half a second after the last edit") {
  AutosavePolicy a;
  CHECK_FALSE(a.dirty());
  a.observe(1, 10.0);
  CHECK(a.dirty());
  CHECK_FALSE(a.due(10.4));
  a.observe(2, 10.3);  // another keystroke moves the deadline
  CHECK_FALSE(a.due(10.6));
  CHECK(a.due(10.8));
  CHECK(a.due_at() == doctest::Approx(10.8));
  a.saved(2);
  CHECK_FALSE(a.dirty());
  CHECK(a.due_at() < 0);
}

TEST_CASE("continuous typing is still saved within two seconds of the first unsaved edit") {
  AutosavePolicy a;
  double t = 0.0;
  for (; t < 1.9; t += 0.1) a.observe(static_cast<std::uint64_t>(t * 10) + 1, t);
  CHECK_FALSE(a.due(1.9));
  CHECK(a.due(2.0));
}

TEST_CASE("save_now makes a pending change due at once; nothing to save stays quiet") {
  AutosavePolicy a;
  a.save_now(1.0);
  CHECK_FALSE(a.due(1.0));
  a.observe(5, 1.0);
  a.save_now(1.1);
  CHECK(a.due(1.1));
}

TEST_CASE("failures retry with a growing pause, and edits do not hammer a failing store") {
  AutosavePolicy a;
  a.observe(1, 0.0);
  a.failed(1.0);
  CHECK(a.failures() == 1);
  CHECK_FALSE(a.due(2.9));
  CHECK(a.due(3.0));
  a.observe(2, 3.0);  // an edit during the failure keeps the retry time
  CHECK(a.due(3.0));
  a.failed(3.0);
  CHECK_FALSE(a.due(6.9));
  CHECK(a.due(7.0));
  for (int i = 0; i < 10; ++i) a.failed(100.0);
  CHECK(a.due_at() == doctest::Approx(100.0 + AutosavePolicy::kMaxRetry));
  a.saved(2);
  CHECK(a.failures() == 0);
}

TEST_CASE("a save of an older revision leaves newer edits pending") {
  AutosavePolicy a;
  a.observe(1, 0.0);
  a.observe(2, 0.2);
  a.saved(1);
  CHECK(a.dirty());
  CHECK(a.due(0.7));
}
