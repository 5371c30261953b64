// The timeline view on the 10k-task project, with simulated mouse input:
// bars handed to the renderer once per plan, only visible rows drawn, a bar
// dragged and resized through one undoable command, a click opening the task,
// the wheel zooming.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "checked_ui.h"
#include "ui/bar_renderer.h"
#include "ui/timeline_view.h"

namespace cairn::uitest {
namespace {

// A renderer that draws nothing and records what it was asked to draw.
class RecordingBarRenderer final : public ui::BarRenderer {
 public:
  void set_bars(std::span<const ui::BarInstance> bars) override {
    ++uploads;
    bar_count = bars.size();
  }
  void draw(ImDrawList&, const ui::BarFrame& frame) override { frames.push_back(frame); }
  const char* name() const override { return "recording"; }

  int uploads = 0;
  std::size_t bar_count = 0;
  std::vector<ui::BarFrame> frames;
};

const ui::TimelineState& timeline(CheckedUi& c) { return c.ui.state().views.timeline; }

// Drags with the left button from `from` to `to` in steps, like a hand.
void drag(CheckedUi& c, ImVec2 from, ImVec2 to) {
  c.ui.mouse_move(from);
  c.ui.frames(2);
  c.ui.mouse_button(ImGuiMouseButton_Left, true);
  c.ui.frame();
  for (int step = 1; step <= 8; ++step) {
    const float t = static_cast<float>(step) / 8.0f;
    c.ui.mouse_move(ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t));
    c.ui.frame();
  }
  c.ui.mouse_button(ImGuiMouseButton_Left, false);
  c.ui.frames(2);
}

// A bar on screen, far enough from the chart's edges to be dragged right.
const ui::TimelineState::ShownBar* draggable(const ui::TimelineState& t, float min_width) {
  for (const auto& b : t.shown)
    if (b.x1 - b.x0 >= min_width && b.x1 < 900) return &b;
  return nullptr;
}

}  // namespace

TEST_SUITE("input") {

TEST_CASE("timeline: bars go to the renderer once per plan; each frame draws only the visible rows") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  RecordingBarRenderer renderer;
  c.ui.bar_renderer = &renderer;
  c.show(p.project, ui::View::timeline);
  c.ui.frames(5);
  const ui::TimelineState& t = timeline(c);
  CHECK(renderer.uploads == 1);
  CHECK(renderer.bar_count == t.layout.bars.size());
  CHECK(t.layout.bars.size() > 6000);  // open tasks, and done ones with dates
  REQUIRE(renderer.frames.size() == 5);
  const ui::BarFrame& f = renderer.frames.back();
  CHECK(f.count > 10);
  CHECK(f.count < 100);  // one screen of rows, not 10k
  CHECK(f.px_per_day == doctest::Approx(pixels_per_day(TimelineZoom::week)));
  CHECK(!t.shown.empty());

  // A change to the plan (undoable, through the stack) hands the bars over again.
  const std::size_t before = t.layout.bars.size();
  Command rename;
  rename.label = "Rename";
  rename.ops.push_back(SetField{p.rich_task, "title", std::string("Renamed")});
  REQUIRE(c.ui.exec(rename).ok);
  c.ui.frames(2);
  CHECK(renderer.uploads == 2);
  CHECK(t.layout.bars.size() == before);
  // Assignee lanes: another layout, handed over too.
  c.ui.state().views.timeline.grouping = TimelineGrouping::assignee;
  c.ui.frames(2);
  CHECK(renderer.uploads == 3);
  CHECK(t.layout.lanes.size() >= 8);
  check_clean(c);
}

