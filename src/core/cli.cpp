#include "core/cli.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <charconv>
#include <cstdio>
#include <optional>
#include <vector>

#include "core/cli_export.h"
#include "core/cli_report.h"
#include "core/commands.h"
#include "core/gate_forecast.h"
#include "core/json_io.h"
#include "core/schedule_input.h"

namespace cairn {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

constexpr std::size_t kMaxIterations = 1000000;

struct Options {
  std::string command;
  std::string file;
  bool json = false;
  Date start;
  std::size_t iterations = 10000;
  std::uint64_t seed = 1;
};

template <class T>
bool parse_whole(std::string_view text, T& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

// Fills `options` or returns why the arguments are wrong.
std::string parse_arguments(std::span<const std::string_view> args, Date today, Options& options) {
  options.command = std::string(args[0]);
  options.start = today;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string_view a = args[i];
    const bool schedule = options.command == "schedule";
    auto value = [&]() -> std::optional<std::string_view> {
      if (i + 1 >= args.size()) return std::nullopt;
      return args[++i];
    };
    if (a == "--json") {
      options.json = true;
    } else if (schedule && a == "--start") {
      const auto v = value();
      const auto d = v ? parse_date(*v) : std::nullopt;
      if (!d) return "--start needs a date like 2026-01-05";
      options.start = *d;
    } else if (schedule && a == "--iterations") {
      const auto v = value();
      if (!v || !parse_whole(*v, options.iterations) || options.iterations > kMaxIterations)
        return "--iterations needs a whole number from 0 to " + std::to_string(kMaxIterations);
    } else if (schedule && a == "--seed") {
      const auto v = value();
      if (!v || !parse_whole(*v, options.seed)) return "--seed needs a whole number";
    } else if (a.starts_with("-")) {
      return "unknown option " + std::string(a) + " for " + options.command;
    } else if (options.file.empty()) {
      options.file = std::string(a);
    } else {
      return "only one file, please (got " + options.file + " and " + std::string(a) + ")";
    }
  }
  if (options.file.empty()) return options.command + " needs a file";
  return {};
}

// A task as people read it: its title and the start of its id.
std::string task_name(const Workspace& ws, Id id) {
  const Task* t = ws.find<Task>(id);
  const std::string title = t && !t->title.empty() ? t->title : "(untitled)";
  return "\"" + title + "\" [" + id.to_string().substr(0, 8) + "]";
}

std::string describe(const Workspace& ws, const ScheduleProblem& p) {
  std::string names;
  for (const Id& id : p.tasks) names += (names.empty() ? "" : ", ") + task_name(ws, id);
  switch (p.kind) {
    case ScheduleProblemKind::cycle: return "dependency cycle among " + names + ": their links to each other are ignored";
    case ScheduleProblemKind::unknown_task:
      return "a dependency names a task outside this project (" + p.tasks.front().to_string() + "): ignored";
    case ScheduleProblemKind::duplicate_task: return "the same task twice: " + names;
    case ScheduleProblemKind::invalid_number: return "a negative or invalid duration or lag at " + names + ": 0 used";
  }
  return names;
}

const char* kind_name(ScheduleProblemKind kind) {
  switch (kind) {
    case ScheduleProblemKind::cycle: return "cycle";
    case ScheduleProblemKind::unknown_task: return "unknown_task";
    case ScheduleProblemKind::duplicate_task: return "duplicate_task";
    case ScheduleProblemKind::invalid_number: return "invalid_number";
  }
  return "";
}

// One project's plan, schedule and (optionally) forecast.
struct ProjectResult {
  const Project* project = nullptr;
  ProjectPlan plan;
  Schedule schedule;
  std::optional<FinishForecast> forecast;
  std::size_t iterations = 0;
  std::vector<GateForecast> gates;  // gates waiting for a task of the plan
};

ProjectResult analyse(const Workspace& ws, const Project& project, const Options& options, bool forecast) {
  ProjectResult r;
  r.project = &project;
  r.plan = schedule_input_from(ws, project.id, CalendarOptions{options.start, {}});
  r.schedule = compute_schedule(r.plan.input);
  if (forecast && options.iterations > 0 && !r.plan.input.tasks.empty()) {
    MonteCarloForecast mc(forecast_input_from(r.plan, DurationDistribution::pert_beta, options.seed));
    mc.run(options.iterations);
    r.forecast = mc.project();
    r.iterations = mc.iterations();
    r.gates = gate_forecasts(ws, r.plan, mc);
  }
  return r;
}

std::string fixed(double x, int decimals = 1) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", decimals, x);
  return text;
}

