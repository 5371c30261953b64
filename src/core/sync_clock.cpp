#include "core/sync_clock.h"

#include <algorithm>
#include <cstdio>

namespace cairn {
namespace {

bool device_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

std::optional<std::uint64_t> parse_hex(std::string_view text) {
  std::uint64_t v = 0;
  for (const char c : text) {
    int d = -1;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    if (d < 0) return std::nullopt;
    v = v * 16 + static_cast<std::uint64_t>(d);
  }
  return v;
}

}  // namespace

std::string SyncClock::to_string() const {
  char head[32];
  std::snprintf(head, sizeof head, "%016llx-%08x-", static_cast<unsigned long long>(wall_ms),
                static_cast<unsigned>(counter));
  return head + device;
}

std::optional<SyncClock> SyncClock::parse(std::string_view text) {
  constexpr std::size_t kHead = 16 + 1 + 8 + 1;
  if (text.size() < kHead || text.size() > kHead + kMaxDeviceLength || text[16] != '-' || text[25] != '-')
    return std::nullopt;
  const auto wall = parse_hex(text.substr(0, 16));
  const auto counter = parse_hex(text.substr(17, 8));
  const std::string_view device = text.substr(kHead);
  if (!wall || !counter || *wall > static_cast<std::uint64_t>(INT64_MAX) ||
      !std::all_of(device.begin(), device.end(), device_char))
    return std::nullopt;
  return SyncClock{static_cast<std::int64_t>(*wall), static_cast<std::uint32_t>(*counter), std::string(device)};
}

SyncClock SyncClockSource::tick(std::int64_t now_ms) {
  if (now_ms > last_.wall_ms) {
    last_.wall_ms = now_ms;
    last_.counter = 0;
  } else if (last_.counter == UINT32_MAX) {
    ++last_.wall_ms;
    last_.counter = 0;
  } else {
    ++last_.counter;
  }
  return last_;
}

void SyncClockSource::observe(const SyncClock& seen, std::int64_t now_ms) {
  if (seen.wall_ms > now_ms + kMaxAheadMs) return;
  if (seen.wall_ms > last_.wall_ms || (seen.wall_ms == last_.wall_ms && seen.counter > last_.counter)) {
    last_.wall_ms = seen.wall_ms;
    last_.counter = seen.counter;
  }
}

std::string sync_device_name(std::string_view text) {
  std::string out;
  for (const char c : text.substr(0, SyncClock::kMaxDeviceLength)) {
    const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    out += device_char(lower) ? lower : '-';
  }
  return out;
}

}  // namespace cairn
