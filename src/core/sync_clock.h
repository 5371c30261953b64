#pragma once
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cairn {

// When a field was written, as a hybrid logical clock: wall time in
// milliseconds, a counter for writes within one millisecond (or while the
// wall clock lags behind a clock seen from another device), and the device
// as the tie-break. Every device orders two clocks the same way, whatever
// their wall clocks say: the larger clock is the later write.
struct SyncClock {
  std::int64_t wall_ms = 0;
  std::uint32_t counter = 0;
  std::string device;  // [0-9a-z-], at most kMaxDeviceLength

  static constexpr std::size_t kMaxDeviceLength = 40;
  // By wall time, then counter, then device. (Written out: Emscripten's
  // libc++ has no operator<=> for std::string.)
  friend std::strong_ordering operator<=>(const SyncClock& a, const SyncClock& b) {
    if (a.wall_ms != b.wall_ms) return a.wall_ms <=> b.wall_ms;
    if (a.counter != b.counter) return a.counter <=> b.counter;
    const int c = a.device.compare(b.device);
    return c < 0 ? std::strong_ordering::less : c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal;
  }
  bool operator==(const SyncClock&) const = default;
  bool zero() const { return wall_ms == 0 && counter == 0 && device.empty(); }

  // "0000018c9f3a2b10-00000001-device": fixed-width hex, so text order is
  // clock order.
  std::string to_string() const;
  // Accepts only what to_string writes.
  static std::optional<SyncClock> parse(std::string_view text);
};

// Makes the clocks of one device's writes: each later than the last one
// made here and than any clock seen from elsewhere.
class SyncClockSource {
 public:
  explicit SyncClockSource(std::string device) : last_{0, 0, std::move(device)} {}
  SyncClock tick(std::int64_t now_ms);
  // A clock from elsewhere: later writes here must order after it. A clock
  // further ahead of `now_ms` than kMaxAheadMs (a device whose clock is
  // wrong by days, or a hostile server) is not followed: writes here would
  // otherwise carry its time for good.
  void observe(const SyncClock& seen, std::int64_t now_ms);
  const SyncClock& last() const { return last_; }
  // Restores the state saved with the workspace.
  void restore(const SyncClock& last) { last_ = last; }

  static constexpr std::int64_t kMaxAheadMs = 24ll * 3600 * 1000;

 private:
  SyncClock last_;
};

// A device name as clocks carry it: lowercase letters, digits and '-',
// at most SyncClock::kMaxDeviceLength; anything else becomes '-'.
std::string sync_device_name(std::string_view text);

}  // namespace cairn
