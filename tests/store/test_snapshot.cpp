#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <random>

#include "core/commands.h"
#include "core/json_io.h"
#include "store/crc32.h"
#include "store/envelope.h"
#include "store/snapshot.h"
#include "support/random_workspace.h"

using namespace cairn;
using namespace cairn::store;

TEST_CASE("1000 random workspaces survive a binary round trip unchanged") {
  std::size_t items = 0;
  for (std::uint64_t seed = 1; seed <= 1000; ++seed) {
    const Workspace original = testing::random_workspace(seed, 1 + static_cast<int>(seed % 3), 3);
    items += original.size();
    const auto bytes = encode_workspace(original, seed);
    const Decoded decoded = decode_workspace(bytes);
    REQUIRE_MESSAGE(decoded.ok, decoded.error);
    CHECK(decoded.generation == seed);
    CHECK(decoded.snapshot.warnings.empty());
    CHECK(decoded.snapshot.workspace == original);
  }
  CHECK(items > 20000);  // the generator really fills workspaces
}

TEST_CASE("a binary round trip gives the same JSON export, byte for byte") {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    const Workspace original = testing::random_workspace(seed, 1 + static_cast<int>(seed % 3), 4, /*history=*/false);
    const Decoded decoded = decode_workspace(encode_workspace(original, 1));
    REQUIRE_MESSAGE(decoded.ok, decoded.error);
    CHECK(export_json(decoded.snapshot.workspace) == export_json(original));
  }
}

TEST_CASE("every single-byte corruption and every truncation is detected") {
  const Workspace ws = testing::random_workspace(77, 1, 2);
  const auto good = encode_workspace(ws, 5);
  REQUIRE(decode_workspace(good).ok);
  REQUIRE(good.size() > 500);
  std::mt19937 rng(9);
  for (std::size_t i = 0; i < good.size(); ++i) {
    auto bad = good;
    bad[i] = static_cast<std::uint8_t>(bad[i] ^ (1u + rng() % 255u));  // never a no-op
    const Decoded d = decode_workspace(bad);
    CHECK_MESSAGE(!d.ok, "byte " << i << " changed unnoticed");
  }
  for (std::size_t n = 0; n < good.size(); ++n) {
    const Decoded d = decode_workspace(std::span(good).first(n));
    CHECK_MESSAGE(!d.ok, "truncation to " << n << " bytes unnoticed");
  }
}

TEST_CASE("hostile payloads with a valid checksum give an error, never a crash or a huge allocation") {
  std::mt19937 rng(4);
  for (int round = 0; round < 2000; ++round) {
    std::vector<std::uint8_t> junk(rng() % 300);
    for (auto& b : junk) b = static_cast<std::uint8_t>(rng());
    if (!junk.empty() && round % 2 == 0) junk[0] = static_cast<std::uint8_t>(rng() % 30);  // plausible table count
    const Decoded d = decode_workspace(seal(junk, kSchemaVersion, 1));
    if (junk.empty()) continue;
    CHECK_FALSE(d.ok);
  }
  // A count of 2^60 elements in 16 bytes.
  std::vector<std::uint8_t> liar(16, 0);
  liar[7] = 0x10;
  const Decoded d = decode_workspace(seal(liar, kSchemaVersion, 1));
  CHECK_FALSE(d.ok);
  CHECK(d.error.find("claims") != std::string::npos);
}

TEST_CASE("mutated real snapshots (valid checksum) never crash the loader") {
  const auto payload = save_snapshot(testing::random_workspace(5, 1, 2));
  std::mt19937 rng(11);
  int refused = 0;
  for (int round = 0; round < 3000; ++round) {
    auto bad = payload;
    for (int k = 0; k < 1 + round % 4; ++k) bad[rng() % bad.size()] = static_cast<std::uint8_t>(rng());
    const LoadedSnapshot s = load_snapshot(bad, kSchemaVersion);
    if (!s.ok) {
      ++refused;
      CHECK_FALSE(s.error.empty());
    }
  }
  CHECK(refused > 0);
}

TEST_CASE("a snapshot from a newer schema is refused with a reason") {
  const auto payload = save_snapshot(testing::random_workspace(3));
  const Decoded d = decode_workspace(seal(payload, kSchemaVersion + 1, 1));
  CHECK_FALSE(d.ok);
  CHECK(d.newer_schema);
  CHECK(d.error.find("newer version of Cairn") != std::string::npos);
  // Damage is no newer schema.
  auto torn = seal(std::vector<std::uint8_t>(payload.begin(), payload.begin() + payload.size() / 2), kSchemaVersion, 1);
  const Decoded damaged = decode_workspace(torn);
  CHECK_FALSE(damaged.ok);
  CHECK_FALSE(damaged.newer_schema);
}

