#pragma once
#include <cstddef>
#include <deque>
#include <string>

#include "render/gl.h"
#include "ui/bar_renderer.h"

namespace cairn::render {

// The timeline's bars drawn by the GPU: all bars live in one instance buffer
// (20 bytes each, uploaded when the plan changes); a frame is one instanced
// draw call of the visible rows' range, made from inside ImGui's rendering
// through an ImDrawList callback so that it lands between the chart's
// background and what the view draws over it (arrows, today line, labels).
// Needs a current GL context (WebGL2 or OpenGL 3.3 core) for its whole life.
class TimelineRenderer final : public ui::BarRenderer {
 public:
  explicit TimelineRenderer(bool gles);
  ~TimelineRenderer() override;
  TimelineRenderer(const TimelineRenderer&) = delete;
  TimelineRenderer& operator=(const TimelineRenderer&) = delete;

  // False when the shaders did not build (error() says why): the app then
  // gives the view no renderer and it draws with ImDrawList.
  bool ok() const { return program_ != 0; }
  const std::string& error() const { return error_; }

  void set_bars(std::span<const ui::BarInstance> bars) override;
  void draw(ImDrawList& list, const ui::BarFrame& frame) override;
  const char* name() const override { return "GL instanced"; }

  // With checks on, every GL call group is followed by glGetError (slow in a
  // browser: tests and debug builds only); the first error is kept here.
  void set_check_errors(bool on) { check_errors_ = on; }
  const std::string& gl_error() const { return gl_error_; }
  std::size_t draw_calls() const { return draw_calls_; }  // instanced draws made so far
  std::size_t uploaded_bars() const { return uploaded_; }

 private:
  static void render_callback(const ImDrawList* list, const ImDrawCmd* command);
  void render(const ui::BarFrame& frame, const ImDrawCmd& command);
  void check(const char* where);

  bool gles_;
  std::string error_;
  std::string gl_error_;
  bool check_errors_ = false;
  GLuint program_ = 0, vao_ = 0, buffer_ = 0;
  GLint u_display_pos_ = -1, u_display_size_ = -1, u_axis_ = -1, u_hidden_ = -1, u_hovered_ = -1, u_first_ = -1,
        u_outline_ = -1, u_critical_ = -1;
  std::size_t uploaded_ = 0;
  std::size_t draw_calls_ = 0;
  // The frames draw() queued in this ImGui frame; each callback's
  // UserCallbackData points at its own entry.
  struct Queued {
    TimelineRenderer* self;
    ui::BarFrame frame;
  };
  std::deque<Queued> queued_;
  int queued_frame_ = -1;
};

}  // namespace cairn::render
