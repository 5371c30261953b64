#include "core/export_formats.h"

#include <array>

#include "core/export_ical.h"
#include "core/export_tasks_csv.h"
#include "core/file_names.h"
#include "core/json_io.h"
#include "core/report_markdown.h"

namespace cairn {
namespace {

constexpr auto kFormats = std::to_array<ExportFormatInfo>({
    {ExportFormat::json, "json", "Project (JSON)", ".json", "application/json"},
    {ExportFormat::tasks_csv, "csv", "Tasks (CSV)", ".csv", "text/csv"},
    {ExportFormat::calendar_ics, "ics", "Calendar (.ics)", ".ics", "text/calendar"},
    {ExportFormat::status_report_md, "md", "Status report (.md)", ".md", "text/markdown"},
});

}  // namespace

std::span<const ExportFormatInfo> export_formats() { return kFormats; }

const ExportFormatInfo& export_format_info(ExportFormat format) {
  for (const ExportFormatInfo& info : kFormats)
    if (info.format == format) return info;
  return kFormats.front();
}

std::optional<ExportFormat> export_format_from_cli_name(std::string_view name) {
  for (const ExportFormatInfo& info : kFormats)
    if (info.cli_name == name) return info.format;
  return std::nullopt;
}

ExportText export_text(const Workspace& workspace, std::optional<Id> project, ExportFormat format, Timestamp now) {
  switch (format) {
    case ExportFormat::json: return {true, export_json(workspace, project), {}};
    case ExportFormat::tasks_csv: return {true, export_tasks_csv(workspace, project), {}};
    case ExportFormat::calendar_ics: return {true, export_ical(workspace, project, now), {}};
    case ExportFormat::status_report_md: {
      // The executive summary (`cairn report` chooses the audience); every
      // open project's report, one after the other, when none is given.
      const Date today = date_of(now);
      if (project) return {true, status_report_markdown(workspace, *project, today, ReportAudience::executive), {}};
      std::string text;
      for (const auto& [id, p] : workspace.all<Project>()) {
        if (p.archived) continue;
        if (!text.empty()) text += "\n";
        text += status_report_markdown(workspace, id, today, ReportAudience::executive);
      }
      if (text.empty()) return {false, {}, "There is no open project to report on."};
      return {true, text, {}};
    }
  }
  return {false, {}, "Unknown export format."};
}

std::string export_file_name(ExportFormat format, std::string_view project_name, std::string_view today) {
  std::string name = suggested_export_name(project_name, today);
  name.resize(name.size() - std::string_view(".json").size());
  return name + std::string(export_format_info(format).suffix);
}

}  // namespace cairn
