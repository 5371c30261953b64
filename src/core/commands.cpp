#include "core/commands.h"

#include "core/change_text.h"
#include "core/fields.h"

#include <unordered_set>

namespace cairn {
namespace {

std::string describe(const Operation& op) {
  return std::visit(
      [](const auto& o) -> std::string {
        using O = std::decay_t<decltype(o)>;
        if constexpr (std::is_same_v<O, CreateItem>) return "create " + o.kind + " " + o.id.to_string();
        if constexpr (std::is_same_v<O, RemoveItem>) return "remove " + o.id.to_string();
        if constexpr (std::is_same_v<O, SetField>) return "set " + o.field + " of " + o.id.to_string();
        if constexpr (std::is_same_v<O, RestoreItems>) return "restore " + std::to_string(o.items.size()) + " items";
      },
      op);
}

// "" when `parent` is the right kind of parent for a new T.
template <class T>
std::string check_parent(const Workspace& ws, Id parent) {
  if (T::kParentKind.empty()) {
    return parent.nil() ? std::string() : std::string(T::kKind) + " takes no parent";
  }
  if (parent.nil()) return std::string(T::kKind) + " needs a parent " + std::string(T::kParentKind);
  const std::size_t kind = ws.kind_of(parent);
  if (kind == kItemKindCount) return "parent " + parent.to_string() + " does not exist";
  if (kind_name(kind) != T::kParentKind)
    return std::string(T::kKind) + " belongs under a " + std::string(T::kParentKind) + ", not a " +
           std::string(kind_name(kind));
  return {};
}

// Applies one operation; on success appends its inverse (to be applied in
// reverse order) and the changes it made.
class Applier {
 public:
  Applier(Workspace& ws, const Command& cmd) : ws_(ws), cmd_(cmd) {}

  std::string operator()(const CreateItem& op) {
    const std::size_t kind = kind_index_of(op.kind);
    if (kind == kItemKindCount) return "unknown kind '" + op.kind + "'";
    if (op.id.nil()) return "an item needs an id";
    if (ws_.contains(op.id)) return "an item with id " + op.id.to_string() + " exists already";
    return visit_kind(kind, [&]<class T>(T*) -> std::string {
      if (std::string error = check_parent<T>(ws_, op.parent); !error.empty()) return error;
      T item;
      item.id = op.id;
      item.parent = op.parent;
      for (const auto& [name, value] : op.fields) {
        const FieldDef<T>* field = find_field<T>(name);
        if (!field) return std::string(T::kKind) + " has no field '" + name + "'";
        if (std::string error = field->set(item, value); !error.empty()) return name + " " + error;
      }
      ws_.insert(std::move(item));
      inverse_.push_back(RemoveItem{op.id});
      record(op.id, "created", Null{}, Null{});
      return {};
    });
  }

  std::string operator()(const RemoveItem& op) {
    if (!ws_.contains(op.id)) return "no item with id " + op.id.to_string();
    // Collect the subtree parents-first, then erase children-first.
    std::vector<Id> order{op.id};
    for (std::size_t i = 0; i < order.size(); ++i)
      for (const Id child : ws_.children_of(order[i])) order.push_back(child);
    // The parent's history says what it lost, by the name the item had: the
    // item's own history leaves the parent's list with it.
    const std::string label = item_label(ws_, op.id);
    RestoreItems restore;
    restore.items.resize(order.size());
    for (std::size_t i = order.size(); i-- > 0;) restore.items[i] = ws_.erase(order[i]);
    for (const Id id : order) record(id, "removed", Null{}, Null{});
    if (const Id parent = parent_of(restore.items.front()); ws_.contains(parent))
      record(parent, "child_removed", Value{label}, Null{});
    inverse_.push_back(std::move(restore));
    return {};
  }

  std::string operator()(const SetField& op) {
    const std::size_t kind = ws_.kind_of(op.id);
    if (kind == kItemKindCount) return "no item with id " + op.id.to_string();
    return visit_kind(kind, [&]<class T>(T*) -> std::string {
      const FieldDef<T>* field = find_field<T>(op.field);
      if (!field) return std::string(T::kKind) + " has no field '" + op.field + "'";
      T* item = ws_.find_mutable<T>(op.id);
      Value before = field->get(*item);
      if (std::string error = field->set(*item, op.value); !error.empty()) return op.field + " " + error;
      Value after = field->get(*item);
      inverse_.push_back(SetField{op.id, op.field, before});
      record(op.id, op.field, std::move(before), std::move(after));
      return {};
    });
  }

  std::string operator()(const RestoreItems& op) {
    // Check everything first: parents come before their children in the list.
    std::unordered_set<Id> restoring;
    for (const AnyItem& item : op.items) {
      const Id id = id_of(item);
      if (id.nil() || ws_.contains(id) || restoring.count(id)) return "cannot restore " + id.to_string() + ": the id is taken";
      const Id parent = parent_of(item);
      if (!parent.nil() && !ws_.contains(parent) && !restoring.count(parent))
        return "cannot restore " + id.to_string() + ": its parent is gone";
      restoring.insert(id);
    }
    for (const AnyItem& item : op.items) {
      record(id_of(item), "restored", Null{}, Null{});
      ws_.insert_any(item);
    }
    if (!op.items.empty()) inverse_.push_back(RemoveItem{id_of(op.items.front())});
    return {};
  }

  Command take_inverse() {
    Command inverse;
    inverse.ops.assign(std::make_move_iterator(inverse_.rbegin()), std::make_move_iterator(inverse_.rend()));
    inverse.at = cmd_.at;
    inverse.author = cmd_.author;
    inverse.label = cmd_.label;
    return inverse;
  }
  std::vector<std::pair<Id, Change>> take_changes() { return std::move(changes_); }

 private:
  void record(Id id, std::string what, Value before, Value after) {
    changes_.push_back({id, Change{cmd_.at, cmd_.author, std::move(what), std::move(before), std::move(after)}});
  }

  Workspace& ws_;
  const Command& cmd_;
  std::vector<Operation> inverse_;
  std::vector<std::pair<Id, Change>> changes_;
};

}  // namespace

ApplyResult apply(Workspace& workspace, const Command& command) {
  ApplyResult result;
  Applier applier(workspace, command);
  for (std::size_t i = 0; i < command.ops.size(); ++i) {
    std::string error = std::visit(applier, command.ops[i]);
    if (!error.empty()) {
      // Roll back what was applied; the inverse of applied operations always applies.
      Command rollback = applier.take_inverse();
      Applier undo(workspace, rollback);
      for (const Operation& op : rollback.ops) std::visit(undo, op);
      result.error = "operation " + std::to_string(i + 1) + " (" + describe(command.ops[i]) + "): " + error;
      return result;
    }
  }
  result.ok = true;
  result.inverse = applier.take_inverse();
  result.changes = applier.take_changes();
  return result;
}

Value read_field(const Workspace& workspace, Id id, std::string_view field, std::string* error) {
  const std::size_t kind = workspace.kind_of(id);
  if (kind == kItemKindCount) {
    if (error) *error = "no item with id " + id.to_string();
    return Null{};
  }
  return visit_kind(kind, [&]<class T>(T*) -> Value {
    const FieldDef<T>* def = find_field<T>(field);
    if (!def) {
      if (error) *error = std::string(T::kKind) + " has no field '" + std::string(field) + "'";
      return Null{};
    }
    return def->get(*workspace.find<T>(id));
  });
}

}  // namespace cairn
