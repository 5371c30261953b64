#include "app/sync_driver.h"

#include <memory>

namespace cairn {

SyncDriver::~SyncDriver() {
  *alive_flag_ = false;
  if (open_) http_.abort(*open_);
}

void SyncDriver::tick(Workspace& ws, std::string_view author, std::int64_t now_ms) {
  if (arrived_) {
    const HttpReply reply = std::move(*arrived_);
    arrived_.reset();
    replicator_.reply(reply, ws, author, now_ms);
  }
  if (open_ && open_is_longpoll_ &&
      (replicator_.should_abort_longpoll() || now_ms - opened_at_ >= Replicator::kLongpollAbortMs)) {
    http_.abort(*open_);  // its reply (aborted) arrives through poll
    return;
  }
  if (open_) return;
  const std::optional<HttpRequest> request = replicator_.next(now_ms);
  if (!request) return;
  open_is_longpoll_ = request->longpoll;
  opened_at_ = now_ms;
  std::weak_ptr<bool> alive = alive_flag_;
  open_ = http_.start(server_.database_url, *request, server_.headers, [this, alive](HttpReply reply) {
    if (const auto flag = alive.lock(); !flag || !*flag) return;
    open_.reset();
    arrived_ = std::move(reply);
  });
}

std::int64_t SyncDriver::wake_at() const {
  if (open_ && open_is_longpoll_) return opened_at_ + Replicator::kLongpollAbortMs;
  return open_ ? 0 : replicator_.retry_at();
}

}  // namespace cairn
