#include "core/foreign_import.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "core/byte_size.h"
#include "core/import_trello.h"

namespace cairn {
namespace {

constexpr double kMaxImportedDays = 100000;  // the model's limit on estimates (core/fields.cpp)

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && lower(s.substr(s.size() - suffix.size())) == suffix;
}

int find_column(const std::vector<std::string>& header, std::initializer_list<std::string_view> names) {
  for (std::string_view name : names)
    for (std::size_t i = 0; i < header.size(); ++i)
      if (lower(trim(header[i])) == lower(name)) return static_cast<int>(i);
  return -1;
}

bool has_column(const std::vector<std::string>& header, std::string_view name) {
  return find_column(header, {name}) >= 0;
}

ForeignTool detect_csv_tool(const std::vector<std::string>& header) {
  if ((has_column(header, "Issue key") || has_column(header, "Summary")) &&
      (has_column(header, "Issue id") || has_column(header, "Issue Type")))
    return ForeignTool::jira;
  if (has_column(header, "Title") &&
      (has_column(header, "Team") || has_column(header, "Cycle Name") || has_column(header, "Parent issue")))
    return ForeignTool::linear;
  return ForeignTool::csv;
}

std::string header_list(const std::vector<std::string>& header) {
  std::string out;
  for (std::size_t i = 0; i < header.size() && i < 12; ++i) out += (i ? ", " : "") + header[i];
  if (header.size() > 12) out += ", \xE2\x80\xA6";
  return out.empty() ? "(nothing)" : out;
}

std::optional<double> parse_number(std::string_view text) {
  text = trim(text);
  if (text.empty()) return std::nullopt;
  std::string s(text);
  for (char& c : s)
    if (c == ',') c = '.';  // "1,5" from a European spreadsheet
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::string format_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// Splits "Bug, Frontend" at commas; blanks dropped.
void split_into(std::string_view text, bool split, std::vector<std::string>& out) {
  if (!split) {
    if (!trim(text).empty()) out.emplace_back(trim(text));
    return;
  }
  while (true) {
    const std::size_t comma = text.find(',');
    const std::string_view part = trim(text.substr(0, comma));
    if (!part.empty() && std::find(out.begin(), out.end(), part) == out.end()) out.emplace_back(part);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
}

bool split_field(ImportField f) {
  return f == ImportField::labels || f == ImportField::blocks || f == ImportField::blocked_by;
}

struct Row {
  const ForeignSource& source;
  const ColumnMapping& mapping;
  std::size_t index;

  std::string_view cell(int column) const {
    const auto& row = source.table.rows[index];
    return column >= 0 && static_cast<std::size_t>(column) < row.size() ? std::string_view(row[column])
                                                                         : std::string_view();
  }
  std::string_view get(ImportField f) const { return trim(cell(mapping[f])); }
  // Every column named like the mapped one (Jira repeats "Labels").
  std::vector<std::string> list(ImportField f) const {
    std::vector<std::string> out;
    const int chosen = mapping[f];
    if (chosen < 0 || static_cast<std::size_t>(chosen) >= source.table.header.size()) return out;
    const std::string& name = source.table.header[chosen];
    for (std::size_t c = 0; c < source.table.header.size(); ++c)
      if (source.table.header[c] == name) split_into(cell(static_cast<int>(c)), split_field(f), out);
    return out;
  }
};

std::string where(const ForeignSource& source, std::size_t row) {
  const std::size_t at = row < source.table.row_lines.size() ? source.table.row_lines[row] : row + 2;
  return (source.tool == ForeignTool::trello ? "card " : "line ") + std::to_string(at);
}

std::string quoted(std::string_view s) { return "\xE2\x80\x9C" + std::string(s) + "\xE2\x80\x9D"; }

std::optional<int> month_of(std::string_view name) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  const std::string l = lower(name.substr(0, 3));
  for (int i = 0; i < 12; ++i)
    if (kMonths[i] == l) return i + 1;
  return std::nullopt;
}

std::optional<int> to_int(std::string_view s) {
  int v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

std::string_view tool_name(ForeignTool tool) {
  switch (tool) {
    case ForeignTool::jira: return "Jira";
    case ForeignTool::linear: return "Linear";
    case ForeignTool::trello: return "Trello";
    case ForeignTool::csv: return "CSV";
  }
  return "CSV";
}

std::string_view import_field_label(ImportField field) {
  static constexpr std::string_view kLabels[kImportFieldCount] = {
      "Title", "Key", "Other id", "Description", "Status", "Assignee", "Estimate", "Time spent", "Labels",
      "Priority", "Type", "Sprint", "Start date", "Due date", "Parent", "Blocks", "Blocked by"};
  return kLabels[static_cast<std::size_t>(field)];
}

bool import_field_is_list(ImportField f) { return split_field(f) || f == ImportField::sprint; }

std::string_view estimate_unit_label(EstimateUnit unit) {
  switch (unit) {
    case EstimateUnit::seconds: return "seconds";
    case EstimateUnit::hours: return "hours";
    case EstimateUnit::days: return "days";
    case EstimateUnit::points: return "points";
  }
  return "days";
}

std::optional<TaskStatus> status_from_name(std::string_view name) {
  const std::string s = lower(trim(name));
  static const std::map<std::string, TaskStatus, std::less<>> kNames = {
      {"backlog", TaskStatus::backlog},         {"icebox", TaskStatus::backlog},
      {"triage", TaskStatus::backlog},          {"ideas", TaskStatus::backlog},
      {"to do", TaskStatus::todo},              {"todo", TaskStatus::todo},
      {"open", TaskStatus::todo},               {"new", TaskStatus::todo},
      {"selected for development", TaskStatus::todo}, {"reopened", TaskStatus::todo},
      {"unstarted", TaskStatus::todo},          {"next", TaskStatus::todo},
      {"in progress", TaskStatus::in_progress}, {"doing", TaskStatus::in_progress},
      {"started", TaskStatus::in_progress},     {"in review", TaskStatus::in_progress},
      {"code review", TaskStatus::in_progress}, {"review", TaskStatus::in_progress},
      {"in qa", TaskStatus::in_progress},       {"qa", TaskStatus::in_progress},
      {"testing", TaskStatus::in_progress},     {"in development", TaskStatus::in_progress},
      {"blocked", TaskStatus::blocked},         {"on hold", TaskStatus::blocked},
      {"waiting", TaskStatus::blocked},         {"done", TaskStatus::done},
      {"closed", TaskStatus::done},             {"resolved", TaskStatus::done},
      {"complete", TaskStatus::done},           {"completed", TaskStatus::done},
      {"canceled", TaskStatus::done},           {"cancelled", TaskStatus::done},
      {"duplicate", TaskStatus::done},          {"won't do", TaskStatus::done},
      {"released", TaskStatus::done},           {"shipped", TaskStatus::done}};
  const auto it = kNames.find(s);
  if (it == kNames.end()) return std::nullopt;
  return it->second;
}

std::optional<Date> parse_foreign_date(std::string_view text) {
  text = trim(text);
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-') return parse_date(text.substr(0, 10));  // ISO
  // Jira: "22/Mar/24 3:14 PM", "22/Mar/2024", "2024/03/22".
  const std::size_t space = text.find(' ');
  const std::string_view day_part = text.substr(0, space);
  const std::size_t s1 = day_part.find('/');
  const std::size_t s2 = s1 == std::string_view::npos ? s1 : day_part.find('/', s1 + 1);
  if (s2 == std::string_view::npos) return std::nullopt;
  const std::string_view a = day_part.substr(0, s1), b = day_part.substr(s1 + 1, s2 - s1 - 1),
                         c = day_part.substr(s2 + 1);
  std::optional<int> y, m, d;
  if (a.size() == 4) {
    y = to_int(a), m = to_int(b), d = to_int(c);
  } else {
    d = to_int(a), m = month_of(b), y = to_int(c);
    if (!m) return std::nullopt;  // 03/04/24 could be either order: refused
    if (y && c.size() == 2) *y += 2000;
  }
  if (!y || !m || !d) return std::nullopt;
  char iso[16];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", *y, *m, *d);
  return parse_date(iso);
}

bool is_foreign_file(std::string_view name, std::string_view text) {
  if (ends_with_ci(name, ".csv") || ends_with_ci(name, ".tsv")) return true;
  std::string_view t = text;
  if (t.size() >= 3 && t.substr(0, 3) == "\xEF\xBB\xBF") t.remove_prefix(3);
  t = trim(t);
  if (t.empty() || t.front() != '{') return !t.empty() && t.front() != '[' && !ends_with_ci(name, ".json");
  return looks_like_trello(text);
}

ForeignRead read_foreign_file(std::string_view name, std::string_view text, const CsvLimits& limits) {
  if (text.size() > limits.max_bytes) {
    ForeignRead read;
    const SizeOverLimit sizes = size_over_limit(text.size(), limits.max_bytes);
    read.error = "the file is " + sizes.size + "; files over " + sizes.limit + " are refused";
    return read;
  }
  std::string_view t = trim(text);
  if (!ends_with_ci(name, ".csv") && !t.empty() && t.front() == '{') {
    ForeignRead read = read_trello_json(name, text);
    if (read.ok && read.source.table.rows.size() > limits.max_rows) {
      read.ok = false;
      read.error = "the board has more than " + std::to_string(limits.max_rows) + " cards";
    }
    return read;
  }
  ForeignRead read;
  CsvResult csv = read_csv(text, limits);
  if (!csv.ok) {
    read.error = std::move(csv.error);
    return read;
  }
  read.source.file_name = std::string(name);
  read.source.table = std::move(csv.table);
  read.source.tool = detect_csv_tool(read.source.table.header);
  if (default_options(read.source).mapping[ImportField::title] < 0) {
    read.error = "no title column: a Jira export has \"Summary\", a Linear export \"Title\", other files "
                 "\"Title\" or \"Name\"; this file's columns are " +
                 header_list(read.source.table.header);
    return read;
  }
  read.ok = true;
  return read;
}

ForeignImportOptions default_options(const ForeignSource& source) {
  ForeignImportOptions o;
  const auto& h = source.table.header;
  ColumnMapping& m = o.mapping;
  if (source.tool == ForeignTool::trello) {
    m[ImportField::title] = find_column(h, {"name"});
    m[ImportField::key] = find_column(h, {"idShort"});
    m[ImportField::alt_id] = find_column(h, {"id"});
    m[ImportField::description] = find_column(h, {"desc"});
    m[ImportField::status] = find_column(h, {"list"});
    m[ImportField::assignee] = find_column(h, {"members"});
    m[ImportField::labels] = find_column(h, {"labels"});
    m[ImportField::start] = find_column(h, {"start"});
    m[ImportField::due] = find_column(h, {"due"});
    o.new_project_name = source.board_name.empty() ? "Trello board" : source.board_name;
    return o;
  }
  m[ImportField::title] = find_column(h, {"Summary", "Title", "Name", "Task", "Task name", "Subject"});
  m[ImportField::key] = find_column(h, {"Issue key", "ID", "Key", "Identifier"});
  m[ImportField::alt_id] = find_column(h, {"Issue id"});
  m[ImportField::description] = find_column(h, {"Description", "Notes", "Details"});
  m[ImportField::status] = find_column(h, {"Status", "State"});
  m[ImportField::assignee] = find_column(h, {"Assignee", "Owner", "Assigned to"});
  m[ImportField::estimate] = find_column(h, {"Original Estimate", "Estimate", "Estimate (days)", "Story Points"});
  m[ImportField::time_spent] = find_column(h, {"Time Spent"});
  m[ImportField::labels] = find_column(h, {"Labels", "Tags", "Label"});
  m[ImportField::priority] = find_column(h, {"Priority"});
  m[ImportField::type] = find_column(h, {"Issue Type", "Type"});
  m[ImportField::sprint] = find_column(h, {"Sprint", "Cycle Name"});
  m[ImportField::start] = find_column(h, {"Start date", "Start", "Started"});
  m[ImportField::due] = find_column(h, {"Due Date", "Due", "Due date"});
  m[ImportField::parent] = find_column(h, {"Parent", "Parent id", "Parent key", "Parent issue"});
  m[ImportField::blocks] = find_column(h, {"Outward issue link (Blocks)", "Blocking", "Blocks"});
  m[ImportField::blocked_by] = find_column(h, {"Inward issue link (Blocks)", "Blocked by", "Blocked By"});
  o.estimate_unit = source.tool == ForeignTool::jira     ? EstimateUnit::seconds
                    : source.tool == ForeignTool::linear ? EstimateUnit::points
                                                         : EstimateUnit::days;
  std::string base = source.file_name;
  if (const std::size_t slash = base.find_last_of("/\\"); slash != std::string::npos) base = base.substr(slash + 1);
  if (const std::size_t dot = base.rfind('.'); dot != std::string::npos && dot > 0) base = base.substr(0, dot);
  o.new_project_name = base.empty() ? std::string(tool_name(source.tool)) + " import" : base;
  return o;
}

ForeignPlan plan_foreign_import(const ForeignSource& source, const ForeignImportOptions& options,
                                const Workspace& workspace, IdSource& ids) {
  ForeignPlan plan;
  const ColumnMapping& m = options.mapping;
  const std::size_t columns = source.table.header.size();
  for (int c : m.column)
    if (c >= static_cast<int>(columns)) {
      plan.error = "the mapping names a column the file does not have";
      return plan;
    }
  if (m[ImportField::title] < 0) {
    plan.error = "choose the column that holds the task titles";
    return plan;
  }
  if (!options.project.nil() && !workspace.find<Project>(options.project)) {
    plan.error = "the target project no longer exists";
    return plan;
  }
  const std::string project_name(trim(options.new_project_name));
  if (options.project.nil() && project_name.empty()) {
    plan.error = "name the new project";
    return plan;
  }
  for (const std::string& note : source.notes) plan.skipped.push_back(note);

  // 1. One preview task per row with a title.
  std::unordered_map<std::string, std::size_t> by_key;  // key or other id -> task
  std::vector<std::string> parent_of;                   // per task, as written
  std::map<std::string, std::size_t> unknown_statuses;
  const bool trello = source.tool == ForeignTool::trello;
  for (std::size_t r = 0; r < source.table.rows.size(); ++r) {
    const Row row{source, m, r};
    const std::string at = where(source, r);
    if (source.table.rows[r].size() > columns && !trello)
      plan.skipped.push_back(at + ": " + std::to_string(source.table.rows[r].size() - columns) +
                             " values beyond the last column ignored");
    PreviewTask t;
    t.row = r;
    t.line = r < source.table.row_lines.size() ? source.table.row_lines[r] : r + 2;
    t.title = std::string(row.get(ImportField::title));
    if (t.title.empty()) {
      plan.skipped.push_back(at + ": skipped, no title");
      continue;
    }
    t.key = std::string(row.get(ImportField::key));
    const std::string alt(row.get(ImportField::alt_id));
    for (const std::string& k : {t.key, alt}) {
      if (k.empty()) continue;
      const auto [it, fresh] = by_key.emplace(k, plan.tasks.size());
      if (!fresh && k == t.key)
        plan.skipped.push_back(at + ": key " + quoted(k) + " appears twice; links go to the first");
    }
    t.description = std::string(trim(row.cell(m[ImportField::description])));
    t.status_text = std::string(row.get(ImportField::status));
    if (const auto s = status_from_name(t.status_text)) t.status = *s;
    else if (!t.status_text.empty()) ++unknown_statuses[t.status_text];
    if (trello && t.status != TaskStatus::done && row.get(ImportField::due).empty() == false &&
        source.table.rows[r].size() > 9 && source.table.rows[r][9] == "true")
      t.tags.push_back("due-complete");

    // Assignee: Trello cards may have several members; the first is the assignee.
    std::vector<std::string> people;
    split_into(row.get(ImportField::assignee), trello, people);
    if (!people.empty()) t.assignee = people.front();
    if (people.size() > 1)
      plan.skipped.push_back(at + ": " + std::to_string(people.size() - 1) +
                             " more members than the one assignee Cairn keeps (" + t.assignee + " kept)");

    // Estimates, in working days (docs/import.md).
    const auto to_days = [&](std::string_view text, const char* what, bool points_allowed) -> std::optional<double> {
      if (text.empty()) return std::nullopt;
      const auto v = parse_number(text);
      if (!v || *v < 0) {
        plan.skipped.push_back(at + ": " + what + " " + quoted(text) + " is not a number of " +
                               std::string(estimate_unit_label(options.estimate_unit)) + "; left unset");
        return std::nullopt;
      }
      double days = *v;
      switch (options.estimate_unit) {
        case EstimateUnit::seconds: days = *v / (3600.0 * options.hours_per_day); break;
        case EstimateUnit::hours: days = *v / options.hours_per_day; break;
        case EstimateUnit::days: break;
        case EstimateUnit::points:
          if (!points_allowed || options.days_per_point <= 0) {
            t.tags.push_back("points:" + format_number(*v));
            return std::nullopt;
          }
          days = *v * options.days_per_point;
          break;
      }
      days = std::round(days * 1000.0) / 1000.0;
      if (days > kMaxImportedDays) {
        plan.skipped.push_back(at + ": " + what + " " + quoted(text) + " is more than " +
                               format_number(kMaxImportedDays) + " days; left unset");
        return std::nullopt;
      }
      return days;
    };
    t.likely_days = to_days(row.get(ImportField::estimate), "estimate", true);
    {
      // Time spent is a duration, never points: points mean days here.
      std::string_view spent = row.get(ImportField::time_spent);
      if (!spent.empty() && options.estimate_unit == EstimateUnit::points) {
        if (const auto v = parse_number(spent); v && *v >= 0 && *v <= kMaxImportedDays) t.actual_days = *v;
      } else {
        t.actual_days = to_days(spent, "time spent", false);
      }
    }

    for (const std::string& label : row.list(ImportField::labels))
      if (std::find(t.tags.begin(), t.tags.end(), label) == t.tags.end()) t.tags.push_back(label);
    const auto prefixed_tag = [&](ImportField f, const char* prefix, bool lowercase) {
      const std::string_view v = row.get(f);
      const std::string l = lower(v);
      if (v.empty() || l == "none" || l == "no priority") return;
      t.tags.push_back(prefix + (lowercase ? l : std::string(v)));
    };
    prefixed_tag(ImportField::priority, "priority:", true);
    prefixed_tag(ImportField::type, "type:", true);
    for (const std::string& sprint : row.list(ImportField::sprint)) t.tags.push_back("sprint:" + sprint);
    if (!t.key.empty() && !trello) t.tags.push_back(t.key);  // Trello's card numbers mean nothing elsewhere

    const auto date = [&](ImportField f, const char* what) -> std::optional<Date> {
      const std::string_view v = row.get(f);
      if (v.empty()) return std::nullopt;
      const auto d = parse_foreign_date(v);
      if (!d) plan.skipped.push_back(at + ": " + what + " " + quoted(v) + " is not a date Cairn reads; left unset");
      return d;
    };
    t.start = date(ImportField::start, "start date");
    t.due = date(ImportField::due, "due date");
    if (t.start && t.due && *t.start > *t.due) {
      plan.skipped.push_back(at + ": start date after the due date; start left unset");
      t.start.reset();
    }
    if (trello && r < source.checklists.size()) t.checklist_items = source.checklists[r].size();
    parent_of.emplace_back(row.get(ImportField::parent));
    plan.tasks.push_back(std::move(t));
  }
  for (const auto& [status, count] : unknown_statuses)
    plan.skipped.push_back("status " + quoted(status) + " (" + std::to_string(count) +
                           (count == 1 ? " task" : " tasks") + ") is not a Cairn status: imported as backlog");

  // 2. Parents become a tag and a description line (Cairn has no subtasks).
  for (std::size_t i = 0; i < plan.tasks.size(); ++i) {
    const std::string& parent = parent_of[i];
    if (parent.empty()) continue;
    PreviewTask& t = plan.tasks[i];
    const auto it = by_key.find(parent);
    const std::string parent_key = it != by_key.end() && !plan.tasks[it->second].key.empty()
                                       ? plan.tasks[it->second].key
                                       : parent;
    t.tags.push_back("parent:" + parent_key);
    if (it != by_key.end()) {
      const std::string line = "Parent: " + parent_key + " \xE2\x80\x94 " + plan.tasks[it->second].title;
      t.description = t.description.empty() ? line : line + "\n\n" + t.description;
    } else {
      plan.skipped.push_back(where(source, t.row) + ": parent " + quoted(parent) +
                             " is not in this file; kept as the tag parent:" + parent);
    }
  }

  // 3. Blocking links between imported tasks become finish-to-start dependencies.
  std::set<std::pair<std::size_t, std::size_t>> links;  // (predecessor, successor)
  for (std::size_t i = 0; i < plan.tasks.size(); ++i) {
    const Row row{source, m, plan.tasks[i].row};
    const auto link = [&](ImportField f, bool this_blocks) {
      for (const std::string& other : row.list(f)) {
        const auto it = by_key.find(other);
        if (it == by_key.end()) {
          plan.skipped.push_back(where(source, plan.tasks[i].row) + ": link to " + quoted(other) +
                                 " skipped: it is not in this file");
          continue;
        }
        if (it->second == i) continue;
        links.insert(this_blocks ? std::pair{i, it->second} : std::pair{it->second, i});
      }
    };
    link(ImportField::blocks, true);
    link(ImportField::blocked_by, false);
  }
  for (const auto& [pred, succ] : links) {
    PreviewTask& t = plan.tasks[succ];
    t.blocked_by.push_back(plan.tasks[pred].key.empty() ? plan.tasks[pred].title : plan.tasks[pred].key);
  }
  plan.dependencies = links.size();

  // 4. The command: project (if new), people, tasks, checklists, dependencies.
  Command& c = plan.command;
  Id project = options.project;
  if (project.nil()) {
    project = ids.next();
    c.ops.push_back(create_op<Project>(project, Id{}, {{field::project::name, project_name}}));
  }
  std::unordered_map<std::string, Id> people;  // lower-case name -> person
  double order = 0;
  for (const Id child : workspace.children_of(project)) {
    if (const Person* p = workspace.find<Person>(child)) people.emplace(lower(p->name), p->id);
    if (const Task* t = workspace.find<Task>(child)) order = std::max(order, t->order);
  }
  std::vector<Id> task_ids;
  for (PreviewTask& t : plan.tasks) {
    Id assignee;
    if (!t.assignee.empty()) {
      auto [it, fresh] = people.emplace(lower(t.assignee), Id{});
      if (fresh) {
        it->second = ids.next();
        c.ops.push_back(create_op<Person>(it->second, project, {{field::person::name, t.assignee}}));
        plan.new_people.push_back(t.assignee);
      }
      assignee = it->second;
    }
    const Id id = ids.next();
    task_ids.push_back(id);
    namespace f = field::task;
    std::vector<std::pair<FieldName<Task>, Value>> fields = {
        {f::title, t.title}, {f::status, std::string(enum_name(t.status))}, {f::order, order += 1.0}};
    if (!t.description.empty()) fields.emplace_back(f::description, t.description);
    if (!assignee.nil()) fields.emplace_back(f::assignee, assignee);
    if (t.likely_days) fields.emplace_back(f::likely_days, *t.likely_days);
    if (t.actual_days) fields.emplace_back(f::actual_days, *t.actual_days);
    if (t.start) fields.emplace_back(f::start, *t.start);
    if (t.due) fields.emplace_back(f::due, *t.due);
    if (!t.tags.empty()) fields.emplace_back(f::tags, t.tags);
    c.ops.push_back(create_op<Task>(id, project, std::move(fields)));
    if (trello && t.row < source.checklists.size()) {
      double check_order = 0;
      for (const auto& [text, done] : source.checklists[t.row])
        if (!trim(text).empty())
          c.ops.push_back(create_op<ChecklistItem>(ids.next(), id,
                                                   {{field::checklist_item::text, std::string(trim(text))},
                                                    {field::checklist_item::done, done},
                                                    {field::checklist_item::order, check_order += 1.0}}));
    }
  }
  for (const auto& [pred, succ] : links)
    c.ops.push_back(create_op<Dependency>(
        ids.next(), task_ids[succ],
        {{field::dependency::predecessor, task_ids[pred]}, {field::dependency::type, std::string("finish_to_start")}}));
  c.label = "Import " + std::to_string(plan.tasks.size()) + (plan.tasks.size() == 1 ? " task" : " tasks") +
            " from " + std::string(tool_name(source.tool));
  plan.ok = true;
  return plan;
}

}  // namespace cairn
