#pragma once
#include <string>
#include <string_view>

#include "core/time.h"
#include "core/value.h"

namespace cairn {

inline constexpr std::string_view kLostEditPrefix = "lost:";

// One recorded change of one item, for its history.
struct Change {
  Timestamp at;
  std::string author;
  // "created", "removed", "restored", a field name, "child_removed" (on
  // the parent of a removed item; `before` is that item's label then), or
  // kLostEditPrefix + a field name: an edit made on another device at the
  // same time as the one that won (`before` is the value that lost, `after`
  // the one kept; `author` and `at` are the lost edit's)
  std::string what;
  Value before;
  Value after;
  bool operator==(const Change&) const = default;
};

}  // namespace cairn
