#include "store/idb_store.h"

#include <algorithm>

#include "store/snapshot.h"

// Implemented in web/idb_store.js.
extern "C" void cairn_idb_save(const std::uint8_t* bytes, std::size_t length, double generation);

namespace cairn::store {

void IdbStore::add_candidate(std::vector<std::uint8_t> bytes, std::uint64_t generation) {
  generation_ = std::max(generation_, generation);
  candidates_.emplace_back(std::move(bytes), generation);
}

Storage::Usage IdbStore::usage() const {
  const char* persistence =
      persisted_ == 1   ? "persistent: the browser keeps this data even when disk space runs low"
      : persisted_ == 0 ? "best effort: the browser may clear this data when disk space runs low (it declined persistent storage)"
                        : "best effort: this browser does not offer persistent storage";
  return {location(), persistence, used_, quota_, generation_};
}

Storage::Loaded IdbStore::load() {
  Loaded loaded;
  if (candidates_.empty()) {
    loaded.ok = loaded.empty = true;
    return loaded;
  }
  std::string first_error;
  for (std::size_t i = 0; i < candidates_.size(); ++i) {
    Decoded d = decode_workspace(candidates_[i].first);
    if (!d.ok) {
      if (d.error.find("newer version") != std::string::npos) {
        read_only_ = true;  // never overwrite a newer version's data
        loaded.error = d.error;
        return loaded;
      }
      if (first_error.empty()) first_error = d.error;
      continue;
    }
    loaded.ok = true;
    loaded.generation = d.generation;
    loaded.workspace = std::move(d.snapshot.workspace);
    if (i > 0)
      loaded.notice = "the newest save (generation " + std::to_string(candidates_[0].second) + ") is damaged (" +
                      first_error + "); loaded generation " + std::to_string(candidates_[i].second) + " instead";
    break;
  }
  if (!loaded.ok) loaded.error = "no readable workspace in this browser: " + first_error;
  candidates_.clear();  // the bytes are not needed any more
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
