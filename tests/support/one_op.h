#pragma once
#include <string>
#include <utility>

#include "core/commands.h"

namespace cairn::testing {

// A command of one operation, as a view pushes it (the stack sets time and author).
inline Command op(Operation o, std::string label = "edit") {
  Command c;
  c.ops.push_back(std::move(o));
  c.label = std::move(label);
  return c;
}

}  // namespace cairn::testing
