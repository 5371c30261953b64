#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "core/autosave.h"
#include "core/command_stack.h"
#include "core/glyph_needs.h"
#include "core/preferences.h"
#include "core/time_zone.h"
#include "store/storage.h"
#include "ui/fonts.h"
#include "ui/shell.h"
#include "ui/theme.h"

namespace cairn {

struct AppOptions {
  ui::Theme theme = ui::Theme::Light;
  std::string platform;   // "web" or "desktop", shown in the status bar
  bool can_quit = false;  // the desktop app has File > Quit
  std::unique_ptr<store::Storage> storage;  // where the workspace lives
  std::string read_only_reason;             // non-empty: show the workspace, never save it
  std::string author = "local";             // who makes this copy's changes
  // How files leave and enter the app. The browser sets both (a download and
  // its file picker); the desktop leaves them empty and asks for a path,
  // starting in export_folder.
  std::function<void(const std::string& name, const std::string& text)> download;
  std::function<void()> pick_file;
  // Opens a link (an MLflow or W&B run) in a new browser tab or the system's browser.
  std::function<void(const std::string& url)> open_url;
  std::string export_folder;
  // This device's preferences (theme, text size) as loaded, and where a
  // change goes (the browser's localStorage, a file in the config folder).
  Preferences preferences;
  std::function<void(const std::string& json)> save_preferences;
  bool theme_from_command_line = false;  // --theme beats a saved theme
  // UTC offsets of IANA zones (check-in deadlines in each person's zone): the
  // desktop reads /usr/share/zoneinfo, the browser asks Intl.DateTimeFormat.
  TimeZones time_zones;
  // This device's IANA zone (the browser's Intl, the desktop's TZ or
  // /etc/localtime), for the "this device" choice of the display zone.
  std::string device_zone;
};

// The application: owns the workspace, the command stack, the store and the
// UI state. One frame = input -> commands -> draw; saving follows the
// AutosavePolicy. Times passed in are seconds on a monotonic clock.
class App {
 public:
  explicit App(AppOptions options);

  // Fonts change when the display scale changes; the runner rebuilds them.
  void set_fonts(const ui::Fonts& fonts) { fonts_ = fonts; }
  // The GPU renderer of the timeline's bars (owned by the runner, which has
  // the GL context); without one the view draws its bars with ImDrawList.
  void set_bar_renderer(ui::BarRenderer* renderer) { bar_renderer_ = renderer; }

  // Builds the UI for one frame (between ImGui::NewFrame and ImGui::Render),
  // then runs the commands it produced.
  void frame(std::uint64_t frames_drawn, double now);
  // Saves when due. Called by the runner outside of frames, so that the
  // browser's IndexedDB callbacks find the page idle instead of waiting
  // for a frame to be drawn (about 33 ms each with software WebGL).
  void save_if_due(double now);

  // Decodes, for up to `budget_ms`, the item histories the store left for
  // after the first frame (store::DeferredHistories); true while some are
  // left. Anything that needs a history before then decodes them all.
  bool decode_deferred_histories(double budget_ms);

  // When the next autosave is due (< 0: nothing to save, or a save is in
  // flight: its outcome wakes the app). The runner wakes then, without a frame.
  double next_save_at() const { return save_in_flight_ ? -1.0 : autosave_.due_at(); }
  // When a frame should show that a save is still going (< 0: none).
  double status_frame_at() const { return status_frame_at_; }
  // True once after something changed that the last frame did not show yet
  // (a save finished while the frame was built): the runner draws again.
  bool take_redraw_request() { return std::exchange(redraw_requested_, false); }
  // Saves pending changes now (quitting, the page is being hidden).
  void save_now(double now);
  // An asynchronous store finished the save it started.
  void save_finished(bool ok, const std::string& error, double now);

  // CPU time of a drawn frame (building the UI and issuing its GL calls), in
  // milliseconds; state() reports the last and the median of recent ones.
  void frame_drawn_in(double ms) {
    frame_ms_[frame_ms_next_++ % frame_ms_.size()] = ms;
  }

  // Re-applies the style; called after a theme change or a scale change.
  void apply_style() const;
  // The text size of the preferences (1 = 100 %): the runner rasterizes the
  // fonts at this size.
  float ui_scale() const { return options_.preferences.ui_scale; }

  bool quit_requested() const { return quit_requested_; }
  ui::Theme theme() const { return options_.theme; }
  ImVec4 clear_color() const { return ui::background_color(options_.theme); }

