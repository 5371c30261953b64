#pragma once
#include <functional>
#include <string>
#include <vector>

#include "app/app.h"
#include "core/display_scale.h"
#include "core/frame_policy.h"

#include <memory>

struct SDL_Window;
union SDL_Event;

namespace cairn {
namespace render {
class TimelineRenderer;
}

// What differs between the desktop and the browser; each main file fills it.
struct RunnerOptions {
  const char* title = "Cairn";
  int width = 1280;
  int height = 800;
  bool gles = false;                        // WebGL2 = OpenGL ES 3.0
  const char* glsl_version = "#version 330 core";
  float base_font_size = 16.0f;             // logical units at 100 %
  // Starts getting the fallback fonts (ui::FallbackFonts) the first time the
  // workspace holds a character the embedded font lacks: the desktop reads
  // them from disk, the browser fetches them. Either way the answer comes
  // back through Runner::fallback_fonts_arrived, at once or later.
  std::function<void(class Runner&)> request_fallback_fonts;
};

// Owns the SDL window, the GL context and the ImGui context, and draws frames
// of the App. Frame pacing lives in the two main loops, which ask the
// FramePolicy whether a frame is due.
class Runner {
 public:
  explicit Runner(App& app);  // in the .cpp: the renderer is an incomplete type here
  ~Runner();
  Runner(const Runner&) = delete;
  Runner& operator=(const Runner&) = delete;

  // Returns false and fills `error` when the window or context cannot be made.
  bool init(const RunnerOptions& options, std::string& error);

  // Handles every pending event; returns true if there was any.
  bool poll_events();
  // Blocks until an event arrives or `timeout_ms` passes; handles all pending.
  bool wait_events(int timeout_ms);

  // Does the app's due work between frames (an autosave), then draws one
  // frame if the policy wants one. Returns true if it drew.
  bool draw_frame_if_due();

  // The fallback fonts, in order of precedence (empty files are skipped);
  // `error` says what could not be had. The fonts are rebuilt before the next frame.
  void fallback_fonts_arrived(std::vector<std::vector<unsigned char>> files, std::string error);

  bool quit_requested() const { return quit_ || app_.quit_requested(); }
  FramePolicy& frame_policy() { return policy_; }
  std::uint64_t frames_drawn() const { return policy_.frames_drawn(); }

  // Seconds on a monotonic clock.
  static double now();

 private:
  static bool has_real_display(std::string& error);
  void handle_event(const SDL_Event& event);
  void update_display_scale();
  void update_fonts(bool raster_changed);
  void schedule_animations();
  void run_due_work();

  App& app_;
  RunnerOptions options_;
  std::unique_ptr<render::TimelineRenderer> bars_;  // the timeline's GPU bars
  bool gl_error_reported_ = false;
  SDL_Window* window_ = nullptr;
  void* gl_context_ = nullptr;
  bool imgui_ready_ = false;
  FramePolicy policy_;
  FontRaster raster_;
  ui::Fonts fonts_;
  ui::FallbackFonts fallback_;     // owned here: the atlas points into the bytes
  App::FontStatus font_status_;
  std::uint64_t fonts_glyph_generation_ = 0;  // of app_.glyph_needs() when the fonts were built
  double fallback_retry_at_ = -1;             // a failed fallback-font download is tried again then
  double fallback_retry_delay_ = 0;           // grows with each failure in a row
  void retry_fallback_fonts();
  unsigned hovered_id_ = 0;
  bool quit_ = false;
};

}  // namespace cairn
