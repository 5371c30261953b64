#pragma once
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/change.h"
#include "core/field_names.h"
#include "core/model.h"
#include "core/time.h"
#include "core/value.h"
#include "core/workspace.h"

namespace cairn {

// Every change to a workspace is a Command: a list of operations applied by
// one function, all or nothing. Operations name items by id and carry field
// values, never pointers or positions, so the same command applies the same
// way to any copy of the workspace (undo, the automation API, and later
// replication between devices all use this one stream).

struct CreateItem {
  std::string kind;  // "task", "gate", ...
  Id id;             // chosen by the caller (IdSource), so replicas agree
  Id parent;         // nil for projects
  std::vector<std::pair<std::string, Value>> fields;  // the rest keep their defaults
};

// A CreateItem of a T, its fields named by the constants of core/field_names.h
// (a field of another kind of item does not compile).
template <class T>
CreateItem create_op(Id id, Id parent, std::vector<std::pair<FieldName<T>, Value>> fields = {}) {
  CreateItem op{std::string(T::kKind), id, parent, {}};
  op.fields.reserve(fields.size());
  for (auto& [name, value] : fields) op.fields.emplace_back(name.name, std::move(value));
  return op;
}

struct RemoveItem {  // removes the item and everything under it
  Id id;
};

struct SetField {
  Id id;
  std::string field;  // in code, a constant of core/field_names.h: SetField{id, field::task::due, value}
  Value value;
};

struct RestoreItems {  // puts removed items back exactly (the inverse of RemoveItem)
  std::vector<AnyItem> items;  // parents before children
};

using Operation = std::variant<CreateItem, RemoveItem, SetField, RestoreItems>;

struct Command {
  std::vector<Operation> ops;
  Timestamp at;        // when the change was made (UTC)
  std::string author;  // who made it
  std::string label;   // for people: "Rename task", shown by undo
};

struct ApplyResult {
  bool ok = false;
  std::string error;  // why nothing was applied, naming the operation
  Command inverse;    // applying it undoes the command
  std::vector<std::pair<Id, Change>> changes;  // what changed, for history
};

// Applies the whole command or nothing: on any error the workspace is left
// exactly as it was.
ApplyResult apply(Workspace& workspace, const Command& command);

// Reads any field of any item as a Value; Null with `error` set if the item
// or field does not exist.
Value read_field(const Workspace& workspace, Id id, std::string_view field, std::string* error = nullptr);

}  // namespace cairn
