#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/change.h"
#include "core/value.h"
#include "core/workspace.h"

namespace cairn {

// One recorded change of an item in words, for its history view:
// {"Status", "To do", "In progress"}. Creations, removals and restorations
// have no values: {"Created", "", ""}.
struct ChangeText {
  std::string what;
  std::string before;
  std::string after;
  bool operator==(const ChangeText&) const = default;
};

// `kind_index` is the kind of the item the change belongs to (it names the
// field). Values read as a person would: enumeration names as labels, ids
// as the name of the item they point to, long text shortened.
ChangeText describe_change(const Workspace& ws, std::size_t kind_index, const Change& change);

// One change shown in an item's history: the item's own, or one of the
// items directly under it (a task's checklist items, dependencies and
// blockers; a gate's criteria; an experiment's results and run links).
struct HistoryEntry {
  Id item;
  std::size_t kind_index = kItemKindCount;
  const Change* change = nullptr;  // owned by the workspace's history
};

// The changes of `id` and of the items directly under it, newest first
// (changes made at the same time: the last recorded first).
std::vector<HistoryEntry> history_with_children(const Workspace& ws, Id id);

// Whether two changes are listed under one heading: the same person in the
// same minute (one command makes several). Zones differ from UTC by whole
// minutes, so a UTC minute is a shown minute too.
bool same_heading(const Change& a, const Change& b);

// How a child's change is introduced: "Checklist item “Agreement ≥ 0.8”",
// "Dependency on “Label images”", "An untitled blocker".
std::string item_label(const Workspace& ws, Id id);

// How a value reads in a history: "none", "yes", "2.5", "2026-03-01",
// "“Clean the labels”", the name of the item an id points to.
std::string value_text(const Workspace& ws, const Value& value);

// "likely_days" -> "Likely days", "in_progress" -> "In progress"; acronyms
// and brands as they are written ("ml" -> "ML", "wandb" -> "W&B").
std::string label_of_name(std::string_view name);

// `text` cut to at most `max_bytes` bytes at a UTF-8 character boundary,
// with "…" when anything was cut.
std::string shortened(std::string_view text, std::size_t max_bytes);

}  // namespace cairn
