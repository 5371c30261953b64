#include <doctest/doctest.h>

#include <random>

#include "core/json_parse.h"
#include "core/project_replica.h"
#include "core/sync_doc_json.h"
#include "support/random_workspace.h"

using namespace cairn;

namespace {

DecodedDoc decode_text(std::string_view text) {
  rapidjson::Document json;
  std::size_t offset = 0;
  REQUIRE(parse_json(text, json, offset).empty());
  return decode_doc(json);
}

SyncClock clock_at(std::int64_t wall, std::uint32_t counter, std::string device) {
  return SyncClock{wall, counter, std::move(device)};
}

}  // namespace

TEST_CASE("sync clocks: text order is clock order, and the parser takes only what to_string writes") {
  std::mt19937_64 rng(5);
  std::vector<SyncClock> clocks;
  for (int i = 0; i < 200; ++i)
    clocks.push_back(clock_at(static_cast<std::int64_t>(rng() % 4), static_cast<std::uint32_t>(rng() % 3),
                              i % 2 ? "laptop" : "phone-2"));
  clocks.push_back(clock_at(INT64_MAX, UINT32_MAX, std::string(SyncClock::kMaxDeviceLength, 'z')));
  for (const SyncClock& a : clocks) {
    CHECK(SyncClock::parse(a.to_string()) == a);
    for (const SyncClock& b : clocks) CHECK((a < b) == (a.to_string() < b.to_string()));
  }
  for (const char* bad : {"", "0000018c9f3a2b10-00000001", "0000018c9f3a2b1-00000001-x", "0000018C9F3A2B10-00000001-x",
                          "0000018c9f3a2b10-00000001-Laptop", "ffffffffffffffff-00000001-x", "0000018c9f3a2b10_00000001-x"})
    CHECK_FALSE(SyncClock::parse(bad).has_value());
  CHECK_FALSE(SyncClock::parse("0000018c9f3a2b10-00000001-" + std::string(SyncClock::kMaxDeviceLength + 1, 'a')).has_value());
  CHECK(sync_device_name("Ana's MacBook Pro") == "ana-s-macbook-pro");
}

TEST_CASE("a device's clocks always grow: past a slow wall clock, past clocks seen elsewhere, but not days ahead") {
  SyncClockSource source("laptop");
  const SyncClock a = source.tick(1000);
  const SyncClock b = source.tick(1000);
  const SyncClock c = source.tick(900);  // the wall clock went back
  CHECK(a < b);
  CHECK(b < c);
  source.observe(clock_at(5000, 7, "phone"), 1000);
  const SyncClock d = source.tick(1000);
  CHECK(clock_at(5000, 7, "phone") < d);
  source.observe(clock_at(1000 + SyncClockSource::kMaxAheadMs + 1, 0, "broken"), 1000);
  CHECK(source.tick(1000).wall_ms == 5000);
}

TEST_CASE("every item of a random workspace survives document -> JSON -> document, values in their own types") {
  Workspace ws = testing::random_workspace(21, 2, 4);
  const Id project = ws.all<Project>().begin()->first;
  ProjectReplica replica(project, "laptop");
  replica.stamp(ws, "Ana Lima", 1'800'000'000'000);
  REQUIRE(replica.docs().size() > 20);
  std::size_t fields = 0;
  for (const auto& [id, doc] : replica.docs()) {
    const DecodedDoc decoded = decode_text(encode_doc(doc, "3-abc"));
    REQUIRE_MESSAGE(decoded.ok, decoded.error);
    CHECK(decoded.warnings.empty());
    CHECK(decoded.rev == "3-abc");
    CHECK(decoded.doc == doc);
    fields += doc.fields.size();
  }
  CHECK(fields > 100);
  CHECK(replica.outbox().size() == replica.docs().size());
}

