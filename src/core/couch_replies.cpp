#include "core/couch_replies.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "core/json_parse.h"

namespace cairn {
namespace {

std::string parse_reply(std::string_view body, rapidjson::Document& doc) {
  if (body.size() > kMaxReplyBytes) return "the server's reply is over 64 MB";
  std::size_t offset = 0;
  if (std::string error = parse_json(body, doc, offset); !error.empty())
    return "the server's reply is not JSON (" + error + ")";
  return {};
}

std::string text_of(const rapidjson::Value& j) { return {j.GetString(), j.GetStringLength()}; }

std::string string_member(const rapidjson::Value& obj, const char* name) {
  auto it = obj.FindMember(name);
  return it != obj.MemberEnd() && it->value.IsString() ? text_of(it->value) : std::string();
}

std::string json_text(const rapidjson::Value& j) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  j.Accept(w);
  return {buffer.GetString(), buffer.GetSize()};
}

std::vector<std::string> conflicts_of(const rapidjson::Value& doc) {
  std::vector<std::string> out;
  auto it = doc.FindMember("_conflicts");
  if (it == doc.MemberEnd() || !it->value.IsArray()) return out;
  for (const auto& rev : it->value.GetArray())
    if (rev.IsString()) out.push_back(text_of(rev));
  return out;
}

// A document of the database that is not an item (a design document, a
// stray one) is not Cairn's to read: skipped without a word.
bool names_an_item(const rapidjson::Value& doc) {
  auto it = doc.FindMember("_id");
  return it != doc.MemberEnd() && it->value.IsString() && Id::parse(text_of(it->value)).has_value();
}

void add_doc(const rapidjson::Value& json, DocsReply& out) {
  if (!json.IsObject() || !names_an_item(json)) return;
  DecodedDoc decoded = decode_doc(json);
  if (!decoded.ok) {
    out.warnings.push_back(decoded.error);
    return;
  }
  for (std::string& w : decoded.warnings) out.warnings.push_back(std::move(w));
  decoded.warnings.clear();
  out.conflicts.push_back(conflicts_of(json));
  out.docs.push_back(std::move(decoded));
}

}  // namespace

std::string couch_error_reason(std::string_view body) {
  rapidjson::Document doc;
  if (!parse_reply(body, doc).empty() || !doc.IsObject()) return {};
  std::string reason = string_member(doc, "reason");
  return reason.empty() ? string_member(doc, "error") : reason;
}

ChangesReply parse_changes(std::string_view body) {
  ChangesReply out;
  rapidjson::Document doc;
  if (out.error = parse_reply(body, doc); !out.error.empty()) return out;
  const rapidjson::Value* results = json_member(doc, "results");
  const rapidjson::Value* last_seq = json_member(doc, "last_seq");
  if (!results || !results->IsArray() || !last_seq) {
    out.error = "the server's list of changes is malformed";
    return out;
  }
  out.last_seq = json_text(*last_seq);
  for (const auto& row : results->GetArray()) {
    if (!row.IsObject()) continue;
    ChangesReply::Row r;
    r.id = string_member(row, "id");
    if (auto d = row.FindMember("deleted"); d != row.MemberEnd() && d->value.IsBool()) r.deleted = d->value.GetBool();
    if (auto d = row.FindMember("doc"); d != row.MemberEnd() && d->value.IsObject() && names_an_item(d->value)) {
      r.has_doc = true;
      r.doc = decode_doc(d->value);
      r.conflicts = conflicts_of(d->value);
      if (!r.doc.ok) out.warnings.push_back(r.doc.error);
      for (std::string& w : r.doc.warnings) out.warnings.push_back(std::move(w));
      r.doc.warnings.clear();
    }
    out.rows.push_back(std::move(r));
  }
  out.ok = true;
  return out;
}

BulkDocsReply parse_bulk_docs(std::string_view body) {
  BulkDocsReply out;
  rapidjson::Document doc;
  if (out.error = parse_reply(body, doc); !out.error.empty()) return out;
  if (!doc.IsArray()) {
    out.error = "the server did not say what it stored" +
                (doc.IsObject() && !string_member(doc, "reason").empty() ? " (" + string_member(doc, "reason") + ")" : "");
    return out;
  }
  for (const auto& row : doc.GetArray()) {
    if (!row.IsObject()) continue;
    out.rows.push_back({string_member(row, "id"), string_member(row, "rev"), string_member(row, "error"),
                        string_member(row, "reason")});
  }
  out.ok = true;
  return out;
}

DocsReply parse_all_docs(std::string_view body) {
  DocsReply out;
  rapidjson::Document doc;
  if (out.error = parse_reply(body, doc); !out.error.empty()) return out;
  const rapidjson::Value* rows = json_member(doc, "rows");
  if (!rows || !rows->IsArray()) {
    out.error = "the server's list of documents is malformed";
    return out;
  }
  for (const auto& row : rows->GetArray()) {
    if (!row.IsObject()) continue;
    if (auto d = row.FindMember("doc"); d != row.MemberEnd() && d->value.IsObject()) add_doc(d->value, out);
  }
  out.ok = true;
  return out;
}

DocsReply parse_open_revs(std::string_view body) {
  DocsReply out;
  rapidjson::Document doc;
  if (out.error = parse_reply(body, doc); !out.error.empty()) return out;
  if (!doc.IsArray()) {
    out.error = "the server's list of revisions is malformed";
    return out;
  }
  for (const auto& row : doc.GetArray())
    if (row.IsObject())
      if (auto d = row.FindMember("ok"); d != row.MemberEnd() && d->value.IsObject()) add_doc(d->value, out);
  out.ok = true;
  return out;
}

CheckpointDoc parse_checkpoint(std::string_view body) {
  CheckpointDoc out;
  rapidjson::Document doc;
  if (!parse_reply(body, doc).empty() || !doc.IsObject()) return out;
  const rapidjson::Value* since = json_member(doc, "since");
  out.session = string_member(doc, "session");
  if (!since || out.session.empty()) return out;
  out.found = true;
  out.rev = string_member(doc, "_rev");
  out.since = json_text(*since);
  return out;
}

std::string encode_checkpoint(const CheckpointDoc& checkpoint) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  if (!checkpoint.rev.empty()) {
    w.Key("_rev");
    w.String(checkpoint.rev.c_str());
  }
  w.Key("session");
  w.String(checkpoint.session.c_str());
  w.Key("since");
  w.RawValue(checkpoint.since.data(), checkpoint.since.size(), rapidjson::kStringType);
  w.EndObject();
  return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace cairn
