#include "store/idb_store.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <utility>

#include <unistd.h>  // sbrk

#include "store/snapshot.h"

// Implemented in web/idb_store.js: one transaction writes the chunks (keys[i]
// holds lengths[i] bytes at chunks[i]) and the manifest of `generation`,
// which names the chunk records `named` (kept until no kept manifest names them).
extern "C" void cairn_idb_save_chunks(const std::uint8_t* manifest, std::size_t manifest_length, double generation,
                                      std::size_t count, const double* keys, const std::uint8_t* const* chunks,
                                      const std::size_t* lengths, std::size_t named_count, const double* named);

// Also in web/idb_store.js: copy `length` bytes at `offset` of chunk `key`
// held under `hold` to `out` (0: not held); let go of what `hold` keeps.
extern "C" int cairn_idb_copy_held(int hold, double key, std::size_t offset, std::size_t length, std::uint8_t* out);
extern "C" void cairn_idb_release_held(int hold);

namespace cairn::store {

namespace {
// The chunk records the page keeps for one manifest read (see add_manifest).
class PageHeldChunks final : public HeldChunks {
 public:
  explicit PageHeldChunks(int hold) : hold_(hold) {}
  PageHeldChunks(const PageHeldChunks&) = delete;
  PageHeldChunks& operator=(const PageHeldChunks&) = delete;
  ~PageHeldChunks() override { cairn_idb_release_held(hold_); }
  bool copy(double key, std::size_t offset, std::span<std::uint8_t> out) const override {
    return cairn_idb_copy_held(hold_, key, offset, out.size(), out.data()) != 0;
  }

 private:
  int hold_;
};

// The top of the heap: what lies below it has been handed out at least once.
std::uintptr_t heap_top() { return reinterpret_cast<std::uintptr_t>(sbrk(0)); }

double ms_since(std::chrono::steady_clock::time_point started) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
}
}  // namespace

void IdbStore::consider(Decoded d, std::uint64_t generation) {
  ++reading_.seen;
  if (d.ok) {
    reading_.chosen = std::move(d);
    reading_.done = true;
  } else if (d.newer_schema) {
    reading_.refused = d.error;
    reading_.done = true;
  } else if (reading_.first_error.empty()) {
    reading_.first_error = d.error;
    reading_.first_generation = generation;
  }
}

int IdbStore::add_manifest(std::span<const std::uint8_t> bytes, std::uint64_t generation, int hold) {
  // Owned from here on, so that the page's records are let go on every path.
  const auto held = hold != 0 ? std::make_shared<PageHeldChunks>(hold) : nullptr;
  generation_ = std::max(generation_, generation);
  if (reading_.done) return -1;
  if (reading_.heap_top_at_start == 0) reading_.heap_top_at_start = heap_top();
  OpenedManifest opened = decode_manifest(bytes);
  if (opened.ok && opened.manifest.generation != generation) {
    opened.ok = false;
    opened.error = "manifest of generation " + std::to_string(opened.manifest.generation) + " stored as " +
                   std::to_string(generation);
  }
  if (!opened.ok) {
    Decoded failed;
    failed.error = opened.error;
    failed.newer_schema = opened.newer_schema;
    consider(std::move(failed), generation);
    return reading_.done ? -1 : 0;
  }
  reading_.reader.emplace(opened.manifest, HistoryTiming::deferred, held);  // histories after the first frame
  reading_.reader_generation = generation;
  reading_.chosen_manifest = std::move(opened.manifest);
  return static_cast<int>(reading_.reader->keys().size());
}

double IdbStore::chunk_key_at(std::size_t index) const {
  return reading_.reader && index < reading_.reader->keys().size() ? reading_.reader->keys()[index] : -1.0;
}

bool IdbStore::add_chunk(double key, std::span<const std::uint8_t> bytes) {
  if (!reading_.reader) return false;
  const auto started = std::chrono::steady_clock::now();
  const bool ok = reading_.reader->add(key, bytes);
  reading_.decode_ms += ms_since(started);
  return ok;
}

