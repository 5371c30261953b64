#include "store/chunks.h"

#include <cereal/cereal.hpp>

#include <algorithm>

#include "store/checked_binary_archive.h"
#include "store/envelope.h"
#include "store/vector_output_archive.h"

namespace cairn::store {
namespace {

// First field of a manifest's payload: tells it apart from a snapshot.
constexpr std::uint32_t kManifestTag = 0x464E4D43;  // "CMNF"
constexpr std::uint64_t kKeyStride = 4096;          // > kMaxChunks
constexpr std::uint64_t kMaxKeyGeneration = (std::uint64_t{1} << 53) / kKeyStride - 1;

bool is_power_of_two(std::uint64_t n) { return n != 0 && (n & (n - 1)) == 0; }

}  // namespace

std::uint32_t chunk_count_for(std::size_t items) {
  std::uint32_t count = 1;
  while (count < kMaxChunks && items / count > kItemsPerChunk) count *= 2;
  return count;
}

std::uint32_t chunk_of(Id id, std::span<const Id> starts) {
  return static_cast<std::uint32_t>(std::upper_bound(starts.begin(), starts.end(), id) - starts.begin());
}

std::vector<Id> balanced_starts(const Workspace& workspace, std::uint32_t count) {
  std::vector<Id> ids;
  ids.reserve(workspace.size());
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    ((void)[&] {
      for (const auto& [id, item] : workspace.all<std::tuple_element_t<I, ItemTypes>>()) ids.push_back(id);
    }(), ...);
  }(std::make_index_sequence<kItemKindCount>{});
  std::sort(ids.begin(), ids.end());
  std::vector<Id> starts;
  for (std::uint32_t c = 1; c < count && !ids.empty(); ++c) {
    const Id start = ids[ids.size() * c / count];
    if (starts.empty() || starts.back() < start) starts.push_back(start);  // fewer ids than chunks: fewer chunks
  }
  return starts;
}

double chunk_key(std::uint64_t generation, std::uint32_t index) {
  return static_cast<double>(std::min(generation, kMaxKeyGeneration) * kKeyStride + index);
}

std::vector<std::uint8_t> encode_manifest(const Manifest& manifest) {
  std::vector<std::uint8_t> out(kEnvelopeHeaderSize);
  {
    VectorOutputArchive ar(out);
    ar(kManifestTag, static_cast<std::uint32_t>(manifest.chunks.size()));
    for (const Id& start : manifest.starts) ar(start.hi, start.lo);  // plain numbers: a manifest has no class versions
    for (const ChunkRef& c : manifest.chunks) ar(c.generation, c.length, c.checksum);
  }
  seal_in_place(out, kManifestSchema, manifest.generation);
  return out;
}

OpenedManifest decode_manifest(std::span<const std::uint8_t> bytes) {
  OpenedManifest m;
  const Opened opened = open(bytes);
  if (!opened.ok) {
    m.error = "manifest: " + opened.error;
    return m;
  }
  if (opened.schema > kManifestSchema) {
    m.newer_schema = true;
    m.error = "the workspace was saved by a newer version of Cairn (manifest schema " + std::to_string(opened.schema) +
              ", this version reads up to " + std::to_string(kManifestSchema) + ")";
    return m;
  }
  try {
    CheckedBinaryInputArchive ar(opened.payload, /*class_versions=*/false);
    std::uint32_t tag = 0, count = 0;
    ar(tag, count);
    if (tag != kManifestTag) throw cereal::Exception("not a manifest");
    // Chunks by low id bits (schema 2) need a power of two; ranges do not.
    const bool by_range = opened.schema >= 3;
    if (count == 0 || count > kMaxChunks || (!by_range && !is_power_of_two(count)))
      throw cereal::Exception(std::to_string(count) + " chunks");
    m.manifest.schema = opened.schema;
    m.manifest.generation = opened.generation;
    if (by_range) {
      m.manifest.starts.resize(count - 1);
      Id previous;  // nil: the smallest id, where chunk 0 begins
      for (Id& start : m.manifest.starts) {
        ar(start.hi, start.lo);
        if (!(previous < start)) throw cereal::Exception("chunk ranges out of order");
        previous = start;
      }
    }
    m.manifest.chunks.resize(count);
    for (ChunkRef& c : m.manifest.chunks) {
      ar(c.generation, c.length, c.checksum);
      if (c.generation == 0 || c.generation > opened.generation || c.generation > kMaxKeyGeneration)
        throw cereal::Exception("a chunk of generation " + std::to_string(c.generation));
    }
    if (ar.remaining() != 0) throw cereal::Exception("unexpected bytes at the end");
  } catch (const std::exception& e) {
    m = OpenedManifest{};
    m.error = std::string("manifest is damaged: ") + e.what();
    return m;
  }
  m.ok = true;
  return m;
}

