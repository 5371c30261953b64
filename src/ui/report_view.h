#pragma once
#include "ui/view_context.h"

namespace cairn::ui {

struct ReportState {};

// The status report: preview, audience switch, copy, download, keep.
void draw_report(ViewContext& ctx, ReportState& state);

}  // namespace cairn::ui
