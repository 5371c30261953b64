#include "ui_harness.h"

#include <imgui_internal.h>  // ImGuiTable: where a column header is

#include <chrono>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string_view>

#include "planning_workspace.h"

namespace cairn::uitest {
namespace {

// The system's zone files, as the desktop app reads them (without src/store).
const TimeZones& system_time_zones() {
  static const TimeZones zones = TimeZones::from_tzif([](std::string_view name) -> std::optional<std::string> {
    std::ifstream in("/usr/share/zoneinfo/" + std::string(name), std::ios::binary);
    if (!in) return std::nullopt;
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  });
  return zones;
}

double ms_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

namespace {

// A store that hands the App the test's workspace and keeps nothing: the
// settings view shows what a desktop file store would.
class TestStorage final : public store::Storage {
 public:
  explicit TestStorage(Workspace workspace) : workspace_(std::move(workspace)) {}
  Loaded load() override {
    Loaded loaded;
    loaded.ok = true;
    loaded.workspace = std::move(workspace_);
    return loaded;
  }
  Saved save(const Workspace&) override { return {true, false, {}, ++generation_}; }
  std::string location() const override { return "/home/user/.local/share/cairn/workspace.cairn"; }
  Usage usage() const override { return {location(), "a file on this computer", 3'481'216, -1, 42}; }

 private:
  Workspace workspace_;
  std::uint64_t generation_ = 42;
};

}  // namespace

UiHarness::UiHarness(Workspace workspace, Options options)
    : clock_ms_(std::int64_t{test_today().days} * 86'400'000 + 12 * 3'600'000) {  // noon of the test's day
  context_ = ImGui::CreateContext();  // and makes it the current one
  ImGui::SetCurrentContext(context_);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // as the app: no imgui.ini
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.DisplaySize = options.display;
  io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
  io.DeltaTime = 1.0f / 60.0f;
  // No renderer backend: ImGuiBackendFlags_RendererHasVtxOffset stays off, as
  // with WebGL2 (the stricter case: one draw list must stay under 64k vertices).
  fonts_ = ui::load_fonts(*io.Fonts, options.font_pixels);
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);  // NewFrame needs a built atlas
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(1)));

  app_ = std::make_unique<App>(AppOptions{
      .theme = options.theme,
      .platform = "desktop",
      .can_quit = true,
      .storage = std::make_unique<TestStorage>(std::move(workspace)),
      .author = "ui-test",
      .files = {.download = {}, .pick_file = {}, .export_folder = "/home/user/Documents"},
      .open_url = {},
      .preferences = {},
      .save_preferences = {},
      .theme_from_command_line = false,
      .time_zones = system_time_zones(),
      .device_zone = options.device_zone,
      .clock = [this] { return Timestamp{clock_ms_ += 10}; },
      .id_seed = 0xC0FFEE,
  });
  app_->set_fonts(fonts_);
  app_->apply_style();
  apply_text_size();
}

UiHarness::~UiHarness() {
  app_.reset();
  if (ImGui::GetCurrentContext() == context_) ImGui::SetCurrentContext(nullptr);
  ImGui::DestroyContext(context_);
}

void UiHarness::make_current() const {
  if (ImGui::GetCurrentContext() != context_) ImGui::SetCurrentContext(context_);
}

ImGuiIO& UiHarness::io() {
  make_current();
  return ImGui::GetIO();
}

void UiHarness::frame() {
  make_current();
  ImGuiIO& io = ImGui::GetIO();
  io.DeltaTime = 1.0f / 60.0f;
  app_->set_bar_renderer(bar_renderer);

  if (before_frame) before_frame();
  const auto t0 = std::chrono::steady_clock::now();
  ImGui::NewFrame();
  const auto t1 = std::chrono::steady_clock::now();
  ui::ShellActions actions = app_->draw(frames_);
  const auto t2 = std::chrono::steady_clock::now();
  ImGui::Render();
  const auto t3 = std::chrono::steady_clock::now();
  times_.new_frame = std::chrono::duration<double, std::milli>(t1 - t0).count();
  times_.draw = std::chrono::duration<double, std::milli>(t2 - t1).count();
  times_.render = std::chrono::duration<double, std::milli>(t3 - t2).count();
  ++frames_;

  last_quit_ = actions.quit;
  last_busy_ = actions.busy;
  last_path_confirmed_ = actions.path.confirmed;
  const std::size_t pushed = actions.commands.commands.size();
  const std::size_t refused_before = app_->refused_commands().size();
  app_->apply(std::move(actions), seconds());
  const std::size_t refused_now = app_->refused_commands().size() - refused_before;
  commands_run_ += pushed - refused_now;
  refused_.assign(app_->refused_commands().begin(), app_->refused_commands().end());
  apply_text_size();
  times_.apply = ms_since(t3);
  if (after_frame) after_frame();
}

