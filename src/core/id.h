#pragma once
#include <compare>
#include <cstdint>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <string_view>

namespace cairn {

// A stable 128-bit identifier (random, UUID version 4 layout). Items are always
// named by id, never by position, so commands apply the same way on every copy
// of a workspace.
struct Id {
  std::uint64_t hi = 0;
  std::uint64_t lo = 0;

  bool nil() const { return hi == 0 && lo == 0; }
  auto operator<=>(const Id&) const = default;

  // "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", lowercase.
  std::string to_string() const;
  // Accepts the form above (any case); nullopt for anything else.
  static std::optional<Id> parse(std::string_view text);

  template <class Archive>
  void serialize(Archive& archive, std::uint32_t /*version*/) {
    archive(hi, lo);
  }
};

// Makes ids. Seeded from the system's random device by default; a fixed seed
// gives reproducible ids for tests and benchmarks.
class IdSource {
 public:
  IdSource();
  explicit IdSource(std::uint64_t seed) : engine_(seed) {}
  Id next();

 private:
  std::mt19937_64 engine_;
};

}  // namespace cairn

template <>
struct std::hash<cairn::Id> {
  std::size_t operator()(const cairn::Id& id) const noexcept {
    return static_cast<std::size_t>(id.hi ^ (id.lo * 0x9E3779B97F4A7C15ull));
  }
};
