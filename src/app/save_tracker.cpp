#include "app/save_tracker.h"

#include <utility>

namespace cairn {

void SaveTracker::make_read_only(std::string reason) {
  if (!read_only()) read_only_reason_ = reason.empty() ? std::string("this copy does not save") : std::move(reason);
}

void SaveTracker::loaded(std::uint64_t revision, std::string notice) {
  policy_.loaded(revision);
  notice_ = std::move(notice);
}

void SaveTracker::followed(std::uint64_t revision, std::string notice, std::string at) {
  loaded(revision, std::move(notice));
  followed_at_ = std::move(at);
}

void SaveTracker::add_notice(std::string notice) {
  if (notice_.empty()) notice_ = std::move(notice);
}

bool SaveTracker::due(double now) const {
  return storage_ != Storage::none && !read_only() && !in_flight_ && policy_.due(now);
}

void SaveTracker::started(std::uint64_t revision) {
  in_flight_ = true;
  in_flight_revision_ = revision;
}

void SaveTracker::finished(bool ok, std::string error, double now, std::string saved_at) {
  if (!in_flight_) return;
  in_flight_ = false;
  if (ok) {
    policy_.saved(in_flight_revision_);
    last_error_.clear();
    saved_at_ = std::move(saved_at);
  } else {
    policy_.failed(now);
    last_error_ = std::move(error);  // the data stays in memory; saving is retried
  }
}

std::string SaveTracker::status() const {
  if (read_only()) {
    std::string s = "Read-only: " + read_only_reason_;
    if (!followed_at_.empty()) s += " Showing the other tab's save of " + followed_at_ + ".";
    return s;
  }
  if (storage_ == Storage::none) return "No storage";
  if (storage_ == Storage::memory_only) return "Kept in memory only: this build does not save in the browser yet";
  if (!last_error_.empty()) return "Save failed, retrying: " + last_error_;
  if (in_flight_) return "Saving\xE2\x80\xA6";
  if (policy_.dirty()) return "Unsaved changes";
  if (!notice_.empty() && saved_at_.empty()) return "Recovered: " + notice_;
  return saved_at_.empty() ? "Saved" : "Saved " + saved_at_;
}

}  // namespace cairn
