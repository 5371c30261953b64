#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>

#include "core/json_value.h"
#include "core/sync_doc.h"

namespace cairn {

// An item's CouchDB document:
//   {"_id": ID, "_rev": REV (when known), "kind": "task", "parent": ID | null,
//    "fields": {"title": {"v": VALUE, "c": CLOCK, "a": AUTHOR, "r": CLOCK}, ...},
//    "removed": {"v": true, "c": CLOCK, "a": AUTHOR, "r": CLOCK}}
// VALUE as in the JSON export; CLOCK as SyncClock::to_string ("r", the
// replaced write, and "removed" are left out when zero). docs/sync.md
// documents it.
std::string encode_doc(const ItemDoc& doc, std::string_view rev = {});
void write_doc(JsonWriter& w, const ItemDoc& doc, std::string_view rev = {});

// Limits on what the server may send (everything it sends is untrusted).
inline constexpr std::size_t kMaxDocFields = 256;
inline constexpr std::size_t kMaxAuthorBytes = 256;
inline constexpr std::size_t kMaxRawFieldBytes = 64 * 1024;

struct DecodedDoc {
  bool ok = false;
  std::string error;                  // why the whole document was refused
  std::vector<std::string> warnings;  // fields left out, and why
  ItemDoc doc;
  std::string rev;  // "_rev", "" when absent
  bool deleted = false;  // "_deleted": a CouchDB tombstone (Cairn never writes one for an item)
};

// Reads a document. Fields of a known kind get their canonical value; a
// value the field refuses is left out with a warning; a field or kind this
// version does not know is kept raw (sent back unchanged).
DecodedDoc decode_doc(const rapidjson::Value& json);

}  // namespace cairn