// A table cell: at least one space after the text, long text cut with "~".
std::string pad(std::string text, std::size_t width) {
  if (text.size() >= width) text = text.substr(0, width - 2) + "~";
  return text + std::string(width - text.size(), ' ');
}

void schedule_table(const Workspace& ws, const ProjectResult& r, std::string& out) {
  const Schedule& s = r.schedule;
  out += "Project \"" + r.project->name + "\": " + std::to_string(s.tasks.size()) + " tasks, start " +
         format_date(s.start_date) + ", finish " + format_date(s.finish_date) + " (" + fixed(s.duration_days) +
         " working days)\n";
  if (r.forecast)
    out += "Forecast (" + std::to_string(r.iterations) + " runs, PERT-beta): P50 " + format_date(r.forecast->p50) +
           ", P80 " + format_date(r.forecast->p80) + ", P95 " + format_date(r.forecast->p95) + "\n";
  for (const GateForecast& g : r.gates) {
    const Gate* gate = ws.find<Gate>(g.gate);
    out += "Gate \"" + (gate ? gate->name : g.gate.to_string()) + "\": ready P50 " + format_date(g.finish.p50) + ", P80 " +
           format_date(g.finish.p80) + ", P95 " + format_date(g.finish.p95);
    if (g.chance_by_due) out += "; " + fixed(*g.chance_by_due * 100, 0) + "% chance by its due date " + format_date(*gate->due);
    out += "\n";
  }
  out += "\n" + pad("Task", 36) + pad("Days", 7) + pad("ES", 11) + pad("EF", 11) + pad("LS", 11) + pad("LF", 11) +
         pad("Slack", 7) + pad("Free", 7) + "Critical\n";
  for (const TaskSchedule& t : s.tasks) {
    const Task* task = ws.find<Task>(t.id);
    out += pad(task ? task->title : t.id.to_string(), 36) + pad(fixed(t.duration_days), 7) +
           pad(format_date(t.early_start_date), 11) + pad(format_date(t.early_finish_date), 11) +
           pad(format_date(t.late_start_date), 11) + pad(format_date(t.late_finish_date), 11) +
           pad(fixed(t.total_slack), 7) + pad(fixed(t.free_slack), 7) + (t.critical ? "yes" : "") + "\n";
  }
  for (const ScheduleProblem& p : s.problems) out += "problem: " + describe(ws, p) + "\n";
  if (!r.plan.unestimated.empty())
    out += "note: " + std::to_string(r.plan.unestimated.size()) + " task(s) without an estimate count as 0 days\n";
  out += "\n";
}

void number_field(Writer& w, const char* key, double x) {
  w.Key(key);
  w.Double(x);
}

void date_field(Writer& w, const char* key, Date d) {
  w.Key(key);
  w.String(format_date(d).c_str());
}

