#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <random>
#include <set>

#include "core/command_stack.h"
#include "core/json_io.h"
#include "store/chunks.h"
#include "store/envelope.h"
#include "support/random_workspace.h"

using namespace cairn;
using namespace cairn::store;

namespace {

// What the browser's IndexedDB holds, kept the way web/idb_store.js keeps it:
// chunk records by key, manifests by generation (the last three), and every
// chunk no kept manifest names dropped at each save.
struct MemoryDatabase {
  static constexpr std::uint64_t kKeep = 3;
  std::map<double, std::vector<std::uint8_t>> chunks;
  std::map<std::uint64_t, std::pair<std::vector<std::uint8_t>, std::vector<double>>> manifests;
  std::size_t bytes_written = 0;

  void write(const ChunkWriter::Prepared& p) {
    for (std::size_t i = 0; i < p.keys.size(); ++i) {
      chunks[p.keys[i]] = p.chunks[i];
      bytes_written += p.chunks[i].size();
    }
    manifests[p.generation] = {p.manifest, p.named_keys};
    while (!manifests.empty() && manifests.begin()->first + kKeep <= p.generation) manifests.erase(manifests.begin());
    std::set<double> named;
    for (const auto& [generation, manifest] : manifests) named.insert(manifest.second.begin(), manifest.second.end());
    std::erase_if(chunks, [&](const auto& entry) { return !named.contains(entry.first); });
  }

  // Reads one generation as IdbStore does: the manifest, then its chunks.
  LoadedSnapshot read(std::uint64_t generation, HistoryTiming histories = HistoryTiming::now, bool reverse = false,
                      std::shared_ptr<const HeldChunks> held = nullptr) const {
    const auto found = manifests.find(generation);
    REQUIRE(found != manifests.end());
    const OpenedManifest opened = decode_manifest(found->second.first);
    if (!opened.ok) {
      LoadedSnapshot failed;
      failed.error = opened.error;
      failed.newer_schema = opened.newer_schema;
      return failed;
    }
    ChunkReader reader(opened.manifest, histories, std::move(held));
    std::vector<double> keys = reader.keys();
    if (reverse) std::reverse(keys.begin(), keys.end());
    for (const double key : keys) {
      const auto chunk = chunks.find(key);
      reader.add(key, chunk == chunks.end() ? std::span<const std::uint8_t>() : std::span(chunk->second));
    }
    return reader.finish();
  }
};

// Saves through `writer` into `db` as the app does; returns how many chunks
// were written.
std::size_t save(ChunkWriter& writer, MemoryDatabase& db, Workspace& ws, std::uint64_t generation, bool ok = true) {
  const ChunkWriter::Prepared p = writer.prepare(ws, generation);
  if (ok) db.write(p);
  writer.finished(generation, ok);
  return p.keys.size();
}

Command rename(Id id, std::string title) {
  Command c;
  c.ops.push_back(SetField{id, "title", std::move(title)});
  return c;
}

// What a store keeps: the items, and the histories of the items that exist
// (a removed item's history stays in memory for undo, but is not saved).
bool same_saved_state(const Workspace& loaded, const Workspace& ws) {
  REQUIRE_FALSE(loaded.histories_pending());  // what is compared is what a save writes: settled
  if (!loaded.same_items(ws)) return false;
  std::size_t logs = 0;
  for (const auto& [id, log] : ws.histories()) {
    if (!ws.contains(id) || log.empty()) continue;
    ++logs;
    if (loaded.history(id) != log) return false;
  }
  return loaded.histories().size() == logs;
}

std::vector<Id> task_ids(const Workspace& ws) {
  std::vector<Id> ids;
  for (const auto& [id, task] : ws.all<Task>()) ids.push_back(id);
  return ids;
}

}  // namespace

// The items a journal lists since `cursor`, sorted.
std::vector<Id> changed_since(const Workspace& ws, ChangeJournal::Cursor cursor) {
  ChangeJournal::Changes changes = ws.journal().since(cursor);
  REQUIRE_FALSE(changes.everything);
  std::sort(changes.ids.begin(), changes.ids.end());
  return changes.ids;
}

