#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/file_actions.h"
#include "app/save_tracker.h"
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
  std::unique_ptr<store::Storage> storage;  // where the workspace lives; null: nowhere (tests)
  std::string author = "local";             // who makes this copy's changes
  FileHooks files;                          // downloads and the file picker, or paths
  // Opens a link (an MLflow or W&B run) in a new browser tab or the system's browser.
  std::function<void(const std::string& url)> open_url;
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
  // The wall clock (UTC) and the seed of new ids; tests fix both.
  std::function<Timestamp()> clock;  // empty: the system clock
  std::optional<std::uint64_t> id_seed;
};

// The fallback fonts that draw characters the embedded font lacks.
enum class FallbackFonts { unneeded, loading, ready, failed };
const char* fallback_fonts_name(FallbackFonts state);  // "unneeded", "loading", ...

// The application: owns the workspace, the command stack, the store and the
// UI state. One frame = input -> commands -> draw; saving follows the
// SaveTracker. Times passed in are seconds on a monotonic clock.
class App {
 public:
  explicit App(AppOptions options);

  // Fonts change when the display scale changes; the runner rebuilds them.
  void set_fonts(const ui::Fonts& fonts) { fonts_ = fonts; }
  // The GPU renderer of the timeline's bars (owned by the runner, which has
  // the GL context); without one the view draws its bars with ImDrawList.
  void set_bar_renderer(ui::BarRenderer* renderer) { bar_renderer_ = renderer; }

  // Builds the UI for one frame (between ImGui::NewFrame and ImGui::Render),
  // then does what it asked for: frame() = apply(draw()).
  void frame(std::uint64_t frames_drawn, double now) { apply(draw(frames_drawn), now); }
  ui::ShellActions draw(std::uint64_t frames_drawn);
  void apply(ui::ShellActions actions, double now);
  // Saves when due. Called by the runner outside of frames, so that the
  // browser's IndexedDB callbacks find the page idle instead of waiting
  // for a frame to be drawn (about 33 ms each with software WebGL).
  void save_if_due(double now);

  // Decodes, for up to `budget_ms`, the item histories the store left for
  // after the first frame (store::DeferredHistories); true while some are
  // left. A view that needs them sooner asks (ShellActions::wants_histories),
  // and a save settles them first.
  bool decode_deferred_histories(double budget_ms);

  // When the next autosave is due (< 0: nothing to save, or a save is in
  // flight: its outcome wakes the app). The runner wakes then, without a frame.
  double next_save_at() const { return save_.next_save_at(); }
  // When a frame should show that a save is still going (< 0: none).
  double status_frame_at() const { return status_frame_at_; }
  // True once after something changed that the last frame did not show yet
  // (a save finished while the frame was built): the runner draws again.
  bool take_redraw_request() { return std::exchange(redraw_requested_, false); }
  // Saves pending changes now (quitting, the page is being hidden).
  void save_now(double now);
  // An asynchronous store finished the save of `generation`.
  void save_finished(std::uint64_t generation, bool ok, const std::string& error, double now);

  // CPU time of a drawn frame (building the UI and issuing its GL calls), in
  // milliseconds; the automation state reports the last and the median.
  void frame_drawn_in(double ms) { frame_ms_[frame_ms_next_++ % frame_ms_.size()] = ms; }
  struct FrameTimes {
    double last = 0, median = 0, p90 = 0;
    std::size_t count = 0;
  };
  FrameTimes frame_times() const;

  // Re-applies the style; called after a theme change or a scale change.
  void apply_style() const;
  // The text size of the preferences (1 = 100 %): the runner rasterizes the
  // fonts at this size.
  float ui_scale() const { return options_.preferences.ui_scale; }
  const Preferences& preferences() const { return options_.preferences; }

  bool quit_requested() const { return quit_requested_; }
  ui::Theme theme() const { return options_.theme; }
  ImVec4 clear_color() const { return ui::background_color(options_.theme); }

  // Changes from outside the UI (the automation API, tests): each is one
  // undoable step, refused in a read-only copy.
  ApplyResult execute(Command command, double now);
  ApplyResult undo(double now);
  ApplyResult redo(double now);

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
  const CommandStack& commands() const { return stack_; }
  // Changes the views asked for that the model refused ("label: error"),
  // oldest first. A view describing an impossible change is a bug: tests
  // check this stays empty.
  const std::vector<std::string>& refused_commands() const { return refused_; }
  const SaveTracker& save_tracker() const { return save_; }
  // Another tab writes, or the stored data could not be read: no edits, no saves.
  bool read_only() const { return save_.read_only(); }
  // What the store says about itself (the settings view); none without one.
  std::optional<store::Storage::Usage> storage_usage() const;
  // How the last load went, and the last save call (measurements).
  struct LoadFacts {
    double load_ms = 0;               // reading the stored workspace at start
    std::size_t heap_grown_bytes = 0;  // fresh memory that took (browser)
    bool histories_deferred = false;  // the load left the histories for after the first frame
    double save_call_ms = 0;          // the last Storage::save call
  };
  const LoadFacts& load_facts() const { return load_; }
  // The UI's state between frames (navigation, open dialogs, the views'
  // states): the automation state summarizes it, tests drive it.
  const ui::ShellState& ui_state() const { return shell_; }
  ui::ShellState& ui_state() { return shell_; }

  // Characters of the workspace's text the embedded font lacks: the runner
  // merges them in from fallback fonts and reports back how that went.
  const GlyphNeeds& glyph_needs() const { return glyphs_; }
  struct FontStatus {
    FallbackFonts fallback = FallbackFonts::unneeded;
    std::string error;        // why the fallback fonts could not be had
    std::size_t missing = 0;  // needed characters no font can draw
  };
  void set_font_status(FontStatus status) { font_status_ = std::move(status); }
  const FontStatus& font_status() const { return font_status_; }

 private:
  void settle_histories();  // decodes every pending history now
  // Every change goes through these three; each tells the SaveTracker.
  ApplyResult exec(Command command, double now, std::string_view coalesce_key = {});
  void change_preferences(const ui::SettingsChoice& choice, bool toggle_theme);
  void autosave(double now);
  FileActions::Context file_context(double now);
  Timestamp utc_now() const;
  std::string today() const;         // in the display zone
  std::string display_zone() const;  // times are shown in it ("": UTC)

  AppOptions options_;
  FileActions files_;
  ui::Fonts fonts_;
  ui::BarRenderer* bar_renderer_ = nullptr;
  ui::ShellState shell_;
  Workspace workspace_;
  IdSource ids_;
  CommandStack stack_;
  GlyphNeeds glyphs_;
  FontStatus font_status_;
  SaveTracker save_;
  LoadFacts load_;
  ui::Theme system_theme_ = ui::Theme::Light;  // what "System" means here
  bool redraw_requested_ = false;
  static constexpr double kSavingShownAfterSeconds = 0.15;
  double status_frame_at_ = -1;  // a frame then shows that a save is still going; < 0: none
  std::array<double, 32> frame_ms_{};  // the last frames' times, a ring
  std::size_t frame_ms_next_ = 0;
  bool quit_requested_ = false;
  std::vector<std::string> refused_;
};

}  // namespace cairn
