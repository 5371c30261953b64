#include "core/command_stack.h"

namespace cairn {

ApplyResult CommandStack::exec(Command command, std::string_view coalesce_key) {
  command.at = clock_();
  command.author = author_;
  ApplyResult result = apply(workspace_, command);
  if (!result.ok) return result;
  ++revision_;

  const bool coalesce = !coalesce_key.empty() && !sealed_ && !undo_.empty() && redo_.empty() &&
                        undo_.back().coalesce_key == coalesce_key;
  record(result.changes, coalesce);
  if (coalesce) {
    // Keep the inverse of the first command of the run: one undo restores
    // the value from before the first keystroke.
    undo_.back().forward = std::move(command);
  } else {
    undo_.push_back({std::move(command), result.inverse, std::string(coalesce_key)});
    if (undo_.size() > kMaxUndoSteps) undo_.erase(undo_.begin());
  }
  redo_.clear();
  sealed_ = coalesce_key.empty();
  return result;
}

ApplyResult CommandStack::undo() {
  if (undo_.empty()) return {false, "nothing to undo", {}, {}};
  Step step = std::move(undo_.back());
  undo_.pop_back();
  step.inverse.at = clock_();
  step.inverse.author = author_;
  ApplyResult result = apply(workspace_, step.inverse);
  if (!result.ok) return result;  // cannot happen for an inverse; the step is dropped
  ++revision_;
  record(result.changes, false);
  redo_.push_back(std::move(step));
  sealed_ = true;
  return result;
}

ApplyResult CommandStack::redo() {
  if (redo_.empty()) return {false, "nothing to redo", {}, {}};
  Step step = std::move(redo_.back());
  redo_.pop_back();
  step.forward.at = clock_();
  step.forward.author = author_;
  ApplyResult result = apply(workspace_, step.forward);
  if (!result.ok) return result;
  ++revision_;
  record(result.changes, false);
  step.inverse = result.inverse;
  undo_.push_back(std::move(step));
  sealed_ = true;
  return result;
}

const std::vector<Change>& CommandStack::history(Id id) const {
  static const std::vector<Change> kNone;
  const auto it = history_.find(id);
  return it == history_.end() ? kNone : it->second;
}

void CommandStack::record(std::vector<std::pair<Id, Change>>& changes, bool merge_with_last) {
  for (auto& [id, change] : changes) {
    std::vector<Change>& log = history_[id];
    if (merge_with_last && !log.empty() && log.back().what == change.what) {
      log.back().after = std::move(change.after);
      log.back().at = change.at;
    } else {
      log.push_back(std::move(change));
    }
  }
}

}  // namespace cairn
