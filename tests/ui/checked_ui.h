#pragma once
#include <map>
#include <string>

#include "item_registry.h"
#include "planning_workspace.h"
#include "ui/view_registry.h"
#include "ui_harness.h"

namespace cairn::uitest {

// The 10k-task workspace, built once per test run (copied into each harness).
const PlanningWorkspace& shared_planning();

// A UiHarness whose every frame is checked: the item registry records the
// frame's items and each duplicate id is noted with what was on screen
// (`scene`). A failed IM_ASSERT throws out of frame() (ImGuiAssertFailure).
class CheckedUi {
 public:
  explicit CheckedUi(Workspace workspace, UiHarness::Options options = {});
  ~CheckedUi();

  UiHarness ui;
  ItemRegistry items;
  std::string scene;  // "view Board", "home", ... : names what is drawn in reports

  // Duplicate-id reports, each with the frames it was seen in.
  const std::map<std::string, int>& problems() const { return problems_; }
  std::string report() const;  // problems and refused commands, "" when clean
  void clear_problems() { problems_.clear(); }

  // Opens a view of the project (or home when `project` is nil).
  void show(Id project, ui::View view);
  // Clicks the centre of the item with this label (see ItemRegistry::find),
  // scrolling its window with the wheel first when it is out of sight;
  // false when there is no such item.
  bool click_item(std::string_view label, std::string_view window = {}, bool prefix = false);

 private:
  std::map<std::string, int> problems_;
};

// A doctest check that `c` saw no duplicate id and no refused command.
void check_clean(const CheckedUi& c);

// The ↺ button that opens an item's history (ui/history_list.h).
inline constexpr const char* kHistoryButton = "\xE2\x86\xBA";
// Clicks the view's first ↺, checks that its list of changes opened, and
// closes it again.
void open_first_history(CheckedUi& c);

}  // namespace cairn::uitest
