#include "ui/settings.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <string>

#include "core/display_time.h"
#include "ui/widgets.h"

namespace cairn::ui {
namespace {

void row(const char* label, std::string_view value) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(label);
  ImGui::TableNextColumn();
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(value.data(), value.data() + value.size());
  ImGui::PopTextWrapPos();
}

// Times shown in UTC, this device's zone or a zone typed by name; the line
// under the choice shows the time now as it will be shown.
void draw_display_zone(const Preferences& preferences, const ClockFacts& clock, ZoneField& field,
                       SettingsChoice& choice) {
  static const TimeZones utc_only;
  const TimeZones& zones = clock.zones ? *clock.zones : utc_only;
  const std::string& zone = preferences.display_zone;
  const bool other = !zone.empty() && zone != kDeviceZone;
  char* typed = field.text;
  if (!field.loaded && other) std::snprintf(field.text, sizeof field.text, "%s", zone.c_str());
  field.loaded = true;

  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Times shown in");
  ImGui::SameLine();
  if (ImGui::RadioButton("UTC", zone.empty())) choice.display_zone = std::string();
  ImGui::SameLine();
  const std::string device = clock.device_zone.empty() ? std::string("This device (zone unknown)")
                                                       : "This device (" + std::string(clock.device_zone) + ")";
  if (ImGui::RadioButton(device.c_str(), zone == kDeviceZone)) choice.display_zone = std::string(kDeviceZone);
  ImGui::SameLine();
  if (ImGui::RadioButton("Another zone", other) && !other) {
    if (valid_zone_name(typed) && zones.offset(typed, clock.now)) choice.display_zone = std::string(typed);
    else ImGui::SetKeyboardFocusHere();  // the field below: type the zone first
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
  if (ImGui::InputTextWithHint("##zone", "Asia/Tokyo", typed, sizeof field.text) && valid_zone_name(typed) &&
      zones.offset(typed, clock.now))
    choice.display_zone = std::string(typed);
  ImGui::SameLine();
  if (typed[0] && !(valid_zone_name(typed) && zones.offset(typed, clock.now)))
    ImGui::TextColored(ImVec4(0.85f, 0.25f, 0.2f, 1.0f), "Unknown zone: an IANA name, like Europe/Berlin");
  else
    ImGui::TextDisabled("an IANA name, like Europe/Berlin");
  const std::string shown = effective_display_zone(choice.display_zone.value_or(zone), clock.device_zone);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled("Now: %s. Stored times stay in UTC; due dates are calendar days.",
                      format_shown_time(clock.now, shown, zones).c_str());
  ImGui::PopTextWrapPos();
}

}  // namespace

Preferences with_choice(Preferences p, const SettingsChoice& choice) {
  if (choice.theme) p.theme = *choice.theme;
  if (choice.ui_scale) p.ui_scale = std::clamp(*choice.ui_scale, kMinUiScale, kMaxUiScale);
  if (choice.week_start) p.week_start = *choice.week_start;
  if (choice.display_zone) p.display_zone = *choice.display_zone;
  return p;
}

std::string format_bytes(std::int64_t bytes) {
  char text[32];
  if (bytes < 0) return "unknown";
  if (bytes < 1024) std::snprintf(text, sizeof text, "%lld bytes", static_cast<long long>(bytes));
  else if (bytes < 1024 * 1024) std::snprintf(text, sizeof text, "%.0f KB", static_cast<double>(bytes) / 1024.0);
  else if (bytes < 1024ll * 1024 * 1024) std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  else std::snprintf(text, sizeof text, "%.1f GB", static_cast<double>(bytes) / (1024.0 * 1024.0 * 1024.0));
  return text;
}

void draw_settings(bool& open, const Preferences& preferences, const StorageFacts& storage, const ClockFacts& clock,
                   ZoneField& zone_field, SettingsChoice& choice) {
  if (!open) return;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  // Fixed width (the wrapped texts need one), height fitted to the content.
  const float width = ImGui::GetFontSize() * 34;
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, FLT_MAX));
  constexpr ImGuiWindowFlags kFlags =
      ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize;
  if (!ImGui::Begin("Settings", &open, kFlags)) {
    ImGui::End();
    return;
  }
  ImGui::SeparatorText("Appearance (this device)");
  int selected = static_cast<int>(preferences.theme);
  bool picked = ImGui::RadioButton("System", &selected, 0);
  ImGui::SameLine();
  picked |= ImGui::RadioButton("Light", &selected, 1);
  ImGui::SameLine();
  picked |= ImGui::RadioButton("Dark", &selected, 2);
  if (picked) choice.theme = static_cast<ThemeChoice>(selected);

  // Text size: every size in the UI follows (paddings, rows, charts).
  char current[16];
  std::snprintf(current, sizeof current, "%.0f %%", static_cast<double>(preferences.ui_scale) * 100.0);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  if (ImGui::BeginCombo("Text size", current)) {
    for (const float scale : kUiScales) {
      char label[16];
      std::snprintf(label, sizeof label, "%.0f %%", static_cast<double>(scale) * 100.0);
      const bool is_current = std::abs(scale - preferences.ui_scale) < 0.001f;
      if (ImGui::Selectable(label, is_current) && !is_current) choice.ui_scale = scale;
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::TextDisabled("Ctrl+= larger, Ctrl+- smaller, Ctrl+0 100 %%");

  ImGui::SeparatorText("Calendar (this device)");
  int week = static_cast<int>(preferences.week_start);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Weeks start on");
  ImGui::SameLine();
  bool week_picked = ImGui::RadioButton("Monday", &week, 0);
  ImGui::SameLine();
  week_picked |= ImGui::RadioButton("Sunday", &week, 1);
  ImGui::SameLine();
  week_picked |= ImGui::RadioButton("Saturday", &week, 2);
  if (week_picked) choice.week_start = static_cast<WeekStart>(week);
  draw_display_zone(preferences, clock, zone_field, choice);

  ImGui::SeparatorText("Storage");
  if (ImGui::BeginTable("storage", 2, ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    row("Location", storage.location);
    row("Kept", storage.persistence.empty() ? std::string_view("unknown") : storage.persistence);
    row("Status", storage.save_status);
    const std::string used = format_bytes(storage.used_bytes);
    row("Used", used);
    const std::string quota = format_bytes(storage.quota_bytes);
    row("Available to Cairn", quota);
    const std::string generation = std::to_string(storage.generation);
    row("Saves so far", generation);
    ImGui::EndTable();
  }
  if (storage.used_bytes >= 0 && storage.quota_bytes > 0) {
    const float share = static_cast<float>(static_cast<double>(storage.used_bytes) / static_cast<double>(storage.quota_bytes));
    char overlay[48];
    std::snprintf(overlay, sizeof overlay, "%.2f %% of the space available", share * 100.0);
    progress_bar(share, overlay);
  }
  // Escape closes it, as it does every dialog; not while a field is being
  // edited (there Escape undoes the typing; WantTextInput is last frame's,
  // the field has already let go this frame) or a combo is open (it has focus).
  if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && !ImGui::GetIO().WantTextInput &&
      ImGui::IsKeyPressed(ImGuiKey_Escape, false))
    open = false;
  ImGui::End();
}

}  // namespace cairn::ui
