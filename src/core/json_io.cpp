#include "core/json_io.h"

#include "core/json_parse.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/byte_size.h"
#include "core/fields.h"
#include "core/json_value.h"

namespace cairn {
namespace {

using Writer = JsonWriter;

// Parses `text` into `doc`; returns "" or an error naming the position.
std::string parse(std::string_view text, rapidjson::Document& doc) {
  if (text.size() > kMaxJsonBytes) {
    const SizeOverLimit sizes = size_over_limit(text.size(), kMaxJsonBytes);
    return "the text is " + sizes.size + "; at most " + sizes.limit + " can be read";
  }
  std::size_t offset = 0;
  if (std::string error = parse_json(text, doc, offset); !error.empty())
    return "not valid JSON at " + text_position(text, offset) + ": " + error;
  return {};
}

std::string get_string(const rapidjson::Value& obj, const char* key) {
  const auto it = obj.FindMember(key);
  return it != obj.MemberEnd() && it->value.IsString() ? std::string(it->value.GetString(), it->value.GetStringLength())
                                                       : std::string();
}

// An id member: nil when absent or null; error text when malformed.
std::string get_id(const rapidjson::Value& obj, const char* key, Id& out) {
  out = Id{};
  const auto it = obj.FindMember(key);
  if (it == obj.MemberEnd() || it->value.IsNull()) return {};
  if (!it->value.IsString()) return std::string("\"") + key + "\" must be an id string";
  const auto id = Id::parse(it->value.GetString());
  if (!id) return std::string("\"") + key + "\" is not an id: '" + it->value.GetString() + "'";
  out = *id;
  return {};
}

std::string read_fields(const rapidjson::Value& obj, std::vector<std::pair<std::string, Value>>& fields) {
  const auto it = obj.FindMember("fields");
  if (it == obj.MemberEnd()) return {};
  if (!it->value.IsObject()) return "\"fields\" must be an object";
  for (const auto& m : it->value.GetObject()) {
    auto value = read_json_value(m.value);
    if (!value) return std::string("field \"") + m.name.GetString() + "\" has a value no field takes";
    fields.emplace_back(std::string(m.name.GetString(), m.name.GetStringLength()), std::move(*value));
  }
  return {};
}

std::string read_operation(const rapidjson::Value& j, IdSource& ids, Operation& out) {
  if (!j.IsObject()) return "an operation must be an object";
  const std::string op = get_string(j, "op");
  Id id;
  if (std::string e = get_id(j, "id", id); !e.empty()) return e;
  if (op == "create") {
    CreateItem c;
    c.kind = get_string(j, "kind");
    c.id = id.nil() ? ids.next() : id;
    if (std::string e = get_id(j, "parent", c.parent); !e.empty()) return e;
    if (std::string e = read_fields(j, c.fields); !e.empty()) return e;
    out = std::move(c);
  } else if (op == "set") {
    const auto value = j.FindMember("value");
    if (value == j.MemberEnd()) return "\"set\" needs a \"value\"";
    auto v = read_json_value(value->value);
    if (!v) return "\"value\" has a shape no field takes";
    out = SetField{id, get_string(j, "field"), std::move(*v)};
  } else if (op == "remove") {
    out = RemoveItem{id};
  } else {
    return "\"op\" must be create, set or remove" + (op.empty() ? std::string() : ", not '" + op + "'");
  }
  return {};
}

}  // namespace

std::string value_to_json(const Value& value) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  write_json_value(w, value);
  return buffer.GetString();
}

ParsedCommand parse_command_json(std::string_view text, IdSource& ids) {
  ParsedCommand result;
  rapidjson::Document doc;
  if (std::string e = parse(text, doc); !e.empty()) {
    result.error = e;
    return result;
  }
  if (!doc.IsObject()) {
    result.error = "a command must be a JSON object";
    return result;
  }
  auto ops = std::as_const(doc).FindMember("ops");
  if (ops != std::as_const(doc).MemberEnd()) {
    if (!ops->value.IsArray() || ops->value.Empty()) {
      result.error = "\"ops\" must be a non-empty array";
      return result;
    }
    for (rapidjson::SizeType i = 0; i < ops->value.Size(); ++i) {
      Operation op;
      if (std::string e = read_operation(ops->value[i], ids, op); !e.empty()) {
        result.error = "operation " + std::to_string(i + 1) + ": " + e;
        return result;
      }
      result.command.ops.push_back(std::move(op));
    }
  } else {
    Operation op;
    if (std::string e = read_operation(doc, ids, op); !e.empty()) {
      result.error = e;
      return result;
    }
    result.command.ops.push_back(std::move(op));
  }
  result.command.label = get_string(doc, "label");
  if (result.command.label.empty()) result.command.label = "Scripted change";
  result.ok = true;
  return result;
}

