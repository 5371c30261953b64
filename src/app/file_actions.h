#pragma once
#include <functional>
#include <string>
#include <string_view>

#include "core/command_stack.h"
#include "core/id.h"
#include "core/workspace.h"
#include "ui/shell.h"

namespace cairn {

// How files leave and enter the app. The browser gives both hooks (a
// download, its file picker); the desktop leaves them empty and asks for a
// path, starting in `export_folder`.
struct FileHooks {
  std::function<void(const std::string& name, const std::string& text)> download;
  std::function<void()> pick_file;
  std::string export_folder;
};

// Imports (Cairn JSON; Jira and Linear CSV and Trello boards through the
// import dialog), exports in every format, and the views' downloads. Each
// outcome is shown in the shell's notice, naming the file.
class FileActions {
 public:
  // What a file action reads and changes, for one call.
  struct Context {
    const Workspace& ws;
    IdSource& ids;
    ui::ShellState& shell;
    const std::string& read_only_reason;  // "": this copy takes edits
    std::string today;                    // for suggested file names (the display zone's date)
    std::function<ApplyResult(Command)> exec;  // runs a change (undoable)
  };

  explicit FileActions(FileHooks hooks) : hooks_(std::move(hooks)) {}
  bool files_by_path() const { return !hooks_.download; }
  const std::string& export_folder() const { return hooks_.export_folder; }

  // What the frame asked for: the file picker, an export or a view's
  // download, a path confirmed in the path dialog.
  void handle(const ui::ShellActions& actions, Context& ctx);
  // A file the user chose or dropped on the window, imported as one
  // undoable step. `error` set: the file could not be read at all.
  void import_file(Context& ctx, std::string_view name, std::string_view text, std::string_view error = {});
  // Desktop: reads and imports the file at `path`.
  void import_path(Context& ctx, const std::string& path);

 private:
  void export_to(Context& ctx, Id project, const std::string& path, ExportFormat format);
  void save_view_file(Context& ctx, const std::string& path);

  FileHooks hooks_;
  std::string saving_;  // the text of the view's file the path dialog is saving
};

}  // namespace cairn
