#include "store/idb_store.h"

#include <algorithm>
#include <chrono>
#include <utility>

#include "store/snapshot.h"

// Implemented in web/idb_store.js.
extern "C" void cairn_idb_save(const std::uint8_t* bytes, std::size_t length, double generation);

namespace cairn::store {

bool IdbStore::add_candidate(std::span<const std::uint8_t> bytes, std::uint64_t generation) {
  generation_ = std::max(generation_, generation);
  if (reading_.done) return true;
  const auto started = std::chrono::steady_clock::now();
  Decoded d = decode_workspace(bytes);
  reading_.decode_ms += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  ++reading_.seen;
  if (d.ok) {
    reading_.chosen = std::move(d);
    reading_.done = true;
  } else if (d.error.find("newer version") != std::string::npos) {
    reading_.refused = d.error;
    reading_.done = true;
  } else if (reading_.first_error.empty()) {
    reading_.first_error = d.error;
    reading_.first_generation = generation;
  }
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
  loaded.workspace = std::move(reading.chosen.snapshot.workspace);
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
  const std::vector<std::uint8_t> bytes = encode_workspace(workspace, generation);
  cairn_idb_save(bytes.data(), bytes.size(), static_cast<double>(generation));
  generation_ = generation;
  saved.ok = true;
  saved.pending = true;
  saved.generation = generation;
  return saved;
}

}  // namespace cairn::store
