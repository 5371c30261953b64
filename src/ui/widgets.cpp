#include "ui/widgets.h"

#include <imgui_internal.h>  // GetActiveID: which field is being typed in
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "core/change_text.h"

namespace cairn::ui {
namespace {

std::string coalesce_key(Id id, std::string_view field) { return id.to_string() + "/" + std::string(field); }

// Ends a typing run when the field loses focus.
void seal_on_leave(CommandSink& out) {
  if (ImGui::IsItemDeactivated()) out.seal = true;
}

std::string format_number(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", v);
  return text;
}

// Text typed in a number field: nullopt-of-nullopt for garbage.
std::optional<std::optional<double>> parse_number(const std::string& text) {
  std::size_t start = text.find_first_not_of(" \t");
  if (start == std::string::npos) return std::optional<double>{};  // empty: unset
  const char* begin = text.c_str() + start;
  char* end = nullptr;
  const double v = std::strtod(begin, &end);
  while (end && (*end == ' ' || *end == '\t')) ++end;
  if (end == begin || (end && *end != '\0')) return std::nullopt;
  return std::optional<double>{v};
}

}  // namespace

Command remove_item(Id id, std::string label) {
  return Command{{RemoveItem{id}}, {}, {}, std::move(label)};
}

float icon_button_width() {
  return ImGui::CalcTextSize("\xE2\x86\xBA").x + ImGui::GetStyle().FramePadding.x * 2;  // ↺, the widest symbol in use
}

bool icon_button(const char* symbol) {
  // SmallButton's shape (no vertical padding, on the text's baseline), with
  // the width of the widest symbol in use instead of this one's.
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x, 0));
  const bool pressed = ImGui::ButtonEx(symbol, ImVec2(icon_button_width(), 0), ImGuiButtonFlags_AlignTextBaseLine);
  ImGui::PopStyleVar();
  return pressed;
}

void remove_button(Id id, const char* what, CommandSink& out) {
  ImGui::PushID("remove");
  if (icon_button("\xC3\x97")) out.push(remove_item(id, std::string("Remove ") + what));  // ×
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove this %s (Ctrl+Z brings it back)", what);
  ImGui::PopID();
}

std::string enum_label(std::string_view name) { return label_of_name(name); }

namespace detail {

Command set_field(Id id, std::string_view field, Value value, std::string label) {
  Command c;
  c.label = std::move(label);
  c.ops.push_back(SetField{id, std::string(field), std::move(value)});
  return c;
}

bool edit_text(const char* label, Id id, std::string_view field, const std::string& value, CommandSink& out,
               const char* hint, float width) {
  std::string text = value;
  ImGui::SetNextItemWidth(width);
  const float frame_width = ImGui::CalcItemWidth();  // the field's own width, without its label
  const bool changed = ImGui::InputTextWithHint(label, hint, &text);
  if (changed) out.push(set_field(id, field, text, "Edit " + enum_label(field)), coalesce_key(id, field));
  seal_on_leave(out);
  // Table columns cut long text: a field too narrow for it shows it whole on hover.
  if (!ImGui::IsItemActive() && ImGui::IsItemHovered() && !value.empty() &&
      ImGui::CalcTextSize(value.c_str()).x > frame_width - 2 * ImGui::GetStyle().FramePadding.x) {
    if (ImGui::BeginTooltip()) {
      ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
      ImGui::TextUnformatted(value.c_str());
      ImGui::PopTextWrapPos();
      ImGui::EndTooltip();
    }
  }
  return changed;
}

bool edit_multiline(const char* label, Id id, std::string_view field, const std::string& value, CommandSink& out,
                    float lines) {
  std::string text = value;
  const bool changed = ImGui::InputTextMultiline(
      label, &text, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * lines + ImGui::GetStyle().FramePadding.y * 2));
  if (changed) out.push(set_field(id, field, text, "Edit " + enum_label(field)), coalesce_key(id, field));
  seal_on_leave(out);
  return changed;
}