  // The automation API (window.cairn): JSON in, JSON out.
  std::string exec_json(std::string_view command_json, double now);
  std::string state_json() const;
  std::string export_json(std::string_view project_id) const;
  std::string import_json(std::string_view text, double now);

  // A file the user chose or dropped on the window: imported as one undoable
  // step, the outcome shown in a notice naming the file. `error` set: the
  // file could not be read at all (the browser decodes it).
  void import_file(std::string_view name, std::string_view text, double now, std::string_view error = {});
  // Desktop: reads and imports the file at `path` (drag-and-drop, the path dialog).
  void import_path(const std::string& path, double now);

  // A read-only copy (another tab writes) takes the newest stored workspace.
  void reload_from_storage();

  const Workspace& workspace() const { return workspace_; }
  const std::string& save_status() const { return save_status_; }
  // Another tab writes (or the store holds data this version cannot read).
  bool read_only() const { return !options_.read_only_reason.empty(); }
  const CommandStack& commands() const { return stack_; }
  // Characters of the workspace's text the embedded font lacks: the runner
  // merges them in from fallback fonts and reports back how that went.
  const GlyphNeeds& glyph_needs() const { return glyphs_; }
  // Whether the fallback fonts are needed, on their way, here, or could not be had.
  enum class FallbackFonts { unneeded, loading, ready, failed };
  // Its name in the app state JSON (glyphs.fallback): "unneeded", "loading", ...
  static constexpr const char* name_of(FallbackFonts state) {
    switch (state) {
      case FallbackFonts::unneeded: return "unneeded";
      case FallbackFonts::loading: return "loading";
      case FallbackFonts::ready: return "ready";
      case FallbackFonts::failed: return "failed";
    }
    return "";
  }
  struct FontStatus {
    FallbackFonts fallback = FallbackFonts::unneeded;
    std::string error;                  // why the fallback fonts could not be had
    std::size_t missing = 0;            // needed characters no font can draw
  };
  void set_font_status(FontStatus status) { font_status_ = std::move(status); }
  const FontStatus& font_status() const { return font_status_; }

 private:
  ApplyResult exec(Command command, std::string_view coalesce_key = {});  // every change goes through here
  void run(ui::CommandSink& sink, double now);
  void change_preferences(const ui::SettingsChoice& choice, bool toggle_theme);
  void autosave(double now);
  void update_save_status();
  void handle_file_actions(const ui::ShellActions& actions, double now);
  void export_to(Id project, const std::string& path, ExportFormat format = ExportFormat::json);
  void save_view_file(const std::string& path);  // a view's download (report, decision log), on the desktop
  std::string today() const;  // in the display zone
  std::string display_zone() const;  // times are shown in it ("": UTC)

  AppOptions options_;
  const ui::FileToSave* saving_ = nullptr;  // the view's file the path dialog is saving
  ui::Fonts fonts_;
  ui::BarRenderer* bar_renderer_ = nullptr;
  ui::ShellState shell_;
  Workspace workspace_;
  IdSource ids_;
  CommandStack stack_;
  GlyphNeeds glyphs_;
  FontStatus font_status_;
  AutosavePolicy autosave_;
  bool storage_blocked_ = false;  // the stored data could not be read: never overwrite it
  bool save_in_flight_ = false;
  std::uint64_t in_flight_revision_ = 0;
  std::string last_save_error_;
  std::string load_notice_;
  std::string read_only_reason_;  // set when this copy must not save (another tab writes)
  std::string last_saved_at_;     // "14:03:12 UTC" (in the display zone)
  std::string followed_at_;       // a read-only copy last took the writer's save then
  ui::Theme system_theme_ = ui::Theme::Light;  // what "System" means here
  double load_ms_ = 0;            // reading the stored workspace at start
  std::size_t load_heap_bytes_ = 0;  // fresh memory that took (browser)
  bool histories_deferred_ = false;  // the last load left the histories for after the first frame
  double save_call_ms_ = 0;       // the last Storage::save call (encoding; on the desktop also the write)
  std::string save_status_;
  bool redraw_requested_ = false;
  static constexpr double kSavingShownAfterSeconds = 0.15;
  double status_frame_at_ = -1;  // a frame then shows that a save is still going; < 0: none
  std::array<double, 32> frame_ms_{};  // the last frames' times, a ring
  std::size_t frame_ms_next_ = 0;
  bool quit_requested_ = false;
};

}  // namespace cairn
