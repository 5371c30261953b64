#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace cairn::store {

// Every stored snapshot is wrapped in an envelope:
//
//   offset size
//        0    8  magic "CAIRNWS\x1A"
//        8    2  envelope format version (1), little-endian like all fields
//       10    2  schema version of the payload
//       12    4  reserved, 0
//       16    8  generation (grows by one with every save)
//       24    8  payload length in bytes
//       32    4  CRC-32 of bytes 0..31 and of the payload
//       36    -  payload
//
// The checksum covers the header too, so a flipped byte anywhere is caught.
inline constexpr std::uint16_t kEnvelopeFormat = 1;
inline constexpr std::size_t kEnvelopeHeaderSize = 36;

std::vector<std::uint8_t> seal(std::span<const std::uint8_t> payload, std::uint16_t schema,
                               std::uint64_t generation);
// The same without copying the payload: `bytes` holds kEnvelopeHeaderSize
// bytes of room followed by the payload; the header is written in front.
void seal_in_place(std::vector<std::uint8_t>& bytes, std::uint16_t schema, std::uint64_t generation);

struct Opened {
  bool ok = false;
  std::string error;  // why the bytes are not a sound envelope
  std::uint16_t schema = 0;
  std::uint64_t generation = 0;
  std::uint32_t checksum = 0;
  std::span<const std::uint8_t> payload;  // points into the bytes given to open()
};

// Checks magic, format, length and checksum; never reads past `bytes`.
Opened open(std::span<const std::uint8_t> bytes);

}  // namespace cairn::store
