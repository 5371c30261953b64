#pragma once
#include <imgui.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <memory>

#include "app/app.h"
#include "core/command_stack.h"
#include "core/preferences.h"
#include "core/workspace.h"
#include "ui/fonts.h"
#include "ui/shell.h"
#include "ui/theme.h"

namespace cairn::uitest {

// The app without a window or a GPU: the real App over a workspace, in its
// own ImGui context (no platform or renderer backend) with the fonts in a
// built atlas; each frame is App::draw then App::apply, as App::frame does.
// The clock stands at noon of test_today(), the store keeps nothing.
// Used by the UI tests and by the frame-time benchmark.
class UiHarness {
 public:
  struct Options {
    ui::Theme theme = ui::Theme::Light;
    ImVec2 display{1280.0f, 800.0f};
    float font_pixels = 16.0f;
    std::string device_zone = "Europe/Berlin";  // as the platform would find it
  };

  explicit UiHarness(Workspace workspace, Options options);
  explicit UiHarness(Workspace workspace) : UiHarness(std::move(workspace), Options{}) {}
  ~UiHarness();
  UiHarness(const UiHarness&) = delete;
  UiHarness& operator=(const UiHarness&) = delete;

  // One frame: NewFrame, App::draw, Render, then App::apply (commands,
  // undo, redo, theme, files).
  void frame();
  void frames(int n) {
    for (int i = 0; i < n; ++i) frame();
  }
  // A frame that draws `draw` instead of the shell (the detector's own tests).
  void frame_with(const std::function<void()>& draw);

  // Called around every frame (the UI tests hook their item registry here).
  std::function<void()> before_frame;
  std::function<void()> after_frame;

  // Time of the steps of the last frame, in milliseconds (CPU only).
  struct StepTimes {
    double new_frame = 0, draw = 0, render = 0, apply = 0;
    double frame() const { return new_frame + draw + render; }  // what the GPU-less frame costs
  };
  const StepTimes& last_times() const { return times_; }

  // Geometry ImGui produced in the last frame.
  struct DrawStats {
    int lists = 0, vertices = 0, indices = 0, commands = 0, windows = 0;
  };
  DrawStats last_draw_stats() const;

  // Input, queued for the next frames (ImGui trickles it: one change per frame).
  void mouse_move(ImVec2 pos);
  void mouse_button(int button, bool down);
  // Moves there, presses and releases the left button: four frames.
  void click(ImVec2 pos);
  void double_click(ImVec2 pos);
  // Presses and releases a key with modifiers (ImGuiMod_Ctrl, ...): two frames.
  void key(ImGuiKeyChord chord);
  void type(const char* utf8);  // characters for the focused text field (next frame)
  // Clicks the header of the table column with this name (of any table of the
  // last frame; ImGui's table data gives the place). False when there is none.
  bool click_table_header(const char* column);

  // This device's zone, as the platform would find it (the App's, from Options).
  // What draws the timeline's bars (a test's recording renderer); null: ImDrawList.
  ui::BarRenderer* bar_renderer = nullptr;

  App& app() { return *app_; }
  ui::ShellState& state() { return app_->ui_state(); }
  const Preferences& preferences() const { return app_->preferences(); }
  bool last_busy() const { return last_busy_; }  // the last frame asked for another (work across frames)
  const Workspace& workspace() const { return app_->workspace(); }
  const CommandStack& stack() const { return app_->commands(); }
  // Changes made outside the UI, as a script would: one undoable step each.
  ApplyResult exec(Command command) { return app_->execute(std::move(command), seconds()); }
  ApplyResult undo() { return app_->undo(seconds()); }
  ApplyResult redo() { return app_->redo(seconds()); }
  ImGuiContext* context() const { return context_; }
  ImGuiIO& io();
  std::uint64_t frame_count() const { return frames_; }

  // Commands the views pushed and the App ran; the ones it refused (a view
  // describing an impossible change is a bug) as "label: error".
  std::size_t commands_run() const { return commands_run_; }
  const std::vector<std::string>& refused_commands() const { return refused_; }
  // What the last frame asked the app for besides commands.
  bool last_quit() const { return last_quit_; }
  bool last_path_confirmed() const { return last_path_confirmed_; }

 private:
  void make_current() const;
  double seconds() const { return static_cast<double>(frames_) / 60.0; }  // the monotonic clock: 60 frames a second
  void apply_text_size();

  ImGuiContext* context_ = nullptr;
  ui::Fonts fonts_;
  std::int64_t clock_ms_ = 0;  // the wall clock (UTC), moved on a little at each reading
  std::unique_ptr<App> app_;
  float text_size_ = 1.0f;  // the text size the atlas is scaled to
  bool last_busy_ = false;
  std::uint64_t frames_ = 0;
  StepTimes times_;
  std::size_t commands_run_ = 0;
  std::vector<std::string> refused_;
  bool last_quit_ = false;
  bool last_path_confirmed_ = false;
};

}  // namespace cairn::uitest
