#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/http_client.h"
#include "core/replicator.h"

namespace cairn {

// Where a shared project's database is and how to reach it.
struct SyncServer {
  std::string database_url;          // "https://couch.example.org/cairn-churn/" (ends in '/')
  std::vector<std::string> headers;  // credentials: "Authorization: Basic …" or "Cookie: AuthSession=…"
};

// Runs one Replicator over an HttpClient: sends what it asks, hands it the
// replies, and cuts a longpoll short when it has waited
// Replicator::kLongpollAbortMs or when local edits wait to go out.
class SyncDriver {
 public:
  SyncDriver(Replicator& replicator, HttpClient& http, SyncServer server)
      : replicator_(replicator), http_(http), server_(std::move(server)) {}
  ~SyncDriver();
  SyncDriver(const SyncDriver&) = delete;
  SyncDriver& operator=(const SyncDriver&) = delete;

  // Call after HttpClient::poll and after local edits (stamped).
  void tick(Workspace& ws, std::string_view author, std::int64_t now_ms);
  // When tick next has work without a reply arriving (a retry or a
  // longpoll's deadline); 0: none.
  std::int64_t wake_at() const;
  bool request_open() const { return open_.has_value(); }

 private:
  Replicator& replicator_;
  HttpClient& http_;
  SyncServer server_;
  std::optional<std::uint64_t> open_;
  bool open_is_longpoll_ = false;
  std::int64_t opened_at_ = 0;
  std::optional<HttpReply> arrived_;
  std::shared_ptr<bool> alive_flag_ = std::make_shared<bool>(true);  // false once destroyed: late callbacks do nothing
};

}  // namespace cairn