bool edit_number(const char* label, Id id, std::string_view field, std::optional<double> value, CommandSink& out,
                 const char* hint, float width) {
  // The field keeps what is typed ("1." on the way to "1.5"); valid numbers
  // are stored at once, garbage is shown in red and not stored.
  static std::string text;
  static std::string active_key;
  const std::string key = coalesce_key(id, field);
  const ImGuiID widget = ImGui::GetID(label);
  const bool editing = ImGui::GetActiveID() == widget && active_key == key;
  std::string shown = editing ? text : (value ? format_number(*value) : std::string());
  const auto parsed = parse_number(shown);
  if (!parsed) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.25f, 0.2f, 1.0f));
  ImGui::SetNextItemWidth(width);
  const bool typed = ImGui::InputTextWithHint(label, hint, &shown, ImGuiInputTextFlags_CharsScientific);
  if (!parsed) ImGui::PopStyleColor();
  if (ImGui::IsItemActive()) {
    active_key = key;
    text = shown;
  }
  bool changed = false;
  if (typed) {
    if (const auto number = parse_number(shown); number && *number != value) {
      out.push(set_field(id, field, *number ? Value{**number} : Value{Null{}}, "Edit " + enum_label(field)), key);
      changed = true;
    }
  }
  seal_on_leave(out);
  return changed;
}

bool edit_integer(const char* label, Id id, std::string_view field, std::int64_t value, int min, int max,
                  CommandSink& out, float width) {
  // A short list to pick from (likelihood and impact are 1..5).
  bool changed = false;
  ImGui::SetNextItemWidth(width);
  if (ImGui::BeginCombo(label, std::to_string(value).c_str())) {
    for (int v = min; v <= max; ++v)
      if (ImGui::Selectable(std::to_string(v).c_str(), v == value) && v != value) {
        out.push(set_field(id, field, static_cast<std::int64_t>(v), "Edit " + enum_label(field)));
        changed = true;
      }
    ImGui::EndCombo();
  }
  return changed;
}

bool edit_date(const char* label, Id id, std::string_view field, std::optional<Date> value, CommandSink& out,
               float width) {
  static std::string text;
  static std::string active_key;
  const std::string key = coalesce_key(id, field);
  const ImGuiID widget = ImGui::GetID(label);
  const bool editing = ImGui::GetActiveID() == widget && active_key == key;
  std::string shown = editing ? text : (value ? format_date(*value) : std::string());
  const bool valid = shown.empty() || parse_date(shown).has_value();
  if (!valid) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.25f, 0.2f, 1.0f));
  ImGui::SetNextItemWidth(width);
  const bool typed = ImGui::InputTextWithHint(label, "YYYY-MM-DD", &shown);
  if (!valid) ImGui::PopStyleColor();
  if (ImGui::IsItemActive()) {
    active_key = key;
    text = shown;
  }
  bool changed = false;
  if (typed) {
    if (shown.empty() && value) {
      out.push(set_field(id, field, Null{}, "Clear " + enum_label(field)), key);
      changed = true;
    } else if (const auto d = parse_date(shown); d && d != value) {
      out.push(set_field(id, field, *d, "Edit " + enum_label(field)), key);
      changed = true;
    }
  }
  seal_on_leave(out);
  return changed;
}

bool edit_bool(const char* label, Id id, std::string_view field, bool value, CommandSink& out) {
  bool v = value;
  if (!ImGui::Checkbox(label, &v)) return false;
  out.push(set_field(id, field, v, (v ? "Tick " : "Untick ") + enum_label(field)));
  return true;
}

bool edit_list(const char* label, Id id, std::string_view field, const StringList& value, CommandSink& out,
               const char* hint, float width) {
  std::string joined;
  for (const std::string& s : value) joined += (joined.empty() ? "" : ", ") + s;
  static std::string text;
  static std::string active_key;
  const std::string key = coalesce_key(id, field);
  const bool editing = ImGui::GetActiveID() == ImGui::GetID(label) && active_key == key;
  std::string shown = editing ? text : joined;
  ImGui::SetNextItemWidth(width);
  const bool typed = ImGui::InputTextWithHint(label, hint, &shown);
  if (ImGui::IsItemActive()) {
    active_key = key;
    text = shown;
  }
  if (typed) {
    StringList list;
    std::size_t start = 0;
    while (start <= shown.size()) {
      std::size_t end = shown.find(',', start);
      if (end == std::string::npos) end = shown.size();
      std::string part = shown.substr(start, end - start);
      const auto first = part.find_first_not_of(' ');
      const auto last = part.find_last_not_of(' ');
      if (first != std::string::npos) list.push_back(part.substr(first, last - first + 1));
      start = end + 1;
    }
    if (list != value) out.push(set_field(id, field, list, "Edit " + enum_label(field)), key);
  }
  seal_on_leave(out);
  return typed;
}

}  // namespace detail

