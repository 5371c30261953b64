#pragma once
#include <cstdint>
#include <string>

#include "core/workspace.h"

namespace cairn::store {

// Where a workspace lives between sessions. The desktop uses FileStore; the
// browser's IndexedDB store plugs in here too (it will need an asynchronous
// save: see the notes in README).
class Storage {
 public:
  virtual ~Storage() = default;

  struct Loaded {
    bool ok = false;
    bool empty = false;   // nothing stored yet
    std::string error;    // why nothing could be loaded (the app then must not save)
    std::string notice;   // e.g. fell back to the previous generation
    std::uint64_t generation = 0;
    Workspace workspace;
  };
  struct Saved {
    bool ok = false;
    bool pending = false;  // asynchronous store: the outcome arrives later (App::save_finished)
    std::string error;
    std::uint64_t generation = 0;
  };

  virtual Loaded load() = 0;
  virtual Saved save(const Workspace& workspace) = 0;
  // For people: "~/.local/share/cairn/workspace.cairn".
  virtual std::string location() const = 0;
  // False for a store that forgets everything when the app closes.
  virtual bool persistent() const { return true; }
};

}  // namespace cairn::store
