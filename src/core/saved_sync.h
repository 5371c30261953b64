#pragma once
#include <string>
#include <string_view>

#include "core/project_replica.h"
#include "core/replicator.h"

namespace cairn {

// A shared project's sync state as JSON: which server and database, the
// replica (every document, the outbox, the clock) and the replicator's
// checkpoint. Saved with the workspace, never before it: a state older than
// the workspace only re-stamps edits the workspace already holds, while a
// newer one would take the workspace's older values for local edits.
//   {"format": "cairn-sync", "version": 1, "server": URL, "database": NAME,
//    "project": ID, "clock": CLOCK, "checkpoint": {"session", "since",
//    "server_since", "revs": {ID: REV}}, "outbox": [ID], "hidden": [ID],
//    "docs": [document as in sync_doc_json.h, without _rev]}
struct SavedSync {
  std::string server;    // the server's URL ("https://couch.example.org/")
  std::string database;  // the project's database on it
  ProjectReplica::State replica;
  SyncCheckpoint checkpoint;
};

std::string encode_saved_sync(const SavedSync& saved);

struct DecodedSavedSync {
  bool ok = false;
  std::string error;                  // why nothing was read
  std::vector<std::string> warnings;  // documents or fields left out
  SavedSync saved;
};
// Untrusted input (a file on disk): a malformed state is refused whole.
DecodedSavedSync decode_saved_sync(std::string_view text);

}  // namespace cairn
