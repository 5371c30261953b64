#include "ui/checkins_view.h"

#include <imgui.h>

namespace cairn::ui {

void draw_checkins(ViewContext& /*ctx*/, CheckinsState& /*state*/) { ImGui::TextDisabled("Not built yet."); }

}  // namespace cairn::ui
