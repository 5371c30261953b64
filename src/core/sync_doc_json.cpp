#include "core/sync_doc_json.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "core/json_parse.h"
#include "core/json_value.h"

namespace cairn {
namespace {

void write_write(JsonWriter& w, const FieldWrite& write) {
  w.StartObject();
  w.Key("v");
  if (write.raw) {
    const std::string& text = std::get<std::string>(write.value);
    w.RawValue(text.data(), text.size(), rapidjson::kObjectType);
  } else {
    write_json_value(w, write.value);
  }
  w.Key("c");
  w.String(write.clock.to_string().c_str());
  w.Key("a");
  w.String(write.author.data(), static_cast<rapidjson::SizeType>(write.author.size()));
  if (!write.replaces.zero()) {
    w.Key("r");
    w.String(write.replaces.to_string().c_str());
  }
  w.EndObject();
}

std::string raw_json(const rapidjson::Value& j) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  j.Accept(w);
  return {buffer.GetString(), buffer.GetSize()};
}

std::string text_of(const rapidjson::Value& j) { return {j.GetString(), j.GetStringLength()}; }

// One {"v","c","a","r"}; "" or why it is refused. The value is read as-is:
// canonical_value applies the field's type afterwards.
std::string read_write(const rapidjson::Value& j, FieldWrite& out, bool keep_raw) {
  if (!j.IsObject()) return "is not an object";
  const rapidjson::Value* v = json_member(j, "v");
  const rapidjson::Value* c = json_member(j, "c");
  const rapidjson::Value* a = json_member(j, "a");
  const rapidjson::Value* r = json_member(j, "r");
  if (!v || !c || !c->IsString() || !a || !a->IsString()) return "lacks its value, clock or author";
  const auto clock = SyncClock::parse(text_of(*c));
  if (!clock) return "has a malformed clock";
  out.clock = *clock;
  if (a->GetStringLength() > kMaxAuthorBytes) return "has an author name over " + std::to_string(kMaxAuthorBytes) + " bytes";
  out.author = text_of(*a);
  if (r) {
    const auto replaces = r->IsString() ? SyncClock::parse(text_of(*r)) : std::nullopt;
    if (!replaces) return "has a malformed replaced clock";
    out.replaces = *replaces;
  }
  if (keep_raw) {
    std::string text = raw_json(*v);
    if (text.size() > kMaxRawFieldBytes) return "is over " + std::to_string(kMaxRawFieldBytes) + " bytes";
    out.value = std::move(text);
    out.raw = true;
    return {};
  }
  auto value = read_json_value(*v);
  if (!value) return "has a value of no field's shape";
  out.value = std::move(*value);
  return {};
}

}  // namespace

void write_doc(JsonWriter& w, const ItemDoc& doc, std::string_view rev) {
  w.StartObject();
  w.Key("_id");
  w.String(doc.id.to_string().c_str());
  if (!rev.empty()) {
    w.Key("_rev");
    w.String(rev.data(), static_cast<rapidjson::SizeType>(rev.size()));
  }
  w.Key("kind");
  w.String(doc.kind.data(), static_cast<rapidjson::SizeType>(doc.kind.size()));
  w.Key("parent");
  write_json_value(w, doc.parent);
  w.Key("fields");
  w.StartObject();
  for (const auto& [name, write] : doc.fields) {
    w.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
    write_write(w, write);
  }
  w.EndObject();
  if (!doc.removed.clock.zero()) {
    w.Key("removed");
    write_write(w, doc.removed);
  }
  w.EndObject();
}

std::string encode_doc(const ItemDoc& doc, std::string_view rev) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  write_doc(w, doc, rev);
  return {buffer.GetString(), buffer.GetSize()};
}

DecodedDoc decode_doc(const rapidjson::Value& json) {
  DecodedDoc out;
  auto refuse = [&](std::string why) {
    out.error = std::move(why);
    return out;
  };
  if (!json.IsObject()) return refuse("a document is not an object");
  const rapidjson::Value* id = json_member(json, "_id");
  if (!id || !id->IsString()) return refuse("a document has no _id");
  const auto parsed_id = Id::parse(text_of(*id));
  if (!parsed_id || parsed_id->nil()) return refuse("document '" + text_of(*id).substr(0, 80) + "' is not a Cairn item");
  out.doc.id = *parsed_id;
  const std::string name = "document " + out.doc.id.to_string();
  if (const rapidjson::Value* rev = json_member(json, "_rev"); rev && rev->IsString()) out.rev = text_of(*rev);
  if (const rapidjson::Value* deleted = json_member(json, "_deleted"); deleted && deleted->IsBool()) out.deleted = deleted->GetBool();
  if (out.deleted) {
    out.ok = true;  // a tombstone carries no body
    return out;
  }
  const rapidjson::Value* kind = json_member(json, "kind");
  if (!kind || !kind->IsString() || kind->GetStringLength() == 0 || kind->GetStringLength() > 64)
    return refuse(name + " has no kind");
  out.doc.kind = text_of(*kind);
  const bool known_kind = kind_index_of(out.doc.kind) != kItemKindCount;
  if (const rapidjson::Value* parent = json_member(json, "parent"); parent && !parent->IsNull()) {
    const auto parent_id = parent->IsString() ? Id::parse(text_of(*parent)) : std::nullopt;
    if (!parent_id) return refuse(name + " has a malformed parent");
    out.doc.parent = *parent_id;
  }
  const rapidjson::Value* fields = json_member(json, "fields");
  if (!fields || !fields->IsObject()) return refuse(name + " has no fields");
  if (fields->MemberCount() > kMaxDocFields) return refuse(name + " has over " + std::to_string(kMaxDocFields) + " fields");
  for (const auto& m : fields->GetObject()) {
    const std::string field = text_of(m.name);
    const bool known = known_kind && field_exists(out.doc.kind, field);
    FieldWrite write;
    if (std::string why = read_write(m.value, write, !known); !why.empty()) {
      out.warnings.push_back(name + ": field '" + field.substr(0, 80) + "' " + why + "; left out");
      continue;
    }
    if (known) {
      auto canonical = canonical_value(out.doc.kind, field, write.value);
      if (!canonical) {
        out.warnings.push_back(name + ": the value of '" + field + "' does not fit the field; left out");
        continue;
      }
      write.value = std::move(*canonical);
    }
    out.doc.fields.insert_or_assign(field, std::move(write));
  }
  if (const rapidjson::Value* removed = json_member(json, "removed")) {
    FieldWrite write;
    if (std::string why = read_write(*removed, write, false); !why.empty() || !std::holds_alternative<bool>(write.value))
      return refuse(name + ": its removal " + (why.empty() ? std::string("is not true or false") : why));
    out.doc.removed = std::move(write);
  }
  out.ok = true;
  return out;
}

}  // namespace cairn
