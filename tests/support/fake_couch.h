#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/replicator.h"

namespace cairn::testing {

// One CouchDB database as the replication protocol sees it, in memory:
// revision trees reduced to their leaves, opaque string sequences
// ("12-g1AAAA…", as CouchDB 3 writes them), conflicts on stale revisions,
// _local documents, longpolls that wait. For the replicator's tests; the
// integration tests use a real PouchDB Server.
class FakeCouch {
 public:
  // The reply, or nullopt for a longpoll with nothing new yet (it waits:
  // ask again after the next write).
  std::optional<HttpReply> handle(const HttpRequest& request);

  // Gone (404 for everything) until create(): a server restarted empty.
  void wipe();
  void create() { exists_ = true; }
  bool exists() const { return exists_; }
  bool deny = false;  // 403 for everything: the user is not a member

  // Adds a second live leaf to a document, as a CouchDB cluster or a peer
  // replication can: `body` is the whole document without _rev.
  void add_conflict(const std::string& id, const std::string& body);
  // Ids of the documents whose winning leaf is live.
  std::vector<std::string> live_ids() const;
  // The winning body of a document (no _rev), "" if none.
  std::string body_of(const std::string& id) const;
  std::size_t conflicted() const;  // documents with more than one live leaf
  std::uint64_t seq() const { return seq_; }

 private:
  struct Leaf {
    int gen = 0;
    std::string rev;
    std::string body;  // without _id, _rev
    bool deleted = false;
  };
  struct Doc {
    std::vector<Leaf> leaves;
    std::uint64_t seq = 0;
  };
  const Leaf* winner(const Doc& doc) const;
  std::string doc_json(const std::string& id, const Doc& doc, const Leaf& leaf, bool with_conflicts) const;
  std::string new_rev(int gen, const std::string& body);
  HttpReply bulk_docs(const std::string& body);
  HttpReply all_docs(const std::string& body);
  std::optional<HttpReply> changes(const std::string& query);
  HttpReply open_revs(const std::string& id, const std::string& query);

  bool exists_ = true;
  std::map<std::string, Doc> docs_;
  std::map<std::string, std::pair<std::string, std::string>> local_;  // id -> (rev, body)
  std::uint64_t seq_ = 0;
  std::uint64_t revs_made_ = 0;
};

}  // namespace cairn::testing
