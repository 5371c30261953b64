#include "ui/report_view.h"

#include <imgui.h>

namespace cairn::ui {

void draw_report(ViewContext& /*ctx*/, ReportState& /*state*/) { ImGui::TextDisabled("Not built yet."); }

}  // namespace cairn::ui
