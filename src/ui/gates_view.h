#pragma once
#include <string>

#include "ui/view_context.h"

namespace cairn::ui {

struct GatesState {
  std::string rationale;  // typed before a decision is recorded
  Id deciding;            // the gate whose decision form is open
};

// Upcoming gates with a countdown, their criteria evaluated against the
// latest metric values, missed kill switches flagged, and a go / pivot /
// kill decision recorded with its rationale.
void draw_gates(ViewContext& ctx, GatesState& state);

}  // namespace cairn::ui
