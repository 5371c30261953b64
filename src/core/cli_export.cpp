#include "core/cli_export.h"

#include <vector>

#include "core/commands.h"
#include "core/json_io.h"

namespace cairn {
namespace {

// "csv, ics, json or md", from the format table.
std::string format_names() {
  std::vector<std::string_view> names;
  for (const ExportFormatInfo& f : export_formats()) names.push_back(f.cli_name);
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i)
    text += std::string(i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + std::string(names[i]);
  return text;
}

CliResult usage_error(const std::string& error) {
  CliResult r;
  r.exit_code = kExitUsage;
  r.err = "cairn: " + error + "\n" + std::string(cli_usage());
  return r;
}

CliResult failure(int code, const std::string& error) {
  CliResult r;
  r.exit_code = code;
  r.err = "cairn: " + error + "\n";
  return r;
}

}  // namespace

std::string parse_export_arguments(std::span<const std::string_view> args, ExportOptions& o) {
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string_view a = args[i];
    auto value = [&]() -> std::optional<std::string_view> {
      if (i + 1 >= args.size()) return std::nullopt;
      return args[++i];
    };
    if (a == "--to") {
      const auto v = value();
      const auto format = v ? export_format_from_cli_name(*v) : std::nullopt;
      if (!format) return "--to needs " + format_names();
      o.format = *format;
    } else if (a == "--project") {
      const auto v = value();
      if (!v || v->empty()) return "--project needs a project id";
      o.project = std::string(*v);
    } else if (a == "--out") {
      const auto v = value();
      if (!v || v->empty()) return "--out needs a file path";
      o.out = std::string(*v);
    } else if (a.starts_with("-")) {
      return "unknown option " + std::string(a) + " for export";
    } else if (o.file.empty()) {
      o.file = std::string(a);
    } else {
      return "only one file, please (got " + o.file + " and " + std::string(a) + ")";
    }
  }
  if (o.file.empty()) return "export needs a file";
  return {};
}

CliResult run_export_cli(std::span<const std::string_view> args, const ReadTextFile& read,
                         const WriteTextFile& write, Timestamp now) {
  ExportOptions o;
  if (std::string error = parse_export_arguments(args, o); !error.empty()) return usage_error(error);

  std::string text, error;
  if (!read(o.file, text, error)) return failure(kExitUnreadable, error);
  Workspace ws;
  IdSource ids(1);  // into an empty workspace nothing clashes, so the file's own ids are kept
  ImportPlan plan = plan_import(text, ws, ids);
  if (!plan.ok) return failure(kExitProblems, o.file + ": " + plan.error);
  if (const ApplyResult applied = apply(ws, plan.command); !applied.ok)
    return failure(kExitProblems, o.file + ": " + applied.error);

  std::optional<Id> project;
  if (!o.project.empty()) {
    std::vector<Id> matches;
    for (const auto& [id, p] : ws.all<Project>())
      if (id.to_string().starts_with(o.project)) matches.push_back(id);
    if (matches.size() != 1)
      return usage_error(matches.empty() ? "no project with id " + o.project + " in " + o.file
                                         : "more than one project's id starts with " + o.project + ": give more of it");
    project = matches.front();
  }

  const ExportText exported = export_text(ws, project, o.format, now);
  if (!exported.ok) return failure(kExitUsage, exported.error);  // a format not available (yet)

  CliResult result;
  for (const std::string& w : plan.warnings) result.err += "warning: " + w + "\n";
  if (o.out.empty()) {
    result.out = exported.text;
    return result;
  }
  if (!write) return failure(kExitUnreadable, "--out cannot write files here");
  if (!write(o.out, exported.text, error)) return failure(kExitUnreadable, o.out + ": " + error);
  return result;
}

}  // namespace cairn
