#pragma once
#include <cstdint>

#include "core/workspace.h"

namespace cairn::testing {

// A workspace with `projects` projects, each with a random number of items
// of every kind (nested where the model nests them) and random values in
// every field: text with non-ASCII characters, unset optionals, extreme
// numbers. Built through commands, so it is always a valid workspace.
// With `history`, each item's history holds the changes that built it.
// The same seed always gives the same workspace.
Workspace random_workspace(std::uint64_t seed, int projects = 2, int max_items_per_kind = 4, bool history = true);

// The same items as `ws` (no histories), added kind by kind (in the order of
// ItemTypes, or its reverse) and by id (ascending, or descending): the store's
// loader adds them kind by kind in id order, the commands in the order they
// were made. Only the order of each parent's children (children_of) differs.
Workspace reinserted(const Workspace& ws, bool backwards = false);

}  // namespace cairn::testing
