#include "core/command_stack.h"

namespace cairn {
namespace {

// The forward command of a coalesced run must redo the whole run, including
// a create that started it (typing the first letter of a check-in creates
// it): a later value of the same field replaces the earlier one, anything
// else is appended.
void merge_into_run(Command& run, Command next) {
  for (Operation& op : next.ops) {
    const auto* set = std::get_if<SetField>(&op);
    SetField* earlier = nullptr;
    if (set)
      for (Operation& previous : run.ops)
        if (auto* p = std::get_if<SetField>(&previous); p && p->id == set->id && p->field == set->field) earlier = p;
    if (earlier) earlier->value = std::move(std::get<SetField>(op).value);
    else run.ops.push_back(std::move(op));
  }
  run.at = next.at;
  run.author = std::move(next.author);
  run.label = std::move(next.label);
}

}  // namespace

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
    merge_into_run(undo_.back().forward, std::move(command));
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
  ApplyResult result = replay(step.inverse);
  if (!result.ok) return result;  // cannot happen for an inverse; the step is dropped
  redo_.push_back(std::move(step));
  return result;
}

ApplyResult CommandStack::redo() {
  if (redo_.empty()) return {false, "nothing to redo", {}, {}};
  Step step = std::move(redo_.back());
  redo_.pop_back();
  ApplyResult result = replay(step.forward);
  if (!result.ok) return result;
  step.inverse = result.inverse;
  undo_.push_back(std::move(step));
  return result;
}

ApplyResult CommandStack::replay(Command& command) {
  command.at = clock_();
  command.author = author_;
  ApplyResult result = apply(workspace_, command);
  if (!result.ok) return result;
  ++revision_;
  record(result.changes, false);
  sealed_ = true;
  return result;
}

void CommandStack::record(std::vector<std::pair<Id, Change>>& changes, bool merge_with_last) {
  for (auto& [id, change] : changes) workspace_.record(id, std::move(change), merge_with_last);
}

}  // namespace cairn
