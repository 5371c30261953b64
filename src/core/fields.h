#pragma once
#include <span>
#include <string>
#include <string_view>

#include "core/field_names.h"
#include "core/model.h"
#include "core/value.h"

namespace cairn {

// One editable field of an item type: its name (as in commands and JSON;
// one of field_names_of<T>(), see core/field_names.h), how to read it as a
// Value, and how to write it from one.
template <class T>
struct FieldDef {
  std::string_view name;
  Value (*get)(const T&);
  // Returns "" on success, otherwise why the value was refused (wrong
  // type, out of range, unknown enumeration name). `item` is unchanged then.
  std::string (*set)(T& item, Value value);  // by value: the loader moves text in
  // An enumeration's names (the values it takes, as text); empty for other fields.
  std::span<const std::string_view> names = {};
};

// All fields of T except id and parent, in a fixed order (that of
// field_names_of<T>()).
template <class T>
std::span<const FieldDef<T>> fields_of();

// Defined in core/fields.cpp, one per item type.
template <> std::span<const FieldDef<Project>> fields_of<Project>();
template <> std::span<const FieldDef<Person>> fields_of<Person>();
template <> std::span<const FieldDef<Metric>> fields_of<Metric>();
template <> std::span<const FieldDef<MetricReading>> fields_of<MetricReading>();
template <> std::span<const FieldDef<DataSource>> fields_of<DataSource>();
template <> std::span<const FieldDef<Task>> fields_of<Task>();
template <> std::span<const FieldDef<ChecklistItem>> fields_of<ChecklistItem>();
template <> std::span<const FieldDef<Dependency>> fields_of<Dependency>();
template <> std::span<const FieldDef<Blocker>> fields_of<Blocker>();
template <> std::span<const FieldDef<Sprint>> fields_of<Sprint>();
template <> std::span<const FieldDef<Gate>> fields_of<Gate>();
template <> std::span<const FieldDef<GateCriterion>> fields_of<GateCriterion>();
template <> std::span<const FieldDef<Risk>> fields_of<Risk>();
template <> std::span<const FieldDef<Experiment>> fields_of<Experiment>();
template <> std::span<const FieldDef<ExperimentResult>> fields_of<ExperimentResult>();
template <> std::span<const FieldDef<ExternalRun>> fields_of<ExternalRun>();
template <> std::span<const FieldDef<CheckIn>> fields_of<CheckIn>();
template <> std::span<const FieldDef<PostMortem>> fields_of<PostMortem>();
template <> std::span<const FieldDef<ActionItem>> fields_of<ActionItem>();
template <> std::span<const FieldDef<Decision>> fields_of<Decision>();
template <> std::span<const FieldDef<SavedFilter>> fields_of<SavedFilter>();
template <> std::span<const FieldDef<Baseline>> fields_of<Baseline>();
template <> std::span<const FieldDef<BaselineTask>> fields_of<BaselineTask>();
template <> std::span<const FieldDef<Report>> fields_of<Report>();

template <class T>
const FieldDef<T>* find_field(std::string_view name) {
  for (const FieldDef<T>& f : fields_of<T>())
    if (f.name == name) return &f;
  return nullptr;
}

}  // namespace cairn