void muted_text(Theme theme, const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, muted_text_color(theme));
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
}

void section_heading(const char* text) { ImGui::SeparatorText(text); }

ImU32 text_color_on(ImVec4 fill) {
  const float luminance = 0.2126f * fill.x + 0.7152f * fill.y + 0.0722f * fill.z;  // sRGB weights
  return luminance < 0.5f ? IM_COL32_WHITE : IM_COL32_BLACK;
}

void progress_bar(float fraction, const char* overlay, float width) {
  ImGui::ProgressBar(fraction, ImVec2(width, 0), "");
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  const float fill = min.x + (max.x - min.x) * std::clamp(fraction, 0.0f, 1.0f);
  const ImVec2 at(min.x + ImGui::GetStyle().FramePadding.x, min.y + (max.y - min.y - ImGui::GetTextLineHeight()) * 0.5f);
  ImDrawList* list = ImGui::GetWindowDrawList();
  list->PushClipRect(min, ImVec2(fill, max.y), true);
  list->AddText(at, text_color_on(ImGui::GetStyleColorVec4(ImGuiCol_PlotHistogram)), overlay);
  list->PopClipRect();
  list->PushClipRect(ImVec2(fill, min.y), max, true);
  list->AddText(at, ImGui::GetColorU32(ImGuiCol_Text), overlay);
  list->PopClipRect();
}

void bullet_wrapped(const char* text) {
  ImGui::Bullet();  // keeps the cursor on its line
  ImGui::TextWrapped("%s", text);
}

std::string fit_text(std::string_view text, float max_width) {
  const auto width = [](std::string_view t) { return ImGui::CalcTextSize(t.data(), t.data() + t.size()).x; };
  if (width(text) <= max_width) return std::string(text);
  constexpr std::string_view kEllipsis = "\u2026";
  const float room = max_width - width(kEllipsis);
  // The longest prefix that fits, ending on a character boundary (UTF-8
  // continuation bytes are 10xxxxxx): binary search over byte counts.
  std::size_t fits = 0, too_long = text.size();
  while (too_long - fits > 1) {
    const std::size_t mid = (fits + too_long) / 2;
    (width(text.substr(0, mid)) <= room ? fits : too_long) = mid;
  }
  while (fits > 0 && (static_cast<unsigned char>(text[fits]) & 0xC0) == 0x80) --fits;
  while (fits > 0 && text[fits - 1] == ' ') --fits;
  std::string fitted(text.substr(0, fits));
  fitted += kEllipsis;
  return fitted;
}

void fitted_text(std::string_view text) {
  const std::string fitted = fit_text(text, ImGui::GetContentRegionAvail().x);
  ImGui::TextUnformatted(fitted.c_str());
  if (fitted.size() != text.size() && ImGui::IsItemHovered())
    ImGui::SetTooltip("%.*s", static_cast<int>(text.size()), text.data());
}

ImVec4 good_color(Theme theme) { return theme == Theme::Dark ? ImVec4(0.40f, 0.80f, 0.50f, 1) : ImVec4(0.10f, 0.52f, 0.25f, 1); }
ImVec4 warning_color(Theme theme) { return theme == Theme::Dark ? ImVec4(0.95f, 0.75f, 0.30f, 1) : ImVec4(0.72f, 0.45f, 0.0f, 1); }
ImVec4 bad_color(Theme theme) { return theme == Theme::Dark ? ImVec4(0.95f, 0.45f, 0.40f, 1) : ImVec4(0.80f, 0.20f, 0.15f, 1); }

}  // namespace cairn::ui
