#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "core/change_journal.h"

using namespace cairn;

TEST_CASE("the change journal says what changed since any cursor, each item once, across its compactions") {
  std::mt19937_64 rng(4);
  ChangeJournal journal;
  std::map<std::uint64_t, Id> last_seq_of;  // brute force: seq -> item, latest change per item only
  std::map<Id, std::uint64_t> seq_of;
  std::vector<ChangeJournal::Cursor> cursors{journal.now()};
  for (int i = 0; i < 20000; ++i) {
    const Id id{1, rng() % 300};  // few items, many changes: the log compacts many times
    journal.note(id);
    const std::uint64_t seq = journal.now().seq;
    if (const auto old = seq_of.find(id); old != seq_of.end()) last_seq_of.erase(old->second);
    seq_of[id] = seq;
    last_seq_of[seq] = id;
    if (rng() % 500 == 0) cursors.push_back(journal.now());
  }
  for (const ChangeJournal::Cursor& cursor : cursors) {
    ChangeJournal::Changes changes = journal.since(cursor);
    REQUIRE_FALSE(changes.everything);
    std::vector<Id> expected;
    for (auto it = last_seq_of.upper_bound(cursor.seq); it != last_seq_of.end(); ++it) expected.push_back(it->second);
    std::sort(expected.begin(), expected.end());
    std::sort(changes.ids.begin(), changes.ids.end());
    CHECK(changes.ids == expected);
  }
  CHECK(journal.since(journal.now()).ids.empty());
  CHECK(journal.since({}).everything);  // another journal's cursor (or none)
}
