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

 private:
  [[noreturn, gnu::noinline, gnu::cold]] void ends_early(std::size_t size) const {
    throw cereal::Exception("snapshot ends early: needed " + std::to_string(size) + " bytes at offset " +
                            std::to_string(offset_) + ", " + std::to_string(remaining()) + " left");
  }

  std::span<const std::uint8_t> bytes_;
  std::size_t offset_ = 0;
  bool class_versions_ = true;
};

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
    if (!ar.class_versions() && std::strcmp(t.name, "cereal_class_version") == 0) {
      t.value = 0;
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