// --- ChunkWriter -------------------------------------------------------------

void ChunkWriter::loaded(const Manifest* manifest, ChangeJournal::Cursor seen) {
  seen_ = seen;
  stored_.reset();
  // Only a layout this writer can extend: id ranges, a start for every chunk
  // after the first (decode_manifest checks it; a save must never lean on less).
  if (manifest && manifest->schema >= kManifestSchema && manifest->starts.size() + 1 == manifest->chunks.size())
    stored_ = *manifest;
  dirty_.assign(stored_ ? stored_->chunks.size() : 0, false);
  in_flight_.reset();
}

namespace {

// A chunk about to be written holds 4x its share of the items or more: new
// ids keep landing in one range (ids counted up by another tool), and every
// save would rewrite that ever larger chunk.
bool lopsided(const EncodedChunks& encoded, std::size_t items) {
  const std::size_t share = std::max<std::size_t>(kItemsPerChunk, items / encoded.items.size());
  for (std::size_t c = 0; c < encoded.items.size(); ++c)
    if (!encoded.chunks[c].empty() && encoded.items[c] >= share * 4) return true;
  return false;
}

}  // namespace

ChunkWriter::Prepared ChunkWriter::prepare(const Workspace& workspace, std::uint64_t generation) {
  const std::uint32_t ideal = chunk_count_for(workspace.size());
  const std::size_t current = stored_ ? stored_->chunks.size() : 0;
  // Rechunk (a full save) when the count is off by 4x or more: chunks of
  // ~512 items keep a one-item save small and a load few records long.
  const ChangeJournal::Changes changed = workspace.journal().since(seen_);
  seen_ = workspace.journal().now();
  bool full = !stored_ || ideal >= current * 4 || current >= std::size_t{ideal} * 4 || changed.everything;
  Manifest manifest;
  std::vector<bool> which;
  EncodedChunks encoded;
  for (;;) {  // twice at most: a lopsided chunk is cut again in a full save
    manifest = Manifest{};
    manifest.generation = generation;
    manifest.starts = full ? balanced_starts(workspace, ideal) : stored_->starts;
    const auto count = static_cast<std::uint32_t>(manifest.starts.size() + 1);
    manifest.chunks = full ? std::vector<ChunkRef>(count) : stored_->chunks;
    which = full ? std::vector<bool>(count, true) : dirty_;
    if (!full)
      for (const Id& id : changed.ids) which[chunk_of(id, manifest.starts)] = true;
    encoded = encode_chunks(workspace, manifest.starts, which, generation);
    if (full || !lopsided(encoded, workspace.size())) break;
    full = true;
  }
  const auto count = static_cast<std::uint32_t>(manifest.chunks.size());

  Prepared prepared;
  prepared.generation = generation;
  for (std::uint32_t c = 0; c < count; ++c) {
    if (!which[c]) continue;
    const Opened sealed = open(encoded.chunks[c]);  // reads back the header just written (no copy)
    manifest.chunks[c] = ChunkRef{generation, encoded.chunks[c].size(), sealed.checksum};
    prepared.keys.push_back(chunk_key(generation, c));
    prepared.chunks.push_back(std::move(encoded.chunks[c]));
  }
  for (std::uint32_t c = 0; c < count; ++c) prepared.named_keys.push_back(chunk_key(manifest.chunks[c].generation, c));
  prepared.manifest = encode_manifest(manifest);
  in_flight_ = std::move(manifest);
  in_flight_dirty_ = std::move(which);
  // Until the outcome is known, later changes count against the new manifest
  // (if this save fails, finished() adds back what it would have written).
  dirty_.assign(count, false);
  return prepared;
}

