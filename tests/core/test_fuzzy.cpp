#include <doctest/doctest.h>

#include "core/fuzzy.h"

using cairn::fuzzy_score;

TEST_CASE("fuzzy matching: in order, case-insensitive, better at word starts") {
  CHECK(fuzzy_score("brd", "Board") >= 0);
  CHECK(fuzzy_score("BOARD", "go to board") >= 0);
  CHECK(fuzzy_score("dbr", "Board") == -1);  // order matters
  CHECK(fuzzy_score("x", "Board") == -1);
  CHECK(fuzzy_score("", "anything") >= 0);
  // Word starts beat letters in the middle of words.
  CHECK(fuzzy_score("gd", "Gate decision") > fuzzy_score("gd", "Bridge code"));
  // Consecutive letters beat scattered ones.
  CHECK(fuzzy_score("lab", "Label images") > fuzzy_score("lab", "Lookup a b"));
  // A match at the start beats one later on.
  CHECK(fuzzy_score("risk", "Risks") > fuzzy_score("risk", "Open risks"));
  // Among equal matches the shorter text wins.
  CHECK(fuzzy_score("set", "Settings") > fuzzy_score("set", "Settings and more things"));
  // Spaces in the query are ignored.
  CHECK(fuzzy_score("new proj", "New project") == fuzzy_score("newproj", "New project"));
}
