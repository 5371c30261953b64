#pragma once
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/commands.h"
#include "core/csv_reader.h"
#include "core/workspace.h"

namespace cairn {

// Importing issue lists from other tools: Jira's and Linear's CSV exports and
// Trello's JSON board export become Cairn tasks. Three steps, so the user
// sees everything before anything is written (docs/import.md):
//   1. read_foreign_file: the file as a table of named columns (Trello's
//      cards are turned into one), the tool recognised from the header or
//      the JSON keys. Bad files stop here with a message naming the problem.
//   2. default_mapping: which column feeds which Cairn field, from each
//      tool's documented export layout; the user may change it.
//   3. plan_foreign_import: the preview (every task with its mapped fields,
//      every skipped row or value with the reason) and the ONE command that
//      creates it all, so one undo removes the whole import.

enum class ForeignTool { jira, linear, trello, csv };  // csv: a CSV from anything else
std::string_view tool_name(ForeignTool tool);  // "Jira", "Linear", "Trello", "CSV"

// The Cairn fields a column can feed. List fields (labels, links) read every
// column with the chosen column's name (Jira repeats "Labels") and split
// each value at commas (Linear writes "Bug, Frontend").
enum class ImportField {
  title, key, alt_id, description, status, assignee, estimate, time_spent, labels, priority, type, sprint,
  start, due, parent, blocks, blocked_by
};
inline constexpr std::size_t kImportFieldCount = 17;
std::string_view import_field_label(ImportField field);  // "Title", "Blocked by", ...
bool import_field_is_list(ImportField field);

// What the numbers in the estimate column mean (docs/import.md, "Estimates").
enum class EstimateUnit { seconds, hours, days, points };
std::string_view estimate_unit_label(EstimateUnit unit);

struct ForeignSource {
  ForeignTool tool = ForeignTool::csv;
  std::string file_name;
  std::string board_name;  // Trello's board name; "" for CSV
  CsvTable table;          // Trello: one row per card, columns named like its JSON keys
  // Trello only: each card's checklist entries (text, done), row by row.
  std::vector<std::vector<std::pair<std::string, bool>>> checklists;
  std::vector<std::string> notes;  // read-time remarks (e.g. archived cards left out)
};

struct ForeignRead {
  bool ok = false;
  std::string error;  // names the problem: encoding, broken JSON, size, missing title column
  ForeignSource source;
};

// True for files this module reads (a .csv name, or text that is not JSON,
// or JSON with Trello's "cards" and "lists"); false for Cairn's own JSON,
// which json_io.h imports.
bool is_foreign_file(std::string_view name, std::string_view text);

ForeignRead read_foreign_file(std::string_view name, std::string_view text, const CsvLimits& limits = {});

// Column index per field; -1: the field is not read.
struct ColumnMapping {
  std::array<int, kImportFieldCount> column;
  ColumnMapping() { column.fill(-1); }
  int& operator[](ImportField f) { return column[static_cast<std::size_t>(f)]; }
  int operator[](ImportField f) const { return column[static_cast<std::size_t>(f)]; }
};

struct ForeignImportOptions {
  ColumnMapping mapping;
  EstimateUnit estimate_unit = EstimateUnit::days;
  double hours_per_day = 8.0;    // seconds and hours become days at this rate
  double days_per_point = 0.0;   // points: 0 keeps them as a tag "points:3"
  Id project;                    // the target project; nil: a new one named new_project_name
  std::string new_project_name;
};

// The mapping each tool's export layout implies, with the estimate unit
// (Jira: seconds; Linear: points; otherwise days). Columns are matched by
// name, ignoring case.
ForeignImportOptions default_options(const ForeignSource& source);

struct PreviewTask {
  std::size_t row = 0;   // index into source.table.rows
  std::size_t line = 0;  // the line of the file it came from
  std::string key;       // "ENG-12", for links
  std::string title, description, assignee;
  TaskStatus status = TaskStatus::backlog;
  std::string status_text;  // as the file says it
  std::optional<double> likely_days, actual_days;
  std::optional<Date> start, due;
  StringList tags;
  std::size_t checklist_items = 0;
  std::vector<std::string> blocked_by;  // keys of the imported tasks this one waits for
};

struct ForeignPlan {
  bool ok = false;
  std::string error;
  std::vector<PreviewTask> tasks;
  std::vector<std::string> skipped;  // each skipped row or value, with the reason
  std::vector<std::string> new_people;
  std::size_t dependencies = 0;
  Command command;  // creates everything: one undoable step
};

ForeignPlan plan_foreign_import(const ForeignSource& source, const ForeignImportOptions& options,
                                const Workspace& workspace, IdSource& ids);

// Helpers shared with the tests and the dialog.
std::optional<TaskStatus> status_from_name(std::string_view name);  // nullopt: unknown
std::optional<Date> parse_foreign_date(std::string_view text);       // ISO, Jira's "22/Mar/24 3:14 PM"

}  // namespace cairn