void UiHarness::frame_with(const std::function<void()>& draw) {
  make_current();
  ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
  if (before_frame) before_frame();
  ImGui::NewFrame();
  draw();
  ImGui::Render();
  ++frames_;
  if (after_frame) after_frame();
}

UiHarness::DrawStats UiHarness::last_draw_stats() const {
  make_current();
  DrawStats s;
  const ImDrawData* data = ImGui::GetDrawData();
  if (!data) return s;
  s.lists = data->CmdListsCount;
  s.vertices = data->TotalVtxCount;
  s.indices = data->TotalIdxCount;
  for (const ImDrawList* list : data->CmdLists) s.commands += list->CmdBuffer.Size;
  s.windows = ImGui::GetIO().MetricsRenderWindows;
  return s;
}

void UiHarness::mouse_move(ImVec2 pos) { io().AddMousePosEvent(pos.x, pos.y); }

void UiHarness::mouse_button(int button, bool down) { io().AddMouseButtonEvent(button, down); }

// Two frames after a move: ImGui trickles input (a move queued behind a key
// change is only seen a frame later), and items that allow overlap (table
// rows) take a click only when they were hovered in the previous frame.
void UiHarness::click(ImVec2 pos) {
  mouse_move(pos);
  frames(2);
  mouse_button(ImGuiMouseButton_Left, true);
  frame();
  mouse_button(ImGuiMouseButton_Left, false);
  frame();
}

void UiHarness::double_click(ImVec2 pos) {
  mouse_move(pos);
  frames(2);
  for (int i = 0; i < 2; ++i) {
    mouse_button(ImGuiMouseButton_Left, true);
    frame();
    mouse_button(ImGuiMouseButton_Left, false);
    frame();
  }
}

void UiHarness::key(ImGuiKeyChord chord) {
  ImGuiIO& io = this->io();
  const auto key = static_cast<ImGuiKey>(chord & ~ImGuiMod_Mask_);
  const ImGuiKey mods[] = {ImGuiMod_Ctrl, ImGuiMod_Shift, ImGuiMod_Alt, ImGuiMod_Super};
  for (const ImGuiKey m : mods)
    if (chord & m) io.AddKeyEvent(m, true);
  io.AddKeyEvent(key, true);
  frame();
  io.AddKeyEvent(key, false);
  for (const ImGuiKey m : mods)
    if (chord & m) io.AddKeyEvent(m, false);
  frame();
}

void UiHarness::type(const char* utf8) { io().AddInputCharactersUTF8(utf8); }

}  // namespace cairn::uitest

namespace cairn::uitest {

bool UiHarness::click_table_header(const char* column) {
  make_current();
  ImGuiContext& g = *context_;
  for (int i = 0; i < g.Tables.GetMapSize(); ++i) {
    const ImGuiTable* table = g.Tables.TryGetMapData(i);
    if (!table || table->LastFrameActive != ImGui::GetFrameCount()) continue;
    for (int c = 0; c < table->ColumnsCount; ++c) {
      const char* name = ImGui::TableGetColumnName(table, c);
      if (!name || std::strcmp(name, column) != 0) continue;
      const ImRect& clip = table->Columns[c].ClipRect;
      click(ImVec2((clip.Min.x + clip.Max.x) * 0.5f, table->OuterRect.Min.y + ImGui::GetFrameHeight() * 0.5f));
      return true;
    }
  }
  return false;
}

}  // namespace cairn::uitest

namespace cairn::uitest {

// The runner rasterizes the fonts again at a new text size; here the atlas
// keeps its size and is scaled at draw time.
void UiHarness::apply_text_size() {
  ImGui::GetIO().FontGlobalScale = app_->ui_scale();
}

}  // namespace cairn::uitest
