#include "ui/postmortems_view.h"

#include <imgui.h>

namespace cairn::ui {

void draw_postmortems(ViewContext& /*ctx*/, PostmortemsState& /*state*/) { ImGui::TextDisabled("Not built yet."); }

}  // namespace cairn::ui
