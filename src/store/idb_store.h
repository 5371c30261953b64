#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "store/snapshot.h"
#include "store/storage.h"

namespace cairn::store {

// The browser store: IndexedDB through web/idb_store.js. Loading is done by
// the page before the app starts (the snapshots arrive as candidates, newest
// first, each decoded on arrival so that older generations are read only
// when a newer one is damaged); saving is asynchronous and completes through
// save_finished().
class IdbStore final : public Storage {
 public:
  // Called while the page reads the database, newest generation first.
  // True: a usable (or a refused, newer-schema) snapshot was found and the
  // page need not read older ones.
  bool add_candidate(std::span<const std::uint8_t> bytes, std::uint64_t generation);
  // The page has read everything; `message` explains a read-only start.
  void set_ready(bool read_only, std::string message) {
    read_only_ = read_only;
    message_ = std::move(message);
  }

  // The page reports the end of a save; a failed one gives its number back.
  void finished(std::uint64_t generation, bool ok) {
    if (!ok && generation == generation_) --generation_;
  }

  // The browser's answer to navigator.storage.persist() (-1: not asked or
  // unsupported) and navigator.storage.estimate(), for the settings view.
  void set_estimate(int persisted, std::int64_t used, std::int64_t quota) {
    persisted_ = persisted;
    used_ = used;
    quota_ = quota;
  }
  Usage usage() const override;

  Loaded load() override;
  Saved save(const Workspace& workspace) override;
  std::string location() const override { return "this browser (IndexedDB)"; }
  bool read_only() const { return read_only_; }
  const std::string& message() const { return message_; }

 private:
  // What the candidates of the current read gave; load() hands it over.
  struct Reading {
    int seen = 0;
    bool done = false;
    Decoded chosen;               // ok when a readable snapshot was found
    std::string refused;          // a newer version's snapshot: never overwrite it
    std::string first_error;      // why the newest one could not be used
    std::uint64_t first_generation = 0;
    double decode_ms = 0;
  };
  Reading reading_;
  std::uint64_t generation_ = 0;  // the newest generation stored, readable or not
  bool read_only_ = false;
  std::string message_;
  int persisted_ = -1;
  std::int64_t used_ = -1;
  std::int64_t quota_ = -1;
};

}  // namespace cairn::store
