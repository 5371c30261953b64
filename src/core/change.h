#pragma once
#include <string>

#include "core/time.h"
#include "core/value.h"

namespace cairn {

// One recorded change of one item, for its history.
struct Change {
  Timestamp at;
  std::string author;
  std::string what;  // "created", "removed", "restored" or a field name
  Value before;
  Value after;
  bool operator==(const Change&) const = default;
};

}  // namespace cairn
