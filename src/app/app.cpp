#include "app/app.h"

#include <algorithm>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <chrono>
#include <utility>

#include "core/build_info.h"
#include "core/display_time.h"
#include "core/export_formats.h"
#include "core/file_names.h"
#include "core/foreign_import.h"
#include "core/json_io.h"
#include "store/text_file.h"

namespace cairn {
namespace {

double milliseconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// "reason" -> "reason." whether or not it already ends with a full stop.
std::string sentence(std::string_view text) {
  std::string s(text);
  while (!s.empty() && (s.back() == '.' || s.back() == ' ')) s.pop_back();
  return s + ".";
}

Timestamp utc_now() {
  using namespace std::chrono;
  return Timestamp{duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count()};
}

// {"ok":true} or {"ok":false,"error":"..."} plus optional extras.
std::string result_json(bool ok, const std::string& error, const std::vector<std::string>& warnings = {}) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  w.Key("ok");
  w.Bool(ok);
  if (!ok) {
    w.Key("error");
    w.String(error.c_str());
  }
  if (!warnings.empty()) {
    w.Key("warnings");
    w.StartArray();
    for (const std::string& warning : warnings) w.String(warning.c_str());
    w.EndArray();
  }
  w.EndObject();
  return buffer.GetString();
}

// The timeline as last drawn: zoom, rows, and the bars on screen with their
// places in CSS pixels, so a script (a browser test) can point at one.
void write_timeline_state(rapidjson::Writer<rapidjson::StringBuffer>& w, const ui::TimelineState& t, const char* renderer) {
  w.Key("timeline");
  w.StartObject();
  w.Key("zoom");
  w.String(zoom_name(t.zoom));
  w.Key("pxPerDay");
  w.Double(t.axis.px_per_day);
  w.Key("grouping");
  w.String(t.grouping == TimelineGrouping::order ? "order" : t.grouping == TimelineGrouping::stage ? "stage" : "assignee");
  w.Key("rows");
  w.Int(t.layout.rows);
  w.Key("bars");
  w.Uint64(t.layout.bars.size());
  w.Key("renderer");
  w.String(renderer);
  w.Key("rebuildMs");
  w.Double(t.rebuild_ms);
  w.Key("shown");
  w.StartArray();
  for (const ui::TimelineState::ShownBar& b : t.shown) {
    w.StartObject();
    w.Key("id");
    w.String(b.task.to_string().c_str());
    w.Key("x0");
    w.Double(b.x0);
    w.Key("x1");
    w.Double(b.x1);
    w.Key("y0");
    w.Double(b.y0);
    w.Key("y1");
    w.Double(b.y1);
    w.Key("start");  // the bar's first day and last day ("due"), as the task would store them
    w.String(format_date(Date{b.start}).c_str());
    w.Key("due");
    w.String(format_date(Date{b.end - 1}).c_str());
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

}  // namespace

App::App(AppOptions options)
    : options_(std::move(options)), stack_(workspace_, options_.author, utc_now), glyphs_(ui::embedded_glyph_ranges()) {
  // The theme the system (or the command line) asks for, and what the
  // person chose on this device: an explicit --theme wins, then the choice.
  system_theme_ = options_.theme;
  if (!options_.theme_from_command_line && options_.preferences.theme != ThemeChoice::system)
    options_.theme = options_.preferences.theme == ThemeChoice::dark ? ui::Theme::Dark : ui::Theme::Light;
  if (options_.storage) {
    const auto started = std::chrono::steady_clock::now();
    store::Storage::Loaded loaded = options_.storage->load();
    load_ms_ = milliseconds_since(started) + loaded.decoded_before_ms;
    load_heap_bytes_ = loaded.heap_grown_bytes;
    if (loaded.ok) {
      workspace_ = std::move(loaded.workspace);
      histories_deferred_ = workspace_.histories_pending();
      load_notice_ = loaded.notice;
    } else {
      // Keep what is stored for the user to rescue: never save over it.
      storage_blocked_ = true;
      last_save_error_ = loaded.error;
    }
  }
  if (!options_.read_only_reason.empty()) {
    storage_blocked_ = true;
    last_save_error_ = options_.read_only_reason;
  }
  glyphs_.scan_workspace(workspace_);
  autosave_.loaded(stack_.revision());
  update_save_status();
}

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

void App::frame(std::uint64_t frames_drawn, double now) {
  if (status_frame_at_ >= 0 && now >= status_frame_at_) status_frame_at_ = -1;  // this is that frame
  ui::ShellInfo info;
  info.version = version();
  info.platform = options_.platform;
  info.can_quit = options_.can_quit;
  info.theme = options_.theme;
  info.preferences = options_.preferences;
  info.revision = stack_.revision();
  info.frames = frames_drawn;
  info.fonts = &fonts_;
  info.bar_renderer = bar_renderer_;
  info.workspace = &workspace_;
  info.ids = &ids_;
  info.undo_label = stack_.undo_label();
  info.redo_label = stack_.redo_label();
  info.save_status = save_status_;
  info.save_failed = storage_blocked_ || !last_save_error_.empty();
  info.read_only = read_only();
  info.files_by_path = !options_.download;
  info.export_folder = options_.export_folder;
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
  info.storage = {usage.location, usage.persistence, save_status_, usage.used_bytes, usage.quota_bytes,
                  usage.generation};

  const std::string shown_status = save_status_;
  ui::ShellActions actions = ui::draw_shell(shell_, info);
  if (actions.quit) quit_requested_ = true;
  if (actions.busy) redraw_requested_ = true;  // e.g. the dashboard's forecast runs across frames
  change_preferences(actions.settings, actions.toggle_theme);
  run(actions.commands, now);
  handle_file_actions(actions, now);
  if (actions.undo && !read_only()) stack_.undo();
  if (actions.redo && !read_only()) stack_.redo();
  autosave_.observe(stack_.revision(), now);
  update_save_status();
  if (save_status_ != shown_status) redraw_requested_ = true;
}

bool App::decode_deferred_histories(double budget_ms) {
  const auto started = std::chrono::steady_clock::now();
  while (workspace_.histories_pending() && milliseconds_since(started) < budget_ms) workspace_.decode_pending_part();
  // Stored histories that turn out malformed are left out; say so once.
  if (const std::string& problem = workspace_.history_problem(); !problem.empty() && load_notice_.empty())
    load_notice_ = problem;
  return workspace_.histories_pending();
}

void App::save_if_due(double now) {
  const std::string shown_status = save_status_;
  autosave(now);
  if (save_status_ == shown_status) return;
  // A save just started: draw "Saving…" only if it is still going a moment
  // later; a quick one goes straight to "Saved" (its outcome wakes the app).
  if (save_in_flight_) status_frame_at_ = now + kSavingShownAfterSeconds;
  else redraw_requested_ = true;
}

ApplyResult App::exec(Command command, std::string_view coalesce_key) {
  glyphs_.scan_command(command);  // new text may need characters from a fallback font
  return stack_.exec(std::move(command), coalesce_key);
}

void App::run(ui::CommandSink& sink, double now) {
  if (read_only()) return;  // the status bar says why
  for (ui::PendingCommand& pending : sink.commands) exec(std::move(pending.command), pending.coalesce_key);
  if (sink.seal) stack_.seal();
  autosave_.observe(stack_.revision(), now);
}

void App::autosave(double now) {
  autosave_.observe(stack_.revision(), now);
  if (!options_.storage || storage_blocked_ || save_in_flight_ || !autosave_.due(now)) {
    update_save_status();
    return;
  }
  in_flight_revision_ = stack_.revision();
  const auto started = std::chrono::steady_clock::now();
  const store::Storage::Saved saved = options_.storage->save(workspace_);
  workspace_.forget_touched();  // the store has noted what changed (the browser's saves only that)
  save_call_ms_ = milliseconds_since(started);
  save_in_flight_ = true;
  if (!saved.pending) save_finished(saved.ok, saved.error, now);
  update_save_status();
}

void App::save_finished(bool ok, const std::string& error, double now) {
  if (!save_in_flight_) return;
  save_in_flight_ = false;
  status_frame_at_ = -1;  // the frame for the outcome shows the status
  if (ok) {
    autosave_.saved(in_flight_revision_);
    last_save_error_.clear();
    last_saved_at_ = format_shown_clock(utc_now(), display_zone(), options_.time_zones);
  } else {
    autosave_.failed(now);
    last_save_error_ = error;  // the data stays in memory; saving is retried
  }
  update_save_status();
  redraw_requested_ = true;
}

void App::save_now(double now) {
  autosave_.observe(stack_.revision(), now);
  autosave_.save_now(now);
  autosave(now);
}

void App::update_save_status() {
  if (storage_blocked_) {
    save_status_ = "Read-only: " + last_save_error_;
    if (!followed_at_.empty()) save_status_ += " Showing the other tab's save of " + followed_at_ + ".";
  } else if (!options_.storage) {
    save_status_ = "No storage";
  } else if (!options_.storage->persistent()) {
    save_status_ = "Kept in memory only: this build does not save in the browser yet";
  } else if (!last_save_error_.empty()) {
    save_status_ = "Save failed, retrying: " + last_save_error_;
  } else if (save_in_flight_) {
    save_status_ = "Saving\xE2\x80\xA6";
  } else if (autosave_.dirty()) {
    save_status_ = "Unsaved changes";
  } else if (!load_notice_.empty() && last_saved_at_.empty()) {
    save_status_ = "Recovered: " + load_notice_;
  } else {
    save_status_ = last_saved_at_.empty() ? "Saved" : "Saved " + last_saved_at_;
  }
}

std::string App::today() const { return format_date(shown_date(utc_now(), display_zone(), options_.time_zones)); }

std::string App::display_zone() const {
  return effective_display_zone(options_.preferences.display_zone, options_.device_zone);
}

void App::handle_file_actions(const ui::ShellActions& actions, double now) {
  if (actions.pick_import_file && options_.pick_file && !read_only()) options_.pick_file();
  if (!actions.open_url.empty() && options_.open_url) options_.open_url(actions.open_url);
  if (actions.download_export && options_.download) {
    const Project* project = workspace_.find<Project>(actions.export_project);
    const ExportText file = export_text(workspace_, project ? std::optional(project->id) : std::nullopt,
                                        actions.export_format, utc_now());
    if (file.ok)
      options_.download(export_file_name(actions.export_format, project ? std::string_view(project->name) : "", today()),
                        file.text);
    else
      shell_.notice.show("Export failed", file.error + " Nothing else changed.", true);
  }
  // A view's download (the status report's .md, the decision log's CSV and
  // Markdown): a download in the browser, a path on the desktop.
  for (ui::FileToSave* file : {&shell_.views.report.download, &shell_.views.decisions.download}) {
    if (!file->requested) continue;
    file->requested = false;
    if (options_.download) {
      options_.download(file->name, file->text);
    } else {
      saving_ = file;
      shell_.path_dialog.open(ui::PathDialog::Mode::save_text, {}, "Save " + file->name,
                              options_.export_folder + "/" + file->name);
    }
  }
  if (!actions.path.confirmed) return;
  if (actions.path.mode == ui::PathDialog::Mode::save_text) save_view_file(actions.path.path);
  if (actions.path.mode == ui::PathDialog::Mode::import_file) import_path(actions.path.path, now);
  if (actions.path.mode == ui::PathDialog::Mode::export_file)
    export_to(actions.path.project, actions.path.path, actions.path.format);
}

void App::export_to(Id project_id, const std::string& typed_path, ExportFormat format) {
  const std::string path = store::resolve_user_path(typed_path, options_.export_folder).string();
  const Project* project = workspace_.find<Project>(project_id);
  const ExportText file =
      export_text(workspace_, project ? std::optional(project->id) : std::nullopt, format, utc_now());
  if (!file.ok) {
    shell_.notice.show("Export failed", file.error + " Nothing else changed.", true);
    return;
  }
  const std::string error = store::write_text_file(path, file.text);
  if (error.empty())
    shell_.notice.show("Exported", (project ? "\xE2\x80\x9C" + project->name + "\xE2\x80\x9D" : std::string("The workspace")) +
                                       " was written to " + path + ".", false);
  else
    shell_.notice.show("Export failed", sentence(error) + " Nothing else changed.", true);
}

void App::save_view_file(const std::string& typed_path) {
  const std::string path = store::resolve_user_path(typed_path, options_.export_folder).string();
  const std::string error = store::write_text_file(path, saving_ ? saving_->text : shell_.views.report.download.text);
  if (error.empty())
    shell_.notice.show("Saved", "It was written to " + path + ".", false);
  else
    shell_.notice.show("Save failed", sentence(error) + " Nothing else changed.", true);
}

void App::import_path(const std::string& typed_path, double now) {
  const std::string path = store::resolve_user_path(typed_path, options_.export_folder).string();
  const store::TextFile file = store::read_text_file(path, kMaxJsonBytes);
  import_file(path, file.text, now, file.ok ? std::string_view() : std::string_view(file.error));
}

void App::import_file(std::string_view name, std::string_view text, double now, std::string_view error) {
  const std::string file(base_name(name));  // a desktop path's folders would only crowd the notice
  if (!error.empty()) {
    shell_.notice.show("Import failed", sentence(error) + " Nothing was changed.", true);
  } else if (read_only()) {
    shell_.notice.show("Import failed", "This copy is read-only: " + options_.read_only_reason, true);
  } else if (is_foreign_file(name, text)) {
    // Jira/Linear CSV or a Trello board: previewed and mapped in the import dialog first.
    ForeignRead read = read_foreign_file(name, text);
    if (!read.ok)
      shell_.notice.show("Import failed", sentence(file + ": " + read.error) + " Nothing was changed.", true);
    else
      shell_.import_dialog.open(std::move(read.source));
  } else {
    ImportPlan plan = plan_import(text, workspace_, ids_);
    if (!plan.ok) {
      shell_.notice.show("Import failed", sentence(file + ": " + plan.error) + " Nothing was changed.", true);
    } else {
      const std::size_t projects = plan.projects;
      const std::size_t items = plan.items;
      plan.command.label = "Import " + file;
      const ApplyResult r = exec(std::move(plan.command));
      autosave_.observe(stack_.revision(), now);
      if (!r.ok) {
        shell_.notice.show("Import failed", sentence(file + ": " + r.error) + " Nothing was changed.", true);
      } else {
        std::string body = "Imported " + std::to_string(projects) + (projects == 1 ? " project" : " projects") + " (" +
                           std::to_string(items) + (items == 1 ? " item" : " items") + " in all) from " + file +
                           ". Undo with Ctrl+Z.";
        for (const std::string& warning : plan.warnings) body += "\n\xE2\x80\xA2 " + warning;
        shell_.notice.show("Imported", body, false);
      }
    }
  }
  redraw_requested_ = true;
}

void App::reload_from_storage() {
  if (!options_.storage || !read_only()) return;  // only copies that never write follow the store
  store::Storage::Loaded loaded = options_.storage->load();
  if (!loaded.ok) return;  // keep showing what we have; the writer's next save will be read again
  workspace_ = std::move(loaded.workspace);
  histories_deferred_ = workspace_.histories_pending();
  glyphs_.scan_workspace(workspace_);
  stack_.forget();
  autosave_.loaded(stack_.revision());
  load_notice_ = loaded.notice;
  followed_at_ = format_shown_clock(utc_now(), display_zone(), options_.time_zones);
  update_save_status();
  redraw_requested_ = true;
}

std::string App::exec_json(std::string_view command_json, double now) {
  if (read_only()) return result_json(false, "read-only: " + options_.read_only_reason);
  ParsedCommand parsed = parse_command_json(command_json, ids_);
  if (!parsed.ok) return result_json(false, parsed.error);
  std::vector<Id> created;
  for (const Operation& op : parsed.command.ops)
    if (const auto* create = std::get_if<CreateItem>(&op)) created.push_back(create->id);
  const ApplyResult r = exec(std::move(parsed.command));
  autosave_.observe(stack_.revision(), now);
  if (!r.ok) return result_json(false, r.error);
  // Report the ids the command created, so scripts can refer to them.
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  w.Key("ok");
  w.Bool(true);
  w.Key("created");
  w.StartArray();
  for (const Id id : created) w.String(id.to_string().c_str());
  w.EndArray();
  w.EndObject();
  return buffer.GetString();
}

std::string App::state_json() const {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  w.Key("projects");
  w.StartArray();
  for (const auto& [id, project] : workspace_.all<Project>()) {
    w.StartObject();
    w.Key("id");
    w.String(id.to_string().c_str());
    w.Key("name");
    w.String(project.name.c_str());
    w.EndObject();
  }
  w.EndArray();
  w.Key("counts");
  w.StartObject();
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    ((w.Key(std::tuple_element_t<I, ItemTypes>::kKind.data()),
      w.Uint64(workspace_.all<std::tuple_element_t<I, ItemTypes>>().size())),
     ...);
  }(std::make_index_sequence<kItemKindCount>{});
  w.EndObject();
  w.Key("revision");
  w.Uint64(stack_.revision());
  w.Key("undo");
  w.String(std::string(stack_.undo_label()).c_str());
  w.Key("redo");
  w.String(std::string(stack_.redo_label()).c_str());
  w.Key("save");
  w.StartObject();
  w.Key("status");
  w.String(save_status_.c_str());
  w.Key("dirty");
  w.Bool(autosave_.dirty());
  w.Key("persistent");
  w.Bool(options_.storage && options_.storage->persistent());
  w.Key("error");
  w.String(last_save_error_.c_str());
  w.Key("readOnly");
  w.Bool(read_only());
  w.Key("notice");
  w.String(load_notice_.c_str());
  w.Key("loadMs");
  w.Double(load_ms_);
  w.Key("loadHeapBytes");  // fresh heap the load took (browser; 0 on the desktop)
  w.Uint64(load_heap_bytes_);
  w.Key("historiesDeferred");  // the load left the stored histories for after the first frame
  w.Bool(histories_deferred_);
  w.Key("historiesPending");  // stored histories not decoded yet (after the first frame)
  w.Bool(workspace_.histories_pending());
  w.Key("historyChanges");  // recorded changes of all items; null while pending (counting would decode them)
  if (workspace_.histories_pending()) {
    w.Null();
  } else {
    std::size_t changes = 0;
    for (const auto& [id, log] : workspace_.histories()) changes += log.size();
    w.Uint64(changes);
  }
  w.Key("saveCallMs");
  w.Double(save_call_ms_);
  w.EndObject();
  if (options_.storage) {
    const store::Storage::Usage usage = options_.storage->usage();
    w.Key("storage");
    w.StartObject();
    w.Key("location");
    w.String(usage.location.c_str());
    w.Key("persistence");
    w.String(usage.persistence.c_str());
    w.Key("usedBytes");
    w.Int64(usage.used_bytes);
    w.Key("quotaBytes");
    w.Int64(usage.quota_bytes);
    w.Key("generation");
    w.Uint64(usage.generation);
    w.EndObject();
  }
  // This device's preferences and the theme in effect.
  const std::string preferences = preferences_to_json(options_.preferences);
  w.Key("preferences");
  w.RawValue(preferences.c_str(), preferences.size(), rapidjson::kObjectType);
  w.Key("theme");
  w.String(options_.theme == ui::Theme::Dark ? "dark" : "light");
  // Where the user is (for scripts and tests that drive the UI by hand).
  w.Key("ui");
  w.StartObject();
  w.Key("project");
  w.String(shell_.nav.project.nil() ? "" : shell_.nav.project.to_string().c_str());
  w.Key("view");
  w.String(shell_.nav.project.nil() ? "home" : ui::view_title(shell_.nav.view));
  w.Key("openTask");
  w.String(shell_.nav.open_task.nil() ? "" : shell_.nav.open_task.to_string().c_str());
  w.Key("palette");
  w.Bool(shell_.palette.open);
  write_timeline_state(w, shell_.views.timeline, bar_renderer_ ? bar_renderer_->name() : "draw list");
  w.Key("checkins");  // the check-ins view's rows as last drawn
  w.StartArray();
  for (const ui::CheckinsState::ShownRow& row : shell_.views.checkins.shown) {
    w.StartObject();
    w.Key("person");
    w.String(row.person.c_str());
    w.Key("timeZone");
    w.String(row.time_zone.c_str());
    w.Key("deadline");
    w.String(row.deadline.c_str());
    w.Key("status");
    w.String(row.status.c_str());
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  // Recent frame times (CPU: UI built and GL calls issued), for measurements.
  {
    const std::size_t n = std::min(frame_ms_next_, frame_ms_.size());
    std::vector<double> recent(frame_ms_.begin(), frame_ms_.begin() + static_cast<std::ptrdiff_t>(n));
    std::sort(recent.begin(), recent.end());
    w.Key("frameMs");
    w.StartObject();
    w.Key("last");
    w.Double(frame_ms_next_ ? frame_ms_[(frame_ms_next_ - 1) % frame_ms_.size()] : 0.0);
    w.Key("median");
    w.Double(n ? recent[n / 2] : 0.0);
    w.Key("p90");
    w.Double(n ? recent[std::min(n - 1, n * 9 / 10)] : 0.0);
    w.Key("count");
    w.Uint64(n);
    w.EndObject();
  }
  // Characters beyond the embedded font: how many, and whether the fallback
  // fonts that draw them arrived.
  w.Key("glyphs");
  w.StartObject();
  w.Key("needed");
  w.Uint64(glyphs_.needed().size());
  w.Key("missing");
  w.Uint64(font_status_.missing);
  w.Key("fallback");
  w.String(name_of(font_status_.fallback));
  w.Key("error");
  w.String(font_status_.error.c_str());
  w.EndObject();
  // The last import/export outcome shown to the user.
  w.Key("notice");
  w.StartObject();
  w.Key("title");
  w.String(shell_.notice.title.c_str());
  w.Key("body");
  w.String(shell_.notice.body.c_str());
  w.Key("error");
  w.Bool(shell_.notice.error);
  w.Key("open");
  w.Bool(shell_.notice.visible || shell_.notice.open_requested);
  w.EndObject();
  // The import dialog of a Jira/Linear CSV or Trello board, while it is open.
  const ui::ImportDialogState& import = shell_.import_dialog;
  w.Key("importDialog");
  w.StartObject();
  w.Key("open");
  w.Bool(import.visible || import.open_requested);
  w.Key("tool");
  w.String(import.source.file_name.empty() ? "" : std::string(tool_name(import.source.tool)).c_str());
  w.Key("tasks");
  w.Uint64(import.plan.tasks.size());
  w.Key("skipped");
  w.Uint64(import.plan.skipped.size());
  w.EndObject();
  w.EndObject();
  return buffer.GetString();
}

std::string App::export_json(std::string_view project_id) const {
  if (project_id.empty()) return cairn::export_json(workspace_);
  const auto id = Id::parse(project_id);
  if (!id || !workspace_.find<Project>(*id)) return {};
  return cairn::export_json(workspace_, *id);
}

std::string App::import_json(std::string_view text, double now) {
  if (read_only()) return result_json(false, "read-only: " + options_.read_only_reason);
  ImportPlan plan = plan_import(text, workspace_, ids_);
  if (!plan.ok) return result_json(false, plan.error);
  const ApplyResult r = exec(std::move(plan.command));
  autosave_.observe(stack_.revision(), now);
  return result_json(r.ok, r.error, plan.warnings);
}

}  // namespace cairn
