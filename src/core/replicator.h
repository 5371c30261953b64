#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/project_replica.h"
#include "core/sync_doc_json.h"

namespace cairn {

// A request to the project's database, relative to its URL ("" is the
// database itself). The transport adds the server, the session cookie and
// "Accept: application/json".
struct HttpRequest {
  std::string method;  // GET, POST, PUT
  std::string target;  // "_changes?since=…", "_local/…", ""
  std::string body;    // JSON; empty for GET
  bool longpoll = false;  // may wait for minutes: the transport aborts it after kLongpollAbortMs
  bool operator==(const HttpRequest&) const = default;
};

struct HttpReply {
  int status = 0;        // 0: no reply (offline, refused, timed out)
  std::string body;      // with status 0: why, in words, when the transport knows
  bool aborted = false;  // the client cut it short (a longpoll), not a failure
};

enum class SyncState {
  connecting,   // reaching the server, reading the checkpoint
  pulling,      // reading changes made elsewhere
  pushing,      // sending this device's changes
  up_to_date,   // waiting for changes (an open longpoll)
  offline,      // no reply: retrying with backoff
  signed_out,   // the session expired or was refused: sign in again (queued edits wait)
  no_access,    // signed in, but not a member of this project's database
  no_database,  // the server has no such database (yet): retrying slowly
};
const char* sync_state_name(SyncState state);  // "up to date", ...

struct SyncProgress {
  SyncState state = SyncState::connecting;
  std::size_t waiting = 0;         // this device's documents not on the server yet
  std::size_t pulled = 0;          // documents read since the replicator started
  std::size_t server_docs = 0;     // documents the database holds (its doc_count), for a first download's progress
  std::int64_t synced_at_ms = 0;   // when this device last had nothing to push and nothing to pull (0: never)
  std::string problem;             // what went wrong last, in words ("" if nothing)
  std::vector<std::string> warnings;  // documents or fields the server sent that were left out
};

// What the replicator keeps between runs, saved with the workspace.
struct SyncCheckpoint {
  std::string session;      // this line of syncs; the server's _local checkpoint must match it
  std::string since = "0";  // the changes feed's position (opaque JSON) this device has read up to
  std::string server_since;  // the position the server's _local checkpoint holds, as last written
  std::map<Id, std::string> revs;  // each document's revision on the server, as last seen
  bool operator==(const SyncCheckpoint&) const = default;
};

// The CouchDB replication protocol for one shared project, as a state
// machine: next() says what to send, reply() takes what came back. Pure:
// the App moves the bytes (libcurl or fetch) and gives the time.
//
// A cycle: read the database and this device's checkpoint (_local/…; one
// that does not match means the server lost data: everything is pushed
// again), push the outbox in _bulk_docs batches (a conflict fetches the
// server's version, merges and pushes again), pull _changes from the
// checkpoint in batches, resolve CouchDB conflicts (_conflicts) by merging
// every leaf and deleting the losers, write the checkpoint, then wait on a
// longpoll. No reply: back off and reconnect.
class Replicator {
 public:
  static constexpr std::size_t kBatch = 100;          // documents per _bulk_docs or _changes request
  static constexpr std::int64_t kLongpollAbortMs = 30'000;  // PouchDB Server ignores timeout=
  static constexpr std::int64_t kMaxBackoffMs = 60'000;

  Replicator(ProjectReplica& replica, std::string device, SyncCheckpoint saved = {});

  // The request to send now, or nullopt while one is in flight, while
  // waiting to retry, or when stopped (signed out, no access).
  std::optional<HttpRequest> next(std::int64_t now_ms);
  // The reply to the request next() gave last.
  void reply(const HttpReply& reply, Workspace& ws, std::string_view author, std::int64_t now_ms);
  // Local edits wait while a longpoll is open: the App aborts it so they go out.
  bool should_abort_longpoll() const;
  // When next() will have a request (0: as soon as the open one returns).
  std::int64_t retry_at() const { return retry_at_; }
  // After signing in again: starts over from connecting.
  void restart();

  const SyncProgress& progress() const { return progress_; }
  const SyncCheckpoint& checkpoint() const { return checkpoint_; }

 private:
  enum class Step { database, read_checkpoint, push, fetch, resolve, pull, write_checkpoint, longpoll };
  HttpRequest request_for(Step step);
  void on_success(Step step, const HttpReply& reply, Workspace& ws, std::string_view author, std::int64_t now_ms);
  void after_changes(const std::string& body, Workspace& ws, std::string_view author, std::int64_t now_ms);
  void receive(std::vector<DecodedDoc> docs, const std::vector<std::vector<std::string>>& conflicts, Workspace& ws,
               std::string_view author, std::int64_t now_ms);
  void fail(SyncState state, std::string problem, std::int64_t now_ms);
  std::string changes_target(bool longpoll) const;
  bool has_push() const;  // documents or conflict losers to send
  std::vector<Id> push_order() const;
  void verify_then_wait();

  ProjectReplica& replica_;
  std::string checkpoint_id_;  // _local/cairn-<device>
  SyncCheckpoint checkpoint_;
  SyncProgress progress_;
  Step step_ = Step::database;
  bool in_flight_ = false;
  bool stopped_ = false;
  std::int64_t retry_at_ = 0;
  std::int64_t backoff_ms_ = 0;
  std::string checkpoint_rev_;      // the _local document's revision
  std::vector<ItemDoc> sent_;       // the documents of the open _bulk_docs
  std::set<Id> to_fetch_;           // pushed against an older revision: read the server's
  std::map<Id, std::vector<std::string>> losers_;  // conflict revisions to read, then delete
  std::map<Id, std::vector<std::string>> tombstones_;  // conflict revisions read and merged: delete them
  std::vector<Id> sent_tombstones_;
  std::string attempted_since_;     // the since of the last checkpoint write sent
  std::set<Id> refused_;            // the server refused them (validate_doc_update): not sent again this run
  std::map<Id, int> conflicts_in_a_row_;
  bool verifying_ = false;  // reading the checkpoint only to check it before a longpoll
  bool session_starting_ = false;  // writing a new session's first checkpoint
};

}  // namespace cairn
