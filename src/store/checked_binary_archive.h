#pragma once
// A cereal input archive over a byte span that never trusts the bytes:
// every read is bounds-checked, and every size prefix (strings, lists) is
// checked against the bytes that remain *before* anything is allocated.
// Written to pair with cereal::BinaryOutputArchive (same layout).
#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>  // the vector<string> loader below reads strings

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <type_traits>
#include <typeindex>
#include <utility>
#include <vector>

namespace cairn::store {

class CheckedBinaryInputArchive
    : public cereal::InputArchive<CheckedBinaryInputArchive, cereal::AllowEmptyClassElision> {
 public:
  // `class_versions`: false for data written before the snapshot used
  // cereal class versions (schema 1); every type then reads as version 0.
  explicit CheckedBinaryInputArchive(std::span<const std::uint8_t> bytes, bool class_versions = true)
      : InputArchive(this), bytes_(bytes), class_versions_(class_versions) {}

  // Called for every number and string read: kept small enough to inline
  // (the error message is built out of line).
  void loadBinary(void* data, std::size_t size) {
    if (size > remaining()) [[unlikely]]
      ends_early(size);
    std::memcpy(data, bytes_.data() + offset_, size);
    offset_ += size;
  }

  std::size_t remaining() const { return bytes_.size() - offset_; }
  std::size_t offset() const { return offset_; }
  bool class_versions() const { return class_versions_; }

  // cereal reads a class's version once per archive, before its first
  // object. A reader that starts mid-payload (store::DeferredHistories)
  // must take the versions the part before it read as read already:
  // versions_read() lists them (by type), assume_versions() hands them over.
  using Versions = std::vector<std::pair<std::size_t, std::uint32_t>>;
  const Versions& versions_read() const { return versions_read_; }
  void assume_versions(Versions versions) { assumed_ = std::move(versions); }
  // For the hooks below: the versioned class whose version may come next.
  void about_to_load(std::size_t type) { next_type_ = type; }
  bool take_assumed_version(std::uint32_t& version) const {
    for (const auto& [type, assumed] : assumed_)
      if (type == next_type_) {
        version = assumed;
        return true;
      }
    return false;
  }
  void note_version(std::uint32_t version) { versions_read_.emplace_back(next_type_, version); }

 private:
  [[noreturn, gnu::noinline, gnu::cold]] void ends_early(std::size_t size) const {
    throw cereal::Exception("snapshot ends early: needed " + std::to_string(size) + " bytes at offset " +
                            std::to_string(offset_) + ", " + std::to_string(remaining()) + " left");
  }

  std::span<const std::uint8_t> bytes_;
  std::size_t offset_ = 0;
  bool class_versions_ = true;
  Versions versions_read_, assumed_;
  std::size_t next_type_ = 0;
};

// Called by cereal before each value it loads: notes the versioned class
// whose version cereal may read next (see versions_read()).
template <class T>
void prologue(CheckedBinaryInputArchive& ar, const T&) {
  using A = CheckedBinaryInputArchive;
  namespace tr = cereal::traits;
  if constexpr (tr::has_member_versioned_serialize<T, A>::value || tr::has_non_member_versioned_serialize<T, A>::value ||
                tr::has_member_versioned_load<T, A>::value || tr::has_non_member_versioned_load<T, A>::value) {
    static const std::size_t type = std::type_index(typeid(T)).hash_code();  // as cereal keys it
    ar.about_to_load(type);
  }
}

template <class T>
typename std::enable_if<std::is_arithmetic<T>::value, void>::type CEREAL_LOAD_FUNCTION_NAME(
    CheckedBinaryInputArchive& ar, T& t) {
  ar.loadBinary(std::addressof(t), sizeof(t));
}

// A bool is one byte that must be 0 or 1: any other value would be
// undefined behaviour once copied into a bool.
inline void CEREAL_LOAD_FUNCTION_NAME(CheckedBinaryInputArchive& ar, bool& b) {
  std::uint8_t byte = 0;
  ar.loadBinary(&byte, 1);
  if (byte > 1) throw cereal::Exception("invalid boolean " + std::to_string(byte) + " at offset " + std::to_string(ar.offset() - 1));
  b = byte == 1;
}

template <class T>
void CEREAL_SERIALIZE_FUNCTION_NAME(CheckedBinaryInputArchive& ar, cereal::NameValuePair<T>& t) {
  // cereal reads a type's class version through this name-value pair.
  if constexpr (std::is_same_v<std::remove_cvref_t<T>, std::uint32_t>) {
    if (std::strcmp(t.name, "cereal_class_version") == 0) {
      if (!ar.class_versions()) {
        t.value = 0;
      } else if (!ar.take_assumed_version(t.value)) {
        ar(t.value);
        ar.note_version(t.value);
      }
      return;
    }
  }
  ar(t.value);
}

// Every element of a sized sequence takes at least one byte, so a count
// larger than what remains is a lie: refuse it before resize() allocates.
template <class T>
void CEREAL_SERIALIZE_FUNCTION_NAME(CheckedBinaryInputArchive& ar, cereal::SizeTag<T>& t) {
  ar(t.size);
  if (static_cast<std::uint64_t>(t.size) > ar.remaining())
    throw cereal::Exception("snapshot claims " + std::to_string(t.size) + " elements at offset " +
                            std::to_string(ar.offset()) + " but only " + std::to_string(ar.remaining()) +
                            " bytes remain");
}

template <class T>
void CEREAL_LOAD_FUNCTION_NAME(CheckedBinaryInputArchive& ar, cereal::BinaryData<T>& bd) {
  ar.loadBinary(bd.data, static_cast<std::size_t>(bd.size));
}

// cereal's own vector loader resizes to the claimed count first: 32 bytes of
// std::string per byte of input. Growing as strings arrive keeps memory
// proportional to the bytes actually read.
inline void CEREAL_LOAD_FUNCTION_NAME(CheckedBinaryInputArchive& ar, std::vector<std::string>& list) {
  cereal::size_type count = 0;
  ar(cereal::make_size_tag(count));
  list.clear();
  for (cereal::size_type i = 0; i < count; ++i) ar(list.emplace_back());
}

}  // namespace cairn::store

CEREAL_REGISTER_ARCHIVE(cairn::store::CheckedBinaryInputArchive)