void ChunkWriter::finished(std::uint64_t generation, bool ok) {
  if (!in_flight_ || in_flight_->generation != generation) return;
  if (ok) {
    stored_ = std::move(in_flight_);
  } else if (stored_ && stored_->chunks.size() == in_flight_dirty_.size()) {
    for (std::size_t c = 0; c < dirty_.size(); ++c) dirty_[c] = dirty_[c] || in_flight_dirty_[c];
  } else {
    stored_.reset();  // a failed full save: the next one is full again
  }
  in_flight_.reset();
}

// --- ChunkReader -------------------------------------------------------------

ChunkReader::ChunkReader(const Manifest& manifest, HistoryTiming histories, std::shared_ptr<const HeldChunks> held)
    : manifest_(manifest), arrived_(manifest.chunks.size(), false) {
  if (histories == HistoryTiming::deferred) deferred_ = std::make_shared<DeferredHistories>(std::move(held));
  if (manifest.schema >= 3 && manifest.starts.size() + 1 != manifest.chunks.size())
    error_ = "the manifest's chunk ranges do not match its chunks";
  for (std::uint32_t c = 0; c < manifest.chunks.size(); ++c)
    keys_.push_back(chunk_key(manifest.chunks[c].generation, c));
  result_.workspace.set_journaling(false);
}

bool ChunkReader::add(double key, std::span<const std::uint8_t> bytes) {
  if (!error_.empty()) return false;
  const auto at = std::find(keys_.begin(), keys_.end(), key);
  if (at == keys_.end()) {
    error_ = "a chunk this save does not name was read";
    return false;
  }
  const auto index = static_cast<std::size_t>(at - keys_.begin());
  const ChunkRef& ref = manifest_.chunks[index];
  const Opened opened = open(bytes);
  if (!opened.ok) {
    error_ = "chunk " + std::to_string(index) + ": " + opened.error;
  } else if (opened.generation != ref.generation || opened.checksum != ref.checksum || bytes.size() != ref.length) {
    error_ = "chunk " + std::to_string(index) + " is not the one this save wrote (a mismatched or stale record)";
  } else if (arrived_[index]) {
    error_ = "chunk " + std::to_string(index) + " arrived twice";
  } else {
    arrived_[index] = true;
    const bool by_range = manifest_.schema >= 3;  // the constructor checked there is a start per chunk after 0
    IdRange range;
    if (by_range && index > 0) range.first = manifest_.starts[index - 1];
    if (by_range && index < manifest_.starts.size()) range.end = manifest_.starts[index];
    if (deferred_) deferred_->from_chunk(key, bytes);
    newer_schema_ = opened.schema > kSchemaVersion;  // add_chunk_payload refuses it
    error_ = add_chunk_payload(opened.payload, opened.schema, result_.workspace, result_.warnings, deferred_.get(),
                               by_range ? &range : nullptr);
    if (deferred_) deferred_->from_chunk(0, {});  // `bytes` are the caller's: no pointer into them kept
  }
  return error_.empty();
}

LoadedSnapshot ChunkReader::finish() {
  if (error_.empty()) {
    const auto missing = std::count(arrived_.begin(), arrived_.end(), false);
    if (missing > 0) error_ = std::to_string(missing) + " of its " + std::to_string(arrived_.size()) + " chunks are missing";
  }
  // Each chunk was checked for an id under two kinds; chunks by id range
  // cannot share one, older chunks (by low id bits) can.
  if (error_.empty() && manifest_.schema < 3)
    if (const Id shared = result_.workspace.id_of_two_kinds(); !shared.nil())
      error_ = "the snapshot is damaged: two items of different kinds have the id " + shared.to_string();
  if (error_.empty()) error_ = check_snapshot_structure(result_.workspace);
  LoadedSnapshot result;
  if (!error_.empty()) {
    result.error = error_;
    result.newer_schema = newer_schema_;
    return result;
  }
  result = std::move(result_);
  if (deferred_ && deferred_->parts() > 0) result.workspace.defer_histories(std::move(deferred_));
  result.workspace.set_journaling(true);
  result.ok = true;
  return result;
}

}  // namespace cairn::store
