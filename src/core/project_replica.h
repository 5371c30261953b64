#pragma once
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/change_journal.h"
#include "core/sync_doc.h"
#include "core/workspace.h"

namespace cairn {

// What a batch of documents from the server did here.
struct ReceiveReport {
  std::size_t applied = 0;            // items created, changed or removed here
  std::vector<std::string> warnings;  // documents or fields left out, and why
};

// This device's copy of one shared project as documents (one per item,
// core/sync_doc.h), next to the workspace that shows it. Pure: it is given
// the workspace, the time and documents from the server, and says which
// documents to push; the transport (src/app) moves them.
//
// Local edits become writes when stamped: each field whose value differs
// from the document's gets a new clock. Documents from the server merge
// field by field (merge_doc), and the workspace is brought in line through
// commands, so history, search and caches see them like any edit. An item
// shows when its document is not removed and its parent shows: a child
// added elsewhere under an item removed here waits, kept, until the parent
// is restored.
class ProjectReplica {
 public:
  ProjectReplica(Id project, std::string device) : project_(project), clock_(sync_device_name(device)) {}

  // What is saved with the workspace (core/sync_state.h), and restored from.
  struct State {
    Id project;
    SyncClock clock;  // the last clock this device made or saw
    std::vector<ItemDoc> docs;
    std::vector<Id> outbox;
    std::vector<Id> changed_while_hidden;
  };
  explicit ProjectReplica(State state);
  State state() const;

  Id project() const { return project_; }
  // Turns the project's local edits since the last call into writes, by
  // `author` at `now_ms`, and queues their documents.
  // An item restored here (an undone removal) comes back as it was when
  // removed: writes that arrived for it meanwhile are applied to it then,
  // never overwritten by its old values.
  void stamp(Workspace& ws, std::string_view author, std::int64_t now_ms);
  // Merges documents from the server and brings the workspace in line.
  // Stamps first, so a local edit is never taken for the server's.
  ReceiveReport receive(Workspace& ws, std::vector<ItemDoc> docs, std::string_view author, std::int64_t now_ms);

  // Every document of the project, as merged here.
  const std::map<Id, ItemDoc>& docs() const { return docs_; }
  // Documents with writes the server does not have yet.
  const std::set<Id>& outbox() const { return outbox_; }
  // The server now holds `as_sent`: the document leaves the outbox unless
  // it changed again since.
  void pushed(const ItemDoc& as_sent);
  // The server lost what it had (wiped, or restored from an older backup):
  // every document is pushed again.
  void queue_everything();
  // The document goes out again (a CouchDB conflict resolved on it).
  void requeue(Id id) {
    if (docs_.count(id)) outbox_.insert(id);
  }

 private:
  bool in_project(const Workspace& ws, Id id) const;
  void stamp_item(Workspace& ws, Id id, std::string_view author, std::int64_t now_ms);
  bool apply_fields(Workspace& ws, const ItemDoc& doc, ReceiveReport& report);
  // An item restored here: the documents under it show again if they can.
  void show_children(Workspace& ws, Id id);
  bool shows(const Workspace& ws, const ItemDoc& doc) const;
  void bring_in_line(Workspace& ws, Id id, ReceiveReport& report);
  void note_lost_writes(Workspace& ws, const ItemDoc& before, const ItemDoc& remote);
  void index_child(const ItemDoc& doc);

  Id project_;
  SyncClockSource clock_;
  ChangeJournal::Cursor seen_;
  std::map<Id, ItemDoc> docs_;
  std::set<Id> outbox_;
  std::unordered_map<Id, std::vector<Id>> children_;  // parent -> documents under it
  std::set<Id> changed_while_hidden_;  // writes arrived while the item did not show here
};

}  // namespace cairn
