#pragma once
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "store/snapshot.h"
#include "store/storage.h"

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
class FileStore final : public Storage {
 public:
  explicit FileStore(std::filesystem::path folder) : folder_(std::move(folder)) {}

  // Saves `workspace` as generation last_generation() + 1. On failure the
  // error names the step and the system's reason.
  Saved save(const Workspace& workspace) override;
  // The newest readable generation; `notice` says when that was not the
  // main file, and why.
  Loaded load() override;
  std::string location() const override { return (folder_ / "workspace.cairn").string(); }
  // The main file and its backup, against the free space of the folder's disk.
  Usage usage() const override;

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
