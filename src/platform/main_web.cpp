// Browser main loop. While idle the Emscripten main loop is paused, so no
// animation-frame callback runs at all; web/boot.js resumes it on any DOM
// input (cairn_wake), and a timer resumes it for a scheduled animation frame.
#include <emscripten.h>
#include <emscripten/eventloop.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "app/app.h"
#include "core/launch_options.h"
#include "platform/runner.h"
#include "store/idb_store.h"

// Implemented in web/cairn_lib.js and web/idb_store.js.
extern "C" void cairn_js_first_frame();
extern "C" void cairn_js_fatal(const char* message);
extern "C" void cairn_idb_start();
extern "C" void cairn_js_files_init();
extern "C" void cairn_js_download(const char* name, const char* text);
extern "C" void cairn_js_pick_file();
extern "C" void cairn_js_open_url(const char* url);
extern "C" void cairn_js_copy(const char* text);
extern "C" char* cairn_js_load_preferences();
extern "C" void cairn_js_save_preferences(const char* json);
extern "C" char* cairn_js_device_zone();  // the browser's zone ("Europe/Berlin"), "" when it does not say
extern "C" void cairn_js_fetch_fonts();   // answers with cairn_fallback_font and cairn_fallback_fonts_done
// Where the text field being edited is (web/text_input.js puts the page's
// hidden textarea there for input methods); active 0: none is.
extern "C" void cairn_js_text_input(int active, double x, double y, double line_height);

namespace {

cairn::LaunchOptions g_launch;
std::unique_ptr<cairn::store::IdbStore> g_loading_store;  // filled by the page before the app starts
cairn::store::IdbStore* g_store = nullptr;                // owned by the app once it runs
cairn::App* g_app = nullptr;
cairn::Runner* g_runner = nullptr;
std::string g_reply;  // the last string handed to JavaScript; valid until the next call
bool g_paused = false;
std::vector<std::vector<unsigned char>> g_fallback_fonts;  // as they arrive, by index
bool g_first_frame_reported = false;

void resume() {
  if (!g_paused) return;
  g_paused = false;
  emscripten_resume_main_loop();
}

void on_timer(void*) { resume(); }

// The clipboard ImGui reads and writes. SDL 2.26 has no browser clipboard:
// copies go out through navigator.clipboard, pastes come in from the page's
// paste event (cairn_paste_text).
std::string g_clipboard;
const char* get_clipboard(void*) { return g_clipboard.c_str(); }
void set_clipboard(void*, const char* text) {
  g_clipboard = text;
  cairn_js_copy(text);
}

void main_loop();

// ImGui says where a text field is being edited (or that none is): the page
// puts its hidden textarea there for input methods (web/text_input.js).
void set_ime_data(ImGuiViewport*, ImGuiPlatformImeData* data) {
  cairn_js_text_input(data->WantVisible ? 1 : 0, data->InputPos.x, data->InputPos.y, data->InputLineHeight);
}

// The UTC offset (seconds east) of an IANA zone at an instant, from the
// page's Intl.DateTimeFormat: the browser has no zoneinfo files, but Intl
// knows every zone. NaN when the zone is unknown (Intl throws a RangeError).
EM_JS(double, cairn_js_zone_offset, (const char* name, double ms), {
  const zone = UTF8ToString(name);
  const formats = Module.cairnZoneFormats || (Module.cairnZoneFormats = new Map());
  let format = formats.get(zone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', {timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric',
                                                 day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric'});
    } catch (e) {
      format = null;
    }
    formats.set(zone, format);
  }
  if (!format) return NaN;
  const instant = Math.floor(ms / 1000) * 1000;
  const parts = {};
  for (const part of format.formatToParts(new Date(instant))) parts[part.type] = part.value;
  const local = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour % 24, +parts.minute, +parts.second);
  return (local - instant) / 1000;
});

std::optional<std::int32_t> zone_offset(std::string_view name, cairn::Timestamp at) {
  const double seconds = cairn_js_zone_offset(std::string(name).c_str(), static_cast<double>(at.ms));
  if (std::isnan(seconds)) return std::nullopt;
  return static_cast<std::int32_t>(seconds);
}

std::string device_zone() {
  char* zone = cairn_js_device_zone();
  std::string name = zone ? zone : "";
  std::free(zone);
  return name;
}

