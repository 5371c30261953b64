#include "ui/decisions_view.h"

#include <imgui.h>

namespace cairn::ui {

void draw_decisions(ViewContext& /*ctx*/, DecisionsState& /*state*/) { ImGui::TextDisabled("Not built yet."); }

}  // namespace cairn::ui
