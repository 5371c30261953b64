#include "app/file_actions.h"

#include <chrono>

#include "core/export_formats.h"
#include "core/file_names.h"
#include "core/foreign_import.h"
#include "core/json_io.h"
#include "store/text_file.h"
#include "ui/view_registry.h"

namespace cairn {
namespace {

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

}  // namespace

void FileActions::handle(const ui::ShellActions& actions, Context& ctx) {
  ui::ShellState& shell = ctx.shell;
  if (actions.pick_import_file && hooks_.pick_file && ctx.read_only_reason.empty()) hooks_.pick_file();
  if (actions.download_export && hooks_.download) {
    const Project* project = ctx.ws.find<Project>(actions.export_project);
    const ExportText file = export_text(ctx.ws, project ? std::optional(project->id) : std::nullopt,
                                        actions.export_format, utc_now());
    if (file.ok)
      hooks_.download(export_file_name(actions.export_format, project ? std::string_view(project->name) : "", ctx.today),
                      file.text);
    else
      shell.notice.show("Export failed", file.error + " Nothing else changed.", true);
  }
  // A view's download (the status report's .md, the decision log's CSV and
  // Markdown): a download in the browser, a path on the desktop.
  for (const ui::ViewDef& view : ui::view_registry()) {
    ui::FileToSave* file = view.download ? view.download(shell.views) : nullptr;
    if (!file || !file->requested) continue;
    file->requested = false;
    if (hooks_.download) {
      hooks_.download(file->name, file->text);
    } else {
      saving_ = file->text;
      shell.path_dialog.open(ui::PathDialog::Mode::save_text, {}, "Save " + file->name,
                             hooks_.export_folder + "/" + file->name);
    }
  }
  if (!actions.path.confirmed) return;
  if (actions.path.mode == ui::PathDialog::Mode::save_text) save_view_file(ctx, actions.path.path);
  if (actions.path.mode == ui::PathDialog::Mode::import_file) import_path(ctx, actions.path.path);
  if (actions.path.mode == ui::PathDialog::Mode::export_file)
    export_to(ctx, actions.path.project, actions.path.path, actions.path.format);
}

void FileActions::export_to(Context& ctx, Id project_id, const std::string& typed_path, ExportFormat format) {
  const std::string path = store::resolve_user_path(typed_path, hooks_.export_folder).string();
  const Project* project = ctx.ws.find<Project>(project_id);
  const ExportText file = export_text(ctx.ws, project ? std::optional(project->id) : std::nullopt, format, utc_now());
  if (!file.ok) {
    ctx.shell.notice.show("Export failed", file.error + " Nothing else changed.", true);
    return;
  }
  const std::string error = store::write_text_file(path, file.text);
  if (error.empty())
    ctx.shell.notice.show("Exported",
                          (project ? "\xE2\x80\x9C" + project->name + "\xE2\x80\x9D" : std::string("The workspace")) +
                              " was written to " + path + ".",
                          false);
  else
    ctx.shell.notice.show("Export failed", sentence(error) + " Nothing else changed.", true);
}

void FileActions::save_view_file(Context& ctx, const std::string& typed_path) {
  const std::string path = store::resolve_user_path(typed_path, hooks_.export_folder).string();
  const std::string error = store::write_text_file(path, saving_);
  if (error.empty())
    ctx.shell.notice.show("Saved", "It was written to " + path + ".", false);
  else
    ctx.shell.notice.show("Save failed", sentence(error) + " Nothing else changed.", true);
}

void FileActions::import_path(Context& ctx, const std::string& typed_path) {
  const std::string path = store::resolve_user_path(typed_path, hooks_.export_folder).string();
  const store::TextFile file = store::read_text_file(path, kMaxJsonBytes);
  import_file(ctx, path, file.text, file.ok ? std::string_view() : std::string_view(file.error));
}

void FileActions::import_file(Context& ctx, std::string_view name, std::string_view text, std::string_view error) {
  ui::Notice& notice = ctx.shell.notice;
  const std::string file(base_name(name));  // a desktop path's folders would only crowd the notice
  if (!error.empty()) {
    notice.show("Import failed", sentence(error) + " Nothing was changed.", true);
    return;
  }
  if (!ctx.read_only_reason.empty()) {
    notice.show("Import failed", "This copy is read-only: " + ctx.read_only_reason, true);
    return;
  }
  if (is_foreign_file(name, text)) {
    // Jira/Linear CSV or a Trello board: previewed and mapped in the import dialog first.
    ForeignRead read = read_foreign_file(name, text);
    if (!read.ok)
      notice.show("Import failed", sentence(file + ": " + read.error) + " Nothing was changed.", true);
    else
      ctx.shell.import_dialog.open(std::move(read.source));
    return;
  }
  ImportPlan plan = plan_import(text, ctx.ws, ctx.ids);
  if (!plan.ok) {
    notice.show("Import failed", sentence(file + ": " + plan.error) + " Nothing was changed.", true);
    return;
  }
  const std::size_t projects = plan.projects;
  const std::size_t items = plan.items;
  plan.command.label = "Import " + file;
  const ApplyResult r = ctx.exec(std::move(plan.command));
  if (!r.ok) {
    notice.show("Import failed", sentence(file + ": " + r.error) + " Nothing was changed.", true);
    return;
  }
  std::string body = "Imported " + std::to_string(projects) + (projects == 1 ? " project" : " projects") + " (" +
                     std::to_string(items) + (items == 1 ? " item" : " items") + " in all) from " + file +
                     ". Undo with Ctrl+Z.";
  for (const std::string& warning : plan.warnings) body += "\n\xE2\x80\xA2 " + warning;
  notice.show("Imported", body, false);
}

}  // namespace cairn
