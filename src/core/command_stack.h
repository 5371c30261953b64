#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/commands.h"

namespace cairn {

// Applies commands to a workspace and keeps undo/redo and each item's
// history. The one place the model changes: views, the automation API and
// imports all go through exec().
class CommandStack {
 public:
  using Clock = std::function<Timestamp()>;
  static constexpr std::size_t kMaxUndoSteps = 1000;

  CommandStack(Workspace& workspace, std::string author, Clock clock)
      : workspace_(workspace), author_(std::move(author)), clock_(std::move(clock)) {}

  // Applies `command`, stamped with the current time and author. Commands
  // with the same non-empty `coalesce_key` in a row (keystrokes in one text
  // field) become one undo step; seal() ends such a run.
  ApplyResult exec(Command command, std::string_view coalesce_key = {});
  void seal() { sealed_ = true; }
  // The workspace was replaced wholesale (a read-only copy following the
  // writer): the undo and redo steps no longer apply to it.
  void forget() {
    undo_.clear();
    redo_.clear();
    sealed_ = true;
    ++revision_;
  }

  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }
  std::string_view undo_label() const { return can_undo() ? std::string_view(undo_.back().forward.label) : ""; }
  std::string_view redo_label() const { return can_redo() ? std::string_view(redo_.back().forward.label) : ""; }
  // Undo and redo are changes too: recorded in history with time and author.
  ApplyResult undo();
  ApplyResult redo();

  // Grows with every change (exec, undo, redo): autosave and views watch it.
  std::uint64_t revision() const { return revision_; }

  // What changed on an item and when, oldest first (kept in the workspace).
  const std::vector<Change>& history(Id id) const { return workspace_.history(id); }

  const Workspace& workspace() const { return workspace_; }

 private:
  struct Step {
    Command forward;
    Command inverse;
    std::string coalesce_key;
  };

  void record(std::vector<std::pair<Id, Change>>& changes, bool merge_with_last);
  // Applies a stored command again (undo or redo), stamped now.
  ApplyResult replay(Command& command);

  Workspace& workspace_;
  std::string author_;
  Clock clock_;
  std::vector<Step> undo_;
  std::vector<Step> redo_;
  std::uint64_t revision_ = 0;
  bool sealed_ = true;
};

}  // namespace cairn
