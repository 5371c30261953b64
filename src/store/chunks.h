#pragma once
// A workspace saved in parts, so that a save writes only what changed.
//
// Every item belongs to one chunk, chosen by its id: each chunk holds one
// range of ids, cut at every full save where the chunks come out of equal
// size. A chunk is an envelope (store/envelope.h) around a
// snapshot payload of its items and their histories (store/snapshot.h). A
// save writes the chunks whose items changed since the last save, then a
// manifest: an envelope naming, for every chunk, the generation that wrote
// it, its length and its checksum. Loading reads the newest manifest and the
// chunks it names; a chunk that does not match its manifest entry makes the
// whole generation unusable, and the previous manifest is tried.
//
// Nothing here touches a database: the browser store (IdbStore) moves the
// bytes, these classes decide what to write and check what was read.
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/id.h"
#include "store/snapshot.h"

namespace cairn::store {

inline constexpr std::uint32_t kMaxChunks = 1024;
inline constexpr std::size_t kItemsPerChunk = 512;  // about; see chunk_count_for

// The manifest's format, in its envelope's schema field (the chunks are
// snapshot payloads, sealed with kSchemaVersion):
//   2: chunk c holds the items whose ids' low bits are c. Read, never
//      extended: the next save writes every chunk again, as schema 3.
//   3: each chunk holds one range of ids; the manifest lists where each
//      range after the first starts. Chunks handed to the reader in index
//      order then fill the workspace's id-ordered maps by appending, which
//      made loading 10k tasks ~20% faster than inserting at random places.
inline constexpr std::uint16_t kManifestSchema = 3;

// A power of two giving ~kItemsPerChunk items per chunk, between 1 and kMaxChunks.
std::uint32_t chunk_count_for(std::size_t items);
// The chunk holding `id`, where starts[i] is the first id of chunk i + 1
// (chunk 0 begins at the smallest id); `starts` ascends.
std::uint32_t chunk_of(Id id, std::span<const Id> starts);
// Starts that cut the workspace's ids into `count` chunks of equal size
// (whatever the ids look like: random, or counted up by another tool).
std::vector<Id> balanced_starts(const Workspace& workspace, std::uint32_t count);
// The key of a chunk record: unique per (generation, index), and a whole
// number below 2^53 so that JavaScript holds it exactly.
double chunk_key(std::uint64_t generation, std::uint32_t index);

struct ChunkRef {
  std::uint64_t generation = 0;  // the save that wrote this chunk
  std::uint64_t length = 0;      // bytes of the chunk's envelope
  std::uint32_t checksum = 0;    // the CRC-32 in the chunk's envelope
  bool operator==(const ChunkRef&) const = default;
};
struct Manifest {
  std::uint16_t schema = kManifestSchema;  // as read; saves always write kManifestSchema
  std::uint64_t generation = 0;
  std::vector<ChunkRef> chunks;  // one per chunk index
  std::vector<Id> starts;        // chunks.size() - 1 ascending ids (schema 3), see chunk_of
  bool operator==(const Manifest&) const = default;
};

// Writes `manifest` as schema kManifestSchema; its starts must be
// chunks.size() - 1 ascending ids.
std::vector<std::uint8_t> encode_manifest(const Manifest& manifest);
struct OpenedManifest {
  bool ok = false;
  std::string error;
  bool newer_schema = false;  // written by a newer Cairn: refuse, never overwrite
  Manifest manifest;
};
OpenedManifest decode_manifest(std::span<const std::uint8_t> bytes);

// The saving side: remembers the last stored manifest and which chunks
// changed since, from the workspace's change journal (its own cursor in it).
class ChunkWriter {
 public:
  struct Prepared {
    std::uint64_t generation = 0;
    std::vector<std::uint8_t> manifest;
    std::vector<double> keys;                        // of the chunks written
    std::vector<std::vector<std::uint8_t>> chunks;   // same order as keys
    std::vector<double> named_keys;                  // every chunk the manifest names
  };

  // What is stored now: the manifest just loaded (the next save rewrites
  // only what changes), or none (nothing stored, an older whole snapshot,
  // or a fallback to an older generation): the next save writes every chunk.
  // So does the save after a manifest of schema 2 (chunks by low id bits).
  // `seen`: the loaded workspace's journal as it stands (nothing in it needs
  // saving); with another workspace's cursor the next save writes everything.
  void loaded(const Manifest* manifest, ChangeJournal::Cursor seen);
  // Encodes generation `generation`: the chunks touched since the last
  // stored manifest (all of them when there is none, when the workspace grew
  // or shrank a lot, or when a chunk to write holds 4x its share of the
  // items).
  Prepared prepare(const Workspace& workspace, std::uint64_t generation);
  // The save of `generation` completed (ok) or wrote nothing (failed).
  void finished(std::uint64_t generation, bool ok);

 private:
  ChangeJournal::Cursor seen_;  // the workspace's changes up to here are in a prepared save
  std::optional<Manifest> stored_;
  std::vector<bool> dirty_;      // chunks of stored_ changed since it was written
  std::optional<Manifest> in_flight_;
  std::vector<bool> in_flight_dirty_;
};

// The loading side: one manifest, then the chunks it names (any order;
// index order is fastest), each decoded as it arrives; an item outside its
// chunk's range makes the generation unusable (a later save would write it
// to another chunk too). With HistoryTiming::deferred the items' histories
// are handed to the workspace undecoded (DeferredHistories).
enum class HistoryTiming { now, deferred };
class ChunkReader {
 public:
  // Deferred histories are copied out of `held` when decoded, if given.
  explicit ChunkReader(const Manifest& manifest, HistoryTiming histories = HistoryTiming::now,
                       std::shared_ptr<const HeldChunks> held = nullptr);
  // The records to read, as (key, index).
  const std::vector<double>& keys() const { return keys_; }
  // A chunk record arrived; false once anything failed (see error()).
  bool add(double key, std::span<const std::uint8_t> bytes);
  // All chunks in: the workspace, or why this generation is unusable.
  LoadedSnapshot finish();
  const std::string& error() const { return error_; }

 private:
  Manifest manifest_;
  std::vector<double> keys_;
  std::vector<bool> arrived_;
  std::string error_;
  bool newer_schema_ = false;  // error_ is that a chunk was written by a newer Cairn
  LoadedSnapshot result_;
  std::shared_ptr<DeferredHistories> deferred_;  // null: decoded as they arrive
};

}  // namespace cairn::store
