#include "app/app.h"

#include <utility>

#include "core/build_info.h"

namespace cairn {

App::App(AppOptions options) : options_(std::move(options)) {}

void App::apply_style(float ui_scale) const { ui::apply_theme(options_.theme, ImGui::GetStyle(), ui_scale); }

void App::frame(std::uint64_t frames_drawn) {
  ui::ShellInfo info;
  info.version = version();
  info.platform = options_.platform;
  info.can_quit = options_.can_quit;
  info.theme = options_.theme;
  info.frames = frames_drawn;
  info.fonts = &fonts_;

  const ui::ShellActions actions = ui::draw_shell(shell_, info);
  if (actions.quit) quit_requested_ = true;
  if (actions.toggle_theme) {
    options_.theme = options_.theme == ui::Theme::Light ? ui::Theme::Dark : ui::Theme::Light;
    apply_style(1.0f);
  }
}

}  // namespace cairn
