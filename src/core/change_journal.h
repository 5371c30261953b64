#pragma once
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "core/id.h"

namespace cairn {

// Which items changed, in order, for the readers that send changes
// elsewhere: the browser store rewrites only the chunks that hold them, and
// team sync will push only them. The workspace notes every item it adds,
// changes or removes and every history that grows; each reader keeps its own
// Cursor and asks what changed since, so no reader can forget another's
// changes and none has to be told to "clear" anything.
class ChangeJournal {
 public:
  // Where a reader got to. A cursor of another journal (another workspace,
  // or a copy) reads as "everything changed".
  struct Cursor {
    std::uint64_t journal = 0;
    std::uint64_t seq = 0;
  };
  struct Changes {
    bool everything = false;  // not known item by item: treat every item as changed
    std::vector<Id> ids;      // when not `everything`: each changed item once, in no particular order
  };

  ChangeJournal() : journal_(next_journal()) {}
  // A copy is another workspace: readers of the original start over with it.
  ChangeJournal(const ChangeJournal&) : ChangeJournal() {}
  ChangeJournal& operator=(const ChangeJournal&) { return *this = ChangeJournal(); }
  ChangeJournal(ChangeJournal&&) noexcept = default;
  ChangeJournal& operator=(ChangeJournal&&) noexcept = default;

  void note(Id id) {
    last_change_[id] = ++seq_;
    log_.push_back({seq_, id});
    if (log_.size() > 2 * last_change_.size() + 1024) compact();
  }
  void note_everything() { everything_at_ = ++seq_; }

  // The cursor of a reader that has seen everything up to now.
  Cursor now() const { return {journal_, seq_}; }
  Changes since(Cursor cursor) const;

 private:
  static std::uint64_t next_journal() {
    static std::atomic<std::uint64_t> count{0};
    return ++count;
  }
  std::uint64_t journal_;
  std::uint64_t seq_ = 0;
  std::uint64_t everything_at_ = 0;  // seq of the last note_everything (0: none)
  std::unordered_map<Id, std::uint64_t> last_change_;  // item -> seq of its last change
  // Every note in seq order, so that since() costs what changed, not what
  // exists. Entries an item's later change has superseded are dropped when
  // the log grows to twice the items noted.
  struct Entry {
    std::uint64_t seq;
    Id id;
  };
  std::vector<Entry> log_;
  void compact() {
    log_.clear();
    for (const auto& [id, seq] : last_change_) log_.push_back({seq, id});
    std::sort(log_.begin(), log_.end(), [](const Entry& a, const Entry& b) { return a.seq < b.seq; });
  }
};

inline ChangeJournal::Changes ChangeJournal::since(Cursor cursor) const {
  Changes changes;
  if (cursor.journal != journal_ || cursor.seq < everything_at_) {
    changes.everything = true;
    return changes;
  }
  auto it = std::upper_bound(log_.begin(), log_.end(), cursor.seq,
                             [](std::uint64_t seq, const Entry& e) { return seq < e.seq; });
  for (; it != log_.end(); ++it)
    if (last_change_.at(it->id) == it->seq) changes.ids.push_back(it->id);  // its latest change: each item once
  return changes;
}

}  // namespace cairn