void schedule_json(const ProjectResult& r, Writer& w) {
  const Schedule& s = r.schedule;
  w.StartObject();
  w.Key("id");
  w.String(r.project->id.to_string().c_str());
  w.Key("name");
  w.String(r.project->name.c_str());
  date_field(w, "start", s.start_date);
  date_field(w, "finish", s.finish_date);
  number_field(w, "durationDays", s.duration_days);
  w.Key("tasks");
  w.StartArray();
  for (const TaskSchedule& t : s.tasks) {
    w.StartObject();
    w.Key("id");
    w.String(t.id.to_string().c_str());
    number_field(w, "durationDays", t.duration_days);
    number_field(w, "earlyStart", t.early_start);
    number_field(w, "earlyFinish", t.early_finish);
    number_field(w, "lateStart", t.late_start);
    number_field(w, "lateFinish", t.late_finish);
    date_field(w, "earlyStartDate", t.early_start_date);
    date_field(w, "earlyFinishDate", t.early_finish_date);
    date_field(w, "lateStartDate", t.late_start_date);
    date_field(w, "lateFinishDate", t.late_finish_date);
    number_field(w, "totalSlack", t.total_slack);
    number_field(w, "freeSlack", t.free_slack);
    w.Key("critical");
    w.Bool(t.critical);
    w.EndObject();
  }
  w.EndArray();
  w.Key("criticalPath");
  w.StartArray();
  for (const std::size_t i : s.critical_chain) w.String(s.tasks[i].id.to_string().c_str());
  w.EndArray();
  w.Key("forecast");
  if (r.forecast) {
    w.StartObject();
    w.Key("iterations");
    w.Uint64(r.iterations);
    w.Key("distribution");
    w.String("pert_beta");
    number_field(w, "meanDays", r.forecast->mean_days);
    date_field(w, "p50", r.forecast->p50);
    date_field(w, "p80", r.forecast->p80);
    date_field(w, "p95", r.forecast->p95);
    w.Key("gates");
    w.StartArray();
    for (const GateForecast& g : r.gates) {
      w.StartObject();
      w.Key("id");
      w.String(g.gate.to_string().c_str());
      w.Key("task");
      w.String(g.task.to_string().c_str());
      date_field(w, "p50", g.finish.p50);
      date_field(w, "p80", g.finish.p80);
      date_field(w, "p95", g.finish.p95);
      w.Key("chanceByDue");
      if (g.chance_by_due) w.Double(*g.chance_by_due);
      else w.Null();
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("problems");
  w.StartArray();
  for (const ScheduleProblem& p : s.problems) {
    w.StartObject();
    w.Key("kind");
    w.String(kind_name(p.kind));
    w.Key("tasks");
    w.StartArray();
    for (const Id& id : p.tasks) w.String(id.to_string().c_str());
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("unestimated");
  w.StartArray();
  for (const Id& id : r.plan.unestimated) w.String(id.to_string().c_str());
  w.EndArray();
  w.EndObject();
}

// What validate finds: problems fail the check, notes do not.
struct Findings {
  std::vector<std::string> problems;
  std::vector<std::string> notes;
};

void check_project(const Workspace& ws, const Project& project, const Options& options, Findings& f) {
  const std::string where = "project \"" + project.name + "\": ";
  const ProjectResult r = analyse(ws, project, options, false);
  for (const ScheduleProblem& p : r.schedule.problems) f.problems.push_back(where + describe(ws, p));
  for (const Id& id : r.plan.unestimated)
    f.notes.push_back(where + "task " + task_name(ws, id) + " has no estimate (counts as 0 days)");
  for (const Id& child : ws.children_of(project.id)) {
    const Gate* gate = ws.find<Gate>(child);
    if (!gate) continue;
    bool has_criteria = false;
    for (const Id& c : ws.children_of(gate->id)) has_criteria |= ws.find<GateCriterion>(c) != nullptr;
    if (!has_criteria) f.notes.push_back(where + "gate \"" + gate->name + "\" has no criteria to decide on");
    if (!gate->due) f.notes.push_back(where + "gate \"" + gate->name + "\" has no due date");
  }
}

// Reads and imports the file; false with the reason in `error`.
bool load(const Options& options, const ReadTextFile& read, Workspace& ws, std::vector<std::string>& warnings,
          std::string& error, int& exit_code) {
  std::string text;
  if (!read(options.file, text, error)) {
    exit_code = kExitUnreadable;
    return false;
  }
  IdSource ids(1);  // into an empty workspace nothing clashes, so the file's own ids are kept
  ImportPlan plan = plan_import(text, ws, ids);
  if (!plan.ok) {
    error = options.file + ": " + plan.error;
    exit_code = kExitProblems;
    return false;
  }
  const ApplyResult applied = apply(ws, plan.command);
  if (!applied.ok) {
    error = options.file + ": " + applied.error;
    exit_code = kExitProblems;
    return false;
  }
  warnings = std::move(plan.warnings);
  return true;
}

CliResult run_schedule(const Options& options, const Workspace& ws, const std::vector<std::string>& warnings) {
  CliResult result;
  for (const std::string& w : warnings) result.err += "warning: " + w + "\n";
  std::vector<ProjectResult> results;
  for (const auto& [id, project] : ws.all<Project>()) results.push_back(analyse(ws, project, options, true));
  for (const ProjectResult& r : results)
    if (!r.schedule.problems.empty()) result.exit_code = kExitProblems;
  if (options.json) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    w.Key("projects");
    w.StartArray();
    for (const ProjectResult& r : results) schedule_json(r, w);
    w.EndArray();
    w.EndObject();
    result.out = std::string(buffer.GetString()) + "\n";
  } else {
    for (const ProjectResult& r : results) schedule_table(ws, r, result.out);
    if (results.empty()) result.out = "no projects in " + options.file + "\n";
  }
  return result;
}

CliResult run_validate(const Options& options, const Workspace& ws, const std::vector<std::string>& warnings) {
  Findings f;
  for (const std::string& w : warnings) f.problems.push_back(w);
  for (const auto& [id, project] : ws.all<Project>()) check_project(ws, project, options, f);
  CliResult result;
  result.exit_code = f.problems.empty() ? kExitOk : kExitProblems;
  if (options.json) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    w.Key("ok");
    w.Bool(f.problems.empty());
    for (const auto& [key, list] : {std::pair{"problems", &f.problems}, std::pair{"notes", &f.notes}}) {
      w.Key(key);
      w.StartArray();
      for (const std::string& s : *list) w.String(s.c_str());
      w.EndArray();
    }
    w.EndObject();
    result.out = std::string(buffer.GetString()) + "\n";
    return result;
  }
  for (const std::string& p : f.problems) result.out += "problem: " + p + "\n";
  for (const std::string& n : f.notes) result.out += "note: " + n + "\n";
  result.out += options.file + ": " + std::to_string(ws.all<Project>().size()) + " project(s), " +
                std::to_string(ws.all<Task>().size()) + " task(s), " + std::to_string(f.problems.size()) +
                " problem(s), " + std::to_string(f.notes.size()) + " note(s)\n";
  return result;
}

}  // namespace

