#include "ui/theme.h"

namespace cairn::ui {
namespace {

constexpr ImVec4 rgb(int r, int g, int b, float a = 1.0f) {
  return ImVec4(static_cast<float>(r) / 255.0f, static_cast<float>(g) / 255.0f,
                static_cast<float>(b) / 255.0f, a);
}

// One palette per theme; every ImGui colour is derived from these few.
struct Palette {
  ImVec4 background, surface, surface_raised, border, text, text_muted, accent, accent_hover,
      accent_active, accent_soft;
};

constexpr Palette kLight{
    rgb(246, 245, 242), rgb(255, 255, 255), rgb(238, 236, 231), rgb(216, 212, 205),
    rgb(31, 35, 40),    rgb(99, 104, 112),  rgb(14, 124, 123),  rgb(17, 145, 143),
    rgb(10, 99, 98),    rgb(14, 124, 123, 0.14f)};

constexpr Palette kDark{
    rgb(22, 24, 28),    rgb(30, 33, 38),    rgb(40, 44, 51),    rgb(56, 61, 70),
    rgb(230, 230, 227), rgb(150, 155, 163), rgb(63, 184, 175),  rgb(88, 204, 195),
    rgb(45, 150, 143),  rgb(63, 184, 175, 0.18f)};

const Palette& palette(Theme theme) { return theme == Theme::Dark ? kDark : kLight; }

}  // namespace

const char* theme_name(Theme theme) { return theme == Theme::Dark ? "dark" : "light"; }

ImVec4 background_color(Theme theme) { return palette(theme).background; }
ImVec4 accent_color(Theme theme) { return palette(theme).accent; }
ImVec4 muted_text_color(Theme theme) { return palette(theme).text_muted; }

void apply_theme(Theme theme, ImGuiStyle& style, float scale) {
  style = ImGuiStyle();
  if (theme == Theme::Dark) {
    ImGui::StyleColorsDark(&style);
  } else {
    ImGui::StyleColorsLight(&style);
  }
  const Palette& p = palette(theme);
  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = p.text;
  c[ImGuiCol_TextDisabled] = p.text_muted;
  c[ImGuiCol_WindowBg] = p.background;
  c[ImGuiCol_ChildBg] = p.surface;
  c[ImGuiCol_PopupBg] = p.surface;
  c[ImGuiCol_MenuBarBg] = p.surface;
  c[ImGuiCol_Border] = p.border;
  c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_FrameBg] = p.surface;
  c[ImGuiCol_FrameBgHovered] = p.surface_raised;
  c[ImGuiCol_FrameBgActive] = p.accent_soft;
  c[ImGuiCol_TitleBg] = p.surface;
  c[ImGuiCol_TitleBgActive] = p.surface_raised;
  c[ImGuiCol_Button] = p.surface_raised;
  c[ImGuiCol_ButtonHovered] = p.accent_soft;
  c[ImGuiCol_ButtonActive] = p.accent_active;
  c[ImGuiCol_Header] = p.accent_soft;
  c[ImGuiCol_HeaderHovered] = p.accent_soft;
  c[ImGuiCol_HeaderActive] = p.accent_soft;
  c[ImGuiCol_CheckMark] = p.accent;
  c[ImGuiCol_SliderGrab] = p.accent;
  c[ImGuiCol_SliderGrabActive] = p.accent_active;
  c[ImGuiCol_Separator] = p.border;
  c[ImGuiCol_Tab] = p.surface_raised;
  c[ImGuiCol_TabHovered] = p.accent_soft;
  c[ImGuiCol_TabActive] = p.surface;
  c[ImGuiCol_TextSelectedBg] = p.accent_soft;
  c[ImGuiCol_NavHighlight] = p.accent;
  c[ImGuiCol_TableHeaderBg] = p.surface_raised;
  c[ImGuiCol_TableBorderStrong] = p.border;
  c[ImGuiCol_TableBorderLight] = p.border;
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);

  style.WindowRounding = 0.0f;
  style.ChildRounding = 8.0f;
  style.FrameRounding = 6.0f;
  style.PopupRounding = 8.0f;
  style.GrabRounding = 6.0f;
  style.TabRounding = 6.0f;
  style.ScrollbarRounding = 8.0f;
  style.WindowPadding = ImVec2(16, 12);
  style.FramePadding = ImVec2(10, 6);
  style.ItemSpacing = ImVec2(10, 8);
  style.ItemInnerSpacing = ImVec2(8, 6);
  style.ChildBorderSize = 1.0f;
  // Fields and checkboxes share the panels' colour: without a border an
  // empty filter field or an unticked box is invisible.
  style.FrameBorderSize = 1.0f;
  style.PopupBorderSize = 1.0f;
  style.WindowBorderSize = 0.0f;
  style.ScaleAllSizes(scale);
}

}  // namespace cairn::ui
