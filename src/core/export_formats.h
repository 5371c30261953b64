#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/workspace.h"

namespace cairn {

// Every way a project (or the workspace) leaves Cairn as a file. The app's
// export choice, the browser download and `cairn export --to` all go through
// export_text(), so a new format is one more case there.
enum class ExportFormat { json, tasks_csv, calendar_ics, status_report_md };

struct ExportFormatInfo {
  ExportFormat format;
  std::string_view cli_name;  // `cairn export --to NAME`
  std::string_view label;     // in the app's export choice
  std::string_view suffix;    // file name ending, with the dot
  std::string_view mime;      // for the browser download
};

std::span<const ExportFormatInfo> export_formats();
const ExportFormatInfo& export_format_info(ExportFormat format);
std::optional<ExportFormat> export_format_from_cli_name(std::string_view name);

struct ExportText {
  bool ok = false;
  std::string text;
  std::string error;  // why there is no text (a sentence)
};

// The file's text. `project` unset: every project. `now` is the export time
// (UTC; the calendar's DTSTAMP).
ExportText export_text(const Workspace& workspace, std::optional<Id> project, ExportFormat format, Timestamp now);

// "churn-model-2026-11-26.csv": suggested_export_name() with the format's suffix.
std::string export_file_name(ExportFormat format, std::string_view project_name, std::string_view today);

}  // namespace cairn
