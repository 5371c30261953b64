#include "core/id.h"

namespace cairn {
namespace {

constexpr char kHex[] = "0123456789abcdef";

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Positions of the dashes in the 36-character text form.
bool is_dash_position(std::size_t i) { return i == 8 || i == 13 || i == 18 || i == 23; }

}  // namespace

std::string Id::to_string() const {
  std::string out;
  out.reserve(36);
  const std::uint64_t halves[2] = {hi, lo};
  for (int nibble = 0; nibble < 32; ++nibble) {
    if (is_dash_position(out.size())) out.push_back('-');
    const std::uint64_t half = halves[nibble / 16];
    const int shift = 60 - 4 * (nibble % 16);
    out.push_back(kHex[(half >> shift) & 0xF]);
  }
  return out;
}

std::optional<Id> Id::parse(std::string_view text) {
  if (text.size() != 36) return std::nullopt;
  Id id;
  int nibble = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_dash_position(i)) {
      if (text[i] != '-') return std::nullopt;
      continue;
    }
    const int v = hex_value(text[i]);
    if (v < 0) return std::nullopt;
    std::uint64_t& half = nibble < 16 ? id.hi : id.lo;
    half = (half << 4) | static_cast<std::uint64_t>(v);
    ++nibble;
  }
  return id;
}

IdSource::IdSource() {
  std::random_device device;
  std::seed_seq seed{device(), device(), device(), device(), device(), device(), device(), device()};
  engine_.seed(seed);
}

Id IdSource::next() {
  Id id{engine_(), engine_()};
  // UUID version 4 (random) and RFC 4122 variant bits.
  id.hi = (id.hi & ~0xF000ull) | 0x4000ull;
  id.lo = (id.lo & ~(0xC000000000000000ull)) | 0x8000000000000000ull;
  return id;
}

}  // namespace cairn
