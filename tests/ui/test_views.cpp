// Every view of a 10k-task project, the home screen, the task editor and the
// shell's dialogs, drawn for a few frames: no IM_ASSERT, no duplicate id, no
// command the model refuses.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include <imgui_internal.h>  // GImGui: which popup is open

#include "checked_ui.h"
#include "core/change_text.h"
#include "ui/view_registry.h"

namespace cairn::uitest {
namespace {

constexpr int kFrames = 5;

// Draws `frames` frames of the current scene; an assert is reported with the scene.
void draw(CheckedUi& c, int frames = kFrames) {
  INFO("scene: " << c.scene);
  try {
    c.ui.frames(frames);
  } catch (const ImGuiAssertFailure& e) {
    FAIL_CHECK("ASSERT in " << c.scene << ": " << e.what());
    throw;  // the context is mid-frame: this harness cannot go on
  }
}

// Every view, one harness per view (an assert in one does not hide the others).
void every_view(const char* what, UiHarness::Options options, const std::function<void(CheckedUi&)>& prepare) {
  const PlanningWorkspace& p = shared_planning();
  for (const ui::ViewDef& def : ui::view_registry()) {
    const ui::View view = def.id;
    CheckedUi c{p.workspace, options};
    c.show(p.project, view);
    c.scene += std::string(" (") + what + ")";
    prepare(c);
    try {
      draw(c);
    } catch (const ImGuiAssertFailure&) {
      continue;
    }
    CHECK_MESSAGE(c.ui.state().nav.project == p.project, c.scene << ": the view left the project");
    CHECK_MESSAGE(c.items.items().size() > 20, c.scene << ": only " << c.items.items().size() << " items");
    check_clean(c);
  }
}

}  // namespace

TEST_SUITE("views") {

TEST_CASE("the 10k-task workspace is what the views are tested with") {
  const PlanningWorkspace& p = shared_planning();
  CHECK(p.tasks == 10000);
  int by_status[5] = {}, by_stage[9] = {};
  std::size_t estimated = 0, tagged = 0, in_sprint = 0;
  for (const auto& [id, t] : p.workspace.all<Task>()) {
    if (t.parent != p.project) continue;
    ++by_status[static_cast<int>(t.status)];
    ++by_stage[static_cast<int>(t.stage)];
    estimated += t.likely_days ? 1 : 0;
    tagged += t.tags.empty() ? 0 : 1;
    in_sprint += t.sprint.nil() ? 0 : 1;
  }
  for (const int n : by_status) CHECK(n > 100);
  for (const int n : by_stage) CHECK(n > 100);
  CHECK(estimated > 8000);
  CHECK(tagged > 5000);
  CHECK(in_sprint > 5000);
  CHECK(p.workspace.all<ChecklistItem>().size() > 3000);
  CHECK(p.workspace.all<Blocker>().size() > 500);
  CHECK(p.workspace.all<Dependency>().size() > 1000);
  CHECK(p.workspace.children_of(p.rich_task).size() >= 8);
}

TEST_CASE("every view of a 10k-task project") {
  every_view("light", {}, [](CheckedUi&) {});
}

TEST_CASE("every view in the dark theme on a small window") {
  UiHarness::Options o;
  o.theme = ui::Theme::Dark;
  o.display = ImVec2(800, 500);
  every_view("dark, 800x500", o, [](CheckedUi&) {});
}

TEST_CASE("every view in a tiny window with the task editor open") {
  UiHarness::Options o;
  o.display = ImVec2(480, 320);
  o.font_pixels = 13.0f;
  const Id task = shared_planning().rich_task;
  every_view("480x320, 13 px, task editor", o, [task](CheckedUi& c) { c.ui.state().nav.open_task = task; });
}

TEST_CASE("every view on a large window with a large font") {
  UiHarness::Options o;
  o.display = ImVec2(2560, 1440);
  o.font_pixels = 24.0f;
  every_view("2560x1440, 24 px", o, [](CheckedUi&) {});
}

TEST_CASE("every view at 200 % text size (Ctrl+= up to the largest), then back to 100 % with Ctrl+0") {
  every_view("text 200 %", {}, [](CheckedUi& c) {
    const float padding = ImGui::GetStyle().FramePadding.y;
    for (int i = 0; i < 8; ++i) c.ui.key(ImGuiMod_Ctrl | ImGuiKey_Equal);
    CHECK(c.ui.preferences().ui_scale == doctest::Approx(2.0));
    CHECK(ImGui::GetStyle().FramePadding.y == doctest::Approx(padding * 2.0f).epsilon(0.05));  // all sizes follow
  });
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::backlog);
  c.ui.key(ImGuiMod_Ctrl | ImGuiKey_Minus);
  CHECK(c.ui.preferences().ui_scale == doctest::Approx(0.85));
  c.ui.key(ImGuiMod_Ctrl | ImGuiKey_0);
  CHECK(c.ui.preferences().ui_scale == doctest::Approx(1.0));
  check_clean(c);
}

TEST_CASE("every view with the task editor open") {
  const Id task = shared_planning().rich_task;
  every_view("task editor open", {}, [task](CheckedUi& c) { c.ui.state().nav.open_task = task; });
}

TEST_CASE("the task editor stays open on a task with everything") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::board);
  c.ui.state().nav.open_task = p.rich_task;
  c.scene = "task editor";
  draw(c);
  CHECK(c.ui.state().nav.open_task == p.rich_task);
  CHECK(c.items.find("Task##editor") != nullptr);
  // Its history, scrolled to and opened.
  REQUIRE(c.click_item("History (", "Task##editor", true));
  draw(c);
  check_clean(c);
}

