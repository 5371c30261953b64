#pragma once
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/id.h"
#include "core/time.h"

namespace cairn {

// The value of one field of an item, as commands carry it. Enumerations
// travel as their names ("in_progress"), optional fields as Null, so that a
// command reads the same in C++, in JSON and in the automation API.
struct Null {
  bool operator==(const Null&) const = default;
  template <class Archive>
  void serialize(Archive&, std::uint32_t /*version*/) {}
};

using StringList = std::vector<std::string>;
using Value = std::variant<Null, bool, std::int64_t, double, std::string, Id, Date, Timestamp, StringList>;

// "null", "bool", "integer", "number", "text", "id", "date", "time", "list".
const char* value_type_name(const Value& value);

}  // namespace cairn
