#include <doctest/doctest.h>

#include "core/fields.h"
#include "core/workspace.h"

using namespace cairn;

// The constants of core/field_names.h are what code names fields by; the
// field tables of core/fields.cpp are what commands, JSON and snapshots
// find them in. Both must list the same names, in the same order.
TEST_CASE("every field name constant names a field of its kind, in the order of the kind's field table") {
  std::size_t constants = 0;
  for (std::size_t kind = 0; kind < kItemKindCount; ++kind)
    visit_kind(kind, [&]<class T>(T*) {
      CAPTURE(T::kKind);
      const std::span<const FieldName<T>> names = field_names_of<T>();
      const std::span<const FieldDef<T>> table = fields_of<T>();
      CHECK(names.size() == table.size());
      for (std::size_t i = 0; i < names.size(); ++i) {
        CAPTURE(names[i].name);
        const FieldDef<T>* found = find_field<T>(names[i]);
        CHECK(found == (i < table.size() ? &table[i] : nullptr));  // the first of its name: no name twice
      }
      constants += names.size();
      return true;
    });
  CHECK(constants > 150);
}

TEST_CASE("a field name constant is the field's name as commands and exports write it") {
  static_assert(field::task::due.name == "due");
  static_assert(field::check_in::next.name == "next");
  CHECK(std::string(field::gate::decided_on) == "decided_on");
  CHECK(find_field<Project>(field::project::wip_stage_research_spike)->name == "wip_stage_research_spike");
}
