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
  while (count < kMaxChunks && items / count > 512) count *= 2;
  return count;
}

double chunk_key(std::uint64_t generation, std::uint32_t index) {
  return static_cast<double>(std::min(generation, kMaxKeyGeneration) * kKeyStride + index);
}

std::vector<std::uint8_t> encode_manifest(const Manifest& manifest) {
  std::vector<std::uint8_t> out(kEnvelopeHeaderSize);
  {
    VectorOutputArchive ar(out);
    ar(kManifestTag, static_cast<std::uint32_t>(manifest.chunks.size()));
    for (const ChunkRef& c : manifest.chunks) ar(c.generation, c.length, c.checksum);
  }
  seal_in_place(out, kSchemaVersion, manifest.generation);
  return out;
}

OpenedManifest decode_manifest(std::span<const std::uint8_t> bytes) {
  OpenedManifest m;
  const Opened opened = open(bytes);
  if (!opened.ok) {
    m.error = "manifest: " + opened.error;
    return m;
  }
  if (opened.schema > kSchemaVersion) {
    m.newer_schema = true;
    m.error = "the workspace was saved by a newer version of Cairn (schema " + std::to_string(opened.schema) +
              ", this version reads up to " + std::to_string(kSchemaVersion) + ")";
    return m;
  }
  try {
    CheckedBinaryInputArchive ar(opened.payload, /*class_versions=*/false);
    std::uint32_t tag = 0, count = 0;
    ar(tag, count);
    if (tag != kManifestTag) throw cereal::Exception("not a manifest");
    if (!is_power_of_two(count) || count > kMaxChunks) throw cereal::Exception(std::to_string(count) + " chunks");
    m.manifest.generation = opened.generation;
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

void ChunkWriter::loaded(const Manifest* manifest) {
  stored_.reset();
  if (manifest) stored_ = *manifest;
  dirty_.assign(manifest ? manifest->chunks.size() : 0, false);
  in_flight_.reset();
}

ChunkWriter::Prepared ChunkWriter::prepare(const Workspace& workspace, std::uint64_t generation) {
  const std::uint32_t ideal = chunk_count_for(workspace.size());
  const std::size_t current = stored_ ? stored_->chunks.size() : 0;
  // Rechunk (a full save) when the count is off by 4x or more: chunks of
  // ~512 items keep a one-item save small and a load few records long.
  const bool full = !stored_ || ideal >= current * 4 || current >= std::size_t{ideal} * 4 ||
                    workspace.everything_touched();
  const std::uint32_t count = full ? ideal : static_cast<std::uint32_t>(current);
  std::vector<bool> which = full ? std::vector<bool>(count, true) : dirty_;
  if (!full)
    for (const Id& id : workspace.touched()) which[chunk_of(id, count)] = true;

  Manifest manifest;
  manifest.generation = generation;
  manifest.chunks = full ? std::vector<ChunkRef>(count) : stored_->chunks;
  std::vector<std::vector<std::uint8_t>> encoded = encode_chunks(workspace, count, which, generation);

  Prepared prepared;
  prepared.generation = generation;
  for (std::uint32_t c = 0; c < count; ++c) {
    if (!which[c]) continue;
    const Opened sealed = open(encoded[c]);  // reads back the header just written (no copy)
    manifest.chunks[c] = ChunkRef{generation, encoded[c].size(), sealed.checksum};
    prepared.keys.push_back(chunk_key(generation, c));
    prepared.chunks.push_back(std::move(encoded[c]));
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

ChunkReader::ChunkReader(const Manifest& manifest, HistoryTiming histories)
    : manifest_(manifest), arrived_(manifest.chunks.size(), false) {
  if (histories == HistoryTiming::deferred) deferred_ = std::make_shared<DeferredHistories>();
  for (std::uint32_t c = 0; c < manifest.chunks.size(); ++c)
    keys_.push_back(chunk_key(manifest.chunks[c].generation, c));
  result_.workspace.track_touched(false);
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
    error_ = add_chunk_payload(opened.payload, opened.schema, result_.workspace, result_.warnings, deferred_.get());
  }
  return error_.empty();
}

LoadedSnapshot ChunkReader::finish() {
  if (error_.empty()) {
    const auto missing = std::count(arrived_.begin(), arrived_.end(), false);
    if (missing > 0) error_ = std::to_string(missing) + " of its " + std::to_string(arrived_.size()) + " chunks are missing";
  }
  if (error_.empty()) error_ = check_snapshot_structure(result_.workspace);
  LoadedSnapshot result;
  if (!error_.empty()) {
    result.error = error_;
    return result;
  }
  result = std::move(result_);
  if (deferred_ && deferred_->parts() > 0) result.workspace.defer_histories(std::move(deferred_));
  result.workspace.track_touched(true);
  result.ok = true;
  return result;
}

}  // namespace cairn::store
