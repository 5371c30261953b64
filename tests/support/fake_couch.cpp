#include "support/fake_couch.h"

#include <algorithm>
#include <tuple>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace cairn::testing {
namespace {

std::string url_decode(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string query_value(const std::string& query, const std::string& key) {
  std::size_t at = 0;
  while (at < query.size()) {
    const std::size_t end = std::min(query.find('&', at), query.size());
    const std::string pair = query.substr(at, end - at);
    if (pair.rfind(key + "=", 0) == 0) return url_decode(pair.substr(key.size() + 1));
    at = end + 1;
  }
  return {};
}

std::string seq_text(std::uint64_t seq) { return std::to_string(seq) + "-g1AAAAFakeOpaqueSequence"; }

std::uint64_t seq_number(const std::string& since) {
  if (since.empty()) return 0;
  return std::stoull(since.substr(0, since.find('-')));
}

std::string write(const rapidjson::Value& v) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  v.Accept(w);
  return {buffer.GetString(), buffer.GetSize()};
}

HttpReply json_reply(int status, std::string body) { return {status, std::move(body), false}; }
HttpReply not_found() { return json_reply(404, R"({"error":"not_found","reason":"missing"})"); }

}  // namespace

void FakeCouch::wipe() {
  exists_ = false;
  docs_.clear();
  local_.clear();
  seq_ = 0;
}

const FakeCouch::Leaf* FakeCouch::winner(const Doc& doc) const {
  const Leaf* best = nullptr;
  for (const Leaf& leaf : doc.leaves)
    if (!best || std::make_tuple(!leaf.deleted, leaf.gen, leaf.rev) > std::make_tuple(!best->deleted, best->gen, best->rev))
      best = &leaf;
  return best;
}

std::string FakeCouch::new_rev(int gen, const std::string& body) {
  const std::size_t h = std::hash<std::string>{}(body + std::to_string(++revs_made_));
  char hex[20];
  std::snprintf(hex, sizeof hex, "%016zx", h);
  return std::to_string(gen) + "-" + hex;
}

std::string FakeCouch::doc_json(const std::string& id, const Doc& doc, const Leaf& leaf, bool with_conflicts) const {
  rapidjson::Document d;
  d.Parse(leaf.body.c_str());
  if (!d.IsObject()) d.SetObject();
  auto& a = d.GetAllocator();
  d.RemoveMember("_id");
  d.RemoveMember("_rev");
  d.AddMember("_id", rapidjson::Value(id.c_str(), a), a);
  d.AddMember("_rev", rapidjson::Value(leaf.rev.c_str(), a), a);
  if (leaf.deleted) d.AddMember("_deleted", true, a);
  if (with_conflicts) {
    rapidjson::Value conflicts(rapidjson::kArrayType);
    for (const Leaf& other : doc.leaves)
      if (&other != &leaf && !other.deleted) conflicts.PushBack(rapidjson::Value(other.rev.c_str(), a), a);
    if (!conflicts.Empty()) d.AddMember("_conflicts", conflicts, a);
  }
  return write(d);
}

std::optional<HttpReply> FakeCouch::handle(const HttpRequest& request) {
  if (deny) return json_reply(403, R"({"error":"forbidden","reason":"You are not allowed to access this db."})");
  if (!exists_) return not_found();
  const std::size_t q = request.target.find('?');
  const std::string path = request.target.substr(0, q);
  const std::string query = q == std::string::npos ? "" : request.target.substr(q + 1);
  if (path.empty())
    return json_reply(200, R"({"db_name":"project","doc_count":)" + std::to_string(live_ids().size()) +
                               R"(,"update_seq":")" + seq_text(seq_) + "\"}");
  if (path.rfind("_local/", 0) == 0) {
    auto found = local_.find(path);
    if (request.method == "GET") {
      if (found == local_.end()) return not_found();
      rapidjson::Document d;
      d.Parse(found->second.second.c_str());
      d.RemoveMember("_rev");
      d.AddMember("_rev", rapidjson::Value(found->second.first.c_str(), d.GetAllocator()), d.GetAllocator());
      return json_reply(200, write(d));
    }
    rapidjson::Document d;
    d.Parse(request.body.c_str());
    const std::string rev = d.HasMember("_rev") && d["_rev"].IsString() ? d["_rev"].GetString() : "";
    if ((found == local_.end() && !rev.empty()) || (found != local_.end() && found->second.first != rev))
      return json_reply(409, R"({"error":"conflict","reason":"Document update conflict."})");
    const std::string next = "0-" + std::to_string(++revs_made_);
    local_[path] = {next, request.body};
    return json_reply(201, R"({"ok":true,"id":")" + path + R"(","rev":")" + next + "\"}");
  }
  if (path == "_bulk_docs") return bulk_docs(request.body);
  if (path == "_all_docs") return all_docs(request.body);
  if (path == "_changes") return changes(query);
  return open_revs(path, query);
}

