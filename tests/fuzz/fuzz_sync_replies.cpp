// libFuzzer target for what a CouchDB server sends during team sync: the
// reply parsers, and documents -> items (ProjectReplica::receive). The
// server is untrusted: whatever it sends, parsing never crashes, a document
// read back from its own encoding is the same document, and the workspace
// the documents are applied to keeps indexes that agree with its items.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/couch_replies.h"
#include "core/json_parse.h"
#include "core/project_replica.h"
#include "fuzz/fuzz_common.h"
#include "support/random_workspace.h"

using namespace cairn;

namespace {

const Workspace& base() {
  static const Workspace ws =
      testing::random_workspace(fuzz::kBaseSeed, fuzz::kBaseProjects, fuzz::kBaseItemsPerKind);
  return ws;
}

void check_round_trip(const ItemDoc& doc) {
  rapidjson::Document json;
  std::size_t offset = 0;
  CAIRN_FUZZ_CHECK(parse_json(encode_doc(doc), json, offset).empty());
  const DecodedDoc again = decode_doc(json);
  CAIRN_FUZZ_CHECK(again.ok && again.doc == doc);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  parse_bulk_docs(text);
  parse_all_docs(text);
  parse_open_revs(text);
  parse_checkpoint(text);
  couch_error_reason(text);

  const ChangesReply changes = parse_changes(text);
  if (!changes.ok) return 0;
  std::vector<ItemDoc> docs;
  for (const ChangesReply::Row& row : changes.rows)
    if (row.has_doc && row.doc.ok && !row.doc.deleted) {
      check_round_trip(row.doc.doc);
      docs.push_back(row.doc.doc);
    }
  // Applied to the base project, as if the server sent them: once, then
  // again (nothing more may change).
  Workspace ws = base();
  ProjectReplica replica(ws.all<Project>().begin()->first, "fuzz");
  replica.receive(ws, docs, "fuzz", 1'800'000'000'000);
  fuzz::check_indexes(ws);
  const Workspace once = ws;
  replica.receive(ws, docs, "fuzz", 1'800'000'000'000);
  CAIRN_FUZZ_CHECK(fuzz::items_equal(ws, once));
  return 0;
}
