#pragma once
#include <optional>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "core/value.h"

namespace cairn {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// A field's value as JSON, the one form the export, the automation API and
// sync documents share: dates, times and ids as text, a nil id as null.
void write_json_value(JsonWriter& w, const Value& value);

// JSON -> Value, before the field's own type is applied (a date is still
// text then); nullopt for shapes no field takes (objects, mixed arrays).
std::optional<Value> read_json_value(const rapidjson::Value& j);

}  // namespace cairn