TEST_CASE("the workspace journals which items changed, and not while the store fills it") {
  Workspace ws = testing::random_workspace(3, 1, 3);
  CHECK(ws.journal().since({}).everything);  // a reader that never read: everything
  CHECK(!changed_since(ws, {ws.journal().now().journal, 0}).empty());  // built through commands
  ChangeJournal::Cursor cursor = ws.journal().now();
  CHECK(changed_since(ws, cursor).empty());
  const Id task = task_ids(ws).front();
  CommandStack stack(ws, "test", [] { return Timestamp{1'700'000'000'000}; });
  REQUIRE(stack.exec(rename(task, "Renamed")).ok);
  CHECK(changed_since(ws, cursor) == std::vector<Id>{task});
  const ChangeJournal::Cursor before_rename = cursor;
  cursor = ws.journal().now();
  Command remove;
  remove.ops.push_back(RemoveItem{task});
  const ApplyResult removed = stack.exec(remove);
  REQUIRE(removed.ok);
  const std::vector<Id> gone = changed_since(ws, cursor);
  CHECK(std::find(gone.begin(), gone.end(), task) != gone.end());
  CHECK(changed_since(ws, before_rename).size() == gone.size());  // each item once, however often it changed
  cursor = ws.journal().now();
  REQUIRE(stack.undo().ok);  // restores the task and its children
  const std::vector<Id> back = changed_since(ws, cursor);
  CHECK(std::find(back.begin(), back.end(), task) != back.end());

  // A copy is another workspace: a cursor of the original reads as everything.
  const Workspace copy = ws;
  CHECK(copy.journal().since(ws.journal().now()).everything);
  ws.clear_history();
  CHECK(ws.journal().since(cursor).everything);

  Workspace quiet;
  const ChangeJournal::Cursor start = quiet.journal().now();
  quiet.set_journaling(false);
  Project p;
  p.id = IdSource(1).next();
  quiet.insert(p);
  CHECK(changed_since(quiet, start).empty());
}

TEST_CASE("chunk counts grow with the workspace and stay powers of two") {
  CHECK(chunk_count_for(0) == 1);
  CHECK(chunk_count_for(512) == 1);
  CHECK(chunk_count_for(513) == 2);
  CHECK(chunk_count_for(32'000) == 64);
  CHECK(chunk_count_for(100'000'000) == kMaxChunks);
}

namespace {
// Items per chunk when `ws` is cut by balanced_starts into `count` chunks.
std::vector<int> chunk_sizes(const Workspace& ws, std::uint32_t count) {
  const std::vector<Id> starts = balanced_starts(ws, count);
  REQUIRE(starts.size() + 1 == count);
  CHECK(std::is_sorted(starts.begin(), starts.end()));
  std::vector<int> sizes(count, 0);
  for (const auto& [id, task] : ws.all<Task>()) ++sizes[chunk_of(id, starts)];
  return sizes;
}
}  // namespace

TEST_CASE("chunks are id ranges of equal size, for random ids and for ids counted up by another tool") {
  Workspace random_ids, counted_ids;
  IdSource ids(4);
  for (std::uint64_t i = 1; i <= 6400; ++i) {
    Task random_task, counted_task;
    random_task.id = ids.next();
    counted_task.id = Id{0, i};  // 00000000-0000-0000-0000-000000000001, ...2, ...
    random_ids.insert(random_task);
    counted_ids.insert(counted_task);
  }
  for (const int n : chunk_sizes(random_ids, 64)) CHECK(n == 100);
  for (const int n : chunk_sizes(counted_ids, 64)) CHECK(n == 100);

  const std::vector<Id> starts{Id{0, 10}, Id{0, 20}};
  CHECK(chunk_of(Id{}, starts) == 0);
  CHECK(chunk_of(Id{0, 9}, starts) == 0);
  CHECK(chunk_of(Id{0, 10}, starts) == 1);  // a start belongs to the chunk it starts
  CHECK(chunk_of(Id{0, 19}, starts) == 1);
  CHECK(chunk_of(Id{1, 0}, starts) == 2);
  CHECK(balanced_starts(Workspace{}, 8).empty());  // no ids: one chunk
}

TEST_CASE("random workspaces survive a chunked save and load unchanged") {
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    Workspace ws = testing::random_workspace(seed, 1 + static_cast<int>(seed % 4), 2 + static_cast<int>(seed % 5));
    ChunkWriter writer;
    MemoryDatabase db;
    const std::size_t written = save(writer, db, ws, 1);
    CHECK(written == chunk_count_for(ws.size()));
    const LoadedSnapshot loaded = db.read(1);
    REQUIRE_MESSAGE(loaded.ok, loaded.error);
    CHECK(loaded.workspace == ws);
    CHECK(changed_since(loaded.workspace, {loaded.workspace.journal().now().journal, 0}).empty());
  }
}

TEST_CASE("chunks read in any order give the same workspace") {
  Workspace ws = testing::random_workspace(17, 2, 20);
  ChunkWriter writer;
  MemoryDatabase db;
  save(writer, db, ws, 1);
  const LoadedSnapshot backwards = db.read(1, HistoryTiming::now, /*reverse=*/true);
  REQUIRE_MESSAGE(backwards.ok, backwards.error);
  CHECK(backwards.workspace == ws);
}

TEST_CASE("a reload gives the same JSON export, byte for byte, as before it") {
  // The loader adds items kind by kind in id order; the commands added them
  // in the order they were made (an import: the file's order).
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    Workspace ws = testing::random_workspace(seed, 1 + static_cast<int>(seed % 3), 4, /*history=*/false);
    const std::string json = export_json(ws);
    ChunkWriter writer;
    MemoryDatabase db;
    save(writer, db, ws, 1);
    for (const bool reverse : {false, true}) {
      const LoadedSnapshot loaded = db.read(1, HistoryTiming::now, reverse);
      REQUIRE_MESSAGE(loaded.ok, loaded.error);
      CHECK(export_json(loaded.workspace) == json);
    }
  }
}

