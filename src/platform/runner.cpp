#include "platform/runner.h"

#include <SDL.h>
#include <SDL_opengl.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>
#include <imgui_internal.h>  // GetHoveredID: to schedule one frame for a delayed tooltip

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "render/timeline_renderer.h"

namespace cairn {

namespace {
constexpr double kCursorBlinkSeconds = 0.53;
constexpr double kTooltipDelaySeconds = 0.45;  // a little past ImGui's DelayNormal (0.40 s)
// Decoding deferred histories between frames: short enough not to delay
// input noticeably, long enough to finish 10k tasks in about a second.
constexpr double kHistorySliceMs = 2.0;
// A fallback font that could not be downloaded (offline, a dropped
// connection) is tried again after 5 s, then 10 s, ... up to every 5 min.
constexpr double kFirstFontRetrySeconds = 5.0;
constexpr double kLastFontRetrySeconds = 300.0;
}  // namespace

double Runner::now() {
  return static_cast<double>(SDL_GetPerformanceCounter()) / static_cast<double>(SDL_GetPerformanceFrequency());
}

Runner::Runner(App& app) : app_(app) {}

Runner::~Runner() {
  app_.set_bar_renderer(nullptr);
  bars_.reset();  // its GL objects go while the context exists
  if (imgui_ready_) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
  }
  if (gl_context_) SDL_GL_DeleteContext(gl_context_);
  if (window_) SDL_DestroyWindow(window_);
  SDL_Quit();
}

// Without an X or Wayland display SDL falls back to its offscreen driver: the
// app would run, save and never be seen. Refuse that unless asked for by name.
bool Runner::has_real_display(std::string& error) {
  const char* driver = SDL_GetCurrentVideoDriver();
  const std::string name = driver ? driver : "";
  if (name != "offscreen" && name != "dummy") return true;
  const char* requested = SDL_getenv("SDL_VIDEODRIVER");
  if (requested && name == requested) return true;
  error = "no display to open a window on (DISPLAY and WAYLAND_DISPLAY name no running server)";
  return false;
}

bool Runner::init(const RunnerOptions& options, std::string& error) {
  options_ = options;
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
    error = std::string("SDL could not start: ") + SDL_GetError();
    return false;
  }
  if (!has_real_display(error)) return false;
  if (options.gles) {
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  } else {
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, SDL_GL_CONTEXT_FORWARD_COMPATIBLE_FLAG);
  }
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
  SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 8);

  const auto flags = static_cast<SDL_WindowFlags>(SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  window_ = SDL_CreateWindow(options.title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, options.width,
                             options.height, flags);
  if (!window_) {
    error = std::string("could not open a window: ") + SDL_GetError();
    return false;
  }
  gl_context_ = SDL_GL_CreateContext(window_);
  if (!gl_context_) {
    error = std::string(options.gles ? "WebGL2" : "OpenGL 3.3") + " is not available: " + SDL_GetError();
    return false;
  }
  SDL_GL_MakeCurrent(window_, gl_context_);
  SDL_GL_SetSwapInterval(1);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is part of the workspace, not a loose file
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ImGui_ImplSDL2_InitForOpenGL(window_, gl_context_);
  ImGui_ImplOpenGL3_Init(options.glsl_version);
  imgui_ready_ = true;
  // The timeline's bars on the GPU; if its shaders do not build here, the
  // view draws them with ImDrawList instead (slower, same picture).
  bars_ = std::make_unique<render::TimelineRenderer>(options.gles);
  if (bars_->ok()) {
#ifndef NDEBUG
    bars_->set_check_errors(true);
#endif
    if (const char* check = SDL_getenv("CAIRN_GL_CHECK"); check && *check == '1') bars_->set_check_errors(true);
    app_.set_bar_renderer(bars_.get());
  } else {
    std::fprintf(stderr, "cairn: the timeline's GL renderer is off (%s); bars are drawn by ImGui\n", bars_->error().c_str());
    bars_.reset();
  }

  app_.apply_style();
  update_display_scale();
  return true;
}

