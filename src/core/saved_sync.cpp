#include "core/saved_sync.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "core/json_io.h"
#include "core/json_parse.h"
#include "core/json_value.h"
#include "core/sync_doc_json.h"

namespace cairn {
namespace {

void write_string(JsonWriter& w, std::string_view text) {
  w.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

void write_ids(JsonWriter& w, const std::vector<Id>& ids) {
  w.StartArray();
  for (const Id id : ids) w.String(id.to_string().c_str());
  w.EndArray();
}

std::string text_of(const rapidjson::Value* j) { return j && j->IsString() ? std::string(j->GetString(), j->GetStringLength()) : std::string(); }

bool read_ids(const rapidjson::Value* j, std::vector<Id>& out) {
  if (!j || !j->IsArray()) return false;
  for (const auto& e : j->GetArray()) {
    const auto id = e.IsString() ? Id::parse(e.GetString()) : std::nullopt;
    if (!id) return false;
    out.push_back(*id);
  }
  return true;
}

}  // namespace

std::string encode_saved_sync(const SavedSync& saved) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("format");
  w.String("cairn-sync");
  w.Key("version");
  w.Int(1);
  w.Key("server");
  write_string(w, saved.server);
  w.Key("database");
  write_string(w, saved.database);
  w.Key("project");
  w.String(saved.replica.project.to_string().c_str());
  w.Key("clock");
  w.String(saved.replica.clock.to_string().c_str());
  w.Key("checkpoint");
  w.StartObject();
  w.Key("session");
  write_string(w, saved.checkpoint.session);
  w.Key("since");
  write_string(w, saved.checkpoint.since);  // JSON text, kept as a string
  w.Key("server_since");
  write_string(w, saved.checkpoint.server_since);
  w.Key("revs");
  w.StartObject();
  for (const auto& [id, rev] : saved.checkpoint.revs) {
    w.Key(id.to_string().c_str());
    write_string(w, rev);
  }
  w.EndObject();
  w.EndObject();
  w.Key("outbox");
  write_ids(w, saved.replica.outbox);
  w.Key("hidden");
  write_ids(w, saved.replica.changed_while_hidden);
  w.Key("docs");
  w.StartArray();
  for (const ItemDoc& doc : saved.replica.docs) write_doc(w, doc);
  w.EndArray();
  w.EndObject();
  return {buffer.GetString(), buffer.GetSize()};
}

DecodedSavedSync decode_saved_sync(std::string_view text) {
  DecodedSavedSync out;
  auto refuse = [&](std::string why) {
    out.error = "the sync state " + std::move(why);
    return out;
  };
  if (text.size() > kMaxJsonBytes) return refuse("is over 64 MB");
  rapidjson::Document doc;
  std::size_t offset = 0;
  if (std::string error = parse_json(text, doc, offset); !error.empty())
    return refuse("is not JSON (" + error + ", " + text_position(text, offset) + ")");
  if (text_of(json_member(doc, "format")) != "cairn-sync") return refuse("is not a Cairn sync state");
  const rapidjson::Value* version = json_member(doc, "version");
  if (!version || !version->IsInt()) return refuse("has no version");
  if (version->GetInt() > 1) return refuse("was written by a newer Cairn (version " + std::to_string(version->GetInt()) + ")");
  SavedSync& state = out.saved;
  state.server = text_of(json_member(doc, "server"));
  state.database = text_of(json_member(doc, "database"));
  const auto project = Id::parse(text_of(json_member(doc, "project")));
  const auto clock = SyncClock::parse(text_of(json_member(doc, "clock")));
  if (!project || !clock) return refuse("names no project or clock");
  state.replica.project = *project;
  state.replica.clock = *clock;
  const rapidjson::Value* checkpoint = json_member(doc, "checkpoint");
  const rapidjson::Value* revs = checkpoint ? json_member(*checkpoint, "revs") : nullptr;
  if (!checkpoint || !revs || !revs->IsObject()) return refuse("has no checkpoint");
  state.checkpoint.session = text_of(json_member(*checkpoint, "session"));
  state.checkpoint.since = text_of(json_member(*checkpoint, "since"));
  state.checkpoint.server_since = text_of(json_member(*checkpoint, "server_since"));
  if (state.checkpoint.since.empty()) state.checkpoint.since = "0";
  for (const auto& m : revs->GetObject()) {
    const auto id = Id::parse({m.name.GetString(), m.name.GetStringLength()});
    if (!id || !m.value.IsString()) return refuse("has a malformed revision");
    state.checkpoint.revs[*id] = m.value.GetString();
  }
  if (!read_ids(json_member(doc, "outbox"), state.replica.outbox) ||
      !read_ids(json_member(doc, "hidden"), state.replica.changed_while_hidden))
    return refuse("has a malformed outbox");
  const rapidjson::Value* docs = json_member(doc, "docs");
  if (!docs || !docs->IsArray()) return refuse("has no documents");
  for (const auto& d : docs->GetArray()) {
    DecodedDoc decoded = decode_doc(d);
    if (!decoded.ok) return refuse("holds a broken document (" + decoded.error + ")");
    for (std::string& w : decoded.warnings) out.warnings.push_back(std::move(w));
    state.replica.docs.push_back(std::move(decoded.doc));
  }
  out.ok = true;
  return out;
}

}  // namespace cairn
