#pragma once
#include <imgui.h>

#include <optional>
#include <string>
#include <string_view>

#include "core/commands.h"
#include "core/enums.h"
#include "ui/commands_out.h"
#include "ui/theme.h"

namespace cairn::ui {

// Field editors shared by the views. Each shows the current value and, when
// the user changes it, pushes a SetField command; keystrokes in one field
// coalesce into one undo step (the key is item id + field), and leaving the
// field ends the run. They return true when they pushed a command. Each
// takes the item and a field of its kind (core/field_names.h): a field of
// another kind of item does not compile.

// The same by id and field name; the typed forms below are what views call.
namespace detail {
Command set_field(Id id, std::string_view field, Value value, std::string label);
bool edit_text(const char* label, Id id, std::string_view field, const std::string& value, CommandSink& out,
               const char* hint, float width);
bool edit_multiline(const char* label, Id id, std::string_view field, const std::string& value, CommandSink& out,
                    float lines);
bool edit_number(const char* label, Id id, std::string_view field, std::optional<double> value, CommandSink& out,
                 const char* hint, float width);
bool edit_integer(const char* label, Id id, std::string_view field, std::int64_t value, int min, int max,
                  CommandSink& out, float width);
bool edit_date(const char* label, Id id, std::string_view field, std::optional<Date> value, CommandSink& out,
               float width);
bool edit_bool(const char* label, Id id, std::string_view field, bool value, CommandSink& out);
bool edit_list(const char* label, Id id, std::string_view field, const StringList& value, CommandSink& out,
               const char* hint, float width);
}  // namespace detail

template <class T>
Command set_field(const T& item, FieldName<T> field, Value value, std::string label) {
  return detail::set_field(item.id, field, std::move(value), std::move(label));
}
// Creates one item of kind T under `parent`; returns its new id through `created`.
template <class T>
Command create_item(IdSource& ids, Id parent, std::vector<std::pair<FieldName<T>, Value>> fields, std::string label,
                    Id* created = nullptr) {
  Command c;
  c.label = std::move(label);
  const Id id = ids.next();
  if (created) *created = id;
  c.ops.push_back(create_op<T>(id, parent, std::move(fields)));
  return c;
}
Command remove_item(Id id, std::string label);
// A small "x" button that removes the item (undoable, so no confirmation).
void remove_button(Id id, const char* what, CommandSink& out);
// A small button showing one symbol (× remove, ↺ history). All have one
// width, so that a row's buttons line up with the next row's.
bool icon_button(const char* symbol);
float icon_button_width();  // the width every icon_button takes

template <class T>
bool edit_text(const char* label, const T& item, FieldName<T> field, const std::string& value, CommandSink& out,
               const char* hint = "", float width = -FLT_MIN) {
  return detail::edit_text(label, item.id, field, value, out, hint, width);
}
template <class T>
bool edit_multiline(const char* label, const T& item, FieldName<T> field, const std::string& value, CommandSink& out,
                    float lines = 3.0f) {
  return detail::edit_multiline(label, item.id, field, value, out, lines);
}
// A number; an empty field stores "unset" (Null).
template <class T>
bool edit_number(const char* label, const T& item, FieldName<T> field, std::optional<double> value, CommandSink& out,
                 const char* hint = "", float width = -FLT_MIN) {
  return detail::edit_number(label, item.id, field, value, out, hint, width);
}
template <class T>
bool edit_integer(const char* label, const T& item, FieldName<T> field, std::int64_t value, int min, int max,
                  CommandSink& out, float width = -FLT_MIN) {
  return detail::edit_integer(label, item.id, field, value, min, max, out, width);
}
// "YYYY-MM-DD"; empty stores "unset". Invalid text is shown in red and not stored.
template <class T>
bool edit_date(const char* label, const T& item, FieldName<T> field, std::optional<Date> value, CommandSink& out,
               float width = -FLT_MIN) {
  return detail::edit_date(label, item.id, field, value, out, width);
}
template <class T>
bool edit_bool(const char* label, const T& item, FieldName<T> field, bool value, CommandSink& out) {
  return detail::edit_bool(label, item.id, field, value, out);
}
// Tags and compliance regimes: comma-separated.
template <class T>
bool edit_list(const char* label, const T& item, FieldName<T> field, const StringList& value, CommandSink& out,
               const char* hint = "", float width = -FLT_MIN) {
  return detail::edit_list(label, item.id, field, value, out, hint, width);
}

// "in_progress" -> "In progress".
std::string enum_label(std::string_view name);

template <class T, NamedEnum E>
bool edit_enum(const char* label, const T& item, FieldName<T> field, E value, CommandSink& out,
               float width = -FLT_MIN) {
  bool changed = false;
  ImGui::SetNextItemWidth(width);
  if (ImGui::BeginCombo(label, enum_label(enum_name(value)).c_str())) {
    for (std::size_t i = 0; i < EnumNames<E>::names.size(); ++i) {
      const bool selected = static_cast<std::size_t>(value) == i;
      if (ImGui::Selectable(enum_label(EnumNames<E>::names[i]).c_str(), selected) && !selected) {
        out.push(set_field(item, field, std::string(EnumNames<E>::names[i]), "Change " + enum_label(field)));
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  return changed;
}

// A label in the muted colour; a heading in the heading font.
void muted_text(Theme theme, const char* text);
void section_heading(const char* text);
// A bullet whose text wraps at the window's edge (BulletText runs past it).
void bullet_wrapped(const char* text);
// ImGui::ProgressBar with its text at the left, in a colour that reads on the
// fill where it lies on the fill (ImGui's own overlay is dark on dark green
// once the bar is most of the way).
void progress_bar(float fraction, const char* overlay, float width = -FLT_MIN);
// White or black, whichever reads on `fill`.
ImU32 text_color_on(ImVec4 fill);
// `text` as drawn in at most `max_width` pixels of the current font: whole
// when it fits, else cut at a character boundary and ended with "…".
std::string fit_text(std::string_view text, float max_width);
// `text` fitted to the room left on the line (a table cell); hovering a cut
// text shows it whole.
void fitted_text(std::string_view text);

// Colours with meaning, readable in both themes.
ImVec4 good_color(Theme theme);
ImVec4 warning_color(Theme theme);
ImVec4 bad_color(Theme theme);

}  // namespace cairn::ui
