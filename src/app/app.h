#pragma once
#include <cstdint>
#include <string>

#include "ui/fonts.h"
#include "ui/shell.h"
#include "ui/theme.h"

namespace cairn {

struct AppOptions {
  ui::Theme theme = ui::Theme::Light;
  std::string platform;   // "web" or "desktop", shown in the status bar
  bool can_quit = false;  // the desktop app has File > Quit
};

// The application: owns UI state and (in later issues) the workspace, the
// command stack and the store. One frame = input -> commands -> draw.
class App {
 public:
  explicit App(AppOptions options);

  // Fonts change when the display scale changes; the runner rebuilds them.
  void set_fonts(const ui::Fonts& fonts) { fonts_ = fonts; }

  // Builds the UI for one frame (between ImGui::NewFrame and ImGui::Render).
  void frame(std::uint64_t frames_drawn);

  // Re-applies the style; called after a theme change or a scale change.
  void apply_style(float ui_scale) const;

  bool quit_requested() const { return quit_requested_; }
  ui::Theme theme() const { return options_.theme; }
  ImVec4 clear_color() const { return ui::background_color(options_.theme); }

 private:
  AppOptions options_;
  ui::Fonts fonts_;
  ui::ShellState shell_;
  bool quit_requested_ = false;
};

}  // namespace cairn