namespace {
void put(std::vector<std::uint8_t>& out, std::uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}

// A store as Cairn wrote it before chunks were id ranges (docs/file-format.md,
// manifest schema 2): chunk c of `count` holds the items whose ids' low bits
// are c, each chunk a whole-snapshot envelope of its items and histories.
// `chunk_of_kind(id, kind index)`, if given, places items instead (a hostile store).
using PlaceItem = std::function<std::uint32_t(Id, std::size_t)>;
void write_low_bits_store(const Workspace& ws, MemoryDatabase& db, std::uint64_t generation, std::uint32_t count,
                          const PlaceItem& chunk_of_kind = nullptr) {
  std::vector<Workspace> parts(count);
  const auto low_bits = [&](Id id) { return static_cast<std::uint32_t>(id.lo ^ (id.hi >> 32)) & (count - 1); };
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    ((void)[&] {
      for (const auto& [id, item] : ws.all<std::tuple_element_t<I, ItemTypes>>())
        parts[chunk_of_kind ? chunk_of_kind(id, I) : low_bits(id)].insert(item);
    }(), ...);
  }(std::make_index_sequence<kItemKindCount>{});
  for (const auto& [id, log] : ws.histories())
    if (ws.contains(id)) parts[low_bits(id)].set_history(id, log);
  std::vector<std::uint8_t> payload;
  put(payload, 0x464E4D43, 4);  // "CMNF"
  put(payload, count, 4);
  std::vector<double> keys;
  for (std::uint32_t c = 0; c < count; ++c) {
    const std::vector<std::uint8_t> chunk = encode_workspace(parts[c], generation);
    put(payload, generation, 8);
    put(payload, chunk.size(), 8);
    put(payload, open(chunk).checksum, 4);
    keys.push_back(chunk_key(generation, c));
    db.chunks[keys.back()] = chunk;
  }
  db.manifests[generation] = {seal(payload, 2, generation), keys};
}
}  // namespace

TEST_CASE("a store chunked by low id bits (manifest schema 2) loads, and its next save lays it out by id range") {
  Workspace ws = testing::random_workspace(11, 2, 20);
  MemoryDatabase db;
  write_low_bits_store(ws, db, 1, 8);
  const OpenedManifest old = decode_manifest(db.manifests.at(1).first);
  REQUIRE_MESSAGE(old.ok, old.error);
  CHECK(old.manifest.schema == 2);
  LoadedSnapshot loaded = db.read(1, HistoryTiming::deferred);
  REQUIRE_MESSAGE(loaded.ok, loaded.error);
  loaded.workspace.settle_histories();
  CHECK(same_saved_state(loaded.workspace, ws));

  // One edit: extending the old layout would write one chunk and leave the
  // item's old copy in another. The save writes every chunk instead.
  ChunkWriter writer;
  writer.loaded(&old.manifest, loaded.workspace.journal().now());
  Workspace& edited = loaded.workspace;
  CommandStack stack(edited, "test", [] { return Timestamp{1'700'000'000'000}; });
  REQUIRE(stack.exec(rename(task_ids(edited).front(), "After the upgrade")).ok);
  const std::size_t written = save(writer, db, edited, 2);
  const Manifest now = decode_manifest(db.manifests.at(2).first).manifest;
  CHECK(now.schema == kManifestSchema);
  CHECK(written == now.chunks.size());
  const LoadedSnapshot reread = db.read(2);
  REQUIRE_MESSAGE(reread.ok, reread.error);
  CHECK(same_saved_state(reread.workspace, edited));
  // From then on, a save writes only what changed.
  REQUIRE(stack.exec(rename(task_ids(edited).back(), "Later")).ok);
  CHECK(save(writer, db, edited, 3) == 1);
  CHECK(same_saved_state(db.read(3).workspace, edited));
}