TEST_CASE("the home screen") {
  const PlanningWorkspace& p = shared_planning();
  {
    CheckedUi c{p.workspace};
    c.show(Id{}, ui::View::dashboard);
    draw(c);
    CHECK(c.items.find("Open") != nullptr);
    check_clean(c);
  }
  {
    CheckedUi c{Workspace{}};  // first run: the welcome and the templates
    c.show(Id{}, ui::View::dashboard);
    c.scene = "home (empty workspace)";
    draw(c);
    const bool templates = std::any_of(c.items.items().begin(), c.items.items().end(),
                                       [](const ItemRecord& r) { return r.label.find("/template_") != std::string::npos; });
    CHECK(templates);
    check_clean(c);
  }
}

TEST_CASE("view states: board by stage, backlog filtered and selected, a gate being decided") {
  const PlanningWorkspace& p = shared_planning();
  {
    CheckedUi c{p.workspace};
    c.show(p.project, ui::View::board);
    c.scene = "board by stage";
    c.ui.state().views.board.by_stage = true;
    draw(c);
    check_clean(c);
  }
  {
    CheckedUi c{p.workspace};
    c.show(p.project, ui::View::backlog);
    c.scene = "backlog, filtered, 3 selected";
    auto& b = c.ui.state().views.backlog;
    b.filter.text = "vendor";
    b.filter.status = static_cast<int>(TaskStatus::todo);
    int n = 0;
    for (const auto& [id, t] : p.workspace.all<Task>())
      if (n++ < 3) b.selected.insert(id);
    draw(c);
    CHECK(c.items.find("Delete", "view") != nullptr);  // the bulk edit bar is shown
    check_clean(c);
  }
  {
    CheckedUi c{p.workspace};
    c.show(p.project, ui::View::gates);
    c.scene = "gates, deciding";
    for (const auto& [id, g] : p.workspace.all<Gate>()) {
      c.ui.state().views.gates.deciding = id;
      break;
    }
    c.ui.state().views.gates.rationale = "Recall is good enough for shadow mode.";
    draw(c);
    check_clean(c);
  }
}

