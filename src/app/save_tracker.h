#pragma once
#include <cstdint>
#include <string>

#include "core/autosave.h"

namespace cairn {

// Whether the workspace is saved, when to save it next, and what the status
// bar says about it. The App tells it of each change in one place (its
// exec, undo and redo) and of each save's start and outcome in one place
// each; everything else asks it.
class SaveTracker {
 public:
  enum class Storage { none, memory_only, persistent };
  explicit SaveTracker(Storage storage) : storage_(storage) {}

  // This copy never saves and takes no edits: the stored data could not be
  // read (it is kept for the user to rescue), or another tab writes. The
  // first reason given is the one shown.
  void make_read_only(std::string reason);
  bool read_only() const { return !read_only_reason_.empty(); }
  const std::string& read_only_reason() const { return read_only_reason_; }

  // What is stored is `revision` (after a load). `notice`: something the
  // load worked around (an older generation was used), "" if nothing.
  void loaded(std::uint64_t revision, std::string notice);
  // A read-only copy took another tab's newest save at `at` (a clock time).
  void followed(std::uint64_t revision, std::string notice, std::string at);
  // Something the user should know about what was loaded, found later
  // (histories decoded after the first frame); kept if there is one already.
  void add_notice(std::string notice);

  // The workspace is at `revision` now (CommandStack::revision()).
  void changed(std::uint64_t revision, double now) { policy_.observe(revision, now); }
  // Save at the next chance (quitting, the page is being hidden).
  void save_now(double now) { policy_.save_now(now); }
  // A save should start now.
  bool due(double now) const;
  // When the next save is due (< 0: nothing to save, or one is in flight).
  double next_save_at() const { return in_flight_ ? -1.0 : policy_.due_at(); }

  void started(std::uint64_t revision);
  // The save started last finished; `saved_at` is the clock time shown.
  void finished(bool ok, std::string error, double now, std::string saved_at);

  bool in_flight() const { return in_flight_; }
  bool dirty() const { return policy_.dirty(); }
  const std::string& error() const { return read_only() ? read_only_reason_ : last_error_; }
  const std::string& notice() const { return notice_; }
  bool persistent() const { return storage_ == Storage::persistent; }
  // "Saved 14:03:12 UTC", "Saving…", "Save failed, retrying: …", "Read-only: …"
  std::string status() const;
  // The status is a problem (the status bar shows it in red).
  bool failed() const { return read_only() || !last_error_.empty(); }

 private:
  Storage storage_;
  AutosavePolicy policy_;
  std::string read_only_reason_;
  bool in_flight_ = false;
  std::uint64_t in_flight_revision_ = 0;
  std::string last_error_;
  std::string notice_;
  std::string saved_at_;     // the last save's clock time
  std::string followed_at_;  // a read-only copy last took the writer's save then
};

}  // namespace cairn
