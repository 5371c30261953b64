#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "store/chunks.h"
#include "store/snapshot.h"
#include "store/storage.h"

namespace cairn::store {

// The browser store: IndexedDB through web/idb_store.js. A save writes the
// chunks that changed and a manifest (store/chunks.h). Loading is done by the
// page before the app starts: manifests arrive newest first, then the chunks
// each names, decoded on arrival, so that older generations are read only
// when a newer one is damaged. Whole snapshots of earlier versions (before
// chunks) are read the same way when no manifest is usable. Saving is
// asynchronous and completes through finished().
class IdbStore final : public Storage {
 public:
  // A manifest read from the database, newest first. Returns how many chunks
  // to read next (their keys: chunk_key_at), 0 when this generation is
  // unusable (try the next), -1 when it was refused (a newer version wrote
  // it): read nothing more.
  // The page keeps the chunk records it reads for this manifest under `hold`
  // (0: it keeps none): deferred histories are copied from there when
  // decoded, and the records are let go once nothing needs them.
  int add_manifest(std::span<const std::uint8_t> bytes, std::uint64_t generation, int hold = 0);
  double chunk_key_at(std::size_t index) const;
  // A chunk of the current manifest; false once the generation failed.
  bool add_chunk(double key, std::span<const std::uint8_t> bytes);
  // All chunks of the current manifest were given: true if it was usable
  // (read nothing more).
  bool manifest_done();
  // A whole snapshot (stores written before chunks), newest first. True: a
  // usable (or a refused, newer-schema) snapshot was found and the page need
  // not read older ones.
  bool add_candidate(std::span<const std::uint8_t> bytes, std::uint64_t generation);
  // The page has read everything; `message` explains a read-only start.
  void set_ready(bool read_only, std::string message) {
    read_only_ = read_only;
    message_ = std::move(message);
  }

  // The page reports the end of a save; a failed one gives its number back.
  void save_finished(std::uint64_t generation, bool ok) override {
    writer_.finished(generation, ok);
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
  std::string read_only_reason() const override { return read_only_ ? message_ : std::string(); }

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
    std::optional<Manifest> chosen_manifest;  // when it came in chunks
    std::optional<ChunkReader> reader;        // the manifest being read
    std::uint64_t reader_generation = 0;
    std::string refused;          // a newer version's snapshot: never overwrite it
    std::string first_error;      // why the newest one could not be used
    std::uint64_t first_generation = 0;
    double decode_ms = 0;
    std::uintptr_t heap_top_at_start = 0;  // when the first record arrived (0: none yet)
  };
  // The outcome of one candidate generation (whole or in chunks).
  void consider(Decoded d, std::uint64_t generation);

  Reading reading_;
  ChunkWriter writer_;
  std::uint64_t generation_ = 0;  // the newest generation stored, readable or not
  bool read_only_ = false;
  std::string message_;
  int persisted_ = -1;
  std::int64_t used_ = -1;
  std::int64_t quota_ = -1;
};

}  // namespace cairn::store