TEST_CASE("a gate's history counts its changes and opens under the gate: a decision recorded in the view is in it") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::gates);
  c.scene = "gates, history";
  draw(c);
  REQUIRE(c.click_item("Record decision\xE2\x80\xA6", "view"));
  draw(c);
  const Id gate = c.ui.state().views.gates.deciding;
  REQUIRE_FALSE(gate.nil());
  const std::size_t before = c.ui.workspace().history(gate).size();
  c.ui.state().views.gates.rationale = "Recall is good enough for shadow mode.";
  draw(c);
  REQUIRE(c.click_item("Go", "view"));
  draw(c);
  CHECK(c.ui.workspace().find<Gate>(gate)->decision == GateDecision::go);
  const auto& log = c.ui.workspace().history(gate);
  REQUIRE(log.size() > before);
  const bool decided = std::any_of(log.begin(), log.end(), [](const Change& change) {
    return change.what == "decision" && change.after == Value{std::string("go")};
  });
  CHECK(decided);
  // The header counts the gate's changes and its criteria's.
  const std::string header = "History (" + std::to_string(history_with_children(c.ui.workspace(), gate).size()) + ")";
  REQUIRE(c.click_item(header, "view", true));
  draw(c);
  check_clean(c);
}

// Stored histories not decoded yet, as after a browser load: one part
// holding one change of `id`.
struct PendingOneChange : PendingHistories {
  Id id;
  mutable int decoded = 0;
  std::size_t parts() const override { return 1; }
  Part decode(std::size_t, const Workspace&) const override {
    ++decoded;
    Part part;
    part.logs.push_back({id, {Change{Timestamp{1}, "grace", "name", std::string("Old"), std::string("New")}}});
    return part;
  }
};

TEST_CASE("stored histories still decoding are waited for only when a history is opened, and an open one stays open as it grows") {
  const PlanningWorkspace& p = shared_planning();
  Workspace ws = p.workspace;
  auto pending = std::make_shared<PendingOneChange>();
  ws.defer_histories(pending);
  CheckedUi c{std::move(ws)};
  c.show(p.project, ui::View::gates);
  c.scene = "gates, histories pending";
  draw(c);
  const ItemRecord* decide = c.items.find("Record decision\xE2\x80\xA6", "view");
  REQUIRE(decide != nullptr);
  const std::string gate_window = decide->window;
  REQUIRE(c.click_item("Record decision\xE2\x80\xA6", "view"));  // only to learn which gate this is
  const Id gate = c.ui.state().views.gates.deciding;
  REQUIRE_FALSE(gate.nil());
  c.ui.state().views.gates.deciding = Id{};
  pending->id = gate;
  draw(c);
  CHECK(c.ui.workspace().histories_pending());  // closed headers show no count and wait for nothing
  CHECK(pending->decoded == 0);
  CHECK(c.items.find("History###history", gate_window) != nullptr);

  REQUIRE(c.click_item("History###history", gate_window));
  draw(c);
  CHECK_FALSE(c.ui.workspace().histories_pending());
  CHECK(pending->decoded == 1);
  const std::size_t count = history_with_children(c.ui.workspace(), gate).size();
  CHECK(count >= 1);
  const ItemRecord* open = c.items.find("History (" + std::to_string(count) + ")###history", gate_window);
  REQUIRE(open != nullptr);
  CHECK((open->flags & ImGuiItemStatusFlags_Opened) != 0);

  REQUIRE(c.ui.exec(Command{{SetField{gate, "name", std::string("Renamed gate")}}, Timestamp{2}, "test", "Rename"}).ok);
  draw(c);
  const ItemRecord* grown = c.items.find("History (" + std::to_string(count + 1) + ")###history", gate_window);
  REQUIRE(grown != nullptr);
  CHECK((grown->flags & ImGuiItemStatusFlags_Opened) != 0);
  check_clean(c);
}

TEST_CASE("views that read histories ask for the stored ones still decoding; the others never wait for them") {
  const PlanningWorkspace& p = shared_planning();
  for (const ui::ViewDef& view : ui::view_registry()) {
    CAPTURE(view.title);
    Workspace ws = p.workspace;
    auto pending = std::make_shared<PendingOneChange>();
    pending->id = p.project;
    ws.defer_histories(pending);
    CheckedUi c{std::move(ws)};
    c.show(p.project, view.id);
    c.scene = std::string(view.title) + ", histories pending";
    draw(c);
    CHECK(c.ui.workspace().histories_pending() == !view.reads_histories);
    CHECK(pending->decoded == (view.reads_histories ? 1 : 0));
    draw(c);  // drawn with them
    check_clean(c);
  }
}

