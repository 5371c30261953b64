// Simulated mouse and keyboard input on the 10k-task project: clicks, drags,
// double-clicks, typing, shortcuts, the wheel, and random clicks everywhere.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>

#include "checked_ui.h"

namespace cairn::uitest {
namespace {

// Visible items of the last frame with this label in windows whose name
// contains `window`, top to bottom. Copies: the registry's records are
// replaced by the next frame's.
std::vector<ItemRecord> visible(const CheckedUi& c, std::string_view label, std::string_view window = {}) {
  std::vector<ItemRecord> out;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  for (const ItemRecord* r : c.items.find_all(label, window))
    if (r->visible() && r->center().x > 0 && r->center().y > 0 && r->center().x < display.x && r->center().y < display.y)
      out.push_back(*r);
  std::sort(out.begin(), out.end(), [](const ItemRecord& a, const ItemRecord& b) { return a.rect.Min.y < b.rect.Min.y; });
  return out;
}

// Opens the task editor on `task` (click_item scrolls it to what it clicks).
void open_editor(CheckedUi& c, Id task) {
  c.ui.state().nav.open_task = task;
  c.ui.frames(2);
  REQUIRE(ImGui::FindWindowByName("Task##editor") != nullptr);
}

int count_status(const Workspace& ws, Id project, TaskStatus status) {
  int n = 0;
  for (const auto& [id, t] : ws.all<Task>()) n += (t.parent == project && t.status == status) ? 1 : 0;
  return n;
}

}  // namespace

TEST_SUITE("input") {

TEST_CASE("keys 1 to 9 switch views and Escape closes the task editor") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::dashboard);
  c.scene = "keys";
  c.ui.frames(2);
  int digit_views = 0;
  for (int digit = 9; digit >= 1; --digit) {
    const ui::ViewDef* def = ui::view_for_digit(digit);
    if (!def) continue;
    ++digit_views;
    c.ui.key(static_cast<ImGuiKey>(ImGuiKey_0 + digit));
    CHECK(c.ui.state().nav.view == def->id);
  }
  CHECK(digit_views == 9);
  c.ui.state().nav.open_task = p.rich_task;
  c.ui.frames(2);
  CHECK(c.items.find("Task##editor") != nullptr);
  c.ui.key(ImGuiKey_Escape);
  CHECK(c.ui.state().nav.open_task.nil());
  check_clean(c);
}

TEST_CASE("clicking a board card opens it; dragging a card to another column moves it") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::board);
  c.scene = "board input";
  c.ui.frames(3);

  // The columns' card lists, left to right: backlog, todo, in progress, blocked, done.
  std::map<std::string, std::vector<ItemRecord>> by_column;
  for (const ItemRecord& r : visible(c, "card", "cards")) by_column[r.window].push_back(r);
  std::vector<std::vector<ItemRecord>> columns;
  for (auto& [name, cards] : by_column) columns.push_back(cards);
  std::sort(columns.begin(), columns.end(), [](auto& a, auto& b) { return a.front().rect.Min.x < b.front().rect.Min.x; });
  REQUIRE(columns.size() >= 3);
  REQUIRE(columns[2].size() >= 3);

  c.ui.click(columns[0][0].center());
  const Id opened = c.ui.state().nav.open_task;
  REQUIRE_FALSE(opened.nil());
  CHECK(c.ui.workspace().find<Task>(opened)->status == TaskStatus::backlog);
  c.ui.key(ImGuiKey_Escape);
  CHECK(c.ui.state().nav.open_task.nil());
  c.ui.frames(2);

  // Drag the first backlog card onto the third "in progress" card.
  const int backlog = count_status(c.ui.workspace(), p.project, TaskStatus::backlog);
  const int in_progress = count_status(c.ui.workspace(), p.project, TaskStatus::in_progress);
  const std::size_t run_before = c.ui.commands_run();
  const ImVec2 from = columns[0][0].center(), to = columns[2][2].center();
  c.ui.mouse_move(from);
  c.ui.frame();
  c.ui.mouse_button(ImGuiMouseButton_Left, true);
  c.ui.frame();
  for (int step = 1; step <= 10; ++step) {
    const float t = static_cast<float>(step) / 10.0f;
    c.ui.mouse_move(ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t));
    c.ui.frame();
  }
  c.ui.mouse_button(ImGuiMouseButton_Left, false);
  c.ui.frames(3);
  CHECK(c.ui.commands_run() == run_before + 1);
  CHECK(c.ui.stack().undo_label() == "Move card");
  CHECK(count_status(c.ui.workspace(), p.project, TaskStatus::backlog) == backlog - 1);
  CHECK(count_status(c.ui.workspace(), p.project, TaskStatus::in_progress) == in_progress + 1);
  // The columns are cached between frames: they follow the change.
  const auto column_size = [&](std::size_t i) { return c.ui.state().views.board.columns.at(i).tasks.size(); };
  CHECK(column_size(0) == static_cast<std::size_t>(backlog - 1));
  CHECK(column_size(2) == static_cast<std::size_t>(in_progress + 1));
  // Ctrl+Z puts it back.
  c.ui.key(ImGuiMod_Ctrl | ImGuiKey_Z);
  CHECK(count_status(c.ui.workspace(), p.project, TaskStatus::backlog) == backlog);
  c.ui.frames(2);
  CHECK(column_size(0) == static_cast<std::size_t>(backlog));
  CHECK(column_size(2) == static_cast<std::size_t>(in_progress));
  check_clean(c);
}

