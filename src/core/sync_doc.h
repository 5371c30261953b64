#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/id.h"
#include "core/sync_clock.h"
#include "core/value.h"
#include "core/workspace.h"

namespace cairn {

// One write of one field: its value, when (a SyncClock) and by whom.
struct FieldWrite {
  Value value;
  SyncClock clock;
  std::string author;
  // The write this one replaced when it was made (zero: none). A write that
  // loses to another it did not replace was a concurrent edit: history
  // keeps it as lost (Change::what "lost:<field>").
  SyncClock replaces;
  // The value is the JSON text of a field this version of Cairn does not
  // know (written by a newer one): kept as received and sent back unchanged.
  bool raw = false;
  bool operator==(const FieldWrite&) const = default;
};

// True if `a` wins over `b`: the later clock; for equal clocks (which only
// a broken or hostile peer sends) the larger value, so that the outcome
// still does not depend on who merges.
bool wins_over(const FieldWrite& a, const FieldWrite& b);

// One item as team sync stores it in its CouchDB document: kind and parent
// (fixed when the item is made), each field's last write, and its removal
// as one more clocked write (so an edit racing a removal merges like any
// other field, see docs/sync.md).
struct ItemDoc {
  Id id;
  std::string kind;  // "task", ...; a kind this version does not know is kept, never shown
  Id parent;
  std::map<std::string, FieldWrite, std::less<>> fields;
  FieldWrite removed;  // value: bool; a zero clock: never removed nor restored

  bool is_removed() const;
  bool operator==(const ItemDoc&) const = default;
};

// Merges `from` into `into`, field by field: the winning write of each
// (wins_over). Commutative, associative and idempotent, so every device
// that has seen the same writes holds the same document, in whatever order
// and however often they arrived. True if `into` changed.
bool merge_doc(ItemDoc& into, const ItemDoc& from);

// True if items of `kind` have a field `field`.
bool field_exists(std::string_view kind, std::string_view field);

// A field's value in its canonical form (a date as a Date, not text), or
// nullopt when the kind has no such field or refuses the value.
std::optional<Value> canonical_value(std::string_view kind, std::string_view field, const Value& value);

// The fields of item `id` of `ws` (which must hold it), in the field table's
// order.
std::vector<std::pair<std::string_view, Value>> item_field_values(const Workspace& ws, Id id);

}  // namespace cairn