TEST_CASE("an experiment's history opens inside it and counts a status change made there") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::experiments);
  c.scene = "experiments, history";
  const Experiment* first = nullptr;
  for (const auto& [id, e] : p.workspace.all<Experiment>())
    if (e.parent == p.project) {
      first = &e;
      break;
    }
  REQUIRE(first != nullptr);
  const Id experiment = first->id;
  const std::size_t before = history_with_children(c.ui.workspace(), experiment).size();
  REQUIRE(c.ui.exec(Command{{SetField{experiment, "dataset_version", std::string("images:v8")}}, Timestamp{1}, "test", "Edit"}).ok);
  draw(c);
  REQUIRE(c.click_item(first->title + "  \xC2\xB7", "view", true));  // its header: "title · status · date"
  draw(c);
  const std::string header = "History (" + std::to_string(before + 1) + ")";
  REQUIRE(c.click_item(header, "view", true));
  draw(c);
  check_clean(c);
}

TEST_CASE("a risk's history opens from its row in the register") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::risks);
  c.scene = "risks, history popup";
  draw(c);
  open_first_history(c);  // the first row's
  check_clean(c);
}

TEST_CASE("the charter's people, metrics and data sources each show their history from their row") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::charter);
  c.scene = "charter, history buttons";
  draw(c);
  std::size_t rows = 0;
  for (const Id child : p.workspace.children_of(p.project)) {
    const std::size_t kind = p.workspace.kind_of(child);
    rows += kind == kKindIndex<Person> || kind == kKindIndex<Metric> || kind == kKindIndex<DataSource>;
  }
  REQUIRE(rows >= 3);
  CHECK(c.items.find_all(kHistoryButton, "view").size() == rows);  // one ↺ per row
  open_first_history(c);
  check_clean(c);
}

TEST_CASE("each sprint shows its history from a button beside its dates") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::sprints);
  c.scene = "sprints, history buttons";
  draw(c);
  // One ↺ per sprint card on screen (each has one kind selector).
  const std::size_t cards = c.items.find_all("##kind", "view").size();
  REQUIRE(cards >= 2);
  CHECK(c.items.find_all(kHistoryButton, "view").size() == cards);
  open_first_history(c);
  check_clean(c);
}

TEST_CASE("risks: the register sits beside the heat map on a wide window and below it, at full width, on a narrow one") {
  const PlanningWorkspace& p = shared_planning();
  struct Layout {
    float map_right = 0, map_bottom = 0, title_left = 0, title_top = 0, review_right = 0, view_right = 0;
  };
  const auto layout_at = [&](float width) {
    CheckedUi c{p.workspace, UiHarness::Options{ui::Theme::Light, ImVec2(width, 800.0f), 16.0f}};
    c.show(p.project, ui::View::risks);
    c.scene = "risks at " + std::to_string(static_cast<int>(width)) + " px";
    draw(c);
    check_clean(c);
    Layout l;
    // The heat map's cells: buttons labelled "<count>##<likelihood><impact>".
    for (const ItemRecord& item : c.items.items()) {
      const std::size_t hashes = item.label.find("##");
      if (hashes == std::string::npos || item.label.size() != hashes + 4) continue;
      if (item.label.find_first_not_of("0123456789#") != std::string::npos) continue;
      l.map_right = std::max(l.map_right, item.rect.Max.x);
      l.map_bottom = std::max(l.map_bottom, item.rect.Max.y);
    }
    const ItemRecord* title = c.items.find("##title", "view");
    const ItemRecord* review = c.items.find("##review", "view");
    REQUIRE(title != nullptr);
    REQUIRE(review != nullptr);
    l.title_left = title->rect.Min.x;
    l.title_top = title->rect.Min.y;
    l.review_right = review->rect.Max.x;
    l.view_right = width;
    return l;
  };
  const Layout wide = layout_at(1920.0f);
  REQUIRE(wide.map_right > 0);  // the heat map's cells were found
  CHECK(wide.title_left > wide.map_right);
  CHECK(wide.title_top < wide.map_bottom);
  const Layout narrow = layout_at(1280.0f);
  CHECK(narrow.title_left < narrow.map_right);
  CHECK(narrow.title_top > narrow.map_bottom);
  CHECK(narrow.review_right < narrow.view_right);  // the last columns are on screen
}

