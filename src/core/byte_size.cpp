#include "core/byte_size.h"

namespace cairn {
namespace {

constexpr std::uint64_t kMegabyte = 1024 * 1024;

// "67,108,865 bytes"
std::string bytes_text(std::uint64_t bytes) {
  std::string digits = std::to_string(bytes);
  for (std::size_t at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, ",");
  return digits + (bytes == 1 ? " byte" : " bytes");
}

// Tenths of a megabyte, rounded down.
std::uint64_t tenths(std::uint64_t bytes) { return bytes / kMegabyte * 10 + bytes % kMegabyte * 10 / kMegabyte; }

}  // namespace

std::string size_text(std::uint64_t bytes) {
  if (bytes < kMegabyte) return bytes_text(bytes);
  if (bytes % kMegabyte == 0) return std::to_string(bytes / kMegabyte) + " MB";
  const std::uint64_t t = tenths(bytes);
  return std::to_string(t / 10) + "." + std::to_string(t % 10) + " MB";
}

SizeOverLimit size_over_limit(std::uint64_t size, std::uint64_t limit) {
  // Texts in megabytes name the size rounded down and the limit exactly (or
  // rounded down too): a larger number of tenths is a larger size.
  if (limit >= kMegabyte && tenths(size) > tenths(limit)) return {size_text(size), size_text(limit)};
  std::string limit_text = bytes_text(limit);
  if (limit >= kMegabyte) limit_text = size_text(limit) + " (" + limit_text + ")";
  return {bytes_text(size), limit_text};
}

}  // namespace cairn
