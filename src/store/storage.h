#pragma once
#include <cstdint>
#include <string>

#include "core/workspace.h"

namespace cairn::store {

// Where a workspace lives between sessions: FileStore on the desktop,
// IdbStore (IndexedDB, asynchronous saves) in the browser.
class Storage {
 public:
  virtual ~Storage() = default;

  struct Loaded {
    bool ok = false;
    bool empty = false;   // nothing stored yet
    std::string error;    // why nothing could be loaded (the app then must not save)
    std::string notice;   // e.g. fell back to the previous generation
    std::uint64_t generation = 0;
    // Decoding done before load() was called (the browser store decodes
    // each record as it is read); load time = this + load()'s own time.
    double decoded_before_ms = 0;
    // Fresh memory the load took (the browser's heap growth; 0: not
    // measured). On a machine where first touches of memory are slow, this
    // says how much of the load time they can account for (benchmarks).
    std::size_t heap_grown_bytes = 0;
    Workspace workspace;
  };
  struct Saved {
    bool ok = false;
    bool pending = false;  // asynchronous store: the outcome arrives later (App::save_finished)
    std::string error;
    std::uint64_t generation = 0;
  };

  // For the settings view: where the data is, whether it is safe from
  // eviction, and how much room it takes and has.
  struct Usage {
    std::string location;
    std::string persistence;       // in words: "a file on this computer", "persistent", ...
    std::int64_t used_bytes = -1;  // -1: not known (yet)
    std::int64_t quota_bytes = -1;
    std::uint64_t generation = 0;  // of the newest save
  };

  virtual Loaded load() = 0;
  virtual Saved save(const Workspace& workspace) = 0;
  // An asynchronous save of `generation` ended (the App forwards the outcome
  // here before it updates what it shows).
  virtual void save_finished(std::uint64_t /*generation*/, bool /*ok*/) {}
  // Why this copy must never save ("" when it may): another tab writes.
  virtual std::string read_only_reason() const { return {}; }
  // For people: "~/.local/share/cairn/workspace.cairn".
  virtual std::string location() const = 0;
  // False for a store that forgets everything when the app closes.
  virtual bool persistent() const { return true; }
  virtual Usage usage() const { return {location(), {}, -1, -1, 0}; }
};

}  // namespace cairn::store
