#include "core/sync_doc.h"

#include "core/fields.h"
#include "core/json_io.h"

#include <tuple>

namespace cairn {

bool wins_over(const FieldWrite& a, const FieldWrite& b) {
  if (a.clock != b.clock) return a.clock > b.clock;
  if (a.raw != b.raw) return a.raw < b.raw;  // a value this version understands first
  if (a.value == b.value) return a.author > b.author;
  return value_to_json(a.value) > value_to_json(b.value);
}

bool ItemDoc::is_removed() const {
  const bool* flag = std::get_if<bool>(&removed.value);
  return flag && *flag;
}

bool merge_doc(ItemDoc& into, const ItemDoc& from) {
  bool changed = false;
  if (into.id.nil()) into.id = from.id;
  // Kind and parent never change; should two documents disagree (a broken
  // peer), every device keeps the smaller pair.
  if (!from.kind.empty() &&
      (into.kind.empty() || std::tie(from.kind, from.parent) < std::tie(into.kind, into.parent))) {
    into.kind = from.kind;
    into.parent = from.parent;
    changed = true;
  }
  for (const auto& [name, write] : from.fields) {
    const auto it = into.fields.find(name);
    if (it == into.fields.end()) {
      into.fields.emplace(name, write);
      changed = true;
    } else if (wins_over(write, it->second)) {
      it->second = write;
      changed = true;
    }
  }
  if (wins_over(from.removed, into.removed)) {
    into.removed = from.removed;
    changed = true;
  }
  return changed;
}

bool field_exists(std::string_view kind, std::string_view field) {
  const std::size_t index = kind_index_of(kind);
  return index != kItemKindCount && visit_kind(index, [&]<class T>(T*) { return find_field<T>(field) != nullptr; });
}

std::optional<Value> canonical_value(std::string_view kind, std::string_view field, const Value& value) {
  const std::size_t index = kind_index_of(kind);
  if (index == kItemKindCount) return std::nullopt;
  return visit_kind(index, [&]<class T>(T*) -> std::optional<Value> {
    const FieldDef<T>* def = find_field<T>(field);
    if (!def) return std::nullopt;
    T item;
    if (!def->set(item, value).empty()) return std::nullopt;
    return def->get(item);
  });
}

std::vector<std::pair<std::string_view, Value>> item_field_values(const Workspace& ws, Id id) {
  return visit_kind(ws.kind_of(id), [&]<class T>(T*) {
    std::vector<std::pair<std::string_view, Value>> out;
    const T& item = *ws.find<T>(id);
    for (const FieldDef<T>& def : fields_of<T>()) out.emplace_back(def.name, def.get(item));
    return out;
  });
}

}  // namespace cairn
