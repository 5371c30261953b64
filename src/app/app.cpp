#include "app/app.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <limits>
#include <utility>

#include "core/build_info.h"
#include "core/display_time.h"
#include "core/json_io.h"

namespace cairn {
namespace {

double milliseconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

Timestamp system_now() {
  using namespace std::chrono;
  return Timestamp{duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count()};
}

ApplyResult refused(std::string error) {
  ApplyResult r;
  r.error = std::move(error);
  return r;
}

SaveTracker::Storage storage_kind(const store::Storage* storage) {
  if (!storage) return SaveTracker::Storage::none;
  return storage->persistent() ? SaveTracker::Storage::persistent : SaveTracker::Storage::memory_only;
}

}  // namespace

const char* fallback_fonts_name(FallbackFonts state) {
  switch (state) {
    case FallbackFonts::unneeded: return "unneeded";
    case FallbackFonts::loading: return "loading";
    case FallbackFonts::ready: return "ready";
    case FallbackFonts::failed: return "failed";
  }
  return "";
}

App::App(AppOptions options)
    : options_(std::move(options)),
      files_(options_.files),
      ids_(options_.id_seed ? IdSource(*options_.id_seed) : IdSource()),
      stack_(workspace_, options_.author, [this] { return utc_now(); }),
      glyphs_(ui::embedded_glyph_ranges()),
      save_(storage_kind(options_.storage.get())) {
  // The theme the system (or the command line) asks for, and what the
  // person chose on this device: an explicit --theme wins, then the choice.
  system_theme_ = options_.theme;
  if (!options_.theme_from_command_line && options_.preferences.theme != ThemeChoice::system)
    options_.theme = options_.preferences.theme == ThemeChoice::dark ? ui::Theme::Dark : ui::Theme::Light;
  std::string notice;
  if (options_.storage) {
    // Another tab writes: what it stores is shown, never saved over.
    if (std::string reason = options_.storage->read_only_reason(); !reason.empty()) save_.make_read_only(std::move(reason));
    const auto started = std::chrono::steady_clock::now();
    store::Storage::Loaded loaded = options_.storage->load();
    load_.load_ms = milliseconds_since(started) + loaded.decoded_before_ms;
    load_.heap_grown_bytes = loaded.heap_grown_bytes;
    if (loaded.ok) {
      workspace_ = std::move(loaded.workspace);
      load_.histories_deferred = workspace_.histories_pending();
      notice = std::move(loaded.notice);
    } else {
      save_.make_read_only(loaded.error);  // keep what is stored for the user to rescue: never save over it
    }
  }
  glyphs_.scan_workspace(workspace_);
  save_.loaded(stack_.revision(), std::move(notice));
}

Timestamp App::utc_now() const { return options_.clock ? options_.clock() : system_now(); }

void App::apply_style() const { ui::apply_theme(options_.theme, ImGui::GetStyle(), ui_scale()); }

// A theme or text size picked in the settings, the View menu or by shortcut:
// applied now, kept for the next start on this device.
void App::change_preferences(const ui::SettingsChoice& choice, bool toggle_theme) {
  Preferences& p = options_.preferences;
  const Preferences before = p;
  if (toggle_theme) p.theme = options_.theme == ui::Theme::Dark ? ThemeChoice::light : ThemeChoice::dark;
  p = ui::with_choice(p, choice);
  if (p == before) return;
  if (p.theme != ThemeChoice::system) options_.theme = p.theme == ThemeChoice::dark ? ui::Theme::Dark : ui::Theme::Light;
  else options_.theme = system_theme_;
  apply_style();
  redraw_requested_ = true;  // the runner rebuilds the fonts for a new size before the next frame
  if (options_.save_preferences) options_.save_preferences(preferences_to_json(p));
}

ui::ShellActions App::draw(std::uint64_t frames_drawn) {
  ui::ShellInfo info;
  info.version = version();
  info.platform = options_.platform;
  info.can_quit = options_.can_quit;
  info.theme = options_.theme;
  info.preferences = options_.preferences;
  info.revision = stack_.revision();
  info.frames = frames_drawn;
  const FrameTimes times = frame_times();
  info.frame_ms_last = times.last;
  info.frame_ms_median = times.median;
  info.fonts = &fonts_;
  info.bar_renderer = bar_renderer_;
  info.workspace = &workspace_;
  info.ids = &ids_;
  info.undo_label = stack_.undo_label();
  info.redo_label = stack_.redo_label();
  const std::string status = save_.status();
  info.save_status = status;
  info.save_failed = save_.failed();
  info.read_only = read_only();
  info.files_by_path = files_.files_by_path();
  info.export_folder = files_.export_folder();
  const std::string date = today();
  info.today = date;
  info.today_date = parse_date(date).value_or(Date{});
  info.now = utc_now();
  info.time_zones = &options_.time_zones;
  const std::string zone = display_zone();
  info.display_zone = zone;
  info.device_zone = options_.device_zone;
  store::Storage::Usage usage;
  if (shell_.show_settings && options_.storage) usage = options_.storage->usage();
  info.storage = {usage.location, usage.persistence, status, usage.used_bytes, usage.quota_bytes, usage.generation};
  return ui::draw_shell(shell_, info);
}

void App::apply(ui::ShellActions actions, double now) {
  if (status_frame_at_ >= 0 && now >= status_frame_at_) status_frame_at_ = -1;  // this was that frame
  const std::string shown_status = save_.status();
  if (actions.quit) quit_requested_ = true;
  if (actions.busy) redraw_requested_ = true;  // e.g. the dashboard's forecast runs across frames
  if (actions.wants_histories) {
    settle_histories();
    redraw_requested_ = true;
  }
  change_preferences(actions.settings, actions.toggle_theme);
  for (ui::PendingCommand& pending : actions.commands.commands) {
    std::string label = pending.command.label;
    const ApplyResult r = exec(std::move(pending.command), now, pending.coalesce_key);
    if (!r.ok && !read_only()) {
      std::fprintf(stderr, "cairn: a change was refused: %s: %s\n", label.c_str(), r.error.c_str());
      refused_.push_back(std::move(label) + ": " + r.error);
    }
  }
  if (actions.commands.seal) stack_.seal();
  if (!actions.open_url.empty() && options_.open_url) options_.open_url(actions.open_url);
  FileActions::Context files = file_context(now);
  files_.handle(actions, files);
  if (actions.undo) undo(now);
  if (actions.redo) redo(now);
  if (save_.status() != shown_status) redraw_requested_ = true;
}

ApplyResult App::exec(Command command, double now, std::string_view coalesce_key) {
  if (read_only()) return refused("read-only: " + save_.read_only_reason());  // the status bar says why
  glyphs_.scan_command(command);  // new text may need characters from a fallback font
  const ApplyResult r = stack_.exec(std::move(command), coalesce_key);
  save_.changed(stack_.revision(), now);
  return r;
}

ApplyResult App::execute(Command command, double now) { return exec(std::move(command), now); }

ApplyResult App::undo(double now) {
  if (read_only()) return refused("read-only: " + save_.read_only_reason());
  const ApplyResult r = stack_.undo();
  save_.changed(stack_.revision(), now);
  return r;
}

ApplyResult App::redo(double now) {
  if (read_only()) return refused("read-only: " + save_.read_only_reason());
  const ApplyResult r = stack_.redo();
  save_.changed(stack_.revision(), now);
  return r;
}

FileActions::Context App::file_context(double now) {
  return {workspace_, ids_, shell_, save_.read_only_reason(), today(),
          [this, now](Command command) { return exec(std::move(command), now); }};
}

bool App::decode_deferred_histories(double budget_ms) {
  if (!workspace_.histories_pending()) return false;
  const auto started = std::chrono::steady_clock::now();
  while (workspace_.histories_pending() && milliseconds_since(started) < budget_ms) workspace_.decode_pending_part();
  // Stored histories that turn out malformed are left out; say so once.
  if (const std::string& problem = workspace_.history_problem(); !problem.empty()) save_.add_notice(problem);
  return workspace_.histories_pending();
}

void App::settle_histories() {
  decode_deferred_histories(std::numeric_limits<double>::infinity());
}

void App::save_if_due(double now) {
  const std::string shown_status = save_.status();
  autosave(now);
  if (save_.status() == shown_status) return;
  // A save just started: draw "Saving…" only if it is still going a moment
  // later; a quick one goes straight to "Saved" (its outcome wakes the app).
  if (save_.in_flight()) status_frame_at_ = now + kSavingShownAfterSeconds;
  else redraw_requested_ = true;
}

void App::autosave(double now) {
  if (!save_.due(now)) return;
  save_.started(stack_.revision());
  settle_histories();  // the chunks rewritten hold whole histories
  const auto started = std::chrono::steady_clock::now();
  const store::Storage::Saved saved = options_.storage->save(workspace_);
  load_.save_call_ms = milliseconds_since(started);
  if (!saved.pending) save_finished(saved.generation, saved.ok, saved.error, now);
}

void App::save_finished(std::uint64_t generation, bool ok, const std::string& error, double now) {
  if (!save_.in_flight()) return;
  if (options_.storage) options_.storage->save_finished(generation, ok);
  status_frame_at_ = -1;  // the frame for the outcome shows the status
  save_.finished(ok, error, now, format_shown_clock(utc_now(), display_zone(), options_.time_zones));
  redraw_requested_ = true;
}

void App::save_now(double now) {
  save_.save_now(now);
  autosave(now);
}

std::string App::today() const { return format_date(shown_date(utc_now(), display_zone(), options_.time_zones)); }

std::string App::display_zone() const {
  return effective_display_zone(options_.preferences.display_zone, options_.device_zone);
}

std::optional<store::Storage::Usage> App::storage_usage() const {
  if (!options_.storage) return std::nullopt;
  return options_.storage->usage();
}

App::FrameTimes App::frame_times() const {
  FrameTimes t;
  t.count = std::min(frame_ms_next_, frame_ms_.size());
  if (t.count == 0) return t;
  std::array<double, 32> recent = frame_ms_;
  std::sort(recent.begin(), recent.begin() + static_cast<std::ptrdiff_t>(t.count));
  t.last = frame_ms_[(frame_ms_next_ - 1) % frame_ms_.size()];
  t.median = recent[t.count / 2];
  t.p90 = recent[std::min(t.count - 1, t.count * 9 / 10)];
  return t;
}

void App::import_path(const std::string& path, double now) {
  FileActions::Context files = file_context(now);
  files_.import_path(files, path);
  redraw_requested_ = true;
}

void App::import_file(std::string_view name, std::string_view text, double now, std::string_view error) {
  FileActions::Context files = file_context(now);
  files_.import_file(files, name, text, error);
  redraw_requested_ = true;
}

void App::reload_from_storage() {
  if (!options_.storage || !read_only()) return;  // only copies that never write follow the store
  store::Storage::Loaded loaded = options_.storage->load();
  if (!loaded.ok) return;  // keep showing what we have; the writer's next save will be read again
  workspace_ = std::move(loaded.workspace);
  load_.histories_deferred = workspace_.histories_pending();
  glyphs_.scan_workspace(workspace_);
  stack_.forget();
  save_.followed(stack_.revision(), std::move(loaded.notice),
                 format_shown_clock(utc_now(), display_zone(), options_.time_zones));
  redraw_requested_ = true;
}

std::string App::export_json(std::string_view project_id) const {
  if (project_id.empty()) return cairn::export_json(workspace_);
  const auto id = Id::parse(project_id);
  if (!id || !workspace_.find<Project>(*id)) return {};
  return cairn::export_json(workspace_, *id);
}

}  // namespace cairn
