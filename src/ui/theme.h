#pragma once
#include <imgui.h>

namespace cairn::ui {

enum class Theme { Light, Dark };

const char* theme_name(Theme theme);

// Sets every ImGui colour and the spacing/rounding of our look.
// `scale` multiplies sizes for the user's accessibility zoom.
void apply_theme(Theme theme, ImGuiStyle& style, float scale = 1.0f);

// The colour the window is cleared to before ImGui draws: also the page
// background the browser tests look for.
ImVec4 background_color(Theme theme);

// Accent for links, selection and primary buttons.
ImVec4 accent_color(Theme theme);
ImVec4 muted_text_color(Theme theme);

}  // namespace cairn::ui
