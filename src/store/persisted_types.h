#pragma once
// Every type the snapshot writes through cereal, with its class version.
// cereal stores a type's version once per snapshot, the first time the type
// appears, and hands it to serialize(); bump a version when a type's layout
// changes and branch on it there. Items themselves are written as
// self-describing tables (field names once per table), so they need none.
#include <cereal/cereal.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "core/change.h"
#include "core/id.h"
#include "core/time.h"
#include "core/value.h"

namespace cairn {

template <class Archive>
void serialize(Archive& archive, Change& change, std::uint32_t /*version*/) {
  archive(change.at, change.author, change.what, change.before, change.after);
}

}  // namespace cairn

namespace cairn::store {

// The head of one item table: the kind, its field names in the order the
// rows hold them, and the number of rows.
struct TableHeader {
  std::string kind;
  std::vector<std::string> fields;
  std::uint64_t rows = 0;

  template <class Archive>
  void serialize(Archive& archive, std::uint32_t /*version*/) {
    archive(kind, fields, cereal::make_size_tag(rows));
  }
};

}  // namespace cairn::store

CEREAL_CLASS_VERSION(cairn::Id, 1);
CEREAL_CLASS_VERSION(cairn::Timestamp, 1);
CEREAL_CLASS_VERSION(cairn::Date, 1);
CEREAL_CLASS_VERSION(cairn::Null, 1);
CEREAL_CLASS_VERSION(cairn::Change, 1);
CEREAL_CLASS_VERSION(cairn::store::TableHeader, 1);