bool is_cli_command(std::string_view first_argument) {
  return first_argument == "schedule" || first_argument == "validate" || first_argument == "report" ||
         first_argument == "export";
}

std::string_view cli_usage() {
  return "usage:\n"
         "  cairn schedule FILE.json [--json] [--start YYYY-MM-DD] [--iterations N] [--seed N]\n"
         "      the critical-path schedule of every project in a Cairn export, with a Monte Carlo\n"
         "      forecast (P50/P80/P95) over N runs (default 10000, 0: none) from today or --start\n"
         "  cairn validate FILE.json [--json]\n"
         "      checks the file and explains every problem\n"
         "  cairn report FILE.json [--format md] [--audience executive|team] [--project ID] [--date YYYY-MM-DD]\n"
         "      the status report of every project (or one) as Markdown, compared with its last kept report\n"
         "  cairn export FILE.json [--to json|csv|ics|md] [--project ID] [--out PATH]\n"
         "      every project (or one) as JSON, its tasks as CSV or its dates as an iCalendar file,\n"
         "      on stdout or into PATH\n"
         "exit codes: 0 fine, 1 the file has problems, 2 wrong arguments, 3 the file cannot be read\n";
}

CliResult run_cli(std::span<const std::string_view> args, const ReadTextFile& read, Date today,
                  std::optional<Timestamp> now, const WriteTextFile& write) {
  CliResult result;
  if (args.empty() || !is_cli_command(args[0])) {
    result.exit_code = kExitUsage;
    result.err = std::string(cli_usage());
    return result;
  }
  if (args[0] == "report") return run_report_cli(args, read, today);  // its own options: core/cli_report.cpp
  if (args[0] == "export")  // its own options: core/cli_export.cpp
    return run_export_cli(args, read, write, now.value_or(Timestamp{std::int64_t{today.days} * 86400000}));
  Options options;
  if (std::string error = parse_arguments(args, today, options); !error.empty()) {
    result.exit_code = kExitUsage;
    result.err = "cairn: " + error + "\n" + std::string(cli_usage());
    return result;
  }
  Workspace ws;
  std::vector<std::string> warnings;
  std::string error;
  if (!load(options, read, ws, warnings, error, result.exit_code)) {
    result.err = "cairn: " + error + "\n";
    if (options.command == "validate" && result.exit_code == kExitProblems) result.out = "problem: " + error + "\n";
    return result;
  }
  return options.command == "schedule" ? run_schedule(options, ws, warnings) : run_validate(options, ws, warnings);
}

}  // namespace cairn
