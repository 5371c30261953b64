#include "checked_ui.h"

#include <doctest/doctest.h>
#include <imgui_internal.h>  // GImGui: which popups are open

namespace cairn::uitest {

const PlanningWorkspace& shared_planning() {
  static const PlanningWorkspace planning = make_planning_workspace(10000);
  return planning;
}

CheckedUi::CheckedUi(Workspace workspace, UiHarness::Options options) : ui(std::move(workspace), options) {
  set_imgui_asserts_throw(true);
  items.attach(ui.context());
  ui.before_frame = [this] { items.begin_frame(); };
  ui.after_frame = [this] {
    for (const DuplicateId& d : items.duplicates()) ++problems_[scene + ": " + d.describe()];
  };
}

CheckedUi::~CheckedUi() {
  // A context left mid-frame by a failed assert is torn down without throwing.
  set_imgui_asserts_throw(false);
  items.detach();
}

std::string CheckedUi::report() const {
  std::string s;
  for (const auto& [text, frames] : problems_)
    s += "DUPLICATE ID (" + std::to_string(frames) + " frame" + (frames == 1 ? "" : "s") + ") in " + text + "\n";
  for (const std::string& refused : ui.refused_commands()) s += "REFUSED COMMAND in " + scene + ": " + refused + "\n";
  return s;
}

void CheckedUi::show(Id project, ui::View view) {
  ui.state().nav.project = project;
  ui.state().nav.view = view;
  scene = project.nil() ? std::string("home") : std::string("view ") + ui::view_title(view);
}

bool CheckedUi::click_item(std::string_view label, std::string_view window, bool prefix) {
  ui.frame();  // places as they are now (a command run after the last frame may move things)
  const ItemRecord* item = items.find(label, window, prefix);
  // Below (or above) the visible part of its window: the wheel brings it in.
  for (int step = 0; item && !item->visible() && step < 40; ++step) {
    const ImGuiWindow* w = ImGui::FindWindowByName(item->window.c_str());
    if (!w) break;
    const float direction = item->rect.Min.y > w->InnerClipRect.Max.y ? -1.0f : 1.0f;
    ui.mouse_move(w->InnerClipRect.GetCenter());
    ui.io().AddMouseWheelEvent(0.0f, direction * 2.0f);
    ui.frame();
    item = items.find(label, window, prefix);
  }
  if (!item || !item->visible()) return false;
  ui.click(item->center());
  return true;
}

void open_first_history(CheckedUi& c) {
  c.ui.frames(1);
  CHECK(GImGui->OpenPopupStack.Size == 0);
  REQUIRE(c.click_item(kHistoryButton, "view"));
  c.ui.frames(2);
  CHECK(GImGui->OpenPopupStack.Size == 1);
  ImGui::ClosePopupsExceptModals();
  c.ui.frames(1);
}

void check_clean(const CheckedUi& c) {
  const std::string report = c.report();
  CHECK_MESSAGE(report.empty(), report);
}

}  // namespace cairn::uitest
