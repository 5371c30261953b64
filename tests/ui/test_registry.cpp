// The view registry (ui/view_registry.h) and the shell commands
// (ui/shell_commands.h) are the only lists of views and shortcuts: every
// view and every command must be reachable everywhere they are listed.
#include <doctest/doctest.h>
#include <imgui_internal.h>  // GImGui: which popup is open

#include <set>
#include <string>

#include "checked_ui.h"
#include "ui/shell_commands.h"

namespace cairn::uitest {
namespace {

bool any_row_names(const std::vector<ui::ShortcutRow>& rows, const std::string& text) {
  for (const ui::ShortcutRow& row : rows)
    if (row.what.find(text) != std::string::npos) return true;
  return false;
}

// Opens the palette with Ctrl+K, types `query` and presses Enter.
void choose_in_palette(CheckedUi& c, const std::string& query) {
  c.ui.key(ImGuiMod_Ctrl | ImGuiKey_K);
  REQUIRE(c.ui.state().palette.open);
  c.ui.frames(2);  // the query field takes the keyboard focus
  c.ui.type(query.c_str());
  c.ui.frames(2);
  c.ui.key(ImGuiKey_Enter);
}

}  // namespace

TEST_SUITE("views") {

TEST_CASE("every view of the registry is in the sidebar, the palette and the shortcut help, and opens cleanly") {
  const PlanningWorkspace& p = shared_planning();
  std::set<std::string> titles;
  const std::vector<ui::ShortcutRow> help = ui::shortcut_rows(true);
  for (const ui::ViewDef& def : ui::view_registry()) {
    INFO(def.title);
    CHECK(titles.insert(def.title).second);  // titles tell views apart in the palette and the state JSON
    CHECK(&ui::view_def(def.id) == &def);
    CHECK(any_row_names(help, def.title));

    CheckedUi c{p.workspace};
    c.show(p.project, ui::View::dashboard);
    c.ui.frames(2);
    // The sidebar: clicking its entry opens the view.
    if (def.id != ui::View::dashboard) {
      REQUIRE(c.click_item(def.title, "nav"));
      CHECK(c.ui.state().nav.view == def.id);
    }
    // The palette: "Go to <title>" opens it from another view.
    c.show(p.project, def.id == ui::View::charter ? ui::View::board : ui::View::charter);
    c.ui.frames(1);
    choose_in_palette(c, std::string("Go to ") + def.title);
    CHECK(c.ui.state().nav.view == def.id);
    CHECK_FALSE(c.ui.state().palette.open);
    // It draws without an assert, a duplicate id or a refused change.
    c.scene = std::string("view ") + def.title;
    c.ui.frames(3);
    CHECK(c.items.items().size() > 20);
    check_clean(c);
  }
  // A digit key opens each view that has one, and no two share a key.
  std::set<int> keys;
  for (const ui::ViewDef& def : ui::view_registry())
    if (def.digit_key != 0) {
      CHECK(keys.insert(def.digit_key).second);
      CHECK(ui::view_for_digit(def.digit_key) == &def);
    }
}

TEST_CASE("every shell command with keys is in the shortcut help and runs from its keys; palette entries run too") {
  const PlanningWorkspace& p = shared_planning();
  const std::vector<ui::ShortcutRow> help = ui::shortcut_rows(true);
  for (const ui::ShellCommandDef& def : ui::shell_commands()) {
    INFO(def.help);
    CHECK(&ui::shell_command(def.id) == &def);
    if (def.keys) {
      bool listed = false;
      for (const ui::ShortcutRow& row : help) listed = listed || (row.keys == def.keys && row.what == def.help);
      CHECK(listed);
      CHECK(def.chords[0] != 0);  // keys shown are keys handled
    }
  }
  // Keys reach the shell through the same table: a few with visible effects.
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::board);
  c.ui.frames(2);
  c.ui.key(ImGuiMod_Shift | ImGuiKey_Slash);
  c.ui.frames(1);
  CHECK(c.ui.state().show_help);
  c.ui.key(ImGuiKey_Escape);
  c.ui.key(ImGuiMod_Ctrl | ImGuiKey_Comma);
  CHECK(c.ui.state().show_settings);
  c.ui.key(ImGuiKey_Escape);
  c.ui.frames(1);
  const float size = c.ui.preferences().ui_scale;
  c.ui.key(ImGuiMod_Ctrl | ImGuiKey_Equal);
  CHECK(c.ui.preferences().ui_scale > size);
  c.ui.key(ImGuiMod_Ctrl | ImGuiKey_0);
  CHECK(c.ui.preferences().ui_scale == 1.0f);
  // The palette runs a command of the table.
  const std::size_t projects = c.ui.workspace().all<Project>().size();
  choose_in_palette(c, "New project");
  CHECK(c.ui.workspace().all<Project>().size() == projects + 1);
  choose_in_palette(c, "Show / hide frame statistics");
  CHECK(c.ui.state().show_frame_statistics);
  c.ui.frames(1);
  CHECK(c.items.find("Frame statistics") != nullptr);  // the overlay in the corner
  choose_in_palette(c, "Show / hide frame statistics");
  c.ui.frames(1);
  CHECK(c.items.find("Frame statistics") == nullptr);
  check_clean(c);
}

}  // TEST_SUITE

}  // namespace cairn::uitest