TEST_CASE("backlog rows: click, Ctrl+click, Shift+click select; double-click opens; the filter narrows") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::backlog);
  c.scene = "backlog input";
  c.ui.frames(3);
  // A point of the k-th visible row over plain text (the assignee column),
  // not over a field; rows move (the bulk-edit bar appears), so asked anew.
  auto row = [&](std::size_t k) {
    c.ui.frame();  // the layout after the last click (the bulk-edit bar comes and goes)
    const auto rows = visible(c, "##row", "view");
    REQUIRE(rows.size() > k);
    return ImVec2(rows[k].rect.Min.x + (rows[k].rect.Max.x - rows[k].rect.Min.x) * 0.52f, rows[k].center().y);
  };
  auto& selected = c.ui.state().views.backlog.selected;
  c.ui.click(row(0));
  CHECK(selected.size() == 1);
  c.ui.io().AddKeyEvent(ImGuiMod_Ctrl, true);
  c.ui.click(row(2));
  c.ui.io().AddKeyEvent(ImGuiMod_Ctrl, false);
  CHECK(selected.size() == 2);
  c.ui.io().AddKeyEvent(ImGuiMod_Shift, true);
  c.ui.click(row(4));
  c.ui.io().AddKeyEvent(ImGuiMod_Shift, false);
  CHECK(selected.size() == 4);  // rows 0, 2, 3, 4
  c.ui.frames(2);
  CHECK(c.items.find("Select none", "view") != nullptr);

  c.ui.double_click(row(1));
  CHECK_FALSE(c.ui.state().nav.open_task.nil());
  CHECK(selected.size() == 1);
  c.ui.key(ImGuiKey_Escape);
  CHECK(c.ui.state().nav.open_task.nil());

  const std::size_t run_before = c.ui.commands_run();
  REQUIRE(c.click_item("##search", "view"));
  c.ui.type("Spike");
  c.ui.frames(3);
  CHECK(c.ui.state().views.backlog.filter.text == "Spike");
  CHECK(c.ui.commands_run() == run_before);  // filtering changes nothing
  c.ui.key(ImGuiKey_Escape);
  c.ui.frames(2);
  check_clean(c);
}

TEST_CASE("typing a task title in the editor is one undo step") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::board);
  c.ui.state().nav.open_task = p.rich_task;
  c.scene = "task editor input";
  c.ui.frames(3);
  const std::string before = c.ui.workspace().find<Task>(p.rich_task)->title;
  REQUIRE(c.click_item("##title", "Task##editor"));
  c.ui.key(ImGuiMod_Ctrl | ImGuiKey_A);
  c.ui.type("Renamed");
  c.ui.frame();
  c.ui.type(" task");
  c.ui.frames(2);
  c.ui.key(ImGuiKey_Enter);  // leaves the field: ends the undo step
  c.ui.frames(2);
  CHECK(c.ui.workspace().find<Task>(p.rich_task)->title == "Renamed task");
  CHECK(c.ui.stack().undo_label() == "Edit Title");
  c.ui.key(ImGuiMod_Ctrl | ImGuiKey_Z);
  c.ui.frames(2);
  CHECK(c.ui.workspace().find<Task>(p.rich_task)->title == before);
  check_clean(c);
}

TEST_CASE("the task editor's task pickers list 10k tasks; every backlog column sorts both ways") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::backlog);
  c.ui.state().nav.open_task = p.rich_task;
  c.scene = "task pickers and sorting";
  for (const char* picker : {"##pred", "##by"}) {
    INFO(std::string(picker));
    open_editor(c, p.rich_task);
    REQUIRE(c.click_item(picker, "Task##editor"));
    c.ui.frames(2);
    // The list is clipped: a screenful of rows is submitted, but its height
    // holds every other task of the project (scrolling reaches them all).
    std::size_t listed = 0;
    std::string list_window;
    for (const ItemRecord& r : c.items.items())
      if (r.window.find("##Combo_") == 0) {
        ++listed;
        list_window = r.window;
      }
    CHECK(listed > 5);
    CHECK(listed < 200);
    const ImGuiWindow* list = ImGui::FindWindowByName(list_window.c_str());
    REQUIRE(list != nullptr);
    CHECK(list->ContentSize.y > 9000 * ImGui::GetTextLineHeight());
    c.ui.key(ImGuiKey_Escape);
  }
  c.ui.state().nav.open_task = Id{};
  c.ui.frames(2);
  const char* columns[] = {"Title", "Status", "Stage", "Assignee", "Estimate (buffered)", "Due", "Sprint", "Tags"};
  for (int i = 7; i >= 0; --i) {
    INFO(columns[i]);
    REQUIRE(c.ui.click_table_header(columns[i]));
    CHECK(c.ui.state().views.backlog.sort_column == i);
    const bool ascending = c.ui.state().views.backlog.sort_ascending;
    REQUIRE(c.ui.click_table_header(columns[i]));
    CHECK(c.ui.state().views.backlog.sort_ascending != ascending);
  }
  check_clean(c);
}