HttpReply FakeCouch::bulk_docs(const std::string& body) {
  rapidjson::Document d;
  d.Parse(body.c_str());
  std::string out = "[";
  for (auto& doc : d["docs"].GetArray()) {
    const std::string id = doc["_id"].GetString();
    const std::string rev = doc.HasMember("_rev") ? doc["_rev"].GetString() : "";
    const bool deleted = doc.HasMember("_deleted") && doc["_deleted"].GetBool();
    doc.RemoveMember("_id");
    doc.RemoveMember("_rev");
    doc.RemoveMember("_deleted");
    const std::string stored = write(doc);
    Doc& entry = docs_[id];
    const Leaf* top = winner(entry);
    Leaf* base = nullptr;
    for (Leaf& leaf : entry.leaves)
      if (leaf.rev == rev) base = &leaf;
    const bool fresh = rev.empty() && (!top || top->deleted);
    if (out.size() > 1) out += ",";
    if (!fresh && (!base || base->deleted || (!deleted && base != top))) {
      out += R"({"id":")" + id + R"(","error":"conflict","reason":"Document update conflict."})";
      if (entry.leaves.empty()) docs_.erase(id);
      continue;
    }
    Leaf leaf;
    leaf.gen = (base ? base->gen : top ? top->gen : 0) + 1;
    leaf.rev = new_rev(leaf.gen, stored);
    leaf.body = deleted ? "{}" : stored;
    leaf.deleted = deleted;
    if (base) *base = leaf;
    else if (top && top->deleted) *const_cast<Leaf*>(top) = leaf;
    else entry.leaves.push_back(leaf);
    entry.seq = ++seq_;
    out += R"({"ok":true,"id":")" + id + R"(","rev":")" + leaf.rev + "\"}";
  }
  return json_reply(201, out + "]");
}

HttpReply FakeCouch::all_docs(const std::string& body) {
  rapidjson::Document d;
  d.Parse(body.c_str());
  std::string out = R"({"total_rows":)" + std::to_string(docs_.size()) + R"(,"rows":[)";
  bool first = true;
  for (const auto& key : d["keys"].GetArray()) {
    const std::string id = key.GetString();
    if (!first) out += ",";
    first = false;
    const auto found = docs_.find(id);
    const Leaf* top = found == docs_.end() ? nullptr : winner(found->second);
    if (!top) {
      out += R"({"key":")" + id + R"(","error":"not_found"})";
    } else if (top->deleted) {
      out += R"({"id":")" + id + R"(","key":")" + id + R"(","value":{"rev":")" + top->rev + R"(","deleted":true},"doc":null})";
    } else {
      out += R"({"id":")" + id + R"(","key":")" + id + R"(","value":{"rev":")" + top->rev + R"("},"doc":)" +
             doc_json(id, found->second, *top, true) + "}";
    }
  }
  return json_reply(200, out + "]}");
}

std::optional<HttpReply> FakeCouch::changes(const std::string& query) {
  const std::uint64_t since = seq_number(query_value(query, "since"));
  const std::size_t limit = std::stoul(query_value(query, "limit"));
  std::vector<std::pair<std::uint64_t, std::string>> order;
  for (const auto& [id, doc] : docs_)
    if (doc.seq > since) order.emplace_back(doc.seq, id);
  std::sort(order.begin(), order.end());
  if (order.empty() && query_value(query, "feed") == "longpoll") return std::nullopt;
  if (order.size() > limit) order.resize(limit);
  std::string out = R"({"results":[)";
  for (std::size_t i = 0; i < order.size(); ++i) {
    const auto& [seq, id] = order[i];
    const Doc& doc = docs_.at(id);
    const Leaf& top = *winner(doc);
    if (i) out += ",";
    out += R"({"seq":")" + seq_text(seq) + R"(","id":")" + id + R"(","changes":[{"rev":")" + top.rev + "\"}]" +
           (top.deleted ? R"(,"deleted":true)" : "") + R"(,"doc":)" + doc_json(id, doc, top, true) + "}";
  }
  const std::uint64_t last = order.empty() ? std::max(since, seq_) : order.back().first;
  return json_reply(200, out + R"(],"last_seq":")" + seq_text(last) + R"(","pending":0})");
}

HttpReply FakeCouch::open_revs(const std::string& id, const std::string& query) {
  const auto found = docs_.find(id);
  if (found == docs_.end()) return not_found();
  rapidjson::Document revs;
  revs.Parse(query_value(query, "open_revs").c_str());
  std::string out = "[";
  for (const auto& rev : revs.GetArray()) {
    if (out.size() > 1) out += ",";
    const auto leaf = std::find_if(found->second.leaves.begin(), found->second.leaves.end(),
                                   [&](const Leaf& l) { return l.rev == rev.GetString(); });
    if (leaf == found->second.leaves.end()) out += R"({"missing":")" + std::string(rev.GetString()) + "\"}";
    else out += R"({"ok":)" + doc_json(id, found->second, *leaf, false) + "}";
  }
  return json_reply(200, out + "]");
}

void FakeCouch::add_conflict(const std::string& id, const std::string& body) {
  Doc& doc = docs_[id];
  Leaf leaf;
  leaf.gen = winner(doc) ? winner(doc)->gen : 1;
  leaf.rev = new_rev(leaf.gen, body);
  leaf.body = body;
  doc.leaves.push_back(leaf);
  doc.seq = ++seq_;
}

std::vector<std::string> FakeCouch::live_ids() const {
  std::vector<std::string> out;
  for (const auto& [id, doc] : docs_)
    if (const Leaf* top = winner(doc); top && !top->deleted) out.push_back(id);
  return out;
}

std::string FakeCouch::body_of(const std::string& id) const {
  const auto found = docs_.find(id);
  const Leaf* top = found == docs_.end() ? nullptr : winner(found->second);
  return top && !top->deleted ? top->body : std::string();
}

std::size_t FakeCouch::conflicted() const {
  std::size_t n = 0;
  for (const auto& [id, doc] : docs_)
    n += std::count_if(doc.leaves.begin(), doc.leaves.end(), [](const Leaf& l) { return !l.deleted; }) > 1;
  return n;
}

}  // namespace cairn::testing
