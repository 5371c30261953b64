// The timeline's GL renderer in a real OpenGL 3.3 core context (under Xvfb:
// Mesa's llvmpipe, no GPU): 100k bars uploaded once, drawn through ImGui's
// OpenGL 3 backend with the ImDrawList callback, frames timed, no GL error,
// and the pixels read back to prove the bars were drawn.
//
//   cairn_timeline_gl [--bars N] [--frames N] [--ppm FILE]
// Prints one line of figures; exit 0 when every check passed.
#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "render/timeline_renderer.h"

namespace {

int fail(const std::string& message) {
  std::fprintf(stderr, "timeline_gl: FAIL: %s\n", message.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  int bar_count = 100000, frames = 60;
  std::string ppm;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--bars") bar_count = std::atoi(argv[i + 1]);
    else if (a == "--frames") frames = std::max(1, std::atoi(argv[i + 1]));
    else if (a == "--ppm") ppm = argv[i + 1];
  }
  if (SDL_Init(SDL_INIT_VIDEO) != 0) return fail(std::string("SDL_Init: ") + SDL_GetError());
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, SDL_GL_CONTEXT_FORWARD_COMPATIBLE_FLAG);
  const int width = 1280, height = 800;
  SDL_Window* window = SDL_CreateWindow("timeline_gl", 0, 0, width, height, SDL_WINDOW_OPENGL);
  if (!window) return fail(std::string("window: ") + SDL_GetError());
  SDL_GLContext gl = SDL_GL_CreateContext(window);
  if (!gl) return fail(std::string("OpenGL 3.3 core: ") + SDL_GetError());
  SDL_GL_MakeCurrent(window, gl);
  SDL_GL_SetSwapInterval(0);
  const char* renderer_name = reinterpret_cast<const char*>(glGetString(GL_RENDERER));

  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImGui_ImplSDL2_InitForOpenGL(window, gl);
  ImGui_ImplOpenGL3_Init("#version 330 core");

  int status = 0;
  {
    cairn::render::TimelineRenderer bars(false);
    if (!bars.ok()) return fail("shaders: " + bars.error());
    bars.set_check_errors(true);

    // 100k bars over 90 rows of 8 px: every bar lands on screen, overlapping,
    // so the frame rasterizes all of them (the view would draw one screen of rows).
    std::mt19937 rng(1);
    std::vector<cairn::ui::BarInstance> instances(static_cast<std::size_t>(bar_count));
    for (std::size_t i = 0; i < instances.size(); ++i) {
      const float start = static_cast<float>(rng() % 360);
      cairn::ui::BarInstance& b = instances[i];
      b.start = start;
      b.end = start + 1 + static_cast<float>(rng() % 20);
      b.row = static_cast<float>(i % 90);
      b.fill = IM_COL32(61, 125, 216, 255);
      b.flags = (i % 7 == 0 ? cairn::ui::bar_style::critical : 0u) | (i % 5 == 0 ? cairn::ui::bar_style::scheduled : 0u) |
                (i % 97 == 0 ? cairn::ui::bar_style::milestone : 0u);
    }
    const auto upload_start = std::chrono::steady_clock::now();
    bars.set_bars(instances);
    glFinish();
    const double upload_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - upload_start).count();

    std::vector<double> times;
    for (int f = 0; f < frames; ++f) {
      const auto started = std::chrono::steady_clock::now();
      SDL_Event e;
      while (SDL_PollEvent(&e)) ImGui_ImplSDL2_ProcessEvent(&e);
      ImGui_ImplOpenGL3_NewFrame();
      ImGui_ImplSDL2_NewFrame();
      ImGui::NewFrame();
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(ImVec2(static_cast<float>(width), static_cast<float>(height)));
      ImGui::Begin("chart", nullptr, ImGuiWindowFlags_NoDecoration);
      ImDrawList& list = *ImGui::GetWindowDrawList();
      list.AddRectFilled(ImVec2(0, 0), ImVec2(static_cast<float>(width), static_cast<float>(height)), IM_COL32(246, 245, 242, 255));
      cairn::ui::BarFrame frame;
      frame.clip_min = ImVec2(40, 40);
      frame.clip_max = ImVec2(static_cast<float>(width) - 40, static_cast<float>(height) - 40);
      frame.x0 = 40 + static_cast<float>(f % 10);  // a little pan every frame
      frame.px_per_day = 3.2f;
      frame.y0 = 40;
      frame.row_height = 8;
      frame.first = 0;
      frame.count = static_cast<std::uint32_t>(instances.size());
      frame.hovered = 3;
      frame.outline = IM_COL32(40, 40, 40, 200);
      frame.critical = IM_COL32(200, 40, 40, 255);
      bars.draw(list, frame);
      list.AddText(ImVec2(50, 10), IM_COL32(0, 0, 0, 255), "drawn after the bars");  // ImGui's state came back
      ImGui::End();
      ImGui::Render();
      glViewport(0, 0, width, height);
      glClearColor(1, 1, 1, 1);
      glClear(GL_COLOR_BUFFER_BIT);
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
      glFinish();  // the frame's GPU work is in the time
      times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
      if (f + 1 < frames) SDL_GL_SwapWindow(window);
    }

    // Read the last frame back before swapping: bar pixels inside the chart, none outside it.
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * height * 4);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    std::size_t blue = 0, blue_outside = 0;
    for (int y = 0; y < height; ++y)
      for (int x = 0; x < width; ++x) {
        const unsigned char* p = &pixels[(static_cast<std::size_t>(y) * width + x) * 4];
        const bool is_bar = p[0] < 120 && p[2] > 180;  // the bars' blue, plain or hatched or hovered
        const int top_y = height - 1 - y;
        const bool inside = x >= 40 && x < width - 40 && top_y >= 40 && top_y < height - 40;
        if (is_bar) ++(inside ? blue : blue_outside);
      }
    if (!ppm.empty())
      if (FILE* f = std::fopen(ppm.c_str(), "wb")) {
        std::fprintf(f, "P6\n%d %d\n255\n", width, height);
        for (int y = height - 1; y >= 0; --y)
          for (int x = 0; x < width; ++x) std::fwrite(&pixels[(static_cast<std::size_t>(y) * width + x) * 4], 1, 3, f);
        std::fclose(f);
      }
    std::sort(times.begin(), times.end());
    const GLenum error = glGetError();
    std::printf("timeline_gl: %s; %d bars, upload %.1f ms, frame median %.2f ms, p90 %.2f ms over %d frames, %zu instanced "
                "draws, bar pixels %zu inside the chart, %zu outside\n",
                renderer_name ? renderer_name : "?", bar_count, upload_ms, times[times.size() / 2],
                times[times.size() * 9 / 10], frames, bars.draw_calls(), blue, blue_outside);
    if (!bars.gl_error().empty()) status = fail("GL error: " + bars.gl_error());
    if (error != GL_NO_ERROR) status = fail("GL error after the frames: " + std::to_string(error));
    if (bars.draw_calls() != static_cast<std::size_t>(frames)) status = fail("one instanced draw per frame expected");
    if (blue < static_cast<std::size_t>(width) * height / 4) status = fail("too few bar pixels: bars not drawn?");
    if (blue_outside != 0) status = fail("bar pixels outside the chart's clip rectangle");
  }
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
  SDL_GL_DeleteContext(gl);
  SDL_DestroyWindow(window);
  SDL_Quit();
  return status;
}