std::string export_json(const Workspace& workspace, std::optional<Id> project) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  w.Key("format");
  w.String("cairn");
  w.Key("version");
  w.Int(kJsonFormatVersion);
  w.Key("items");
  w.StartArray();
  // Parents before children: each root's subtree breadth-first, an item's
  // children by kind (in the order of ItemTypes) and then by id. The order
  // depends on the items alone, never on the order they were added in
  // (children_of keeps that, and the store's loader adds them kind by kind):
  // the same plan always gives the same bytes, before and after a reload.
  std::vector<std::pair<std::size_t, Id>> order;  // kind index, id
  if (project) {
    if (const std::size_t kind = workspace.kind_of(*project); kind != kItemKindCount) order.emplace_back(kind, *project);
  } else {
    for (const auto& [id, p] : workspace.all<Project>()) order.emplace_back(kKindIndex<Project>, id);
  }
  for (std::size_t i = 0; i < order.size(); ++i) {
    const std::size_t first = order.size();
    for (const Id child : workspace.children_of(order[i].second)) order.emplace_back(workspace.kind_of(child), child);
    std::sort(order.begin() + static_cast<std::ptrdiff_t>(first), order.end());
  }
  for (const auto& [kind, item_id] : order) {
    const Id id = item_id;  // clang 14 captures no structured binding in a lambda
    visit_kind(kind, [&]<class T>(T*) {
      const T& item = *workspace.find<T>(id);
      w.StartObject();
      w.Key("kind");
      w.String(T::kKind.data(), static_cast<rapidjson::SizeType>(T::kKind.size()));
      w.Key("id");
      write_json_value(w, item.id);
      w.Key("parent");
      write_json_value(w, item.parent);
      w.Key("fields");
      w.StartObject();
      for (const FieldDef<T>& f : fields_of<T>()) {
        w.Key(f.name.data(), static_cast<rapidjson::SizeType>(f.name.size()));
        write_json_value(w, f.get(item));
      }
      w.EndObject();
      w.EndObject();
      return 0;
    });
  }
  w.EndArray();
  w.EndObject();
  return buffer.GetString();
}

ImportPlan plan_import(std::string_view text, const Workspace& current, IdSource& ids) {
  ImportPlan plan;
  rapidjson::Document doc;
  if (std::string e = parse(text, doc); !e.empty()) {
    plan.error = e;
    return plan;
  }
  if (!doc.IsObject() || get_string(doc, "format") != "cairn") {
    plan.error = "not a Cairn export (no \"format\": \"cairn\")";
    return plan;
  }
  auto version = std::as_const(doc).FindMember("version");
  if (version == std::as_const(doc).MemberEnd() || !version->value.IsInt()) {
    plan.error = "the export has no format version";
    return plan;
  }
  if (version->value.GetInt() > kJsonFormatVersion) {
    plan.error = "the export was written by a newer version of Cairn (format " +
                 std::to_string(version->value.GetInt()) + ", this version reads up to " +
                 std::to_string(kJsonFormatVersion) + ")";
    return plan;
  }
  auto items = std::as_const(doc).FindMember("items");
  if (items == std::as_const(doc).MemberEnd() || !items->value.IsArray()) {
    plan.error = "the export has no \"items\" list";
    return plan;
  }

  // First pass: ids, with new ones for ids already in use.
  std::unordered_map<Id, Id> rename;
  std::unordered_set<Id> seen;
  for (rapidjson::SizeType i = 0; i < items->value.Size(); ++i) {
    const auto& item = items->value[i];
    Id id;
    if (!item.IsObject()) {
      plan.error = "item " + std::to_string(i + 1) + " is not an object";
      return plan;
    }
    if (std::string e = get_id(item, "id", id); !e.empty() || id.nil()) {
      plan.error = "item " + std::to_string(i + 1) + ": " + (e.empty() ? "it has no id" : e);
      return plan;
    }
    if (!seen.insert(id).second) {
      plan.error = "item " + std::to_string(i + 1) + ": the id " + id.to_string() + " appears twice";
      return plan;
    }
    if (current.contains(id)) rename[id] = ids.next();
  }
  auto mapped = [&](Id id) {
    const auto it = rename.find(id);
    return it == rename.end() ? id : it->second;
  };

  // Second pass: one CreateItem per item, references rewritten.
  for (rapidjson::SizeType i = 0; i < items->value.Size(); ++i) {
    const auto& item = items->value[i];
    const std::string where = "item " + std::to_string(i + 1);
    CreateItem create;
    create.kind = get_string(item, "kind");
    const std::size_t kind = kind_index_of(create.kind);
    if (kind == kItemKindCount) {
      plan.warnings.push_back(where + ": unknown kind '" + create.kind + "', skipped");
      continue;
    }
    Id id, parent;
    get_id(item, "id", id);
    if (std::string e = get_id(item, "parent", parent); !e.empty()) {
      plan.error = where + ": " + e;
      return plan;
    }
    create.id = mapped(id);
    create.parent = mapped(parent);
    if (std::string e = read_fields(item, create.fields); !e.empty()) {
      plan.error = where + ": " + e;
      return plan;
    }
    // Unknown fields are dropped with a warning; id references are rewritten.
    std::string error;
    visit_kind(kind, [&]<class T>(T*) {
      std::vector<std::pair<std::string, Value>> kept;
      for (auto& [name, value] : create.fields) {
        const FieldDef<T>* def = find_field<T>(name);
        if (!def) {
          plan.warnings.push_back(where + ": " + create.kind + " has no field '" + name + "', skipped");
          continue;
        }
        if (std::holds_alternative<Id>(def->get(T{})) && std::holds_alternative<std::string>(value)) {
          if (const auto ref = Id::parse(std::get<std::string>(value))) value = mapped(*ref).to_string();
        }
        kept.emplace_back(std::move(name), std::move(value));
      }
      create.fields = std::move(kept);
      return 0;
    });
    if (create.kind == "project") ++plan.projects;
    ++plan.items;
    plan.command.ops.push_back(std::move(create));
  }
  plan.command.label = plan.projects == 1 ? "Import project" : "Import " + std::to_string(plan.items) + " items";
  plan.ok = true;
  return plan;
}

}  // namespace cairn
