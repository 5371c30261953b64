#pragma once
#include <cstdint>
#include <string>

namespace cairn {

// Sizes as notices show them. A megabyte is 1024 × 1024 bytes.

// "64 MB", "1.5 MB" (tenths rounded down), or "512 bytes" below a megabyte.
std::string size_text(std::uint64_t bytes);

// A size over a limit and the limit, for "X is <size>; files over <limit> are
// refused". The size never reads as the limit or less: "64.2 MB" beside
// "64 MB", but "67,108,865 bytes" beside "64 MB (67,108,864 bytes)" when
// tenths of a megabyte cannot tell them apart.
struct SizeOverLimit {
  std::string size;
  std::string limit;
};
SizeOverLimit size_over_limit(std::uint64_t size, std::uint64_t limit);

}  // namespace cairn
