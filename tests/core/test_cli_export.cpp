#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "core/cli_export.h"
#include "core/export_ical.h"
#include "core/export_tasks_csv.h"
#include "core/json_io.h"

using namespace cairn;

namespace {

const char* kPlan = R"({"format":"cairn","version":1,"items":[
 {"kind":"project","id":"10000000-0000-4000-8000-000000000001","fields":{"name":"Churn"}},
 {"kind":"project","id":"10000000-0000-4000-8000-000000000002","fields":{"name":"Vision"}},
 {"kind":"task","id":"20000000-0000-4000-8000-000000000001","parent":"10000000-0000-4000-8000-000000000001",
  "fields":{"title":"Label, fast","likely_days":3,"due":"2026-01-09"}},
 {"kind":"task","id":"20000000-0000-4000-8000-000000000002","parent":"10000000-0000-4000-8000-000000000002",
  "fields":{"title":"Train","due":"2026-01-12"}}
]})";

struct Files {
  std::map<std::string, std::string> contents;
  bool refuse_writes = false;
  ReadTextFile reader() {
    return [this](std::string_view path, std::string& text, std::string& error) {
      const auto it = contents.find(std::string(path));
      if (it == contents.end()) {
        error = std::string(path) + ": no such file";
        return false;
      }
      text = it->second;
      return true;
    };
  }
  WriteTextFile writer() {
    return [this](std::string_view path, const std::string& text, std::string& error) {
      if (refuse_writes) {
        error = "permission denied";
        return false;
      }
      contents[std::string(path)] = text;
      return true;
    };
  }
};

const Date kToday{20458};  // 2026-01-05
const Timestamp kNow{1767611045000};  // 2026-01-05T11:04:05Z

CliResult run(Files& files, std::vector<std::string_view> args) {
  return run_cli(args, files.reader(), kToday, kNow, files.writer());
}

// The same workspace as the file, read back, for what each export should be.
Workspace plan_workspace() {
  Workspace ws;
  IdSource ids(1);
  const ImportPlan plan = plan_import(kPlan, ws, ids);
  REQUIRE(plan.ok);
  REQUIRE(apply(ws, plan.command).ok);
  return ws;
}

}  // namespace

TEST_CASE("cli export: arguments parse into a format, a project and an output path") {
  ExportOptions o;
  const std::vector<std::string_view> args{"export", "plan.json", "--to", "ics", "--project", "1000", "--out", "a.ics"};
  REQUIRE(parse_export_arguments(args, o) == "");
  CHECK(o.file == "plan.json");
  CHECK(o.format == ExportFormat::calendar_ics);
  CHECK(o.project == "1000");
  CHECK(o.out == "a.ics");

  ExportOptions defaults;
  REQUIRE(parse_export_arguments(std::vector<std::string_view>{"export", "plan.json"}, defaults) == "");
  CHECK(defaults.format == ExportFormat::json);
  CHECK(defaults.out.empty());

  const std::map<std::vector<std::string_view>, std::string> wrong{
      {{"export"}, "export needs a file"},
      {{"export", "a.json", "b.json"}, "only one file, please (got a.json and b.json)"},
      {{"export", "a.json", "--to"}, "--to needs json, csv, ics or md"},
      {{"export", "a.json", "--to", "xlsx"}, "--to needs json, csv, ics or md"},
      {{"export", "a.json", "--project"}, "--project needs a project id"},
      {{"export", "a.json", "--out", ""}, "--out needs a file path"},
      {{"export", "a.json", "--json"}, "unknown option --json for export"},
  };
  for (const auto& [arguments, error] : wrong) {
    ExportOptions ignored;
    CHECK(parse_export_arguments(arguments, ignored) == error);
  }
}

TEST_CASE("cli export: each format on stdout, one project or all, or into a file") {
  Files files{{{"plan.json", kPlan}}};
  const Workspace ws = plan_workspace();
  const Id churn = *Id::parse("10000000-0000-4000-8000-000000000001");

  const CliResult csv = run(files, {"export", "plan.json", "--to", "csv", "--project", "10000000-0000-4000-8000-000000000001"});
  CHECK(csv.exit_code == kExitOk);
  CHECK(csv.err.empty());
  CHECK(csv.out == export_tasks_csv(ws, churn));
  CHECK(csv.out.find("\"Label, fast\"") != std::string::npos);
  CHECK(csv.out.find("Train") == std::string::npos);

  const CliResult ics = run(files, {"export", "--to", "ics", "plan.json"});
  CHECK(ics.exit_code == kExitOk);
  CHECK(ics.out == export_ical(ws, std::nullopt, kNow));
  CHECK(ics.out.find("DTSTAMP:20260105T110405Z\r\n") != std::string::npos);

  const CliResult json = run(files, {"export", "plan.json"});
  CHECK(json.out == export_json(ws));

  const CliResult out = run(files, {"export", "plan.json", "--to", "csv", "--out", "tasks.csv"});
  CHECK(out.exit_code == kExitOk);
  CHECK(out.out.empty());
  CHECK(files.contents["tasks.csv"] == export_tasks_csv(ws));

  // Without a clock from the caller, DTSTAMP is the start of today (UTC).
  const std::vector<std::string_view> args{"export", "plan.json", "--to", "ics"};
  CHECK(run_cli(args, files.reader(), kToday).out.find("DTSTAMP:20260105T000000Z\r\n") != std::string::npos);
}

TEST_CASE("cli export: the report, wrong projects, unreadable and unwritable files say so") {
  Files files{{{"plan.json", kPlan}, {"broken.json", "{\"format\":\"cairn\""}}};
  const CliResult ambiguous = run(files, {"export", "plan.json", "--project", "1000"});
  CHECK(ambiguous.exit_code == kExitUsage);
  CHECK(ambiguous.err.starts_with("cairn: more than one project's id starts with 1000: give more of it\n"));
  const CliResult none = run(files, {"export", "plan.json", "--project", "ffff"});
  CHECK(none.exit_code == kExitUsage);
  CHECK(none.err.starts_with("cairn: no project with id ffff in plan.json\n"));

  // The status report: the executive summary of each project, as `cairn report` prints it.
  const CliResult md = run(files, {"export", "plan.json", "--to", "md"});
  CHECK(md.exit_code == kExitOk);
  CHECK(md.out.starts_with("# "));
  CHECK(md.out == run(files, {"report", "plan.json", "--audience", "executive"}).out);

  CHECK(run(files, {"export", "nowhere.json", "--to", "csv"}).exit_code == kExitUnreadable);
  const CliResult broken = run(files, {"export", "broken.json", "--to", "csv"});
  CHECK(broken.exit_code == kExitProblems);
  CHECK(broken.err.find("broken.json: not valid JSON") != std::string::npos);

  files.refuse_writes = true;
  const CliResult unwritable = run(files, {"export", "plan.json", "--out", "x.json"});
  CHECK(unwritable.exit_code == kExitUnreadable);
  CHECK(unwritable.err == "cairn: x.json: permission denied\n");
  CHECK(files.contents.count("x.json") == 0);
  CHECK(is_cli_command("export"));
}
