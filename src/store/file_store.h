#pragma once
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "store/snapshot.h"

namespace cairn::store {

// Steps of a save, in order; tests make one of them fail.
enum class SaveStep { write, flush, sync_file, rename_backup, rename_new, sync_folder };

// The desktop store: one workspace file in a folder (by default
// $XDG_DATA_HOME/cairn, see default_data_folder()).
//
// A save writes `workspace.cairn.tmp`, flushes and fsyncs it, moves the
// current file to `workspace.cairn.bak`, renames the new one into place and
// fsyncs the folder. Whatever step fails or wherever the process dies, the
// folder holds the old file or the new one, never a torn one, and load()
// takes the newest generation whose checksum verifies.
class FileStore {
 public:
  explicit FileStore(std::filesystem::path folder) : folder_(std::move(folder)) {}

  struct Saved {
    bool ok = false;
    std::string error;  // what failed, with the system's reason
    std::uint64_t generation = 0;
  };
  // Saves `workspace` as generation last_generation() + 1.
  Saved save(const Workspace& workspace);

  struct Loaded {
    bool ok = false;      // false: nothing usable was found (or nothing at all: see `empty`)
    bool empty = false;   // no store yet: a first start
    std::string error;    // why nothing could be loaded
    std::string notice;   // set when load fell back to an older generation, and why
    std::uint64_t generation = 0;
    Workspace workspace;
  };
  Loaded load();

  std::uint64_t last_generation() const { return generation_; }
  const std::filesystem::path& folder() const { return folder_; }

  // Tests: make the given step of the next saves fail (after writing half
  // the bytes, for `write`).
  void fail_at(SaveStep step) { fail_at_ = static_cast<int>(step); }
  void fail_nowhere() { fail_at_ = -1; }

 private:
  bool failing(SaveStep step) const { return fail_at_ == static_cast<int>(step); }

  std::filesystem::path folder_;
  std::uint64_t generation_ = 0;
  bool read_only_ = false;  // a newer version's store is here
  int fail_at_ = -1;
};

// $XDG_DATA_HOME/cairn, or ~/.local/share/cairn.
std::filesystem::path default_data_folder();

}  // namespace cairn::store
