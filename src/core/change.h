#pragma once
#include <string>

#include "core/time.h"
#include "core/value.h"

namespace cairn {

// One recorded change of one item, for its history.
struct Change {
  Timestamp at;
  std::string author;
  // "created", "removed", "restored", a field name, or "child_removed" (on
  // the parent of a removed item; `before` is that item's label then)
  std::string what;
  Value before;
  Value after;
  bool operator==(const Change&) const = default;
};

}  // namespace cairn
