#include "core/cli_report.h"

#include <optional>
#include <string>
#include <vector>

#include "core/commands.h"
#include "core/json_io.h"
#include "core/report_markdown.h"

namespace cairn {
namespace {

struct ReportOptions {
  std::string file;
  ReportAudience audience = ReportAudience::executive;
  std::string project;  // an id, or the start of one; "" for every project
  Date today;
};

std::string parse(std::span<const std::string_view> args, ReportOptions& o) {
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string_view a = args[i];
    auto value = [&]() -> std::optional<std::string_view> {
      if (i + 1 >= args.size()) return std::nullopt;
      return args[++i];
    };
    if (a == "--format") {
      const auto v = value();
      if (!v || *v != "md") return "--format needs md (Markdown, the only report format)";
    } else if (a == "--audience") {
      const auto v = value();
      const auto audience = v ? enum_from_name<ReportAudience>(*v) : std::nullopt;
      if (!audience) return "--audience needs executive or team";
      o.audience = *audience;
    } else if (a == "--project") {
      const auto v = value();
      if (!v || v->empty()) return "--project needs a project id";
      o.project = std::string(*v);
    } else if (a == "--date") {
      const auto v = value();
      const auto d = v ? parse_date(*v) : std::nullopt;
      if (!d) return "--date needs a date like 2026-11-27";
      o.today = *d;
    } else if (a.starts_with("-")) {
      return "unknown option " + std::string(a) + " for report";
    } else if (o.file.empty()) {
      o.file = std::string(a);
    } else {
      return "only one file, please (got " + o.file + " and " + std::string(a) + ")";
    }
  }
  if (o.file.empty()) return "report needs a file";
  return {};
}

CliResult usage_error(const std::string& error) {
  return {kExitUsage, "", "cairn: " + error + "\n" + std::string(cli_usage())};
}

}  // namespace

CliResult run_report_cli(std::span<const std::string_view> args, const ReadTextFile& read, Date today) {
  ReportOptions o;
  o.today = today;
  if (std::string error = parse(args, o); !error.empty()) return usage_error(error);

  CliResult result;
  std::string text, error;
  if (!read(o.file, text, error)) return {kExitUnreadable, "", "cairn: " + error + "\n"};
  Workspace ws;
  IdSource ids(1);  // into an empty workspace nothing clashes: the file's ids are kept
  const ImportPlan plan = plan_import(text, ws, ids);
  if (!plan.ok) return {kExitProblems, "", "cairn: " + o.file + ": " + plan.error + "\n"};
  if (const ApplyResult applied = apply(ws, plan.command); !applied.ok)
    return {kExitProblems, "", "cairn: " + o.file + ": " + applied.error + "\n"};
  for (const std::string& w : plan.warnings) result.err += "warning: " + w + "\n";

  std::vector<Id> projects;
  for (const auto& [id, project] : ws.all<Project>())
    if (o.project.empty() || id.to_string().starts_with(o.project)) projects.push_back(id);
  if (!o.project.empty() && projects.size() != 1)
    return usage_error(projects.empty() ? "no project with id " + o.project + " in " + o.file
                                        : "more than one project's id starts with " + o.project + ": give more of it");
  if (projects.empty()) {
    result.out = "no projects in " + o.file + "\n";
    return result;
  }
  for (const Id id : projects) {
    if (!result.out.empty()) result.out += "\n";
    result.out += status_report_markdown(ws, id, o.today, o.audience);
  }
  return result;
}

}  // namespace cairn