void Runner::handle_event(const SDL_Event& event) {
  ImGui_ImplSDL2_ProcessEvent(&event);
  if (event.type == SDL_QUIT) quit_ = true;
  if (event.type == SDL_DROPFILE && event.drop.file) {  // a file dropped on the window: import it
    app_.import_path(event.drop.file, now());
    SDL_free(event.drop.file);
  }
  if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE &&
      event.window.windowID == SDL_GetWindowID(window_))
    quit_ = true;
  policy_.on_activity();
}

bool Runner::poll_events() {
  bool any = false;
  SDL_Event event;
  while (SDL_PollEvent(&event)) {
    handle_event(event);
    any = true;
  }
  return any;
}

bool Runner::wait_events(int timeout_ms) {
  SDL_Event event;
  if (!SDL_WaitEventTimeout(&event, timeout_ms)) return false;
  handle_event(event);
  poll_events();
  return true;
}

void Runner::update_display_scale() {
  WindowMetrics m;
  SDL_GetWindowSize(window_, &m.window_width, &m.window_height);
  SDL_GL_GetDrawableSize(window_, &m.drawable_width, &m.drawable_height);
  const FontRaster wanted = plan_font_raster(options_.base_font_size, app_.ui_scale(), pixel_ratio(m));
  const bool changed = !(wanted == raster_);
  raster_ = wanted;
  update_fonts(changed);
}

// Rebuilds the font atlas when the text size changed, or when the workspace
// needs characters the atlas lacks and the fallback fonts are here to give them.
void Runner::update_fonts(bool raster_changed) {
  const GlyphNeeds& needs = app_.glyph_needs();
  const bool new_glyphs = needs.generation() != fonts_glyph_generation_;
  if (new_glyphs && font_status_.fallback == App::FallbackFonts::unneeded && options_.request_fallback_fonts) {
    font_status_.fallback = App::FallbackFonts::loading;
    app_.set_font_status(font_status_);
    options_.request_fallback_fonts(*this);  // may answer at once (the desktop)
  }
  const bool merge_now = new_glyphs && font_status_.fallback == App::FallbackFonts::ready;
  if (!raster_changed && !merge_now) {
    if (new_glyphs && fonts_.body) {  // still "?" until the fallback fonts arrive (or for good)
      const std::size_t missing = ui::missing_glyphs(fonts_, needs.needed());
      if (missing != font_status_.missing) {
        font_status_.missing = missing;
        app_.set_font_status(font_status_);
      }
    }
    return;
  }
  if (font_status_.fallback == App::FallbackFonts::ready) {
    const std::vector<std::uint16_t> ranges = needs.ranges();
    fallback_.ranges.assign(ranges.begin(), ranges.end());
    fonts_glyph_generation_ = needs.generation();
  }
  ImGuiIO& io = ImGui::GetIO();
  fonts_ = ui::load_fonts(*io.Fonts, raster_.pixel_size, &fallback_);
  app_.set_fonts(fonts_);
  io.FontGlobalScale = raster_.global_scale;
  // Upload the new atlas now; the backend would otherwise keep the old one.
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
  font_status_.missing = ui::missing_glyphs(fonts_, needs.needed());
  app_.set_font_status(font_status_);
}

void Runner::fallback_fonts_arrived(std::vector<std::vector<unsigned char>> files, std::string error) {
  bool any = false;
  for (const auto& file : files) any |= !file.empty();
  fallback_.files = std::move(files);
  font_status_.fallback = any ? App::FallbackFonts::ready : App::FallbackFonts::failed;
  font_status_.error = std::move(error);
  if (!font_status_.error.empty())
    std::fprintf(stderr, "cairn: fallback fonts: %s\n", font_status_.error.c_str());
  fonts_glyph_generation_ = 0;  // merge what is needed before the next frame
  app_.set_font_status(font_status_);
  policy_.on_activity();
  if (font_status_.error.empty()) {
    fallback_retry_at_ = -1;
    fallback_retry_delay_ = 0;
  } else {
    fallback_retry_delay_ = fallback_retry_delay_ == 0 ? kFirstFontRetrySeconds
                                                       : std::min(fallback_retry_delay_ * 2, kLastFontRetrySeconds);
    fallback_retry_at_ = now() + fallback_retry_delay_;
    policy_.request_wake_at(fallback_retry_at_);
  }
}