TEST_CASE("a stored manifest whose ranges do not match its chunks is never extended: the next save writes every chunk") {
  Workspace ws = testing::random_workspace(11, 2, 20);
  ChunkWriter writer;
  MemoryDatabase db;
  save(writer, db, ws, 1);
  Manifest stored = decode_manifest(db.manifests.at(1).first).manifest;
  REQUIRE(stored.chunks.size() >= 4);
  stored.starts.pop_back();
  ChunkWriter again;
  again.loaded(&stored, ws.journal().now());
  CommandStack stack(ws, "test", [] { return Timestamp{1'700'000'000'000}; });
  REQUIRE(stack.exec(rename(task_ids(ws).front(), "Edited")).ok);
  const std::size_t written = save(again, db, ws, 2);
  const Manifest now = decode_manifest(db.manifests.at(2).first).manifest;
  CHECK(written == now.chunks.size());
  CHECK(same_saved_state(db.read(2).workspace, ws));
}

TEST_CASE("an item outside its chunk's id range makes the generation unusable") {
  Workspace ws = testing::random_workspace(11, 2, 20);
  ChunkWriter writer;
  MemoryDatabase db;
  save(writer, db, ws, 1);
  Manifest manifest = decode_manifest(db.manifests.at(1).first).manifest;
  REQUIRE(manifest.starts.size() >= 2);
  // Chunk 1's first item now lies in chunk 0's range, but is stored in chunk 1.
  manifest.starts[0].lo += 1;
  REQUIRE(manifest.starts[0] < manifest.starts[1]);
  db.manifests.at(1).first = encode_manifest(manifest);
  const LoadedSnapshot bad = db.read(1);
  CHECK(!bad.ok);
  CHECK(bad.error.find("outside the id range of its chunk") != std::string::npos);
}

TEST_CASE("a save after an edit writes only the chunk of the edited item, and every generation reads back") {
  Workspace ws = testing::random_workspace(11, 2, 20);
  REQUIRE(chunk_count_for(ws.size()) >= 8);  // 2.5k items
  ChunkWriter writer;
  MemoryDatabase db;
  save(writer, db, ws, 1);
  const std::size_t full_bytes = db.bytes_written;
  CommandStack stack(ws, "test", [] { return Timestamp{1'700'000'000'000}; });
  std::mt19937 rng(5);
  std::uint64_t generation = 1;
  for (int step = 0; step < 24; ++step) {
    const std::vector<Id> ids = task_ids(ws);
    const Id id = ids[rng() % ids.size()];
    if (step % 7 == 3) {
      Command remove;
      remove.ops.push_back(RemoveItem{id});
      REQUIRE(stack.exec(remove).ok);
    } else if (step % 7 == 5) {
      REQUIRE(stack.undo().ok);
    } else {
      REQUIRE(stack.exec(rename(id, "Step " + std::to_string(step))).ok);
    }
    const std::size_t before = db.bytes_written;
    const std::size_t chunks = save(writer, db, ws, ++generation);
    if (step % 7 != 3 && step % 7 != 5) {
      CHECK(chunks == 1);
      CHECK(db.bytes_written - before < full_bytes / 2);
    }
    const LoadedSnapshot loaded = db.read(generation);
    REQUIRE_MESSAGE(loaded.ok, loaded.error);
    CHECK(same_saved_state(loaded.workspace, ws));
  }
  // Only the chunks the last three manifests name are kept.
  std::set<double> named;
  for (const auto& [g, m] : db.manifests) named.insert(m.second.begin(), m.second.end());
  CHECK(db.chunks.size() == named.size());
}

TEST_CASE("a failed save loses nothing: the next one writes its chunks too") {
  Workspace ws = testing::random_workspace(12, 2, 20);
  ChunkWriter writer;
  MemoryDatabase db;
  save(writer, db, ws, 1);
  CommandStack stack(ws, "test", [] { return Timestamp{1'700'000'000'000}; });
  const std::vector<Id> ids = task_ids(ws);
  REQUIRE(stack.exec(rename(ids.front(), "Lost?")).ok);
  save(writer, db, ws, 2, /*ok=*/false);  // e.g. the quota was full
  REQUIRE(stack.exec(rename(ids.back(), "Later")).ok);
  save(writer, db, ws, 2);
  const LoadedSnapshot loaded = db.read(2);
  REQUIRE_MESSAGE(loaded.ok, loaded.error);
  CHECK(loaded.workspace == ws);
  CHECK(loaded.workspace.find<Task>(ids.front())->title == "Lost?");
}

TEST_CASE("growing past 4x the chunk count rechunks in one full save") {
  Workspace ws = testing::random_workspace(13, 1, 2);
  ChunkWriter writer;
  MemoryDatabase db;
  save(writer, db, ws, 1);
  const std::size_t small = decode_manifest(db.manifests.at(1).first).manifest.chunks.size();
  Workspace big = testing::random_workspace(14, 2, 20);  // 2k items: 8 chunks
  ws = big;  // e.g. a large import
  const std::size_t written = save(writer, db, ws, 2);
  const std::size_t count = decode_manifest(db.manifests.at(2).first).manifest.chunks.size();
  CHECK(count >= small * 4);
  CHECK(written == count);
  CHECK(db.read(2).workspace == big);
}