TEST_CASE("documents from the server are untrusted: refused whole, or a field left out, with a reason; unknown ones kept") {
  const std::string id = "\"_id\":\"6f1c2a4e-8a43-4c1e-9f39-0a6f1c2a4e8a\"";
  const std::string clock = "\"c\":\"0000018c9f3a2b10-00000000-laptop\",\"a\":\"ana\"";
  CHECK(decode_text("[]").error == "a document is not an object");
  CHECK(decode_text("{\"_id\":\"_design/app\"}").error.find("not a Cairn item") != std::string::npos);
  CHECK(decode_text("{" + id + ",\"kind\":\"task\"}").error.find("has no fields") != std::string::npos);
  CHECK(decode_text("{" + id + ",\"kind\":\"task\",\"parent\":7,\"fields\":{}}").error.find("parent") != std::string::npos);
  CHECK(decode_text("{" + id + ",\"kind\":\"task\",\"fields\":{},\"removed\":{\"v\":1," + clock + "}}")
            .error.find("removal") != std::string::npos);

  const DecodedDoc mixed = decode_text("{" + id + ",\"kind\":\"task\",\"fields\":{"
                                       "\"title\":{\"v\":\"Label\"," + clock + "},"
                                       "\"due\":{\"v\":\"2026-12-19\"," + clock + "},"
                                       "\"likely_days\":{\"v\":\"many\"," + clock + "},"
                                       "\"status\":{\"v\":\"done\",\"c\":\"yesterday\",\"a\":\"ana\"},"
                                       "\"colour\":{\"v\":{\"r\":1,\"g\":[2]}," + clock + "}}}");
  REQUIRE(mixed.ok);
  CHECK(mixed.warnings.size() == 2);  // likely_days: wrong type; status: bad clock
  CHECK(std::get<std::string>(mixed.doc.fields.at("title").value) == "Label");
  CHECK(std::holds_alternative<Date>(mixed.doc.fields.at("due").value));
  CHECK(mixed.doc.fields.at("colour").raw);  // a field of a newer Cairn: kept and sent back as it came
  CHECK(encode_doc(mixed.doc).find("\"colour\":{\"v\":{\"r\":1,\"g\":[2]}") != std::string::npos);

  const DecodedDoc newer = decode_text("{" + id + ",\"kind\":\"notebook\",\"fields\":{\"pages\":{\"v\":3," + clock + "}}}");
  REQUIRE(newer.ok);
  CHECK(newer.doc.fields.at("pages").raw);
  CHECK(decode_text(encode_doc(newer.doc)).doc == newer.doc);

  const std::string long_author(kMaxAuthorBytes + 1, 'a');
  const DecodedDoc author = decode_text("{" + id + ",\"kind\":\"task\",\"fields\":{\"title\":{\"v\":\"x\","
                                        "\"c\":\"0000018c9f3a2b10-00000000-laptop\",\"a\":\"" + long_author + "\"}}}");
  CHECK(author.ok);
  CHECK(author.doc.fields.empty());
  CHECK(decode_text("{" + id + ",\"_rev\":\"2-x\",\"_deleted\":true}").deleted);
}

TEST_CASE("merging documents is commutative, associative and idempotent") {
  std::mt19937_64 rng(8);
  const Id id{1, 2};
  auto random_doc = [&] {
    ItemDoc doc{id, "task", Id{3, 4}, {}, {}};
    for (const char* field : {"title", "status", "due"})
      if (rng() % 3 != 0)
        doc.fields[field] = FieldWrite{std::string(1, static_cast<char>('a' + rng() % 3)),
                                       clock_at(static_cast<std::int64_t>(rng() % 3), 0, rng() % 2 ? "a" : "b"), "x", {}};
    if (rng() % 2) doc.removed = FieldWrite{rng() % 2 == 0, clock_at(static_cast<std::int64_t>(rng() % 3), 0, "a"), "x", {}};
    return doc;
  };
  for (int i = 0; i < 500; ++i) {
    const ItemDoc a = random_doc(), b = random_doc(), c = random_doc();
    ItemDoc ab = a, ba = b, ab_c = a, bc = b, a_bc = a, aa = a;
    merge_doc(ab, b);
    merge_doc(ba, a);
    CHECK(ab == ba);
    merge_doc(ab_c, b);
    merge_doc(ab_c, c);
    merge_doc(bc, c);
    merge_doc(a_bc, bc);
    CHECK(ab_c == a_bc);
    CHECK_FALSE(merge_doc(aa, a));
    CHECK(aa == a);
  }
}