TEST_CASE("the envelope explains what is wrong") {
  CHECK(open(std::vector<std::uint8_t>(10)).error.find("too short") != std::string::npos);
  CHECK(open(std::vector<std::uint8_t>(64)).error.find("wrong magic") != std::string::npos);
  auto bytes = seal(std::vector<std::uint8_t>{1, 2, 3}, 1, 9);
  bytes.push_back(0);
  CHECK(open(bytes).error.find("truncated or torn") != std::string::npos);
  bytes.pop_back();
  bytes.back() ^= 1;
  CHECK(open(bytes).error.find("checksum") != std::string::npos);
}

namespace {

std::vector<std::uint8_t> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "missing golden file " << path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string read_text(const std::string& path) {
  const auto bytes = read_file(path);
  return {bytes.begin(), bytes.end()};
}

void write_text(const std::string& path, std::string_view text) {
  std::ofstream(path, std::ios::binary).write(text.data(), static_cast<std::streamsize>(text.size()));
}

std::string golden_path(int schema, std::string_view extension = ".cairn") {
  return std::string(CAIRN_TEST_DATA_DIR) + "/golden/workspace-schema" + std::to_string(schema) + std::string(extension);
}

// Every item's history, one change per line, in id order: the golden
// histories are compared as text against a committed file.
std::string history_text(const Workspace& ws) {
  std::vector<Id> ids;
  for (const auto& [id, log] : ws.histories())
    if (!log.empty()) ids.push_back(id);
  std::sort(ids.begin(), ids.end());
  std::string out;
  for (const Id& id : ids)
    for (const Change& c : ws.history(id))
      out += id.to_string() + " " + format_timestamp(c.at) + " " + value_to_json(c.author) + " " + c.what + " " +
             value_to_json(c.before) + " -> " + value_to_json(c.after) + "\n";
  return out;
}

// The items of a committed JSON export, with their ids (imported into an
// empty workspace nothing clashes, so nothing is renamed).
Workspace from_json(const std::string& text) {
  Workspace ws;
  IdSource ids(1);
  ImportPlan plan = plan_import(text, ws, ids);
  REQUIRE_MESSAGE(plan.ok, plan.error);
  REQUIRE(apply(ws, plan.command).ok);
  return ws;
}

// The golden files were written once, by the version that introduced their
// schema: the snapshot, its items as a JSON export and (schema 2 on) the
// histories as text. They are never regenerated from today's code, so
// model fields can be added without touching them. CAIRN_UPDATE_GOLDEN=<N>
// writes the three files of the current schema N from `ws` (for a new schema).
void maybe_write_golden(const Workspace& ws, std::uint16_t schema) {
  const char* update = std::getenv("CAIRN_UPDATE_GOLDEN");
  if (!update || std::to_string(schema) != update) return;
  REQUIRE(schema == kSchemaVersion);  // only the current schema can be written
  const auto bytes = encode_workspace(ws, 1);
  write_text(golden_path(schema), {reinterpret_cast<const char*>(bytes.data()), bytes.size()});
  write_text(golden_path(schema, ".json"), export_json(ws));
  write_text(golden_path(schema, ".history.txt"), history_text(ws));
}

}  // namespace

// Golden files: snapshots written by earlier versions and committed. Every
// later version must keep reading them; that is the migration test.

TEST_CASE("schema 1 (no class versions, no histories) migrates: same items, empty histories") {
  const auto bytes = read_file(golden_path(1));
  REQUIRE(open(bytes).schema == 1);
  const Decoded d = decode_workspace(bytes);
  REQUIRE_MESSAGE(d.ok, d.error);
  CHECK(d.snapshot.warnings.empty());
  const Workspace expected = from_json(read_text(golden_path(1, ".json")));
  CHECK(d.snapshot.workspace.same_items(expected));
  CHECK(d.snapshot.workspace.size() > 50);
  CHECK(d.snapshot.workspace.histories().empty());

  // Saved again it is a current-schema snapshot that reads back the same.
  const auto resaved = encode_workspace(d.snapshot.workspace, d.generation + 1);
  CHECK(open(resaved).schema == kSchemaVersion);
  const Decoded again = decode_workspace(resaved);
  REQUIRE_MESSAGE(again.ok, again.error);
  CHECK(again.snapshot.workspace == d.snapshot.workspace);
}

