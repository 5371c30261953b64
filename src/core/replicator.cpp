#include "core/replicator.h"

#include <algorithm>
#include <cstdio>
#include <utility>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "core/couch_replies.h"
#include "core/json_parse.h"

namespace cairn {
namespace {

std::string url_encode(std::string_view text) {
  std::string out;
  for (const unsigned char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

// A sequence's JSON text as a query parameter: a string's content, a number as written.
std::string since_parameter(const std::string& json) {
  rapidjson::Document doc;
  std::size_t offset = 0;
  if (parse_json(json, doc, offset).empty() && doc.IsString()) return url_encode({doc.GetString(), doc.GetStringLength()});
  return url_encode(json);
}

std::string reply_rev(std::string_view body) {
  rapidjson::Document doc;
  std::size_t offset = 0;
  if (!parse_json(body, doc, offset).empty() || !doc.IsObject()) return {};
  const rapidjson::Value* rev = json_member(doc, "rev");
  return rev && rev->IsString() ? std::string(rev->GetString(), rev->GetStringLength()) : std::string();
}

std::size_t doc_count(std::string_view body) {
  rapidjson::Document doc;
  std::size_t offset = 0;
  if (!parse_json(body, doc, offset).empty() || !doc.IsObject()) return 0;
  const rapidjson::Value* count = json_member(doc, "doc_count");
  return count && count->IsUint64() ? static_cast<std::size_t>(count->GetUint64()) : 0;
}

}  // namespace

const char* sync_state_name(SyncState state) {
  switch (state) {
    case SyncState::connecting: return "connecting";
    case SyncState::pulling: return "receiving changes";
    case SyncState::pushing: return "sending changes";
    case SyncState::up_to_date: return "up to date";
    case SyncState::offline: return "offline";
    case SyncState::signed_out: return "signed out";
    case SyncState::no_access: return "no access";
    case SyncState::no_database: return "no such project on the server";
  }
  return "";
}

Replicator::Replicator(ProjectReplica& replica, std::string device, SyncCheckpoint saved)
    : replica_(replica), checkpoint_id_("cairn-" + sync_device_name(device)), checkpoint_(std::move(saved)) {
  progress_.waiting = replica_.outbox().size();
}

void Replicator::restart() {
  stopped_ = false;
  verifying_ = false;
  session_starting_ = false;
  in_flight_ = false;
  retry_at_ = 0;
  step_ = Step::database;
  progress_.state = SyncState::connecting;
}

bool Replicator::should_abort_longpoll() const {
  return in_flight_ && step_ == Step::longpoll && has_push();
}

bool Replicator::has_push() const {
  if (!tombstones_.empty()) return true;
  for (const Id id : replica_.outbox())
    if (!refused_.count(id)) return true;
  return false;
}

// The outbox, parents before children: a device reading the changes in
// the order they were stored can show each item as it arrives, instead of
// holding thousands of tasks until their project comes.
std::vector<Id> Replicator::push_order() const {
  std::vector<std::pair<int, Id>> order;
  for (const Id id : replica_.outbox()) {
    if (refused_.count(id)) continue;
    int depth = 0;
    for (Id at = replica_.docs().at(id).parent; !at.nil() && depth < 64; ++depth) {
      const auto parent = replica_.docs().find(at);
      at = parent == replica_.docs().end() ? Id{} : parent->second.parent;
    }
    order.emplace_back(depth, id);
  }
  std::sort(order.begin(), order.end());
  std::vector<Id> ids;
  ids.reserve(order.size());
  for (const auto& [depth, id] : order) ids.push_back(id);
  return ids;
}

std::optional<HttpRequest> Replicator::next(std::int64_t now_ms) {
  if (stopped_ || in_flight_ || now_ms < retry_at_) return std::nullopt;
  in_flight_ = true;
  return request_for(step_);
}

std::string Replicator::changes_target(bool longpoll) const {
  std::string target = "_changes?style=all_docs&include_docs=true&conflicts=true&limit=" + std::to_string(kBatch) +
                       "&since=" + since_parameter(checkpoint_.since);
  if (longpoll) target += "&feed=longpoll&timeout=" + std::to_string(kLongpollAbortMs - 5000);
  return target;
}

HttpRequest Replicator::request_for(Step step) {
  switch (step) {
    case Step::database: return {"GET", "", "", false};
    case Step::read_checkpoint: return {"GET", "_local/" + checkpoint_id_, "", false};
    case Step::push: {
      rapidjson::StringBuffer buffer;
      JsonWriter w(buffer);
      w.StartObject();
      w.Key("docs");
      w.StartArray();
      sent_.clear();
      for (const Id id : push_order()) {
        if (sent_.size() >= kBatch) break;
        sent_.push_back(replica_.docs().at(id));
        const auto rev = checkpoint_.revs.find(id);
        write_doc(w, sent_.back(), rev == checkpoint_.revs.end() ? std::string_view() : rev->second);
      }
      sent_tombstones_.clear();
      for (const auto& [id, revs] : tombstones_) {
        for (const std::string& rev : revs) {
          w.StartObject();
          w.Key("_id");
          w.String(id.to_string().c_str());
          w.Key("_rev");
          w.String(rev.c_str());
          w.Key("_deleted");
          w.Bool(true);
          w.EndObject();
        }
        sent_tombstones_.push_back(id);
      }
      w.EndArray();
      w.EndObject();
      return {"POST", "_bulk_docs", {buffer.GetString(), buffer.GetSize()}, false};
    }
    case Step::fetch: {
      rapidjson::StringBuffer buffer;
      rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
      w.StartObject();
      w.Key("keys");
      w.StartArray();
      for (const Id id : to_fetch_) w.String(id.to_string().c_str());
      w.EndArray();
      w.EndObject();
      return {"POST", "_all_docs?include_docs=true&conflicts=true", {buffer.GetString(), buffer.GetSize()}, false};
    }
    case Step::resolve: {
      const auto& [id, conflicts] = *losers_.begin();
      std::string revs = "[";
      if (const auto rev = checkpoint_.revs.find(id); rev != checkpoint_.revs.end()) revs += "\"" + rev->second + "\"";
      for (const std::string& rev : conflicts) revs += (revs.size() > 1 ? ",\"" : "\"") + rev + "\"";
      revs += "]";
      return {"GET", id.to_string() + "?open_revs=" + url_encode(revs), "", false};
    }
    case Step::pull: return {"GET", changes_target(false), "", false};
    case Step::write_checkpoint: {
      attempted_since_ = checkpoint_.since;
      return {"PUT", "_local/" + checkpoint_id_,
              encode_checkpoint({true, checkpoint_rev_, checkpoint_.session, checkpoint_.since}), false};
    }
    case Step::longpoll: return {"GET", changes_target(true), "", true};
  }
  return {};
}

void Replicator::fail(SyncState state, std::string problem, std::int64_t now_ms) {
  progress_.state = state;
  progress_.problem = std::move(problem);
  if (state == SyncState::signed_out || state == SyncState::no_access) {
    stopped_ = true;
    return;
  }
  backoff_ms_ = std::clamp<std::int64_t>(backoff_ms_ * 2, 1000, kMaxBackoffMs);
  retry_at_ = now_ms + backoff_ms_;
  step_ = Step::database;  // reconnect: the checkpoint tells whether the server kept what it had
  verifying_ = false;
  session_starting_ = false;
}

void Replicator::reply(const HttpReply& reply, Workspace& ws, std::string_view author, std::int64_t now_ms) {
  if (!in_flight_) return;
  in_flight_ = false;
  const Step step = step_;
  if (reply.status == 0) {
    if (reply.aborted && step == Step::longpoll) {
      if (has_push()) step_ = Step::push;
      else verify_then_wait();
      return;
    }
    // The transport may say why (refused plain http, a TLS or DNS error).
    fail(SyncState::offline, reply.body.empty() ? "no reply from the server" : reply.body, now_ms);
    return;
  }
  const bool ok = reply.status >= 200 && reply.status < 300;
  const std::string reason = ok ? std::string() : couch_error_reason(reply.body);
  // CouchDB 3 answers a signed-in non-member 403; PouchDB Server answers 401
  // "You are not authorized to access this db." (as CouchDB does for no
  // credentials at all, which Cairn never sends).
  if (reply.status == 401 && reason.find("not authorized to access") != std::string::npos)
    return fail(SyncState::no_access, "no access to this project (" + reason + ")", now_ms);
  if (reply.status == 401) return fail(SyncState::signed_out, "sign in again to sync (" + reason + ")", now_ms);
  if (reply.status == 403) return fail(SyncState::no_access, "no access to this project (" + reason + ")", now_ms);
  if (reply.status == 404 && step != Step::read_checkpoint && step != Step::resolve)
    return fail(SyncState::no_database, "the server has no database for this project", now_ms);
  if (reply.status == 409 && step == Step::write_checkpoint) {
    step_ = Step::read_checkpoint;  // its revision moved on: read it, then write again
    return;
  }
  if (!ok && !(reply.status == 404 && (step == Step::read_checkpoint || step == Step::resolve)))
    return fail(SyncState::offline, "the server answered " + std::to_string(reply.status) + (reason.empty() ? "" : ": " + reason), now_ms);
  backoff_ms_ = 0;
  retry_at_ = 0;
  on_success(step, reply, ws, author, now_ms);
  progress_.waiting = replica_.outbox().size();
}

void Replicator::on_success(Step step, const HttpReply& reply, Workspace& ws, std::string_view author, std::int64_t now_ms) {
  switch (step) {
    case Step::database:
      progress_.state = SyncState::connecting;
      progress_.server_docs = doc_count(reply.body);
      step_ = Step::read_checkpoint;
      return;
    case Step::read_checkpoint: {
      const CheckpointDoc server = reply.status == 404 ? CheckpointDoc{} : parse_checkpoint(reply.body);
      checkpoint_rev_ = server.rev;
      const bool first = checkpoint_.session.empty();
      // A session's checkpoint is written before anything else, so one that
      // is missing or older than written means the server lost data. (A
      // session whose first write never arrived has nothing to compare.)
      const bool wrote = !first && !checkpoint_.server_since.empty();
      const bool matches = server.found && server.session == checkpoint_.session &&
                           (server.since == checkpoint_.server_since || server.since == attempted_since_);
      if (first || (wrote && !matches)) {
        // First sync, or the server lost what this device synced (wiped,
        // or restored from an older backup): read it all, send it all.
        if (!first) progress_.problem = "the server had lost changes; this device is sending all of its own again";
        checkpoint_.session = checkpoint_id_ + "-" + std::to_string(now_ms);
        checkpoint_.since = "0";
        checkpoint_.server_since.clear();
        checkpoint_.revs.clear();
        replica_.queue_everything();
        // The new session's checkpoint goes first: should the server lose
        // what it is sent from now on, it loses this too, and that is noticed.
        verifying_ = false;
        session_starting_ = true;
        step_ = Step::write_checkpoint;
        progress_.state = SyncState::connecting;
        return;
      } else {
        if (matches) checkpoint_.server_since = server.since;
        if (std::exchange(verifying_, false)) {  // as this device left it: record progress, wait for changes
          step_ = checkpoint_.since != checkpoint_.server_since ? Step::write_checkpoint : Step::longpoll;
          return;
        }
      }
      verifying_ = false;
      step_ = Step::pull;
      progress_.state = SyncState::pulling;
      return;
    }
    case Step::push: {
      const BulkDocsReply rows = parse_bulk_docs(reply.body);
      if (!rows.ok) return fail(SyncState::offline, rows.error, now_ms);
      for (const Id id : sent_tombstones_) tombstones_.erase(id);  // stored, or another device got there first
      for (const ItemDoc& doc : sent_) {
        const std::string id = doc.id.to_string();
        const auto row = std::find_if(rows.rows.begin(), rows.rows.end(), [&](const auto& r) { return r.id == id; });
        if (row == rows.rows.end()) continue;  // no word on it: sent again
        if (row->error.empty() && !row->rev.empty()) {
          checkpoint_.revs[doc.id] = row->rev;
          replica_.pushed(doc);
          conflicts_in_a_row_.erase(doc.id);
        } else if (row->error == "conflict") {
          to_fetch_.insert(doc.id);
          ++conflicts_in_a_row_[doc.id];
        } else {
          refused_.insert(doc.id);
          progress_.problem = "the server refused a change (" + (row->reason.empty() ? row->error : row->reason) + ")";
        }
      }
      sent_.clear();
      int hottest = 0;
      for (const auto& [id, n] : conflicts_in_a_row_) hottest = std::max(hottest, n);
      // Two devices busy on one item must not take turns for ever: wait a little longer each time.
      if (hottest >= 3) retry_at_ = now_ms + std::min<std::int64_t>(100ll << std::min(hottest, 7), 10'000);
      step_ = !to_fetch_.empty() ? Step::fetch : has_push() ? Step::push : Step::pull;
      progress_.state = step_ == Step::pull ? SyncState::pulling : SyncState::pushing;
      return;
    }
    case Step::fetch: {
      DocsReply docs = parse_all_docs(reply.body);
      if (!docs.ok) return fail(SyncState::offline, docs.error, now_ms);
      for (const Id id : to_fetch_) checkpoint_.revs.erase(id);  // gone from the server: written anew
      to_fetch_.clear();
      receive(std::move(docs.docs), docs.conflicts, ws, author, now_ms);
      step_ = !losers_.empty() ? Step::resolve : has_push() ? Step::push : Step::pull;
      return;
    }
    case Step::resolve: {
      const Id id = losers_.begin()->first;
      std::vector<std::string> conflicts = std::move(losers_.begin()->second);
      losers_.erase(losers_.begin());
      if (reply.status != 404) {
        DocsReply docs = parse_open_revs(reply.body);
        if (!docs.ok) return fail(SyncState::offline, docs.error, now_ms);
        // Every leaf merges in; the current one keeps its revision.
        const std::string winner = checkpoint_.revs.count(id) ? checkpoint_.revs.at(id) : std::string();
        for (DecodedDoc& doc : docs.docs) doc.rev = winner;
        receive(std::move(docs.docs), {}, ws, author, now_ms);
        replica_.requeue(id);  // the merged body goes on the winning revision
        tombstones_[id] = std::move(conflicts);
      }
      step_ = !losers_.empty() ? Step::resolve : Step::push;
      return;
    }
    case Step::pull:
    case Step::longpoll:
      after_changes(reply.body, ws, author, now_ms);
      return;
    case Step::write_checkpoint:
      checkpoint_rev_ = reply_rev(reply.body);
      checkpoint_.server_since = attempted_since_;
      if (std::exchange(session_starting_, false)) {
        step_ = Step::pull;
        progress_.state = SyncState::pulling;
        return;
      }
      step_ = has_push() ? Step::push : Step::longpoll;
      if (!has_push()) progress_.state = SyncState::up_to_date;
      return;
  }
}

void Replicator::after_changes(const std::string& body, Workspace& ws, std::string_view author, std::int64_t now_ms) {
  ChangesReply changes = parse_changes(body);
  if (!changes.ok) return fail(SyncState::offline, changes.error, now_ms);
  std::vector<DecodedDoc> docs;
  std::vector<std::vector<std::string>> conflicts;
  for (ChangesReply::Row& row : changes.rows) {
    if (!row.has_doc || !row.doc.ok || row.doc.deleted) continue;  // Cairn never deletes an item's document
    conflicts.push_back(std::move(row.conflicts));
    docs.push_back(std::move(row.doc));
  }
  for (std::string& w : changes.warnings)
    if (progress_.warnings.size() < 20) progress_.warnings.push_back(std::move(w));
  progress_.pulled += docs.size();
  receive(std::move(docs), conflicts, ws, author, now_ms);
  checkpoint_.since = changes.last_seq;
  const bool more = changes.rows.size() >= kBatch;
  if (more) step_ = Step::pull;
  else if (!losers_.empty()) step_ = Step::resolve;
  else if (has_push()) step_ = Step::push;
  else verify_then_wait();
  progress_.state = step_ == Step::pull ? SyncState::pulling : step_ == Step::push || step_ == Step::resolve ? SyncState::pushing
                                                                                                             : SyncState::up_to_date;
  if (progress_.state == SyncState::up_to_date) {
    progress_.synced_at_ms = now_ms;
    progress_.problem.clear();
  }
}

// Before recording progress or waiting, the checkpoint is read: a server
// that restarted empty (or was restored from an older backup) since the
// last request has lost it, and everything is pushed again. (Writing alone
// would not tell: PouchDB Server takes a _local write on a revision it never had.)
void Replicator::verify_then_wait() {
  step_ = Step::read_checkpoint;
  verifying_ = true;
}

void Replicator::receive(std::vector<DecodedDoc> decoded, const std::vector<std::vector<std::string>>& conflicts,
                         Workspace& ws, std::string_view author, std::int64_t now_ms) {
  std::vector<ItemDoc> docs;
  docs.reserve(decoded.size());
  for (std::size_t i = 0; i < decoded.size(); ++i) {
    DecodedDoc& d = decoded[i];
    if (!d.rev.empty()) checkpoint_.revs[d.doc.id] = d.rev;
    if (i < conflicts.size() && !conflicts[i].empty()) losers_[d.doc.id] = conflicts[i];
    docs.push_back(std::move(d.doc));
  }
  ReceiveReport report = replica_.receive(ws, std::move(docs), author, now_ms);
  for (std::string& w : report.warnings)
    if (progress_.warnings.size() < 20) progress_.warnings.push_back(std::move(w));
}

}  // namespace cairn
