#pragma once
#include <cstdint>
#include <memory>
#include <optional>
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
// The saving functions need the workspace's histories settled
// (Workspace::settle_histories) and throw std::logic_error otherwise.
std::vector<std::uint8_t> save_snapshot(const Workspace& workspace);

struct LoadedSnapshot {
  bool ok = false;
  std::string error;                  // why nothing was loaded
  bool newer_schema = false;          // written by a newer Cairn: refuse, never overwrite
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
  bool newer_schema = false;  // as in LoadedSnapshot (or the manifest read)
  std::uint64_t generation = 0;
  LoadedSnapshot snapshot;
};
Decoded decode_workspace(std::span<const std::uint8_t> bytes);

// A workspace saved in parts (see store/chunks.h): each chunk is an envelope
// around a payload of the same layout holding only the chunk's items (and
// their histories). Chunk i + 1 begins at starts[i] (chunk_of). encode_chunks
// seals the chunks flagged in `which` (one per chunk; the others come back
// empty) in one pass over the items, and counts every chunk's items.
struct EncodedChunks {
  std::vector<std::vector<std::uint8_t>> chunks;  // sealed, or empty when not in `which`
  std::vector<std::size_t> items;                 // items of every chunk, written or not
};
EncodedChunks encode_chunks(const Workspace& workspace, std::span<const Id> starts, const std::vector<bool>& which,
                            std::uint64_t generation);

// The ids a chunk may hold: from `first` up to, not including, `end` (no
// upper end when there is none).
struct IdRange {
  Id first;
  std::optional<Id> end;
  bool contains(Id id) const { return first <= id && (!end || id < *end); }
};
// Chunk records that stay readable after loading (the browser keeps the
// ones it read): deferred histories are copied out of them when decoded, not
// into memory while loading.
class HeldChunks {
 public:
  virtual ~HeldChunks() = default;
  // Copies out.size() bytes at `offset` of chunk `key`; false when they are not held.
  virtual bool copy(double key, std::size_t offset, std::span<std::uint8_t> out) const = 0;
};

// The history sections of chunk payloads, kept undecoded (already checked
// against the chunk's checksum): a quarter of a typical workspace's bytes
// and decoding time, which a workspace can take after it is on screen
// (Workspace::defer_histories). Without `held`, each section is copied;
// with it, only where it lies in its chunk is kept. A part that turns out
// malformed (or no longer held) is left out, and
// Workspace::history_problem() says so.
class DeferredHistories final : public PendingHistories {
 public:
  explicit DeferredHistories(std::shared_ptr<const HeldChunks> held = nullptr) : held_(std::move(held)) {}
  // Class versions cereal read before `bytes` (the archive's versions_read()).
  using Versions = std::vector<std::pair<std::size_t, std::uint32_t>>;
  // The chunk record (key and all its bytes) the next add() reads from.
  void from_chunk(double key, std::span<const std::uint8_t> record) {
    chunk_key_ = key;
    chunk_ = record;
  }
  void add(std::span<const std::uint8_t> bytes, std::uint16_t schema, Versions versions);
  std::size_t parts() const override { return parts_.size(); }
  Part decode(std::size_t index, const Workspace& ws) const override;

 private:
  struct Stored {
    bool held = false;                // in held_ (key, offset, length), else in `bytes`
    std::vector<std::uint8_t> bytes;
    double key = 0;
    std::size_t offset = 0, length = 0;
    std::uint16_t schema = 0;
    Versions versions;
  };
  std::shared_ptr<const HeldChunks> held_;
  double chunk_key_ = 0;
  std::span<const std::uint8_t> chunk_;
  std::vector<Stored> parts_;
};

// Adds the items of one chunk's payload to `workspace`; "" or why not.
// Parents may arrive in a later chunk: check the structure once all are in.
// With `deferred`, the histories go there undecoded; with `range`, an item
// outside it is refused.
std::string add_chunk_payload(std::span<const std::uint8_t> payload, std::uint16_t schema, Workspace& workspace,
                              std::vector<std::string>& warnings, DeferredHistories* deferred = nullptr,
                              const IdRange* range = nullptr);
std::string check_snapshot_structure(const Workspace& workspace);

}  // namespace cairn::store