TEST_CASE("ids counted up by another tool all land in the last chunk: once it holds 4x its share, a full save cuts it again") {
  Workspace ws;
  Project project;
  project.id = Id{1, 0};
  ws.insert(project);
  std::uint64_t next_id = 1;
  auto add_tasks = [&](int n) {
    for (int i = 0; i < n; ++i) {
      Task task;
      task.id = Id{0, next_id++};  // 00000000-0000-0000-0000-000000000001, ...2, ...
      task.parent = project.id;
      ws.insert(task);
    }
  };
  ChunkWriter writer;
  MemoryDatabase db;
  // The largest chunk of a stored generation, in items.
  auto largest_chunk = [&](std::uint64_t generation) {
    const Manifest manifest = decode_manifest(db.manifests.at(generation).first).manifest;
    std::vector<std::size_t> items(manifest.chunks.size(), 0);
    for (const auto& [id, task] : ws.all<Task>()) ++items[chunk_of(id, manifest.starts)];
    return *std::max_element(items.begin(), items.end());
  };

  add_tasks(6400);
  std::uint64_t generation = 1;
  REQUIRE(save(writer, db, ws, generation) == 16);  // 16 chunks of 400
  CHECK(largest_chunk(generation) == 400);
  std::vector<std::size_t> written;
  for (int batch = 0; batch < 30; ++batch) {  // 3000 more, 100 a save
    add_tasks(100);
    written.push_back(save(writer, db, ws, ++generation));
    // Never more than 4x a chunk's share (512 items) plus the batch that tipped it.
    CHECK(largest_chunk(generation) < 4 * kItemsPerChunk + 100);
    // The save that wrote every chunk cut them equal again.
    if (written.back() > 1) CHECK(largest_chunk(generation) <= ws.size() / written.back() + 1);
  }
  // Saves wrote the last chunk alone until it held 2048 items, then every chunk once.
  CHECK(written.front() == 1);
  CHECK(std::count_if(written.begin(), written.end(), [](std::size_t n) { return n > 1; }) == 1);
  const LoadedSnapshot loaded = db.read(generation);
  REQUIRE_MESSAGE(loaded.ok, loaded.error);
  CHECK(loaded.workspace.same_items(ws));
}

TEST_CASE("a damaged, missing or stale chunk makes its generation unusable; the previous one still reads") {
  Workspace ws = testing::random_workspace(15, 2, 20);
  ChunkWriter writer;
  MemoryDatabase db;
  save(writer, db, ws, 1);
  CommandStack stack(ws, "test", [] { return Timestamp{1'700'000'000'000}; });
  REQUIRE(stack.exec(rename(task_ids(ws).front(), "Second")).ok);
  save(writer, db, ws, 2);
  const Manifest second = decode_manifest(db.manifests.at(2).first).manifest;
  std::size_t changed = 0;
  while (second.chunks[changed].generation != 2) ++changed;
  const double key = chunk_key(2, static_cast<std::uint32_t>(changed));

  SUBCASE("a flipped byte") { db.chunks[key][db.chunks[key].size() / 2] ^= 0x10; }
  SUBCASE("missing") { db.chunks.erase(key); }
  SUBCASE("stale: generation 1's chunk under generation 2's key") {
    db.chunks[key] = db.chunks.at(chunk_key(1, static_cast<std::uint32_t>(changed)));
  }
  const LoadedSnapshot bad = db.read(2);
  CHECK(!bad.ok);
  CHECK(!bad.error.empty());
  const LoadedSnapshot previous = db.read(1);
  REQUIRE_MESSAGE(previous.ok, previous.error);
  CHECK(previous.workspace.find<Task>(task_ids(ws).front())->title != "Second");
}

TEST_CASE("every single-byte corruption and every truncation of a manifest is detected") {
  Manifest m;
  m.generation = 9;
  for (std::uint64_t g : {1, 9, 4, 9}) m.chunks.push_back({g, 1000 + g, static_cast<std::uint32_t>(g * 77)});
  m.starts = {Id{3, 1}, Id{7, 0}, Id{0xF000, 5}};
  const std::vector<std::uint8_t> good = encode_manifest(m);
  const OpenedManifest opened = decode_manifest(good);
  REQUIRE(opened.ok);
  CHECK(opened.manifest == m);
  for (std::size_t i = 0; i < good.size(); ++i) {
    auto bad = good;
    bad[i] ^= 0x01;
    CHECK_MESSAGE(!decode_manifest(bad).ok, "byte " << i);
  }
  for (std::size_t n = 0; n < good.size(); ++n) CHECK_MESSAGE(!decode_manifest(std::span(good).first(n)).ok, "length " << n);
}