TEST_CASE("risks: a risk's review cadence is chosen in its row, and its text fields get two lines") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace, UiHarness::Options{ui::Theme::Light, ImVec2(1280.0f, 800.0f), 16.0f}};
  c.show(p.project, ui::View::risks);
  c.scene = "risks, cadence";
  draw(c);
  // The title sits over its mitigation, at least a third of the register wide.
  const ItemRecord* title = c.items.find("##title", "view");
  const ItemRecord* mitigation = c.items.find("##mitigation", "view");
  REQUIRE(title != nullptr);
  REQUIRE(mitigation != nullptr);
  CHECK(mitigation->rect.Min.y > title->rect.Max.y);
  CHECK(mitigation->rect.Min.x == doctest::Approx(title->rect.Min.x));
  CHECK(title->rect.GetWidth() > 1280.0f / 4);
  // The first row is the highest score (the list's order): its cadence combo is the first.
  const Risk* first = nullptr;
  for (const Id id : c.ui.state().views.risks.risks)
    if ((first = c.ui.workspace().find<Risk>(id))) break;
  REQUIRE(first != nullptr);
  const Id risk = first->id;
  const std::int64_t before = first->review_every_days;
  const std::int64_t wanted = before == 14 ? 91 : 14;
  REQUIRE(c.click_item("##cadence", "view"));
  draw(c);
  REQUIRE(c.click_item("every " + std::to_string(wanted) + " days"));
  draw(c);
  CHECK(c.ui.workspace().find<Risk>(risk)->review_every_days == wanted);
  REQUIRE(c.ui.undo().ok);
  CHECK(c.ui.workspace().find<Risk>(risk)->review_every_days == before);
  draw(c);
  check_clean(c);
}

TEST_CASE("the shell's dialogs over a project") {
  const PlanningWorkspace& p = shared_planning();
  const std::function<void(ui::ShellState&)> dialogs[] = {
      [](ui::ShellState& s) { s.show_about = true; },
      [](ui::ShellState& s) { s.show_settings = true; },
      [](ui::ShellState& s) { s.path_dialog.open(ui::PathDialog::Mode::import_file, {}, "Import", "/tmp/"); },
      [&](ui::ShellState& s) {
        s.path_dialog.open(ui::PathDialog::Mode::export_file, p.project, "Export", "/tmp/plan.json");
      },
      [](ui::ShellState& s) { s.notice.show("Imported", "Imported 1 project (12 items in all). Undo with Ctrl+Z.", false); },
  };
  int i = 0;
  for (const auto& open : dialogs) {
    CheckedUi c{p.workspace};
    c.show(p.project, ui::View::board);
    c.scene = "board with dialog " + std::to_string(i++);
    open(c.ui.state());
    draw(c);
    check_clean(c);
  }
}

TEST_CASE("the menus, opened one after another") {
  const PlanningWorkspace& p = shared_planning();
  CheckedUi c{p.workspace};
  c.show(p.project, ui::View::dashboard);
  c.scene = "menus";
  draw(c, 2);
  for (const char* menu : {"File", "Edit", "View", "Help"}) {
    INFO(menu);
    CHECK(c.click_item(menu));
    draw(c, 2);
    c.ui.key(ImGuiKey_Escape);
  }
  check_clean(c);
}

}  // TEST_SUITE

}  // namespace cairn::uitest