// The page has read the stored workspace: create the app and start drawing.
void start_app() {
  using namespace cairn;
  g_store = g_loading_store.get();
  char* saved_preferences = cairn_js_load_preferences();
  std::vector<std::string> problems;
  const Preferences preferences = preferences_from_json(saved_preferences, &problems);
  std::free(saved_preferences);
  for (const std::string& problem : problems) std::fprintf(stderr, "cairn: %s\n", problem.c_str());
  static App app({.theme = g_launch.dark_theme ? ui::Theme::Dark : ui::Theme::Light,
                  .platform = "web",
                  .can_quit = false,
                  .storage = std::move(g_loading_store),
                  .author = "local",
                  .files = {.download = [](const std::string& name,
                                           const std::string& text) { cairn_js_download(name.c_str(), text.c_str()); },
                            .pick_file = [] { cairn_js_pick_file(); },
                            .export_folder = {}},
                  .open_url = [](const std::string& url) { cairn_js_open_url(url.c_str()); },
                  .preferences = preferences,
                  .save_preferences = [](const std::string& json) { cairn_js_save_preferences(json.c_str()); },
                  .theme_from_command_line = false,
                  .time_zones = TimeZones::from_query(zone_offset),
                  .device_zone = device_zone(),
                  .clock = {},  // the system clock
                  .id_seed = {}});
  cairn_js_files_init();
  static Runner runner(app);
  std::string error;
  RunnerOptions options;
  options.gles = true;
  options.glsl_version = "#version 300 es";
  options.request_fallback_fonts = [](Runner&) { cairn_js_fetch_fonts(); };
  if (!runner.init(options, error)) {
    cairn_js_fatal(error.c_str());
    return;
  }
  g_runner = &runner;
  g_app = &app;
  ImGui::GetIO().GetClipboardTextFn = get_clipboard;
  ImGui::GetIO().SetClipboardTextFn = set_clipboard;
  ImGui::GetIO().SetPlatformImeDataFn = set_ime_data;
  // Called from JavaScript, so no simulated infinite loop: this returns.
  emscripten_set_main_loop(main_loop, 0, false);
}

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

// The store being read: the app's, or the one filled before the app starts.
cairn::store::IdbStore* reading_store() { return g_store ? g_store : g_loading_store.get(); }

}  // namespace

