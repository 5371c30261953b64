// Shared widgets (ui/widgets.h) measured with the UI font.
#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>  // GImGui: which windows were drawn

#include <string>

#include "ui/widgets.h"
#include "ui_harness.h"

using namespace cairn;

namespace {

float width_of(const std::string& text) { return ImGui::CalcTextSize(text.c_str()).x; }

bool ends_with_ellipsis(const std::string& text) {
  return text.size() >= 3 && text.compare(text.size() - 3, 3, "\u2026") == 0;
}

}  // namespace

TEST_SUITE("views") {
TEST_CASE("fit_text: whole when it fits, else cut to the width at a character boundary with an ellipsis") {
  uitest::UiHarness ui{Workspace{}};
  ui.frame_with([] {
    const std::string short_text = "Label data";
    CHECK(ui::fit_text(short_text, width_of(short_text)) == short_text);
    CHECK(ui::fit_text(short_text, 1000.0f) == short_text);

    const std::string long_text = "Collect consent records for the churn model (Computer vision project)";
    for (const float max : {40.0f, 120.0f, 300.0f, width_of(long_text) - 1.0f}) {
      CAPTURE(max);
      const std::string fitted = ui::fit_text(long_text, max);
      CHECK(width_of(fitted) <= max);
      CHECK(ends_with_ellipsis(fitted));
      const std::string kept = fitted.substr(0, fitted.size() - 3);
      CHECK(long_text.compare(0, kept.size(), kept) == 0);  // a prefix of the text
      CHECK((kept.empty() || kept.back() != ' '));           // no space before the ellipsis
      // As long as fits: one more character would not.
      CHECK(width_of(long_text.substr(0, kept.size() + 2) + "\u2026") > max);
    }

    // Two-byte characters are never cut in half.
    const std::string accented = "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9";
    for (float max = 5.0f; max < width_of(accented); max += 3.0f) {
      const std::string fitted = ui::fit_text(accented, max);
      CHECK((fitted.size() - 3) % 2 == 0);
    }

    // No room at all: the ellipsis alone.
    CHECK(ui::fit_text(long_text, 0.0f) == "\u2026");
  });
}

TEST_CASE("a text field too narrow for its text shows the whole text on hover, a wide enough one does not") {
  uitest::UiHarness ui{Workspace{}};
  ui::CommandSink out;
  const std::string long_text = "Double-label 10 % of the rare-class images and audit the disagreement every week";
  Risk risk;
  risk.id = Id{1, 2};
  // Whether a tooltip window was drawn in the last frame, with the mouse over the field.
  const auto tooltip_over = [&](float width) {
    ImVec2 field_center;
    const auto draw = [&] {
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::Begin("fields", nullptr, ImGuiWindowFlags_AlwaysAutoResize);
      ui::edit_text("##mitigation", risk, field::risk::mitigation, long_text, out, "", width);
      field_center = ImVec2((ImGui::GetItemRectMin().x + ImGui::GetItemRectMax().x) / 2, (ImGui::GetItemRectMin().y + ImGui::GetItemRectMax().y) / 2);
      ImGui::End();
    };
    ui.frame_with(draw);
    ui.mouse_move(field_center);
    for (int i = 0; i < 3; ++i) ui.frame_with(draw);
    bool shown = false;
    for (const ImGuiWindow* w : GImGui->Windows) shown |= (w->Flags & ImGuiWindowFlags_Tooltip) && w->WasActive;
    return shown;
  };
  CHECK(tooltip_over(120.0f));
  CHECK_FALSE(tooltip_over(ImGui::GetFontSize() * 60));
  CHECK(out.commands.empty());  // hovering changes nothing
}

TEST_CASE("× and ↺ buttons are one width, so that rows of them line up") {
  uitest::UiHarness ui{Workspace{}};
  ui.frame_with([] {
    ImGui::Begin("buttons");
    ui::icon_button("\xC3\x97");  // ×
    const float remove = ImGui::GetItemRectSize().x;
    ui::icon_button("\xE2\x86\xBA");  // ↺
    const float history = ImGui::GetItemRectSize().x;
    ImGui::End();
    CHECK(remove == history);
    CHECK(remove > ImGui::CalcTextSize("\xC3\x97").x);  // the wider one's width, not ×'s own
    CHECK(remove >= ImGui::CalcTextSize("\xE2\x86\xBA").x);
  });
}

TEST_CASE("a progress bar's text is white on a dark fill, black on a light one") {
  CHECK(ui::text_color_on(ImVec4(0.13f, 0.55f, 0.27f, 1.0f)) == IM_COL32_WHITE);  // the sprint bar's green
  CHECK(ui::text_color_on(ImVec4(0.90f, 0.70f, 0.00f, 1.0f)) == IM_COL32_BLACK);  // the dashboard's amber
  CHECK(ui::text_color_on(ImVec4(0.75f, 0.22f, 0.17f, 1.0f)) == IM_COL32_WHITE);  // over capacity: red
}

TEST_CASE("a wrapped bullet stays inside a narrow window: its text wraps onto more lines") {
  uitest::UiHarness ui{Workspace{}};
  ui.frame_with([] {
    ImGui::SetNextWindowSize(ImVec2(200, 300));
    ImGui::Begin("bullets");
    const std::string text = "2 blockers unresolved for more than 7 days (oldest: waiting for works council approval)";
    ui::bullet_wrapped(text.c_str());
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    CHECK(max.x <= ImGui::GetWindowPos().x + 200);
    CHECK(max.y - min.y > 2 * ImGui::GetTextLineHeight());  // several lines
    ImGui::End();
  });
}
}