TEST_CASE("the committed schema-2 golden snapshot loads with every item's history") {
  maybe_write_golden(testing::random_workspace(20261127, 2, 3, /*history=*/true), 2);
  const auto bytes = read_file(golden_path(2));
  REQUIRE(open(bytes).schema == 2);
  const Decoded d = decode_workspace(bytes);
  REQUIRE_MESSAGE(d.ok, d.error);
  CHECK(d.snapshot.warnings.empty());
  CHECK(d.snapshot.workspace.same_items(from_json(read_text(golden_path(2, ".json")))));
  CHECK(history_text(d.snapshot.workspace) == read_text(golden_path(2, ".history.txt")));
  std::size_t changes = 0;
  for (const auto& [id, log] : d.snapshot.workspace.histories()) changes += log.size();
  CHECK(changes > d.snapshot.workspace.size());  // "created" plus the fields set

  // Saved again and read back: the same items and histories.
  const Decoded again = decode_workspace(encode_workspace(d.snapshot.workspace, 2));
  REQUIRE_MESSAGE(again.ok, again.error);
  CHECK(again.snapshot.workspace == d.snapshot.workspace);
}

TEST_CASE("equal workspaces give equal bytes: histories are written in a stable order") {
  const Workspace a = testing::random_workspace(20261127, 2, 3, true);
  const Workspace b = testing::random_workspace(20261127, 2, 3, true);
  CHECK(encode_workspace(a, 1) == encode_workspace(b, 1));
}

TEST_CASE("histories of removed items are not saved; the items' own histories are") {
  Workspace ws = testing::random_workspace(9, 1, 1);
  const Id project = ws.all<Project>().begin()->first;
  Command remove;
  remove.ops.push_back(RemoveItem{project});
  ApplyResult removed = apply(ws, remove);
  REQUIRE(removed.ok);
  for (auto& [id, change] : removed.changes) ws.record(id, std::move(change));
  CHECK(ws.history(project).back().what == "removed");

  const Decoded d = decode_workspace(encode_workspace(ws, 2));
  REQUIRE_MESSAGE(d.ok, d.error);
  CHECK(d.snapshot.workspace.size() == 0);
  CHECK(d.snapshot.workspace.histories().empty());
}

TEST_CASE("a hostile history count is refused before anything is allocated") {
  Workspace ws;
  const auto payload = save_snapshot(ws);
  // An empty workspace: the table heads, then the history count (8 bytes) at the end.
  std::vector<std::uint8_t> hostile(payload.begin(), payload.end() - 8);
  for (int i = 0; i < 8; ++i) hostile.push_back(0xFF);
  const LoadedSnapshot loaded = load_snapshot(hostile, kSchemaVersion);
  CHECK_FALSE(loaded.ok);
  CHECK(loaded.error.find("claims") != std::string::npos);
}

// The reference: one bit at a time, straight from the definition of CRC-32
// (reflected polynomial 0xEDB88320), to check the sliced tables against.
static std::uint32_t crc32_bitwise(std::span<const std::uint8_t> bytes) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (const std::uint8_t b : bytes) {
    crc ^= b;
    for (int k = 0; k < 8; ++k) crc = (crc & 1) ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
  }
  return ~crc;
}

TEST_CASE("CRC-32 gives the standard check value and matches the bitwise definition at every length and offset") {
  const std::string check = "123456789";
  CHECK(cairn::store::crc32({reinterpret_cast<const std::uint8_t*>(check.data()), check.size()}) == 0xCBF43926u);
  std::mt19937 rng(7);
  std::vector<std::uint8_t> bytes(300);
  for (auto& b : bytes) b = static_cast<std::uint8_t>(rng());
  for (std::size_t offset = 0; offset < 9; ++offset)
    for (std::size_t length = 0; offset + length <= bytes.size(); length += 7) {
      const std::span<const std::uint8_t> part(bytes.data() + offset, length);
      CHECK(cairn::store::crc32(part) == crc32_bitwise(part));
      // Continuing a checksum over two pieces equals one pass over both.
      const std::size_t cut = length / 3;
      CHECK(cairn::store::crc32(part.subspan(cut), cairn::store::crc32(part.first(cut))) == crc32_bitwise(part));
    }
}

TEST_CASE("encode_workspace is the envelope of save_snapshot, byte for byte") {
  const cairn::Workspace ws = cairn::testing::random_workspace(99, 2, 3, true);
  const std::vector<std::uint8_t> payload = cairn::store::save_snapshot(ws);
  CHECK(cairn::store::encode_workspace(ws, 42) == cairn::store::seal(payload, cairn::store::kSchemaVersion, 42));
}
