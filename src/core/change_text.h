#pragma once
#include <cstddef>
#include <string>
#include <string_view>

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

// How a value reads in a history: "none", "yes", "2.5", "2026-03-01",
// "“Clean the labels”", the name of the item an id points to.
std::string value_text(const Workspace& ws, const Value& value);

// "likely_days" -> "Likely days", "in_progress" -> "In progress".
std::string label_of_name(std::string_view name);

// `text` cut to at most `max_bytes` bytes at a UTF-8 character boundary,
// with "…" when anything was cut.
std::string shortened(std::string_view text, std::size_t max_bytes);

}  // namespace cairn
