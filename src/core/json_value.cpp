#include "core/json_value.h"

#include <type_traits>

namespace cairn {

void write_json_value(JsonWriter& w, const Value& value) {
  std::visit(
      [&](const auto& v) {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, Null>) {
          w.Null();
        } else if constexpr (std::is_same_v<V, bool>) {
          w.Bool(v);
        } else if constexpr (std::is_same_v<V, std::int64_t>) {
          w.Int64(v);
        } else if constexpr (std::is_same_v<V, double>) {
          w.Double(v);
        } else if constexpr (std::is_same_v<V, std::string>) {
          w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
        } else if constexpr (std::is_same_v<V, Id>) {
          if (v.nil()) w.Null();
          else w.String(v.to_string().c_str());
        } else if constexpr (std::is_same_v<V, Date>) {
          w.String(format_date(v).c_str());
        } else if constexpr (std::is_same_v<V, Timestamp>) {
          w.String(format_timestamp(v).c_str());
        } else if constexpr (std::is_same_v<V, StringList>) {
          w.StartArray();
          for (const std::string& s : v) w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
          w.EndArray();
        }
      },
      value);
}

std::optional<Value> read_json_value(const rapidjson::Value& j) {
  if (j.IsNull()) return Value{Null{}};
  if (j.IsBool()) return Value{j.GetBool()};
  if (j.IsInt64()) return Value{j.GetInt64()};
  if (j.IsNumber()) return Value{j.GetDouble()};
  if (j.IsString()) return Value{std::string(j.GetString(), j.GetStringLength())};
  if (j.IsArray()) {
    StringList list;
    for (const auto& e : j.GetArray()) {
      if (!e.IsString()) return std::nullopt;
      list.emplace_back(e.GetString(), e.GetStringLength());
    }
    return Value{std::move(list)};
  }
  return std::nullopt;
}

}  // namespace cairn
