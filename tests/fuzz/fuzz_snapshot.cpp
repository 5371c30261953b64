// libFuzzer target for the stored-workspace path: the snapshot payload
// (load_snapshot), the envelope around it (decode_workspace), and the
// browser's chunked form (a manifest, chunks read by ChunkReader). Storage is
// untrusted input: a damaged or crafted file must give ok == false, never a
// crash, a leak, undefined behaviour or a half-consistent workspace.
#include <cstddef>
#include <cstdint>
#include <span>

#include "core/commands.h"
#include "core/json_io.h"
#include "fuzz/fuzz_common.h"
#include "store/chunks.h"
#include "store/envelope.h"
#include "store/snapshot.h"

using namespace cairn;

namespace {

// Loads `bytes` as a payload of `schema` and checks what was accepted.
void check_payload(std::span<const std::uint8_t> bytes, std::uint16_t schema) {
  const store::LoadedSnapshot loaded = store::load_snapshot(bytes, schema);
  CAIRN_FUZZ_CHECK(loaded.ok == loaded.error.empty());

  // The same payload as the only chunk of a manifest is accepted exactly
  // when the whole-snapshot reader accepts it, with the same items.
  const std::vector<std::uint8_t> chunk = store::seal(bytes, schema, 3);
  store::Manifest manifest;
  manifest.generation = 3;
  manifest.chunks.push_back({3, chunk.size(), store::open(chunk).checksum});
  store::ChunkReader reader(manifest);
  reader.add(reader.keys().front(), chunk);
  const store::LoadedSnapshot chunked = reader.finish();
  CAIRN_FUZZ_CHECK(chunked.ok == loaded.ok);
  if (chunked.ok) CAIRN_FUZZ_CHECK(fuzz::items_equal(chunked.workspace, loaded.workspace));

  // Read as the browser reads, histories deferred: the same items; the same
  // histories once decoded, or, when only they are malformed, none of that
  // part and a problem to show.
  store::ChunkReader deferred_reader(manifest, store::HistoryTiming::deferred);
  deferred_reader.add(deferred_reader.keys().front(), chunk);
  store::LoadedSnapshot deferred = deferred_reader.finish();
  if (loaded.ok) {
    CAIRN_FUZZ_CHECK(deferred.ok && fuzz::items_equal(deferred.workspace, loaded.workspace));
    deferred.workspace.settle_histories();
    CAIRN_FUZZ_CHECK(store::save_snapshot(deferred.workspace) == store::save_snapshot(loaded.workspace));
    CAIRN_FUZZ_CHECK(deferred.workspace.history_problem().empty());
  } else if (deferred.ok) {
    deferred.workspace.settle_histories();
    CAIRN_FUZZ_CHECK(!deferred.workspace.history_problem().empty());
    fuzz::check_indexes(deferred.workspace);
  }

  if (!loaded.ok) {
    CAIRN_FUZZ_CHECK(loaded.workspace.size() == 0);  // nothing half-loaded
    return;
  }
  const Workspace& ws = loaded.workspace;
  fuzz::check_indexes(ws);

  // Saving is canonical: what was accepted saves, loads back to the same
  // items, and saves again to the same bytes. (Bytes, not operator==: a
  // stored NaN would make == fail although nothing was lost.)
  const auto saved = store::save_snapshot(ws);
  const store::LoadedSnapshot again = store::load_snapshot(saved, store::kSchemaVersion);
  CAIRN_FUZZ_CHECK(again.ok && again.warnings.empty());
  fuzz::check_indexes(again.workspace);
  CAIRN_FUZZ_CHECK(fuzz::items_equal(again.workspace, ws));
  CAIRN_FUZZ_CHECK(store::save_snapshot(again.workspace) == saved);

  // The same payload in a sound envelope decodes to the same workspace.
  const store::Decoded sealed = store::decode_workspace(store::seal(bytes, schema, 7));
  CAIRN_FUZZ_CHECK(sealed.ok && sealed.generation == 7);
  CAIRN_FUZZ_CHECK(store::save_snapshot(sealed.snapshot.workspace) == saved);

  // Whatever storage accepts, the user can export and import again (JSON
  // export is the way out of the app): same items, same ids.
  IdSource ids(1);
  const ImportPlan plan = plan_import(export_json(ws), Workspace{}, ids);
  CAIRN_FUZZ_CHECK(plan.ok && plan.warnings.empty() && plan.items == ws.size());
  Workspace imported;
  CAIRN_FUZZ_CHECK(apply(imported, plan.command).ok);
  CAIRN_FUZZ_CHECK(fuzz::items_equal(imported, ws));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::uint8_t> bytes(data, size);

  // The raw envelope path: almost always refused by the checksum, but the
  // header checks before it see every mutation.
  const store::Decoded raw = store::decode_workspace(bytes);
  CAIRN_FUZZ_CHECK(raw.ok == raw.error.empty());

  // The bytes as a manifest's payload (sealed, so the parser sees them), in
  // both layouts: whatever the current one accepts encodes back to the same
  // manifest; the old one (chunks by low id bits) is only ever read.
  for (const std::uint16_t schema : {std::uint16_t{2}, store::kManifestSchema}) {
    const store::OpenedManifest manifest = store::decode_manifest(store::seal(bytes, schema, 1u << 20));
    CAIRN_FUZZ_CHECK(manifest.ok == manifest.error.empty());
    CAIRN_FUZZ_CHECK(!manifest.ok || manifest.manifest.schema == schema);
    if (manifest.ok && schema == store::kManifestSchema)
      CAIRN_FUZZ_CHECK(store::decode_manifest(store::encode_manifest(manifest.manifest)).manifest == manifest.manifest);
  }

  // The payload directly (the envelope's CRC would hide it from the
  // fuzzer), read as every schema this version migrates from.
  for (std::uint16_t schema = 1; schema <= store::kSchemaVersion; ++schema) check_payload(bytes, schema);
  return 0;
}
