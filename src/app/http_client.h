#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/replicator.h"

namespace cairn {

// Asynchronous HTTP for team sync: libcurl on the desktop
// (platform/curl_http.h), fetch() in the browser. Replies are delivered on
// the main thread, from poll().
class HttpClient {
 public:
  using Done = std::function<void(HttpReply)>;
  virtual ~HttpClient() = default;
  // Starts `request` against `base_url` (the database URL, ending in '/')
  // with extra header lines ("Authorization: Basic …"). `done` runs once:
  // with the reply, with status 0 on a network error, or with aborted set.
  virtual std::uint64_t start(const std::string& base_url, const HttpRequest& request,
                              const std::vector<std::string>& headers, Done done) = 0;
  // Ends a request early; its `done` runs with aborted set.
  virtual void abort(std::uint64_t request) = 0;
  // Moves transfers along for up to `wait_ms`, then runs the `done` of
  // every request that finished.
  virtual void poll(int wait_ms) = 0;
};

}  // namespace cairn