// Escape closes the innermost thing: an open list or a text field being
// edited, not the whole task editor under it.
TEST_CASE("Escape in a list or a text field of the task editor leaves the editor open") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::board);
  c.scene = "Escape in the task editor";
  open_editor(c, p.rich_task);
  REQUIRE(c.click_item("##pred", "Task##editor"));
  c.ui.frames(2);
  c.ui.key(ImGuiKey_Escape);  // closes the list of tasks...
  CHECK_MESSAGE(c.ui.state().nav.open_task == p.rich_task, "Escape in the predecessor list closed the task editor");
  open_editor(c, p.rich_task);
  REQUIRE(c.click_item("##text", "Task##editor"));  // a blocker's text
  c.ui.type("x");
  c.ui.frame();
  c.ui.key(ImGuiKey_Escape);  // ...and leaves the field (ImGui reverts the typing)
  CHECK_MESSAGE(c.ui.state().nav.open_task == p.rich_task, "Escape in a text field closed the task editor");
  check_clean(c);
}

}  // TEST_SUITE

TEST_SUITE("monkey") {

TEST_CASE("the wheel and random clicks over every view") {
  const PlanningWorkspace& p = shared_planning();
  for (const ui::ViewDef& def : ui::view_registry()) {
    const ui::View view = def.id;
    CheckedUi c{p.workspace};
    c.show(p.project, view);
    c.scene += " (wheel and clicks)";
    INFO(c.scene);
    try {
      c.ui.frames(2);
      const ImVec2 display = c.ui.io().DisplaySize;
      c.ui.mouse_move(ImVec2(display.x * 0.5f, display.y * 0.5f));
      for (int i = 0; i < 8; ++i) {
        c.ui.io().AddMouseWheelEvent(0.0f, -4.0f);
        c.ui.frame();
      }
      // A grid of clicks over the view (not the menu bar), Escape after each.
      for (int row = 0; row < 3; ++row)
        for (int col = 0; col < 4; ++col) {
          c.ui.click(ImVec2(display.x * (0.17f + 0.21f * static_cast<float>(col)),
                            display.y * (0.13f + 0.3f * static_cast<float>(row))));
          c.ui.key(ImGuiKey_Escape);
          c.show(p.project, view);  // stay on the view (a click may navigate)
          c.scene += " (wheel and clicks)";
        }
    } catch (const ImGuiAssertFailure& e) {
      FAIL_CHECK("ASSERT in " << c.scene << ": " << e.what());
      continue;
    }
    check_clean(c);
  }
}

}  // TEST_SUITE

}  // namespace cairn::uitest

namespace cairn::uitest {
TEST_SUITE("input") {

TEST_CASE("settings: the first day of the week and this device's time zone are taken") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::board);
  c.ui.state().show_settings = true;
  c.scene = "settings";
  c.ui.frames(3);
  REQUIRE(c.click_item("Sunday", "Settings"));
  c.ui.frames(2);
  CHECK(c.ui.preferences().week_start == WeekStart::sunday);
  REQUIRE(c.click_item("This device (Europe/Berlin)", "Settings"));
  c.ui.frames(2);
  CHECK(c.ui.preferences().display_zone == "device");
  // A name that is no zone is not taken.
  REQUIRE(c.click_item("##zone", "Settings"));
  c.ui.type("Mars/Olympus");
  c.ui.frames(2);
  CHECK(c.ui.preferences().display_zone == "device");
  REQUIRE(c.click_item("UTC", "Settings"));
  c.ui.frames(2);
  CHECK(c.ui.preferences().display_zone.empty());
  check_clean(c);
}

TEST_CASE("settings: Escape closes them, but first undoes typing in a field") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::board);
  c.ui.state().show_settings = true;
  c.scene = "settings";
  c.ui.frames(3);
  REQUIRE(c.click_item("##zone", "Settings"));
  c.ui.type("Europe/Ber");
  c.ui.frames(2);
  c.ui.key(ImGuiKey_Escape);  // leaves the field
  c.ui.frames(2);
  CHECK(c.ui.state().show_settings);
  c.ui.key(ImGuiKey_Escape);
  c.ui.frames(2);
  CHECK_FALSE(c.ui.state().show_settings);
  check_clean(c);
}

}  // TEST_SUITE
}  // namespace cairn::uitest