TEST_CASE("timeline: dragging a bar moves the task (and pushes its dependents) in one undo step") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::timeline);
  c.scene = "timeline drag";
  c.ui.state().views.timeline.zoom = TimelineZoom::day;  // 32 px a day: room to drag by days
  c.ui.state().views.timeline.axis_placed = false;
  c.ui.frames(3);
  const ui::TimelineState& t = timeline(c);
  const auto* shown = draggable(t, 40);
  REQUIRE(shown != nullptr);
  const Id task = shown->task;
  const TimelineBar bar = t.layout.bars[*t.layout.find(task)];
  const Task before = *c.ui.workspace().find<Task>(task);
  const std::size_t run_before = c.ui.commands_run();
  const float y = (shown->y0 + shown->y1) / 2;
  const float x = shown->x0 + (shown->x1 - shown->x0) * 0.4f;
  const float day = static_cast<float>(t.axis.px_per_day);

  drag(c, ImVec2(x, y), ImVec2(x + 3 * day, y));
  CHECK(c.ui.commands_run() == run_before + 1);
  CHECK(c.ui.refused_commands().empty());
  const Task* after = c.ui.workspace().find<Task>(task);
  REQUIRE(after != nullptr);
  REQUIRE(after->start.has_value());
  REQUIRE(after->due.has_value());
  if (bar.flags & bar_flags::milestone) {
    CHECK(after->due->days == bar.end - 1 + 3);
  } else {
    CHECK(after->start->days == bar.start + 3);
    CHECK(after->due->days == bar.end - 1 + 3);
  }
  CHECK(c.ui.stack().undo_label().starts_with("Move task"));
  CHECK(c.ui.state().nav.open_task.nil());  // a drag is not a click

  // Ctrl+Z: every date as it was.
  c.ui.key(ImGuiMod_Ctrl | ImGuiKey_Z);
  const Task* undone = c.ui.workspace().find<Task>(task);
  CHECK(undone->start == before.start);
  CHECK(undone->due == before.due);
  c.ui.frames(2);
  check_clean(c);
}

TEST_CASE("timeline: a drag that pushes dependents changes them in the same command") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::timeline);
  c.ui.frames(3);
  // A visible bar with a successor: drag it far right so the successor must move.
  const ui::TimelineState& t = timeline(c);
  const ui::TimelineState::ShownBar* with_successor = nullptr;
  for (const auto& b : t.shown) {
    const auto i = t.layout.find(b.task);
    if (!i || b.x1 - b.x0 < 12 || b.x1 > 700) continue;
    const std::int32_t pos = t.links.position_of[*i];
    if (pos >= 0 && t.links.graph.succ_begin[pos + 1] > t.links.graph.succ_begin[pos]) {
      with_successor = &b;
      break;
    }
  }
  REQUIRE(with_successor != nullptr);
  const Id task = with_successor->task;
  const std::size_t index = *t.layout.find(task);
  const auto expected = plan_drag(t.layout, t.links, index, DragKind::move, 30);
  REQUIRE(expected.size() >= 2);  // 30 days later always pushes a successor
  const float y = (with_successor->y0 + with_successor->y1) / 2;
  const float x = (with_successor->x0 + with_successor->x1) / 2;
  drag(c, ImVec2(x, y), ImVec2(x + 30 * static_cast<float>(t.axis.px_per_day), y));
  CHECK(c.ui.refused_commands().empty());
  for (const DateChange& change : expected) {
    const Task* moved = c.ui.workspace().find<Task>(change.task);
    REQUIRE(moved != nullptr);
    CHECK(moved->start == change.start);
    CHECK(moved->due == change.due);
  }
  CHECK(std::string(c.ui.stack().undo_label()).find("pushed") != std::string::npos);
  // One undo step puts every task back.
  const Workspace& ws = c.ui.workspace();
  c.ui.undo();
  for (const DateChange& change : expected)
    CHECK(ws.find<Task>(change.task)->start == p.workspace.find<Task>(change.task)->start);
  check_clean(c);
}

