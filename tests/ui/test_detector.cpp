// The duplicate-id detector and the live asserts, proven on tiny frames.
#include <doctest/doctest.h>

#include <string>

#include "checked_ui.h"

namespace cairn::uitest {
namespace {

void window(const char* name, const std::function<void()>& body) {
  ImGui::SetNextWindowPos(ImVec2(10, 10));
  ImGui::SetNextWindowSize(ImVec2(600, 500));
  ImGui::Begin(name);
  body();
  ImGui::End();
}

}  // namespace

TEST_SUITE("detector") {

TEST_CASE("two buttons with the same label in one window are reported") {
  CheckedUi c{Workspace{}};
  c.scene = "two buttons";
  c.ui.frame_with([] {
    window("Dupes", [] {
      ImGui::Button("same");
      ImGui::Button("same");
      ImGui::Button("other");
    });
  });
  const auto dupes = c.items.duplicates();
  REQUIRE(dupes.size() == 1);
  CHECK(dupes[0].items.size() == 2);
  CHECK(dupes[0].items[0].label == "same");
  CHECK(dupes[0].items[1].label == "same");
  CHECK(dupes[0].items[0].window == "Dupes");
  CHECK(dupes[0].id == ImHashStr("same", 0, ImHashStr("Dupes")));
  CHECK(c.problems().size() == 1);
  CHECK(c.report().find("label \"same\" in window \"Dupes\"") != std::string::npos);
  // ImGui's own debug label lookup goes through the hook too.
  CHECK(std::string(ImGuiTestEngine_FindItemDebugLabel(c.ui.context(), dupes[0].id)) == "same");
}

TEST_CASE("a duplicate hidden by clipping or inside a table row is reported too") {
  CheckedUi c{Workspace{}};
  c.ui.frame_with([] {
    window("Clipped", [] {
      ImGui::Dummy(ImVec2(10, 2000));  // both buttons below the visible part
      ImGui::Button("low");
      ImGui::Button("low");
      if (ImGui::BeginTable("t", 2)) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::SmallButton("x");
        ImGui::TableNextColumn();
        ImGui::SmallButton("x");  // columns do not push an id
        ImGui::EndTable();
      }
    });
  });
  CHECK(c.items.duplicates().size() == 2);
}

TEST_CASE("a text field whose label repeats a multiline field's is still reported") {
  CheckedUi c{Workspace{}};
  char a[64] = "a", b[64] = "b";
  for (int frame = 0; frame < 3; ++frame)
    c.ui.frame_with([&] {
      window("Fields", [&] {
        ImGui::InputTextMultiline("##notes", a, sizeof a, ImVec2(300, 60));
        ImGui::InputText("##notes", b, sizeof b);
      });
    });
  const auto dupes = c.items.duplicates();
  REQUIRE(dupes.size() == 1);
  CHECK(dupes[0].items.size() == 2);
}

TEST_CASE("correct id use is not reported") {
  CheckedUi c{Workspace{}};
  std::string text(2000, 'x');
  for (std::size_t i = 80; i < text.size(); i += 80) text[i] = '\n';  // scrolls: its child window registers too
  char buffer[64] = "abc";
  bool check = false;
  int current = 1;
  for (int frame = 0; frame < 3; ++frame) {
    c.ui.frame_with([&] {
      window("Clean", [&] {
        for (int i = 0; i < 10; ++i) {
          ImGui::PushID(i);
          ImGui::Button("same");
          ImGui::SameLine();
          ImGui::Checkbox("##check", &check);
          ImGui::PopID();
        }
        ImGui::InputTextMultiline("##long", text.data(), text.size() + 1, ImVec2(300, 100), ImGuiInputTextFlags_ReadOnly);
        ImGui::InputTextMultiline("##short", buffer, sizeof buffer, ImVec2(300, 50));  // its child registers its id again
        ImGui::InputText("field", buffer, sizeof buffer);
        const char* names[] = {"a", "b", "c"};
        ImGui::Combo("combo", &current, names, 3);
        if (ImGui::BeginTable("table", 3, ImGuiTableFlags_Resizable | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Sortable,
                              ImVec2(0, 150))) {
          ImGui::TableSetupColumn("A");
          ImGui::TableSetupColumn("B");
          ImGui::TableSetupColumn("C");
          ImGui::TableHeadersRow();
          for (int row = 0; row < 50; ++row) {
            ImGui::PushID(row);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Selectable("##row", false, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap);
            ImGui::TableNextColumn();
            ImGui::SmallButton("x");
            ImGui::TableNextColumn();
            ImGui::SmallButton("y");
            ImGui::PopID();
          }
          ImGui::EndTable();
        }
        ImGui::BeginChild("child", ImVec2(200, 100), ImGuiChildFlags_Border);
        for (int i = 0; i < 30; ++i) ImGui::Text("line %d", i);
        ImGui::EndChild();
      });
      window("Other window", [] { ImGui::Button("same"); });  // another window: another id
    });
  }
  for (const DuplicateId& d : c.items.duplicates()) FAIL_CHECK(d.describe());
  CHECK(c.problems().empty());
  CHECK(c.items.find("same", "Other window") != nullptr);
  CHECK(c.items.find_all("same", "Clean").size() == 10);
}

TEST_CASE("a failed IM_ASSERT throws with the expression and the stack") {
  CheckedUi c{Workspace{}};
  const int before = imgui_assert_failures();
  std::string message;
  try {
    c.ui.frame_with([] { ImGui::End(); });  // End() without Begin(): "Calling End() too many times!"
  } catch (const ImGuiAssertFailure& e) {
    message = e.what();
  }
  CHECK(imgui_assert_failures() == before + 1);
  CHECK(message.find("IM_ASSERT(") != std::string::npos);
  CHECK(message.find("imgui.cpp:") != std::string::npos);
  // The stack, with names (ImGui::End itself may be a tail call in optimised builds).
  CHECK(message.find("UiHarness::frame_with") != std::string::npos);
}

}  // TEST_SUITE

}  // namespace cairn::uitest
