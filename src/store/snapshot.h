#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/workspace.h"

namespace cairn::store {

// The schema of the snapshot payload. Bump it when the meaning of stored
// data changes, and teach load_snapshot to migrate from the older one.
//   1: item tables.
//   2: cereal class versions on every persisted type; item histories.
inline constexpr std::uint16_t kSchemaVersion = 2;

// Binary snapshot of a workspace (the payload inside an envelope).
//
// Layout (cereal binary, little-endian): per item kind a table holding the
// kind name, the field names in the order they are written, the item count
// and then per item: id, parent, one Value per field. Because names are
// stored once per table, a later version can add, drop or reorder fields
// and still read this file: unknown fields are skipped, missing ones keep
// their defaults. After the tables (schema 2 on): the history of each item.
std::vector<std::uint8_t> save_snapshot(const Workspace& workspace);

struct LoadedSnapshot {
  bool ok = false;
  std::string error;                  // why nothing was loaded
  std::vector<std::string> warnings;  // what was dropped (unknown kinds or fields)
  Workspace workspace;
};

// Never throws and never trusts `payload`: any malformed input gives
// ok == false with a reason.
LoadedSnapshot load_snapshot(std::span<const std::uint8_t> payload, std::uint16_t schema);

// Envelope + snapshot in one step.
std::vector<std::uint8_t> encode_workspace(const Workspace& workspace, std::uint64_t generation);
struct Decoded {
  bool ok = false;
  std::string error;
  std::uint64_t generation = 0;
  LoadedSnapshot snapshot;
};
Decoded decode_workspace(std::span<const std::uint8_t> bytes);

}  // namespace cairn::store