TEST_CASE("manifests that lie are refused: chunk counts, ranges, future generations, snapshots posing as manifests") {
  Manifest m;
  m.generation = 3;
  m.chunks.assign(3, ChunkRef{1, 10, 1});
  m.starts = {Id{0, 5}, Id{0, 9}};
  REQUIRE(decode_manifest(encode_manifest(m)).ok);  // any count of ranges
  m.starts = {Id{0, 9}, Id{0, 5}};  // out of order
  CHECK(!decode_manifest(encode_manifest(m)).ok);
  m.starts = {Id{0, 5}, Id{0, 5}};  // an empty range
  CHECK(!decode_manifest(encode_manifest(m)).ok);
  m.starts = {Id{}, Id{0, 5}};  // chunk 0 begins at the nil id already
  CHECK(!decode_manifest(encode_manifest(m)).ok);
  m.chunks.clear();
  m.starts.clear();
  CHECK(!decode_manifest(encode_manifest(m)).ok);  // no chunk at all
  m.chunks.assign(4, ChunkRef{4, 10, 1});  // written after the manifest itself
  m.starts = {Id{0, 1}, Id{0, 2}, Id{0, 3}};
  CHECK(!decode_manifest(encode_manifest(m)).ok);
  const Workspace ws = testing::random_workspace(16, 1, 2);
  CHECK(!decode_manifest(encode_workspace(ws, 3)).ok);
}

TEST_CASE("deferred histories: items load at once, histories decode later part by part, equal to the saved ones") {
  Workspace ws = testing::random_workspace(11, 2, 20);
  const std::uint32_t chunks = chunk_count_for(ws.size());
  REQUIRE(chunks >= 8);
  ChunkWriter writer;
  MemoryDatabase db;
  save(writer, db, ws, 1);

  LoadedSnapshot loaded = db.read(1, HistoryTiming::deferred);
  REQUIRE_MESSAGE(loaded.ok, loaded.error);
  Workspace& lazy = loaded.workspace;
  CHECK(lazy.same_items(ws));
  CHECK(lazy.histories_pending());
  std::uint32_t parts = 0;
  while (lazy.decode_pending_part()) ++parts;
  CHECK(parts == chunks);  // one part per chunk
  CHECK(!lazy.histories_pending());
  CHECK(lazy.history_problem().empty());
  CHECK(same_saved_state(lazy, ws));
  CHECK(changed_since(lazy, {lazy.journal().now().journal, 0}).empty());  // decoding is not a change to save
}

// The chunk records a page keeps after reading them (web/idb_store.js's holds).
struct FakeHeldChunks final : HeldChunks {
  std::map<double, std::vector<std::uint8_t>> records;
  mutable std::vector<std::pair<double, std::size_t>> copies;  // (key, length) asked for
  bool copy(double key, std::size_t offset, std::span<std::uint8_t> out) const override {
    copies.emplace_back(key, out.size());
    const auto found = records.find(key);
    if (found == records.end() || offset + out.size() > found->second.size()) return false;
    std::copy_n(found->second.begin() + static_cast<std::ptrdiff_t>(offset), out.size(), out.begin());
    return true;
  }
};

