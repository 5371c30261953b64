#include "platform/curl_http.h"

#include <curl/curl.h>

#include <cstdio>
#include <string>

namespace cairn {

struct CurlHttp::Transfer {
  std::uint64_t id = 0;
  CURL* easy = nullptr;
  curl_slist* headers = nullptr;
  std::string body_out;
  std::string body_in;
  Done done;
};

namespace {

std::size_t append(char* data, std::size_t size, std::size_t count, void* user) {
  auto* body = static_cast<std::string*>(user);
  constexpr std::size_t kMaxBody = 256u * 1024u * 1024u;  // a reply larger than this is refused
  if (body->size() + size * count > kMaxBody) return 0;
  body->append(data, size * count);
  return size * count;
}

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

}  // namespace

bool secure_or_loopback(std::string_view url) {
  if (starts_with(url, "https://")) return true;
  for (const char* host : {"http://127.0.0.1", "http://localhost", "http://[::1]"}) {
    const std::string_view h(host);
    if (starts_with(url, h) && (url.size() == h.size() || url[h.size()] == ':' || url[h.size()] == '/')) return true;
  }
  return false;
}

CurlHttp::CurlHttp() {
  curl_global_init(CURL_GLOBAL_DEFAULT);
  multi_ = curl_multi_init();
}

CurlHttp::~CurlHttp() {
  for (auto& [id, t] : transfers_) {
    curl_multi_remove_handle(static_cast<CURLM*>(multi_), t->easy);
    curl_easy_cleanup(t->easy);
    curl_slist_free_all(t->headers);
  }
  curl_multi_cleanup(static_cast<CURLM*>(multi_));
  curl_global_cleanup();
}

std::uint64_t CurlHttp::start(const std::string& base_url, const HttpRequest& request,
                              const std::vector<std::string>& headers, Done done) {
  const std::uint64_t id = ++next_id_;
  if (!secure_or_loopback(base_url)) {
    finished_.emplace_back(std::move(done), HttpReply{0, "sync needs https:// (plain http only to this computer)", false});
    return id;
  }
  auto t = std::make_unique<Transfer>();
  t->id = id;
  t->easy = curl_easy_init();
  t->body_out = request.body;
  t->done = std::move(done);
  const std::string url = base_url + request.target;
  curl_easy_setopt(t->easy, CURLOPT_URL, url.c_str());
  curl_easy_setopt(t->easy, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  if (request.method != "GET") {
    curl_easy_setopt(t->easy, CURLOPT_POSTFIELDS, t->body_out.data());
    curl_easy_setopt(t->easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(t->body_out.size()));
  }
  t->headers = curl_slist_append(t->headers, "Accept: application/json");
  t->headers = curl_slist_append(t->headers, "Content-Type: application/json");
  for (const std::string& h : headers) t->headers = curl_slist_append(t->headers, h.c_str());
  curl_easy_setopt(t->easy, CURLOPT_HTTPHEADER, t->headers);
  curl_easy_setopt(t->easy, CURLOPT_WRITEFUNCTION, append);
  curl_easy_setopt(t->easy, CURLOPT_WRITEDATA, &t->body_in);
  curl_easy_setopt(t->easy, CURLOPT_CONNECTTIMEOUT_MS, 10'000L);
  // A longpoll waits for minutes on servers that ignore timeout=; the
  // driver aborts it. Anything else gets two minutes.
  if (!request.longpoll) curl_easy_setopt(t->easy, CURLOPT_TIMEOUT_MS, 120'000L);
  curl_easy_setopt(t->easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(t->easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(t->easy, CURLOPT_PRIVATE, reinterpret_cast<void*>(static_cast<std::uintptr_t>(id)));
  curl_multi_add_handle(static_cast<CURLM*>(multi_), t->easy);
  transfers_.emplace(id, std::move(t));
  return id;
}

void CurlHttp::finish(Transfer& t, HttpReply reply) {
  curl_multi_remove_handle(static_cast<CURLM*>(multi_), t.easy);
  curl_easy_cleanup(t.easy);
  curl_slist_free_all(t.headers);
  finished_.emplace_back(std::move(t.done), std::move(reply));
  transfers_.erase(t.id);
}

void CurlHttp::abort(std::uint64_t request) {
  const auto found = transfers_.find(request);
  if (found != transfers_.end()) finish(*found->second, HttpReply{0, "", true});
}

void CurlHttp::poll(int wait_ms) {
  auto* multi = static_cast<CURLM*>(multi_);
  int running = 0;
  curl_multi_perform(multi, &running);
  if (running > 0 && wait_ms > 0 && finished_.empty()) {
    curl_multi_poll(multi, nullptr, 0, wait_ms, nullptr);
    curl_multi_perform(multi, &running);
  }
  int left = 0;
  while (CURLMsg* message = curl_multi_info_read(multi, &left)) {
    if (message->msg != CURLMSG_DONE) continue;
    void* id = nullptr;
    curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, &id);
    const auto found = transfers_.find(static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(id)));
    if (found == transfers_.end()) continue;
    Transfer& t = *found->second;
    long status = 0;
    if (message->data.result == CURLE_OK) curl_easy_getinfo(t.easy, CURLINFO_RESPONSE_CODE, &status);
    HttpReply reply{static_cast<int>(status),
                    message->data.result == CURLE_OK ? std::move(t.body_in) : curl_easy_strerror(message->data.result), false};
    finish(t, std::move(reply));
  }
  std::vector<std::pair<Done, HttpReply>> ready;
  ready.swap(finished_);
  for (auto& [done, reply] : ready) done(std::move(reply));
}

}  // namespace cairn