// Downloads the fallback fonts again if some failed and text still needs
// them; text that no longer does lets a later need ask afresh.
void Runner::retry_fallback_fonts() {
  fallback_retry_at_ = -1;
  if (font_status_.missing == 0) {
    if (font_status_.fallback == App::FallbackFonts::failed) {
      font_status_.fallback = App::FallbackFonts::unneeded;
      font_status_.error.clear();
      fallback_retry_delay_ = 0;
      fonts_glyph_generation_ = app_.glyph_needs().generation();  // asked again when the needs change
      app_.set_font_status(font_status_);
    }
    return;
  }
  font_status_.fallback = App::FallbackFonts::loading;
  app_.set_font_status(font_status_);
  options_.request_fallback_fonts(*this);  // may answer at once (the desktop)
}

void Runner::schedule_animations() {
  const double t = now();
  // ImGui spreads fast input over several frames (a key down and up in one
  // burst are seen in two frames): keep drawing until its queue is empty.
  if (!ImGui::GetCurrentContext()->InputEventsQueue.empty()) policy_.on_activity();
  // A focused text field blinks its cursor: a frame per blink phase.
  if (ImGui::GetIO().WantTextInput) policy_.request_frame_at(t + kCursorBlinkSeconds);
  // A newly hovered item may show a delayed tooltip: one frame after the delay.
  const ImGuiID hovered = ImGui::GetHoveredID();
  if (hovered != 0 && hovered != hovered_id_) policy_.request_frame_at(t + kTooltipDelaySeconds);
  hovered_id_ = hovered;
}

// Work the app does between frames, then when it next needs the loop.
void Runner::run_due_work() {
  const double t = now();
  policy_.woke(t);
  app_.save_if_due(t);
  if (const double save_at = app_.next_save_at(); save_at >= 0) policy_.request_wake_at(save_at);
  // The stored histories, once the workspace is on screen: a slice per wake.
  if (policy_.frames_drawn() > 0 && app_.decode_deferred_histories(kHistorySliceMs)) policy_.request_wake_at(t);
  if (const double status_at = app_.status_frame_at(); status_at >= 0) policy_.request_frame_at(status_at);
  if (fallback_retry_at_ >= 0) {
    if (t >= fallback_retry_at_) retry_fallback_fonts();
    else policy_.request_wake_at(fallback_retry_at_);
  }
  if (app_.take_redraw_request()) policy_.on_activity();
}

bool Runner::draw_frame_if_due() {
  run_due_work();
  const double started = now();
  if (!policy_.wants_frame(started)) return false;
  policy_.frame_started(started);
  update_display_scale();

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();
  app_.frame(policy_.frames_drawn(), now());
  schedule_animations();
  ImGui::Render();

  const ImGuiIO& io = ImGui::GetIO();
  const ImVec4 clear = app_.clear_color();
  glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
             static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
  glClearColor(clear.x, clear.y, clear.z, clear.w);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  SDL_GL_SwapWindow(window_);
  app_.frame_drawn_in((now() - started) * 1000.0);
  // The frame's commands may have made a save due (0.5 s on): wake for it.
  if (const double save_at = app_.next_save_at(); save_at >= 0) policy_.request_wake_at(save_at);
  if (app_.take_redraw_request()) policy_.on_activity();
  if (bars_ && !gl_error_reported_ && !bars_->gl_error().empty()) {  // only with checks on (debug, CAIRN_GL_CHECK=1)
    std::fprintf(stderr, "cairn: GL error in the timeline renderer: %s\n", bars_->gl_error().c_str());
    gl_error_reported_ = true;
  }
  policy_.frame_drawn();
  return true;
}

}  // namespace cairn
