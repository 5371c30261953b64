#include "store/envelope.h"

#include <cstring>

#include "store/crc32.h"

namespace cairn::store {
namespace {

constexpr std::uint8_t kMagic[8] = {'C', 'A', 'I', 'R', 'N', 'W', 'S', 0x1A};

void put(std::uint8_t* out, std::uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out[i] = static_cast<std::uint8_t>(value >> (8 * i));
}

std::uint64_t get(std::span<const std::uint8_t> in, std::size_t offset, int bytes) {
  std::uint64_t value = 0;
  for (int i = 0; i < bytes; ++i) value |= static_cast<std::uint64_t>(in[offset + i]) << (8 * i);
  return value;
}

}  // namespace

std::vector<std::uint8_t> seal(std::span<const std::uint8_t> payload, std::uint16_t schema,
                               std::uint64_t generation) {
  std::vector<std::uint8_t> out(kEnvelopeHeaderSize + payload.size());
  if (!payload.empty()) std::memcpy(&out[kEnvelopeHeaderSize], payload.data(), payload.size());
  seal_in_place(out, schema, generation);
  return out;
}

void seal_in_place(std::vector<std::uint8_t>& out, std::uint16_t schema, std::uint64_t generation) {
  const std::size_t payload_size = out.size() - kEnvelopeHeaderSize;
  std::memcpy(out.data(), kMagic, sizeof kMagic);
  put(&out[8], kEnvelopeFormat, 2);
  put(&out[10], schema, 2);
  put(&out[12], 0, 4);
  put(&out[16], generation, 8);
  put(&out[24], payload_size, 8);
  const std::span<const std::uint8_t> header(out.data(), 32);
  const std::span<const std::uint8_t> payload(out.data() + kEnvelopeHeaderSize, payload_size);
  put(&out[32], crc32(payload, crc32(header)), 4);
}

Opened open(std::span<const std::uint8_t> bytes) {
  Opened o;
  if (bytes.size() < kEnvelopeHeaderSize) {
    o.error = "too short to be a Cairn snapshot (" + std::to_string(bytes.size()) + " bytes)";
    return o;
  }
  if (std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    o.error = "not a Cairn snapshot (wrong magic bytes)";
    return o;
  }
  const auto format = get(bytes, 8, 2);
  if (format != kEnvelopeFormat) {
    o.error = "snapshot envelope format " + std::to_string(format) + " is not supported by this version";
    return o;
  }
  const std::uint64_t length = get(bytes, 24, 8);
  // Compare without overflow: the length field comes from untrusted bytes.
  if (length != bytes.size() - kEnvelopeHeaderSize) {
    o.error = "snapshot is " + std::to_string(bytes.size() - kEnvelopeHeaderSize) + " payload bytes, header says " +
              std::to_string(length) + " (truncated or torn)";
    return o;
  }
  const auto stored_crc = static_cast<std::uint32_t>(get(bytes, 32, 4));
  const std::span<const std::uint8_t> payload = bytes.subspan(kEnvelopeHeaderSize);
  if (crc32(payload, crc32(bytes.first(32))) != stored_crc) {
    o.error = "snapshot checksum does not match (the stored bytes are damaged)";
    return o;
  }
  o.ok = true;
  o.schema = static_cast<std::uint16_t>(get(bytes, 10, 2));
  o.generation = get(bytes, 16, 8);
  o.checksum = stored_crc;
  o.payload = payload;
  return o;
}

}  // namespace cairn::store