extern "C" {

// Frames drawn so far: window.cairn.frames.
EMSCRIPTEN_KEEPALIVE double cairn_frames() {
  return g_runner ? static_cast<double>(g_runner->frames_drawn()) : 0.0;
}

// Text committed by an input method, a dead key or dictation (web/text_input.js).
EMSCRIPTEN_KEEPALIVE void cairn_text_input(const char* text) {
  if (!g_runner || !text) return;
  ImGui::GetIO().AddInputCharactersUTF8(text);
  g_runner->frame_policy().on_activity();
  resume();
}

// One fallback font fetched by cairn_js_fetch_fonts (copied; the caller frees).
EMSCRIPTEN_KEEPALIVE void cairn_fallback_font(int index, const unsigned char* bytes, int length) {
  if (index < 0 || index > 16 || length <= 0) return;
  if (g_fallback_fonts.size() <= static_cast<std::size_t>(index)) g_fallback_fonts.resize(static_cast<std::size_t>(index) + 1);
  g_fallback_fonts[static_cast<std::size_t>(index)].assign(bytes, bytes + length);
}

// All fallback fonts were tried; `errors` names those that could not be had.
EMSCRIPTEN_KEEPALIVE void cairn_fallback_fonts_done(const char* errors) {
  if (!g_runner) return;
  g_runner->fallback_fonts_arrived(std::move(g_fallback_fonts), errors ? errors : "");
  g_fallback_fonts.clear();
  resume();
}

// Something happened in the page (input, resize, visibility): draw again.
EMSCRIPTEN_KEEPALIVE void cairn_wake() {
  if (!g_runner) return;
  g_runner->frame_policy().on_activity();
  resume();
}

// The page's IndexedDB reader hands over stored generations newest first
// (manifests and their chunks, then whole snapshots of older versions) until
// one is usable, then says it is done (see IdbStore).
EMSCRIPTEN_KEEPALIVE int cairn_store_manifest(const std::uint8_t* bytes, std::size_t length, double generation,
                                              int hold) {
  return reading_store()->add_manifest({bytes, length}, static_cast<std::uint64_t>(generation), hold);
}

EMSCRIPTEN_KEEPALIVE double cairn_store_chunk_key(int index) {
  return reading_store()->chunk_key_at(static_cast<std::size_t>(index));
}

EMSCRIPTEN_KEEPALIVE int cairn_store_chunk(const std::uint8_t* bytes, std::size_t length, double key) {
  return reading_store()->add_chunk(key, {bytes, length}) ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE int cairn_store_manifest_done() { return reading_store()->manifest_done() ? 1 : 0; }

EMSCRIPTEN_KEEPALIVE int cairn_store_candidate(const std::uint8_t* bytes, std::size_t length, double generation) {
  return reading_store()->add_candidate({bytes, length}, static_cast<std::uint64_t>(generation)) ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void cairn_store_ready(int read_only, const char* message) {
  g_loading_store->set_ready(read_only != 0, message);
  start_app();
}

// A save transaction completed (or failed).
EMSCRIPTEN_KEEPALIVE void cairn_store_saved(double generation, int ok, const char* message) {
  if (!g_app) return;
  g_app->save_finished(static_cast<std::uint64_t>(generation), ok != 0, message, cairn::Runner::now());
  cairn_wake();
}

// A read-only tab: the writer tab saved, and the page has handed over the
// stored snapshots again (as candidates). Show the newest.
EMSCRIPTEN_KEEPALIVE void cairn_store_reload() {
  if (!g_app) return;
  g_app->reload_from_storage();
  cairn_wake();
}

// navigator.storage.persist() and estimate() answered (for the settings view).
EMSCRIPTEN_KEEPALIVE void cairn_store_estimate(int persisted, double used, double quota) {
  cairn::store::IdbStore* store = reading_store();
  if (store) store->set_estimate(persisted, static_cast<std::int64_t>(used), static_cast<std::int64_t>(quota));
}

// A file from the file picker or dropped on the page (web/files.js).
EMSCRIPTEN_KEEPALIVE void cairn_import_file(const char* name, const char* text, const char* error) {
  if (!g_app) return;
  g_app->import_file(name, text, cairn::Runner::now(), error);
  cairn_wake();
}

// The page pasted text (Ctrl+V in the browser): ImGui sees Ctrl+V and reads
// the clipboard, which now holds it. Ctrl is still down: it is being held.
EMSCRIPTEN_KEEPALIVE void cairn_paste_text(const char* text) {
  if (!g_app) return;
  g_clipboard = text;
  ImGuiIO& io = ImGui::GetIO();
  io.AddKeyEvent(ImGuiKey_V, true);
  io.AddKeyEvent(ImGuiKey_V, false);
  cairn_wake();
}

// The page is being hidden or closed: save now.
EMSCRIPTEN_KEEPALIVE void cairn_save_now() {
  if (g_app) g_app->save_now(cairn::Runner::now());
}

// The automation API (web/boot.js wraps these as window.cairn.*). Strings
// are UTF-8; a returned pointer stays valid until the next call. Before the
// stored workspace is loaded there is no app yet: await cairn.ready.
constexpr const char* kNotStarted = R"({"ok":false,"error":"Cairn is still starting: await cairn.ready first"})";

EMSCRIPTEN_KEEPALIVE const char* cairn_exec(const char* command_json) {
  if (!g_app) return kNotStarted;
  g_reply = g_app->exec_json(command_json, cairn::Runner::now());
  cairn_wake();
  return g_reply.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* cairn_state() {
  if (!g_app) return kNotStarted;
  g_reply = g_app->state_json();
  return g_reply.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* cairn_export(const char* project_id) {
  if (!g_app) return "";
  g_reply = g_app->export_json(project_id);
  return g_reply.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* cairn_import(const char* text) {
  if (!g_app) return kNotStarted;
  g_reply = g_app->import_json(text, cairn::Runner::now());
  cairn_wake();
  return g_reply.c_str();
}

}  // extern "C"

int main(int argc, char** argv) {
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  g_launch = cairn::parse_launch_options(args);
  g_loading_store = std::make_unique<cairn::store::IdbStore>();
  cairn_idb_start();  // asynchronous: calls cairn_store_ready, which starts the app
  return 0;
}
