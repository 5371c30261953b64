#include "core/export_ical.h"

#include <algorithm>
#include <tuple>
#include <vector>

#include "core/export_tasks_csv.h"

namespace cairn {
namespace {

constexpr std::size_t kMaxLineOctets = 75;

// "20260130" for VALUE=DATE.
std::string ical_date(Date d) {
  std::string s = format_date(d);
  s.erase(std::remove(s.begin(), s.end(), '-'), s.end());
  return s;
}

// "20261126T154207Z": UTC date-time, whole seconds.
std::string ical_utc(Timestamp t) {
  const std::string iso = format_timestamp(t);  // 2026-11-26T15:42:07.250Z
  std::string s;
  for (const char c : iso.substr(0, 19))
    if (c != '-' && c != ':') s += c;
  return s + "Z";
}

std::string_view comparison_words(Comparison c) {
  switch (c) {
    case Comparison::at_least: return "at least";
    case Comparison::at_most: return "at most";
    case Comparison::above: return "above";
    case Comparison::below: return "below";
  }
  return "";
}

struct Event {
  std::string uid;
  Date day;
  std::string summary;
  std::string description;
  std::string category;
};

void append_event(const Event& e, Timestamp now, std::string& out) {
  out += ical_folded_line("BEGIN:VEVENT");
  out += ical_folded_line("UID:" + e.uid);
  out += ical_folded_line("DTSTAMP:" + ical_utc(now));
  out += ical_folded_line("DTSTART;VALUE=DATE:" + ical_date(e.day));
  // DTEND is exclusive: an all-day event on one day ends the next day.
  // (Without DTEND an all-day event lasts that one day too: the last writable date has none.)
  if (e.day < kLastDate) out += ical_folded_line("DTEND;VALUE=DATE:" + ical_date(Date{e.day.days + 1}));
  out += ical_folded_line("SUMMARY:" + ical_escape_text(e.summary));
  if (!e.description.empty()) out += ical_folded_line("DESCRIPTION:" + ical_escape_text(e.description));
  out += ical_folded_line("CATEGORIES:" + ical_escape_text(e.category));
  // Milestones and deadlines do not make anyone busy.
  out += ical_folded_line("TRANSP:TRANSPARENT");
  out += ical_folded_line("END:VEVENT");
}

std::string uid_of(Id id, std::string_view suffix = {}) {
  return id.to_string() + std::string(suffix) + "@cairn";
}

void gate_events(const Workspace& ws, const Project& project, const Gate& gate, std::vector<Event>& events) {
  if (!gate.due) return;
  std::string description = "Project: " + project.name + "\nDecision: " + std::string(enum_name(gate.decision));
  if (gate.decided_on) description += " (" + format_date(*gate.decided_on) + ")";
  std::vector<std::string> criteria;
  for (const Id& child : ws.children_of(gate.id)) {
    const GateCriterion* c = ws.find<GateCriterion>(child);
    if (!c) continue;
    const Metric* metric = ws.find<Metric>(c->metric);
    std::string line = "- " + (metric ? metric->name : std::string("(no metric)")) + " " +
                       std::string(comparison_words(c->comparison)) + " " + csv_number(c->threshold);
    if (metric && !metric->unit.empty()) line += " " + metric->unit;
    criteria.push_back(std::move(line));
  }
  std::sort(criteria.begin(), criteria.end());
  if (!criteria.empty()) {
    description += "\nCriteria:";
    for (const std::string& c : criteria) description += "\n" + c;
  }
  if (!gate.rationale.empty()) description += "\nRationale: " + gate.rationale;
  events.push_back({uid_of(gate.id), *gate.due, "Gate: " + gate.name, std::move(description), "Gate"});
}

void sprint_events(const Project& project, const Sprint& sprint, std::vector<Event>& events) {
  std::string description = "Project: " + project.name;
  if (!sprint.goal.empty()) description += "\nGoal: " + sprint.goal;
  if (sprint.start)
    events.push_back({uid_of(sprint.id, "-start"), *sprint.start, "Sprint start: " + sprint.name, description, "Sprint"});
  if (sprint.end)
    events.push_back({uid_of(sprint.id, "-end"), *sprint.end, "Sprint end: " + sprint.name, description, "Sprint"});
}

void task_event(const Workspace& ws, const Project& project, const Task& task, std::vector<Event>& events) {
  if (!task.due) return;
  std::string description = "Project: " + project.name + "\nStatus: " + std::string(enum_name(task.status));
  if (const Person* p = ws.find<Person>(task.assignee)) description += "\nAssignee: " + p->name;
  if (!task.description.empty()) description += "\n\n" + task.description;
  events.push_back({uid_of(task.id), *task.due, "Due: " + task.title, std::move(description), "Task"});
}

void project_events(const Workspace& ws, const Project& project, std::vector<Event>& events) {
  for (const Id& child : ws.children_of(project.id)) {
    if (const Gate* g = ws.find<Gate>(child)) gate_events(ws, project, *g, events);
    if (const Sprint* s = ws.find<Sprint>(child)) sprint_events(project, *s, events);
    if (const Task* t = ws.find<Task>(child)) task_event(ws, project, *t, events);
  }
}

}  // namespace

std::string ical_escape_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\r') {
      out += "\\n";
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;  // CRLF is one break
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string ical_folded_line(std::string_view line) {
  std::string out;
  std::size_t budget = kMaxLineOctets;  // the first line has 75 octets; the others 74 after their space
  while (line.size() > budget) {
    std::size_t cut = budget;
    // Back up to the start of a UTF-8 sequence (never cut before a 10xxxxxx byte).
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    if (cut == 0) cut = budget;  // not UTF-8 at all: cut anyway rather than loop
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    budget = kMaxLineOctets - 1;
  }
  out.append(line);
  out += "\r\n";
  return out;
}

std::string export_ical(const Workspace& workspace, std::optional<Id> project, Timestamp now) {
  std::vector<const Project*> projects;
  if (project) {
    if (const Project* p = workspace.find<Project>(*project)) projects.push_back(p);
  } else {
    for (const auto& [id, p] : workspace.all<Project>()) projects.push_back(&p);
  }
  std::sort(projects.begin(), projects.end(),
            [](const Project* a, const Project* b) { return std::tie(a->name, a->id) < std::tie(b->name, b->id); });
  std::vector<Event> events;
  for (const Project* p : projects) project_events(workspace, *p, events);
  // By day, then UID: the same workspace gives the same file.
  std::sort(events.begin(), events.end(),
            [](const Event& a, const Event& b) { return std::tie(a.day, a.uid) < std::tie(b.day, b.uid); });

  std::string out;
  out += ical_folded_line("BEGIN:VCALENDAR");
  out += ical_folded_line("VERSION:2.0");
  out += ical_folded_line("PRODID:-//Cairn//Cairn planner//EN");
  out += ical_folded_line("CALSCALE:GREGORIAN");
  out += ical_folded_line("METHOD:PUBLISH");
  const std::string name = projects.size() == 1 ? projects.front()->name : std::string("Cairn");
  out += ical_folded_line("X-WR-CALNAME:" + ical_escape_text(name));
  for (const Event& e : events) append_event(e, now, out);
  out += ical_folded_line("END:VCALENDAR");
  return out;
}

}  // namespace cairn
