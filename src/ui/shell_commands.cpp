#include "ui/shell_commands.h"

#include <cassert>
#include <cstring>

#include "ui/view_registry.h"

namespace cairn::ui {
namespace {

using C = ShellCommand;
using K = KeyScope;

constexpr ImGuiKeyChord ctrl(ImGuiKeyChord key) { return ImGuiMod_Ctrl | key; }

constexpr ShellCommandDef kCommands[] = {
    {C::palette, nullptr, "Ctrl+K", "Command palette: commands, views, projects, tasks, gates, risks", {ctrl(ImGuiKey_K)}},
    {C::help, "Keyboard shortcuts", "?", "This list", {ImGuiMod_Shift | ImGuiKey_Slash}},
    {C::undo, "Undo", "Ctrl+Z", "Undo", {ctrl(ImGuiKey_Z)}, K::over_dialogs, true},
    {C::redo, "Redo", "Ctrl+Shift+Z, Ctrl+Y", "Redo", {ctrl(ImGuiMod_Shift | ImGuiKey_Z), ctrl(ImGuiKey_Y)}, K::over_dialogs, true},
    {C::import_file, "Import a file (Cairn JSON, Jira or Linear CSV, Trello JSON)", "Ctrl+O",
     "Import a file (Cairn JSON, Jira or Linear CSV, Trello JSON)", {ctrl(ImGuiKey_O)}},
    {C::export_workspace, "Export workspace as JSON", "Ctrl+E", "Export the workspace as JSON", {ctrl(ImGuiKey_E)}},
    {C::settings, "Settings", "Ctrl+,", "Settings", {ctrl(ImGuiKey_Comma)}},
    // "+" is Shift+= on many keyboards: both work.
    {C::larger_text, "Larger text", "Ctrl+=", "Larger text (the whole UI scales)",
     {ctrl(ImGuiKey_Equal), ctrl(ImGuiMod_Shift | ImGuiKey_Equal), ctrl(ImGuiKey_KeypadAdd)}},
    {C::smaller_text, "Smaller text", "Ctrl+-", "Smaller text", {ctrl(ImGuiKey_Minus), ctrl(ImGuiKey_KeypadSubtract)}},
    {C::reset_text, "Text size 100 %", "Ctrl+0", "Text size 100 %", {ctrl(ImGuiKey_0), ctrl(ImGuiKey_Keypad0)}},
    {C::toggle_theme, "Switch light / dark theme", nullptr, "Switch light / dark theme"},
    {C::new_project, "New project", nullptr, "New project"},
    {C::new_task, "New task in this project", nullptr, "New task in the open project", {}, K::main_window, false, true},
    {C::frame_statistics, "Show / hide frame statistics", nullptr, "Frames drawn and frame times, in a corner"},
    {C::quit, nullptr, "Ctrl+Q", "Quit (desktop)", {ctrl(ImGuiKey_Q)}, K::anywhere, false, false, true},
};

constexpr bool rows_in_enum_order() {
  for (std::size_t i = 0; i < std::size(kCommands); ++i)
    if (static_cast<std::size_t>(kCommands[i].id) != i) return false;
  return true;
}
static_assert(rows_in_enum_order(), "kCommands lists the commands in the order of enum ShellCommand");

// Keys that belong to views and text fields: shown in the help, handled where they apply.
constexpr const char* kOtherKeys[][2] = {
    {"Wheel, Shift+wheel", "Timeline: zoom (day, week, month, quarter); scroll the rows"},
    {"Escape", "Close the task editor, a dialog or the palette"},
    {"Ctrl+C, Ctrl+V, Ctrl+X, Ctrl+A", "Clipboard and selection in text fields"},
};

// Ctrl and Shift as the chord has them; Alt and Super held: none (they
// belong to the browser and the system).
bool chord_pressed(ImGuiKeyChord chord, bool repeats) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.KeyCtrl != ((chord & ImGuiMod_Ctrl) != 0) || io.KeyShift != ((chord & ImGuiMod_Shift) != 0)) return false;
  if (io.KeyAlt || io.KeySuper) return false;
  return ImGui::IsKeyPressed(static_cast<ImGuiKey>(chord & ~ImGuiMod_Mask_), repeats);
}

}  // namespace

std::span<const ShellCommandDef> shell_commands() { return kCommands; }

const ShellCommandDef& shell_command(ShellCommand id) {
  const auto index = static_cast<std::size_t>(id);
  assert(index < std::size(kCommands));
  return kCommands[index];
}

const char* menu_keys(ShellCommand id) {
  static std::array<std::string, std::size(kCommands)> first;  // "Ctrl+Shift+Z" of "Ctrl+Shift+Z, Ctrl+Y"
  const char* keys = shell_command(id).keys;
  if (!keys) return nullptr;
  std::string& text = first[static_cast<std::size_t>(id)];
  if (text.empty()) text = std::string(keys).substr(0, std::string_view(keys).find(", "));
  return text.c_str();
}

std::optional<ShellCommand> pressed_shell_command(bool can_quit) {
  const bool typing = ImGui::GetIO().WantTextInput;
  const bool dialog = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
  for (const ShellCommandDef& c : kCommands) {
    if (c.desktop_only && !can_quit) continue;
    if (c.scope != KeyScope::anywhere && typing) continue;
    if (c.scope == KeyScope::main_window && dialog) continue;
    for (const ImGuiKeyChord chord : c.chords)
      if (chord != 0 && chord_pressed(chord, c.repeats)) return c.id;
  }
  return std::nullopt;
}

std::vector<ShortcutRow> shortcut_rows(bool can_quit) {
  std::vector<ShortcutRow> rows;
  for (const ShellCommandDef& c : kCommands)
    if (c.keys && (can_quit || !c.desktop_only)) rows.push_back({c.keys, c.help});
  int first = 0, last = 0;
  for (const ViewDef& v : view_registry())
    if (v.digit_key != 0) {
      if (first == 0) first = v.digit_key;
      last = v.digit_key;
    }
  rows.push_back({std::to_string(first) + " \xE2\x80\xA6 " + std::to_string(last), digit_key_views()});
  std::string others;  // the views without a key
  for (const ViewDef& v : view_registry())
    if (v.digit_key == 0) others += (others.empty() ? "" : ", ") + std::string(v.title);
  if (!others.empty()) rows.push_back({"Ctrl+K, then \xE2\x80\x9CGo to\xE2\x80\xA6\xE2\x80\x9D", others});
  for (const auto& [keys, what] : kOtherKeys) rows.push_back({keys, what});
  return rows;
}

}  // namespace cairn::ui
