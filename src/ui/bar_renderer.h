#pragma once
#include <imgui.h>

#include <cstdint>
#include <span>

namespace cairn::ui {

// How the timeline gets its bars drawn. The view never touches GL: it hands
// the bars over once per plan change and asks for them to be drawn inside
// its window each frame. src/render/timeline_renderer.h draws them with
// instanced GL (WebGL2 / OpenGL 3.3); without one (headless tests) the
// view uses DrawListBarRenderer, which draws the visible ones with ImDrawList.

// One bar, in chart units: days (relative to BarFrame::day0) and rows.
struct BarInstance {
  float start = 0, end = 0;  // days; end == start: a milestone (a diamond at start)
  float row = 0;
  std::uint32_t fill = 0;    // ImU32 (RGBA, ImGui's packing)
  std::uint32_t flags = 0;   // BarStyle bits
};
static_assert(sizeof(BarInstance) == 20, "the GL instance layout relies on it");

namespace bar_style {
inline constexpr std::uint32_t critical = 1u << 0;   // thick outline in the critical colour
inline constexpr std::uint32_t scheduled = 1u << 1;  // placed by the schedule: hatched
inline constexpr std::uint32_t milestone = 1u << 2;  // a diamond
}  // namespace bar_style

// Where this frame shows the bars, in ImGui screen coordinates.
struct BarFrame {
  ImVec2 clip_min, clip_max;  // the chart area; nothing is drawn outside
  float x0 = 0;               // screen x of day 0 (instance units)
  float px_per_day = 10;
  float y0 = 0;               // screen y of the top of row 0
  float row_height = 22;
  std::uint32_t first = 0, count = 0;  // the instances to draw (the visible rows' bars)
  std::int32_t hidden = -1;            // an instance not to draw (being dragged), or -1
  std::int32_t hovered = -1;           // an instance to highlight, or -1
  std::uint32_t outline = 0;           // ImU32 of ordinary outlines
  std::uint32_t critical = 0;          // ImU32 of critical outlines
};

class BarRenderer {
 public:
  virtual ~BarRenderer() = default;
  // The bars of the plan (sorted by row): called when the plan changes.
  virtual void set_bars(std::span<const BarInstance> bars) = 0;
  // Draws the frame's bars into `list` (in order with the rest of the list).
  virtual void draw(ImDrawList& list, const BarFrame& frame) = 0;
  // "GL instanced", "draw list": shown in the view's status line.
  virtual const char* name() const = 0;
};

// Draws with ImDrawList: 2 triangles per visible bar. The fallback without GL.
class DrawListBarRenderer final : public BarRenderer {
 public:
  void set_bars(std::span<const BarInstance> bars) override;
  void draw(ImDrawList& list, const BarFrame& frame) override;
  const char* name() const override { return "draw list"; }

 private:
  std::span<const BarInstance> bars_;  // the view keeps the bars alive until the next set_bars
};

// Shared by both renderers: the outline colour and thickness of a bar.
inline float outline_width(std::uint32_t flags) { return (flags & bar_style::critical) ? 2.0f : 1.0f; }

}  // namespace cairn::ui
