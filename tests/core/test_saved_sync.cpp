#include <doctest/doctest.h>

#include "core/saved_sync.h"
#include "support/random_workspace.h"

using namespace cairn;

namespace {

SavedSync sample() {
  Workspace ws = testing::random_workspace(31, 1, 3);
  ProjectReplica replica(ws.all<Project>().begin()->first, "laptop");
  replica.stamp(ws, "ana", 1'800'000'000'000);
  SavedSync saved{"https://couch.example.org/", "cairn-churn", replica.state(), {}};
  saved.checkpoint.session = "cairn-laptop-1";
  saved.checkpoint.since = "\"12-g1AAAA\"";
  saved.checkpoint.server_since = "\"11-g1AAAA\"";
  for (const ItemDoc& doc : saved.replica.docs) saved.checkpoint.revs[doc.id] = "1-abc";
  saved.replica.changed_while_hidden.push_back(saved.replica.docs.front().id);
  return saved;
}

}  // namespace

TEST_CASE("a shared project's sync state survives being saved and read back, and a replica resumes from it") {
  const SavedSync saved = sample();
  const DecodedSavedSync read = decode_saved_sync(encode_saved_sync(saved));
  REQUIRE_MESSAGE(read.ok, read.error);
  CHECK(read.warnings.empty());
  CHECK(read.saved.server == saved.server);
  CHECK(read.saved.database == saved.database);
  CHECK(read.saved.checkpoint == saved.checkpoint);
  CHECK(read.saved.replica.docs == saved.replica.docs);
  CHECK(read.saved.replica.outbox == saved.replica.outbox);
  CHECK(read.saved.replica.changed_while_hidden == saved.replica.changed_while_hidden);
  CHECK(read.saved.replica.clock == saved.replica.clock);

  ProjectReplica resumed(read.saved.replica);
  CHECK(resumed.project() == saved.replica.project);
  const bool same_text = encode_saved_sync({saved.server, saved.database, resumed.state(), saved.checkpoint}) == encode_saved_sync(saved);
  CHECK(same_text);
  // The workspace saved with it, read back: nothing in it is taken for a new local edit.
  Workspace reloaded = testing::random_workspace(31, 1, 3);
  resumed.stamp(reloaded, "ana", 1'900'000'000'000);
  CHECK(resumed.state().docs == saved.replica.docs);
  CHECK(resumed.outbox().size() == saved.replica.outbox.size());
}

TEST_CASE("a damaged or foreign sync state is refused whole, with a reason") {
  const std::string good = encode_saved_sync(sample());
  CHECK(decode_saved_sync("").error.find("not JSON") != std::string::npos);
  CHECK(decode_saved_sync("{\"format\":\"cairn\"}").error.find("not a Cairn sync state") != std::string::npos);
  std::string newer = good;
  newer.replace(newer.find("\"version\":1"), 11, "\"version\":9");
  CHECK(decode_saved_sync(newer).error.find("newer Cairn") != std::string::npos);
  std::string broken = good;
  broken.replace(broken.find("\"kind\":\""), 8, "\"kinx\":\"");
  CHECK(decode_saved_sync(broken).error.find("broken document") != std::string::npos);
  std::string outbox = good;
  outbox.replace(outbox.find("\"outbox\":["), 10, "\"outbox\":[7,");
  CHECK(decode_saved_sync(outbox).error.find("outbox") != std::string::npos);
}
