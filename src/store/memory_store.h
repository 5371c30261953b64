#pragma once
#include <vector>

#include "store/snapshot.h"
#include "store/storage.h"

namespace cairn::store {

// Keeps the encoded snapshot in memory: for tests, and for the browser build
// until its IndexedDB store lands. It goes through the same envelope and
// snapshot code as the real stores.
class MemoryStore final : public Storage {
 public:
  Loaded load() override {
    Loaded loaded;
    if (bytes_.empty()) {
      loaded.ok = loaded.empty = true;
      return loaded;
    }
    Decoded d = decode_workspace(bytes_);
    loaded.ok = d.ok;
    loaded.error = d.error;
    loaded.generation = d.generation;
    loaded.workspace = std::move(d.snapshot.workspace);
    return loaded;
  }
  Saved save(const Workspace& workspace) override {
    bytes_ = encode_workspace(workspace, ++generation_);
    return {true, {}, generation_};
  }
  std::string location() const override { return "memory"; }
  bool persistent() const override { return false; }

 private:
  std::vector<std::uint8_t> bytes_;
  std::uint64_t generation_ = 0;
};

}  // namespace cairn::store
