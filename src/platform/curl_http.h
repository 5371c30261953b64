#pragma once
#include <map>
#include <memory>

#include "app/http_client.h"

namespace cairn {

// HttpClient on libcurl's multi interface: no threads; poll() moves every
// transfer along and finishes them on the caller's thread. HTTPS is
// required except to loopback (checked by start).
class CurlHttp final : public HttpClient {
 public:
  CurlHttp();
  ~CurlHttp() override;
  CurlHttp(const CurlHttp&) = delete;
  CurlHttp& operator=(const CurlHttp&) = delete;

  std::uint64_t start(const std::string& base_url, const HttpRequest& request, const std::vector<std::string>& headers,
                      Done done) override;
  void abort(std::uint64_t request) override;
  void poll(int wait_ms) override;

 private:
  struct Transfer;
  void finish(Transfer& transfer, HttpReply reply);
  void* multi_ = nullptr;  // CURLM*
  std::uint64_t next_id_ = 0;
  std::map<std::uint64_t, std::unique_ptr<Transfer>> transfers_;
  std::vector<std::pair<Done, HttpReply>> finished_;  // run by poll, outside any curl call
};

// True for http://127.0.0.1, http://[::1] and http://localhost (any port),
// and for every https:// URL: where a password may be sent.
bool secure_or_loopback(std::string_view url);

}  // namespace cairn
