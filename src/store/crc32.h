#pragma once
#include <cstdint>
#include <span>

namespace cairn::store {

// CRC-32 (IEEE 802.3, the zlib/PNG polynomial). Detects every single-byte
// error and every burst of up to 32 bits, which is what a torn or flipped
// stored record looks like.
std::uint32_t crc32(std::span<const std::uint8_t> bytes, std::uint32_t crc = 0);

}  // namespace cairn::store
