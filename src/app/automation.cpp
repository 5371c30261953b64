// The automation API (window.cairn in the browser): commands and imports as
// JSON in, the app's state as JSON out. The state is written from what the
// App, the model and the UI summary expose, never from a view's internals.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <utility>

#include "app/app.h"
#include "core/display_time.h"
#include "core/json_io.h"
#include "ui/ui_summary.h"

namespace cairn {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// {"ok":true} or {"ok":false,"error":"..."} plus optional warnings.
std::string result_json(bool ok, const std::string& error, const std::vector<std::string>& warnings = {}) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
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

void write_save(JsonWriter& w, const App& app) {
  const SaveTracker& save = app.save_tracker();
  const Workspace& ws = app.workspace();
  const App::LoadFacts& load = app.load_facts();
  w.Key("save");
  w.StartObject();
  w.Key("status");
  w.String(save.status().c_str());
  w.Key("dirty");
  w.Bool(save.dirty());
  w.Key("persistent");
  w.Bool(save.persistent());
  w.Key("error");
  w.String(save.error().c_str());
  w.Key("readOnly");
  w.Bool(save.read_only());
  w.Key("notice");
  w.String(save.notice().c_str());
  w.Key("loadMs");
  w.Double(load.load_ms);
  w.Key("loadHeapBytes");  // fresh heap the load took (browser; 0 on the desktop)
  w.Uint64(load.heap_grown_bytes);
  w.Key("historiesDeferred");  // the load left the stored histories for after the first frame
  w.Bool(load.histories_deferred);
  w.Key("historiesPending");  // stored histories not decoded yet (after the first frame)
  w.Bool(ws.histories_pending());
  w.Key("historyChanges");  // recorded changes of all items; null while pending (counting would decode them)
  if (ws.histories_pending()) {
    w.Null();
  } else {
    std::size_t changes = 0;
    for (const auto& [id, log] : ws.histories()) changes += log.size();
    w.Uint64(changes);
  }
  w.Key("saveCallMs");
  w.Double(load.save_call_ms);
  w.EndObject();
  if (const auto usage = app.storage_usage()) {
    w.Key("storage");
    w.StartObject();
    w.Key("location");
    w.String(usage->location.c_str());
    w.Key("persistence");
    w.String(usage->persistence.c_str());
    w.Key("usedBytes");
    w.Int64(usage->used_bytes);
    w.Key("quotaBytes");
    w.Int64(usage->quota_bytes);
    w.Key("generation");
    w.Uint64(usage->generation);
    w.EndObject();
  }
}

// Where the user is and what the views last drew (for scripts and tests
// that drive the UI by hand).
void write_ui(JsonWriter& w, const ui::UiSummary& ui, const char* renderer) {
  w.Key("ui");
  w.StartObject();
  w.Key("project");
  w.String(ui.project.c_str());
  w.Key("view");
  w.String(ui.view.c_str());
  w.Key("openTask");
  w.String(ui.open_task.c_str());
  w.Key("palette");
  w.Bool(ui.palette_open);
  // The timeline: zoom, rows, and the bars on screen with their places in
  // CSS pixels, so a script (a browser test) can point at one.
  const ui::UiSummary::Timeline& t = ui.timeline;
  w.Key("timeline");
  w.StartObject();
  w.Key("zoom");
  w.String(t.zoom.c_str());
  w.Key("pxPerDay");
  w.Double(t.px_per_day);
  w.Key("grouping");
  w.String(t.grouping.c_str());
  w.Key("rows");
  w.Int(t.rows);
  w.Key("bars");
  w.Uint64(t.bars);
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
  w.Key("checkins");  // the check-ins view's rows as last drawn
  w.StartArray();
  for (const ui::CheckinsState::ShownRow& row : ui.checkins) {
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
}

}  // namespace

std::string App::state_json() const {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
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
  write_save(w, *this);
  // This device's preferences and the theme in effect.
  const std::string preferences = preferences_to_json(options_.preferences);
  w.Key("preferences");
  w.RawValue(preferences.c_str(), preferences.size(), rapidjson::kObjectType);
  w.Key("theme");
  w.String(options_.theme == ui::Theme::Dark ? "dark" : "light");
  const ui::UiSummary ui = ui::summarize(shell_);
  write_ui(w, ui, bar_renderer_ ? bar_renderer_->name() : "draw list");
  // Recent frame times (CPU: UI built and GL calls issued), for measurements.
  const FrameTimes times = frame_times();
  w.Key("frameMs");
  w.StartObject();
  w.Key("last");
  w.Double(times.last);
  w.Key("median");
  w.Double(times.median);
  w.Key("p90");
  w.Double(times.p90);
  w.Key("count");
  w.Uint64(times.count);
  w.EndObject();
  // Characters beyond the embedded font: how many, and whether the fallback
  // fonts that draw them arrived.
  w.Key("glyphs");
  w.StartObject();
  w.Key("needed");
  w.Uint64(glyphs_.needed().size());
  w.Key("missing");
  w.Uint64(font_status_.missing);
  w.Key("fallback");
  w.String(fallback_fonts_name(font_status_.fallback));
  w.Key("error");
  w.String(font_status_.error.c_str());
  w.EndObject();
  // The last import/export outcome shown to the user.
  w.Key("notice");
  w.StartObject();
  w.Key("title");
  w.String(ui.notice.title.c_str());
  w.Key("body");
  w.String(ui.notice.body.c_str());
  w.Key("error");
  w.Bool(ui.notice.error);
  w.Key("open");
  w.Bool(ui.notice.open);
  w.EndObject();
  // The import dialog of a Jira/Linear CSV or Trello board, while it is open.
  w.Key("importDialog");
  w.StartObject();
  w.Key("open");
  w.Bool(ui.import_dialog.open);
  w.Key("tool");
  w.String(ui.import_dialog.tool.c_str());
  w.Key("tasks");
  w.Uint64(ui.import_dialog.tasks);
  w.Key("skipped");
  w.Uint64(ui.import_dialog.skipped);
  w.EndObject();
  w.EndObject();
  return buffer.GetString();
}

std::string App::exec_json(std::string_view command_json, double now) {
  if (read_only()) return result_json(false, "read-only: " + save_.read_only_reason());
  ParsedCommand parsed = parse_command_json(command_json, ids_);
  if (!parsed.ok) return result_json(false, parsed.error);
  std::vector<Id> created;
  for (const Operation& op : parsed.command.ops)
    if (const auto* create = std::get_if<CreateItem>(&op)) created.push_back(create->id);
  const ApplyResult r = exec(std::move(parsed.command), now);
  if (!r.ok) return result_json(false, r.error);
  // Report the ids the command created, so scripts can refer to them.
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
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

std::string App::import_json(std::string_view text, double now) {
  if (read_only()) return result_json(false, "read-only: " + save_.read_only_reason());
  ImportPlan plan = plan_import(text, workspace_, ids_);
  if (!plan.ok) return result_json(false, plan.error);
  const ApplyResult r = exec(std::move(plan.command), now);
  return result_json(r.ok, r.error, plan.warnings);
}

}  // namespace cairn