TEST_CASE("timeline: dragging the right end changes the due date only; a click opens the task; the wheel zooms") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::timeline);
  c.ui.state().views.timeline.zoom = TimelineZoom::day;
  c.ui.state().views.timeline.axis_placed = false;
  c.ui.frames(3);
  const ui::TimelineState& t = timeline(c);
  const ui::TimelineState::ShownBar* shown = nullptr;
  for (const auto& b : t.shown) {  // a whole bar, not a milestone, with room on its right
    const auto i = t.layout.find(b.task);
    if (i && !(t.layout.bars[*i].flags & bar_flags::milestone) && b.x1 - b.x0 >= 60 && b.x1 < 900) {
      shown = &b;
      break;
    }
  }
  REQUIRE(shown != nullptr);
  const Id task = shown->task;
  const TimelineBar bar = t.layout.bars[*t.layout.find(task)];
  const float y = (shown->y0 + shown->y1) / 2;
  const float day = static_cast<float>(t.axis.px_per_day);
  drag(c, ImVec2(shown->x1 - 2, y), ImVec2(shown->x1 - 2 + 2 * day, y));
  const Task* after = c.ui.workspace().find<Task>(task);
  REQUIRE(after->due.has_value());
  CHECK(after->start->days == bar.start);
  CHECK(after->due->days == bar.end - 1 + 2);
  CHECK(c.ui.stack().undo_label().starts_with("Change task dates"));

  // A click (no movement) on a bar opens it in the task editor.
  const auto* other = draggable(t, 20);
  REQUIRE(other != nullptr);
  const Id clicked = other->task;
  c.ui.click(ImVec2((other->x0 + other->x1) / 2, (other->y0 + other->y1) / 2));
  CHECK(c.ui.state().nav.open_task == clicked);
  c.ui.key(ImGuiKey_Escape);

  // Wheel down over the chart: out to week, month, quarter, and no further.
  c.ui.mouse_move(ImVec2(800, 500));
  c.ui.frames(2);
  for (const TimelineZoom z : {TimelineZoom::week, TimelineZoom::month, TimelineZoom::quarter, TimelineZoom::quarter}) {
    c.ui.io().AddMouseWheelEvent(0.0f, -1.0f);
    c.ui.frames(2);
    CHECK(t.zoom == z);
  }
  c.ui.io().AddMouseWheelEvent(0.0f, 1.0f);
  c.ui.frames(2);
  CHECK(t.zoom == TimelineZoom::month);
  check_clean(c);
}

TEST_CASE("timeline: panning by dragging the background moves the dates and scrolls the rows") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::timeline);
  c.ui.frames(3);
  const ui::TimelineState& t = timeline(c);
  // A point of the chart with no bar near it.
  const double first_day = t.axis.first_day;
  const double scroll = t.scroll_y;
  ImVec2 at(0, 0);
  bool found = false;
  for (float y = 200; y < 700 && !found; y += 7)
    for (float x = 600; x < 1200 && !found; x += 13) {
      bool on_bar = false;
      for (const auto& b : t.shown) on_bar |= x >= b.x0 - 8 && x <= b.x1 + 8 && y >= b.y0 - 8 && y <= b.y1 + 8;
      if (!on_bar) {
        at = ImVec2(x, y);
        found = true;
      }
    }
  REQUIRE(found);
  const std::size_t run_before = c.ui.commands_run();
  drag(c, at, ImVec2(at.x - 200, at.y - 100));
  CHECK(c.ui.commands_run() == run_before);  // panning changes nothing in the plan
  CHECK(t.axis.first_day == doctest::Approx(first_day + 200 / t.axis.px_per_day));
  CHECK(t.scroll_y == doctest::Approx(scroll + 100));
  check_clean(c);
}

TEST_CASE("timeline: typing in the task editor beside it waits to rebuild until the field is left") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  RecordingBarRenderer renderer;
  c.ui.bar_renderer = &renderer;
  c.show(p.project, ui::View::timeline);
  c.ui.state().nav.open_task = p.rich_task;
  c.ui.frames(3);
  REQUIRE(renderer.uploads == 1);
  REQUIRE(c.click_item("##title", "Task##editor"));
  c.ui.type("x");
  c.ui.frames(2);
  c.ui.type("y");
  c.ui.frames(2);
  CHECK(c.ui.stack().revision() > timeline(c).revision);  // changed, not rebuilt
  CHECK(renderer.uploads == 1);
  c.ui.key(ImGuiKey_Enter);  // leaves the field
  c.ui.frames(2);
  CHECK(timeline(c).revision == c.ui.stack().revision());
  CHECK(renderer.uploads == 2);
  check_clean(c);
}

}  // TEST_SUITE

}  // namespace cairn::uitest
