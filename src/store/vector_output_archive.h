#pragma once
// A cereal output archive that appends to a byte vector, in exactly the
// layout of cereal::BinaryOutputArchive (raw little-endian scalars, 64-bit
// size tags), so the bytes match and CheckedBinaryInputArchive reads them.
// It exists for speed: no std::ostream, and the caller can leave room in
// front for the envelope header instead of copying the payload behind it.
#include <cereal/cereal.hpp>

#include <cstdint>
#include <type_traits>
#include <vector>

namespace cairn::store {

class VectorOutputArchive
    : public cereal::OutputArchive<VectorOutputArchive, cereal::AllowEmptyClassElision> {
 public:
  explicit VectorOutputArchive(std::vector<std::uint8_t>& out) : OutputArchive(this), out_(out) {}

  void saveBinary(const void* data, std::size_t size) {
    const auto* bytes = static_cast<const std::uint8_t*>(data);
    out_.insert(out_.end(), bytes, bytes + size);
  }

 private:
  std::vector<std::uint8_t>& out_;
};

template <class T>
typename std::enable_if<std::is_arithmetic<T>::value, void>::type CEREAL_SAVE_FUNCTION_NAME(
    VectorOutputArchive& ar, const T& t) {
  ar.saveBinary(std::addressof(t), sizeof(t));
}

template <class T>
void CEREAL_SERIALIZE_FUNCTION_NAME(VectorOutputArchive& ar, cereal::NameValuePair<T>& t) {
  ar(t.value);
}

template <class T>
void CEREAL_SERIALIZE_FUNCTION_NAME(VectorOutputArchive& ar, cereal::SizeTag<T>& t) {
  ar(t.size);
}

template <class T>
void CEREAL_SAVE_FUNCTION_NAME(VectorOutputArchive& ar, const cereal::BinaryData<T>& bd) {
  ar.saveBinary(bd.data, static_cast<std::size_t>(bd.size));
}

}  // namespace cairn::store

CEREAL_REGISTER_ARCHIVE(cairn::store::VectorOutputArchive)
