#pragma once
#include <imgui.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/command_stack.h"
#include "core/preferences.h"
#include "core/workspace.h"
#include "ui/fonts.h"
#include "ui/shell.h"
#include "ui/theme.h"

namespace cairn::uitest {

// The app's frame without a window, a GPU or src/app: its own ImGui context
// (no platform or renderer backend), the fonts in a built atlas, the shell
// drawn over a workspace, and the commands the views push run through a
// CommandStack after each frame, as App::frame does. Used by the UI tests
// and by the frame-time benchmark.
class UiHarness {
 public:
  struct Options {
    ui::Theme theme = ui::Theme::Light;
    ImVec2 display{1280.0f, 800.0f};
    float font_pixels = 16.0f;
  };

  explicit UiHarness(Workspace workspace, Options options);
  explicit UiHarness(Workspace workspace) : UiHarness(std::move(workspace), Options{}) {}
  ~UiHarness();
  UiHarness(const UiHarness&) = delete;
  UiHarness& operator=(const UiHarness&) = delete;

  // One frame: NewFrame, draw_shell, Render, then what the user asked for
  // (commands, undo, redo, theme) like App::frame.
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

  // This device's zone, as the platform would find it.
  std::string device_zone = "Europe/Berlin";

  // What draws the timeline's bars (a test's recording renderer); null: ImDrawList.
  ui::BarRenderer* bar_renderer = nullptr;

  ui::ShellState& state() { return state_; }
  const Preferences& preferences() const { return preferences_; }
  bool last_busy() const { return last_busy_; }  // the last frame asked for another (work across frames)
  const Workspace& workspace() const { return workspace_; }
  CommandStack& stack() { return stack_; }
  ImGuiContext* context() const { return context_; }
  ImGuiIO& io();
  std::uint64_t frame_count() const { return frames_; }

  // Commands the views pushed and the stack ran; the ones it refused (a view
  // describing an impossible change is a bug) as "label: error".
  std::size_t commands_run() const { return commands_run_; }
  const std::vector<std::string>& refused_commands() const { return refused_; }
  // What the last frame asked the app for besides commands.
  bool last_quit() const { return last_quit_; }
  bool last_path_confirmed() const { return last_path_confirmed_; }

 private:
  void make_current() const;

  Workspace workspace_;
  IdSource ids_{0xC0FFEE};
  std::int64_t clock_ms_ = 1'795'000'000'000;
  CommandStack stack_;
  ImGuiContext* context_ = nullptr;
  ui::Fonts fonts_;
  ui::Theme theme_;
  Preferences preferences_;
  bool last_busy_ = false;
  void apply_preferences();
  ui::ShellState state_;
  std::uint64_t frames_ = 0;
  StepTimes times_;
  std::size_t commands_run_ = 0;
  std::vector<std::string> refused_;
  bool last_quit_ = false;
  bool last_path_confirmed_ = false;
};

}  // namespace cairn::uitest