TEST_CASE("deferred histories held in the page's chunk records: copied from there when decoded, let go when done") {
  Workspace ws = testing::random_workspace(14, 2, 20);
  const std::uint32_t chunks = chunk_count_for(ws.size());
  REQUIRE(chunks >= 8);
  ChunkWriter writer;
  MemoryDatabase db;
  save(writer, db, ws, 1);
  auto held = std::make_shared<FakeHeldChunks>();
  held->records = db.chunks;
  std::weak_ptr<const HeldChunks> watch = held;

  SUBCASE("all held: the histories equal the saved ones, and the records are let go after the last part") {
    LoadedSnapshot loaded = db.read(1, HistoryTiming::deferred, false, held);
    REQUIRE_MESSAGE(loaded.ok, loaded.error);
    held->records.clear();  // what a broken hold would give: nothing was copied while loading
    CHECK(held->copies.empty());
    held->records = db.chunks;
    held.reset();
    Workspace& lazy = loaded.workspace;
    CHECK(!watch.expired());  // the pending histories keep the records
    std::size_t parts = 0;
    while (lazy.decode_pending_part()) ++parts;
    CHECK(parts == chunks);
    CHECK(lazy.history_problem().empty());
    CHECK(same_saved_state(lazy, ws));
    CHECK(watch.expired());
  }
  SUBCASE("each part is copied from its own chunk, only its history section") {
    LoadedSnapshot loaded = db.read(1, HistoryTiming::deferred, false, held);
    REQUIRE(loaded.ok);
    while (loaded.workspace.decode_pending_part()) {
    }
    REQUIRE(held->copies.size() == chunks);
    std::set<double> keys;
    for (const auto& [key, length] : held->copies) {
      keys.insert(key);
      CHECK(length > 0);
      CHECK(length < db.chunks.at(key).size());
    }
    CHECK(keys.size() == chunks);
  }
  SUBCASE("a record no longer held: that part's histories are left out and said, the rest decode") {
    LoadedSnapshot loaded = db.read(1, HistoryTiming::deferred, false, held);
    REQUIRE(loaded.ok);
    held->records.erase(held->records.begin());
    while (loaded.workspace.decode_pending_part()) {
    }
    CHECK(loaded.workspace.history_problem().find("no longer held") != std::string::npos);
    CHECK(loaded.workspace.same_items(ws));
    std::size_t with_history = 0;
    for (const Id id : task_ids(ws)) with_history += !loaded.workspace.history(id).empty();
    CHECK(with_history > 0);
    CHECK(with_history < task_ids(ws).size());
  }
  SUBCASE("a workspace dropped before its histories were decoded lets the records go") {
    { const LoadedSnapshot loaded = db.read(1, HistoryTiming::deferred, false, held); REQUIRE(loaded.ok); }
    held.reset();
    CHECK(watch.expired());
  }
  SUBCASE("a generation that fails to load lets the records go") {
    db.chunks.erase(std::prev(db.chunks.end()));
    CHECK(!db.read(1, HistoryTiming::deferred, false, held).ok);
    held.reset();
    CHECK(watch.expired());
  }
}

TEST_CASE("deferred histories: reads see only what is decoded, changes and saves wait for all of them") {
  Workspace ws = testing::random_workspace(12, 2, 20);
  ChunkWriter writer;
  MemoryDatabase db;
  save(writer, db, ws, 1);
  const Id task = task_ids(ws).front();
  REQUIRE(!ws.history(task).empty());

  SUBCASE("reading never decodes; settling does") {
    LoadedSnapshot loaded = db.read(1, HistoryTiming::deferred);
    REQUIRE(loaded.workspace.histories_pending());
    CHECK(loaded.workspace.history(task).empty());
    CHECK(loaded.workspace.histories_pending());
    loaded.workspace.settle_histories();
    CHECK(!loaded.workspace.histories_pending());
    CHECK(loaded.workspace.history(task) == ws.history(task));
  }
  SUBCASE("a command recording a change keeps the older changes") {
    LoadedSnapshot loaded = db.read(1, HistoryTiming::deferred);
    const std::size_t before = ws.history(task).size();
    CommandStack stack(loaded.workspace, "test", [] { return Timestamp{1'800'000'000'000}; });
    REQUIRE(stack.exec(rename(task, "Renamed after load")).ok);
    const std::vector<Change>& log = loaded.workspace.history(task);
    REQUIRE(log.size() == before + 1);
    CHECK(std::equal(ws.history(task).begin(), ws.history(task).end(), log.begin()));
    CHECK(log.back().what == "title");
  }
  SUBCASE("a copy taken half-way decodes the rest on its own") {
    LoadedSnapshot loaded = db.read(1, HistoryTiming::deferred);
    loaded.workspace.decode_pending_part();
    Workspace copy = loaded.workspace;
    CHECK(copy.histories_pending());
    copy.settle_histories();
    loaded.workspace.settle_histories();
    CHECK(same_saved_state(copy, ws));
    CHECK(same_saved_state(loaded.workspace, ws));
  }
  SUBCASE("a save of a workspace still decoding is refused, never written in part") {
    LoadedSnapshot loaded = db.read(1, HistoryTiming::deferred);
    ChunkWriter again;
    CHECK_THROWS_AS(again.prepare(loaded.workspace, 1), std::logic_error);
    CHECK_THROWS_AS(save_snapshot(loaded.workspace), std::logic_error);
    loaded.workspace.settle_histories();
    MemoryDatabase other;
    save(again, other, loaded.workspace, 1);
    const LoadedSnapshot reread = other.read(1);
    REQUIRE(reread.ok);
    CHECK(same_saved_state(reread.workspace, ws));
  }
}

