#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/sync_doc_json.h"

namespace cairn {

// The parts of CouchDB replies the replicator reads. Every reply is
// untrusted: a malformed one gives ok == false and a reason, never a crash.
// Sequences are opaque (integers on PouchDB Server, strings like
// "12-g1AA…" on CouchDB 3): kept as their JSON text, sent back, never
// compared.

inline constexpr std::size_t kMaxReplyBytes = 64u * 1024u * 1024u;

// {"error": "...", "reason": "..."}: the reason, or "" if there is none.
std::string couch_error_reason(std::string_view body);

struct ChangesReply {
  bool ok = false;
  std::string error;
  struct Row {
    std::string id;
    bool deleted = false;
    bool has_doc = false;
    DecodedDoc doc;                      // when has_doc and the id names a Cairn item
    std::vector<std::string> conflicts;  // the doc's "_conflicts": losing revisions
  };
  std::vector<Row> rows;
  std::string last_seq;  // JSON text
  std::vector<std::string> warnings;  // documents left out, and why
};
// GET /db/_changes?include_docs=true&conflicts=true (normal or longpoll).
ChangesReply parse_changes(std::string_view body);

struct BulkDocsReply {
  bool ok = false;
  std::string error;
  struct Row {
    std::string id;
    std::string rev;    // when stored
    std::string error;  // "conflict", "forbidden", ...; "" when stored
    std::string reason;
  };
  std::vector<Row> rows;
};
// POST /db/_bulk_docs: one row per document (PouchDB Server may answer []
// to new_edits:false, which Cairn does not send).
BulkDocsReply parse_bulk_docs(std::string_view body);

struct DocsReply {
  bool ok = false;
  std::string error;
  std::vector<DecodedDoc> docs;  // the documents found, with their _rev
  std::vector<std::vector<std::string>> conflicts;  // per doc, its "_conflicts"
  std::vector<std::string> warnings;
};
// POST /db/_all_docs?include_docs=true&conflicts=true {"keys": [...]}: rows
// of documents (missing and deleted ones are skipped).
DocsReply parse_all_docs(std::string_view body);
// GET /db/ID?open_revs=[...] with Accept: application/json: [{"ok": doc}, ...].
DocsReply parse_open_revs(std::string_view body);

struct CheckpointDoc {
  bool found = false;
  std::string rev;
  std::string session;   // which line of syncs this checkpoint belongs to
  std::string since;     // JSON text
};
// GET /db/_local/ID.
CheckpointDoc parse_checkpoint(std::string_view body);
std::string encode_checkpoint(const CheckpointDoc& checkpoint);

}  // namespace cairn
