#include "core/value.h"

namespace cairn {

const char* value_type_name(const Value& value) {
  static constexpr const char* kNames[] = {"null", "bool", "integer", "number", "text", "id", "date", "time", "list"};
  static_assert(std::size(kNames) == std::variant_size_v<Value>);
  return kNames[value.index()];
}

}  // namespace cairn