TEST_CASE("a malformed history section under a sound checksum: read now it fails the load, deferred it is left out and said") {
  Workspace ws = testing::random_workspace(13, 1, 6);
  REQUIRE(chunk_count_for(ws.size()) == 1);
  const Id task = task_ids(ws).front();
  REQUIRE(!ws.history(task).empty());
  ChunkWriter writer;
  MemoryDatabase db;
  save(writer, db, ws, 1);
  // One byte more after the histories, re-sealed: the checksum is sound, the payload is not.
  auto& [key, chunk] = *db.chunks.begin();
  const Opened opened = open(chunk);
  std::vector<std::uint8_t> payload(opened.payload.begin(), opened.payload.end());
  payload.push_back(0);
  chunk = seal(payload, opened.schema, opened.generation);
  Manifest manifest = decode_manifest(db.manifests.at(1).first).manifest;
  manifest.chunks[0].length = chunk.size();
  manifest.chunks[0].checksum = open(chunk).checksum;
  db.manifests.at(1).first = encode_manifest(manifest);

  CHECK(!db.read(1, HistoryTiming::now).ok);
  LoadedSnapshot lazy = db.read(1, HistoryTiming::deferred);
  REQUIRE_MESSAGE(lazy.ok, lazy.error);
  CHECK(lazy.workspace.same_items(ws));  // the items are all there
  lazy.workspace.settle_histories();
  CHECK(lazy.workspace.history(task).empty());
  CHECK(lazy.workspace.history_problem().find("could not be read") != std::string::npos);
}

// What IdbStore refuses (and never overwrites) it knows by the flag, not by the text.
TEST_CASE("a chunk or a manifest written by a newer schema is flagged as such; a damaged one is not") {
  Workspace ws = testing::random_workspace(13, 1, 6);
  REQUIRE(chunk_count_for(ws.size()) == 1);
  ChunkWriter writer;
  MemoryDatabase db;
  save(writer, db, ws, 1);
  SUBCASE("a chunk") {
    auto& chunk = db.chunks.begin()->second;
    const Opened opened = open(chunk);
    chunk = seal(std::vector<std::uint8_t>(opened.payload.begin(), opened.payload.end()), kSchemaVersion + 1,
                 opened.generation);
    Manifest manifest = decode_manifest(db.manifests.at(1).first).manifest;
    manifest.chunks[0].length = chunk.size();
    manifest.chunks[0].checksum = open(chunk).checksum;
    db.manifests.at(1).first = encode_manifest(manifest);
    const LoadedSnapshot refused = db.read(1);
    CHECK_FALSE(refused.ok);
    CHECK(refused.newer_schema);
  }
  SUBCASE("the manifest") {
    const Opened opened = open(db.manifests.at(1).first);
    db.manifests.at(1).first = seal(std::vector<std::uint8_t>(opened.payload.begin(), opened.payload.end()),
                                    kManifestSchema + 1, opened.generation);
    const LoadedSnapshot refused = db.read(1);
    CHECK_FALSE(refused.ok);
    CHECK(refused.newer_schema);
  }
  SUBCASE("a damaged chunk") {
    auto& chunk = db.chunks.begin()->second;
    chunk.back() ^= 1;
    const LoadedSnapshot failed = db.read(1);
    CHECK_FALSE(failed.ok);
    CHECK_FALSE(failed.newer_schema);
  }
}

// The workspace keeps no id -> kind index (Workspace::kind_of asks each
// kind's map), so an id two kinds share is found once all chunks are in.
TEST_CASE("a save in which two items of different kinds share an id is refused, whole or in chunks") {
  Workspace ws;
  const Id project{1, 1}, shared{0x5000, 5}, other{0x9000, 9};
  Project p;
  p.id = project;
  ws.insert(p);
  for (const Id id : {shared, other}) {
    Task t;
    t.id = id;
    t.parent = project;
    ws.insert(t);
  }
  Person person;  // a kind read before tasks, with a task's id
  person.id = shared;
  person.parent = project;
  ws.insert(person);
  REQUIRE(ws.id_of_two_kinds() == shared);

  const Decoded whole = decode_workspace(encode_workspace(ws, 1));
  CHECK_FALSE(whole.ok);
  CHECK(whole.error.find("two items of different kinds have the id " + shared.to_string()) != std::string::npos);

  MemoryDatabase db;
  ChunkWriter writer;
  db.write(writer.prepare(ws, 1));
  const LoadedSnapshot chunked = db.read(1, HistoryTiming::deferred);
  CHECK_FALSE(chunked.ok);
  CHECK(chunked.error.find(shared.to_string()) != std::string::npos);

  // Chunks by low id bits (manifest schema 2) have no ranges: the task and
  // the person in different chunks are found once all chunks are in.
  MemoryDatabase old_layout;
  write_low_bits_store(ws, old_layout, 1, 2, [](Id, std::size_t kind) { return kind == kKindIndex<Person> ? 1u : 0u; });
  const LoadedSnapshot apart = old_layout.read(1, HistoryTiming::deferred);
  CHECK_FALSE(apart.ok);
  CHECK(apart.error.find("two items of different kinds have the id " + shared.to_string()) != std::string::npos);
}