bool IdbStore::manifest_done() {
  if (!reading_.reader) return false;
  const auto started = std::chrono::steady_clock::now();
  Decoded d;
  d.generation = reading_.reader_generation;
  d.snapshot = reading_.reader->finish();
  d.ok = d.snapshot.ok;
  d.error = d.snapshot.error;
  d.newer_schema = d.snapshot.newer_schema;
  reading_.reader.reset();
  reading_.decode_ms += ms_since(started);
  if (!d.ok) reading_.chosen_manifest.reset();
  consider(std::move(d), reading_.reader_generation);
  return reading_.done;
}

bool IdbStore::add_candidate(std::span<const std::uint8_t> bytes, std::uint64_t generation) {
  generation_ = std::max(generation_, generation);
  if (reading_.done) return true;
  if (reading_.heap_top_at_start == 0) reading_.heap_top_at_start = heap_top();
  const auto started = std::chrono::steady_clock::now();
  Decoded d = decode_workspace(bytes);
  reading_.decode_ms += ms_since(started);
  reading_.chosen_manifest.reset();
  consider(std::move(d), generation);
  return reading_.done;
}

Storage::Usage IdbStore::usage() const {
  const char* persistence =
      persisted_ == 1   ? "persistent: the browser keeps this data even when disk space runs low"
      : persisted_ == 0 ? "best effort: the browser may clear this data when disk space runs low (it declined persistent storage)"
                        : "best effort: this browser does not offer persistent storage";
  return {location(), persistence, used_, quota_, generation_};
}

Storage::Loaded IdbStore::load() {
  Reading reading = std::exchange(reading_, Reading{});  // the next read (a follower's) starts afresh
  Loaded loaded;
  loaded.decoded_before_ms = reading.decode_ms;
  if (reading.heap_top_at_start != 0) loaded.heap_grown_bytes = heap_top() - reading.heap_top_at_start;
  if (!reading.refused.empty()) {
    read_only_ = true;  // never overwrite a newer version's data
    loaded.error = reading.refused;
    return loaded;
  }
  if (reading.seen == 0) {
    loaded.ok = loaded.empty = true;
    return loaded;
  }
  if (!reading.chosen.ok) {
    loaded.error = "no readable workspace in this browser: " + reading.first_error;
    return loaded;
  }
  loaded.ok = true;
  loaded.generation = reading.chosen.generation;
  // Saves rewrite only changed chunks when what was loaded is the newest
  // generation in chunks; after a fallback or from a whole snapshot the
  // next save writes every chunk (no save may lean on a damaged one).
  const bool newest = reading.chosen.generation == generation_;
  loaded.workspace = std::move(reading.chosen.snapshot.workspace);
  writer_.loaded(newest && reading.chosen_manifest ? &*reading.chosen_manifest : nullptr, loaded.workspace.journal().now());
  if (!reading.first_error.empty())
    loaded.notice = "the newest save (generation " + std::to_string(reading.first_generation) + ") is damaged (" +
                    reading.first_error + "); loaded generation " + std::to_string(reading.chosen.generation) +
                    " instead";
  return loaded;
}

Storage::Saved IdbStore::save(const Workspace& workspace) {
  Saved saved;
  if (read_only_) {
    saved.error = message_.empty() ? "this tab is read-only" : message_;
    return saved;
  }
  const std::uint64_t generation = generation_ + 1;
  const ChunkWriter::Prepared prepared = writer_.prepare(workspace, generation);
  std::vector<const std::uint8_t*> pointers;
  std::vector<std::size_t> lengths;
  for (const auto& chunk : prepared.chunks) {
    pointers.push_back(chunk.data());
    lengths.push_back(chunk.size());
  }
  cairn_idb_save_chunks(prepared.manifest.data(), prepared.manifest.size(), static_cast<double>(generation),
                        prepared.chunks.size(), prepared.keys.data(), pointers.data(), lengths.data(),
                        prepared.named_keys.size(), prepared.named_keys.data());
  generation_ = generation;
  saved.ok = true;
  saved.pending = true;
  saved.generation = generation;
  return saved;
}

}  // namespace cairn::store
