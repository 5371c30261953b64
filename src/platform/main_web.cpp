// Browser main loop. While idle the Emscripten main loop is paused, so no
// animation-frame callback runs at all; web/cairn_events.js resumes it on any
// DOM input, and a timer resumes it for a scheduled animation frame.
#include <emscripten.h>
#include <emscripten/eventloop.h>

#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "app/app.h"
#include "core/launch_options.h"
#include "platform/runner.h"
#include "store/memory_store.h"

// Implemented in web/cairn_lib.js.
extern "C" void cairn_js_first_frame();
extern "C" void cairn_js_fatal(const char* message);

namespace {

cairn::App* g_app = nullptr;
cairn::Runner* g_runner = nullptr;
std::string g_reply;  // the last string handed to JavaScript; valid until the next call
bool g_paused = false;
bool g_first_frame_reported = false;

void resume() {
  if (!g_paused) return;
  g_paused = false;
  emscripten_resume_main_loop();
}

void on_timer(void*) { resume(); }

void main_loop() {
  g_runner->poll_events();
  if (g_runner->draw_frame_if_due() && !g_first_frame_reported) {
    g_first_frame_reported = true;
    cairn_js_first_frame();
  }
  cairn::FramePolicy& policy = g_runner->frame_policy();
  const double wait = policy.seconds_until_due(cairn::Runner::now());
  if (wait > 0) {
    emscripten_pause_main_loop();
    g_paused = true;
    if (wait != cairn::FramePolicy::kNever) emscripten_set_timeout(on_timer, std::ceil(wait * 1000.0), nullptr);
  }
}

}  // namespace

extern "C" {

// Frames drawn so far: window.cairn.frames.
EMSCRIPTEN_KEEPALIVE double cairn_frames() {
  return g_runner ? static_cast<double>(g_runner->frames_drawn()) : 0.0;
}

// Something happened in the page (input, resize, visibility): draw again.
EMSCRIPTEN_KEEPALIVE void cairn_wake() {
  if (!g_runner) return;
  g_runner->frame_policy().on_activity();
  resume();
}

// The automation API (web/boot.js wraps these as window.cairn.*). Strings
// are UTF-8; a returned pointer stays valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* cairn_exec(const char* command_json) {
  g_reply = g_app->exec_json(command_json, cairn::Runner::now());
  cairn_wake();
  return g_reply.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* cairn_state() {
  g_reply = g_app->state_json();
  return g_reply.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* cairn_export(const char* project_id) {
  g_reply = g_app->export_json(project_id);
  return g_reply.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* cairn_import(const char* text) {
  g_reply = g_app->import_json(text, cairn::Runner::now());
  cairn_wake();
  return g_reply.c_str();
}

}  // extern "C"

int main(int argc, char** argv) {
  using namespace cairn;
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  const LaunchOptions launch = parse_launch_options(args);

  static App app({.theme = launch.dark_theme ? ui::Theme::Dark : ui::Theme::Light,
                  .platform = "web",
                  .can_quit = false,
                  // IndexedDB storage is the next step; until then work lives in memory.
                  .storage = std::make_unique<store::MemoryStore>(),
                  .author = "local"});
  static Runner runner(app);
  std::string error;
  RunnerOptions options;
  options.gles = true;
  options.glsl_version = "#version 300 es";
  if (!runner.init(options, error)) {
    cairn_js_fatal(error.c_str());
    return 1;
  }
  g_runner = &runner;
  g_app = &app;
  // 0 fps = the browser's animation frames; never returns.
  emscripten_set_main_loop(main_loop, 0, true);
  return 0;
}
