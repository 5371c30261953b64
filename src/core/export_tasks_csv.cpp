#include "core/export_tasks_csv.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <tuple>
#include <vector>

#include "core/csv_writer.h"
#include "core/estimate.h"

namespace cairn {
namespace {

constexpr auto kColumns = std::to_array<std::string_view>(
    {"id", "project_id", "project", "title", "description", "status", "stage", "assignee", "optimistic_days",
     "likely_days", "pessimistic_days", "buffered_days", "actual_days", "start", "due", "tags", "sprint",
     "dependencies", "open_blockers", "checklist_done", "checklist_total"});

std::string optional_number(const std::optional<double>& x) { return x ? csv_number(*x) : std::string(); }
std::string optional_date(const std::optional<Date>& d) { return d ? format_date(*d) : std::string(); }

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += separator;
    out += p;
  }
  return out;
}

// "FS", "SS", "FF", "SF": the short names project tools use.
std::string_view short_name(DependencyType type) {
  switch (type) {
    case DependencyType::finish_to_start: return "FS";
    case DependencyType::start_to_start: return "SS";
    case DependencyType::finish_to_finish: return "FF";
    case DependencyType::start_to_finish: return "SF";
  }
  return "FS";
}

// "<predecessor id> FS", "<id> SS+2d", "<id> FF-0.5d"; several joined by "; ".
std::string dependencies_of(const Workspace& ws, const std::vector<Id>& children) {
  std::vector<std::string> parts;
  for (const Id& child : children) {
    const Dependency* d = ws.find<Dependency>(child);
    if (!d) continue;
    std::string part = d->predecessor.to_string() + " " + std::string(short_name(d->type));
    if (d->lag_days != 0.0) {
      if (d->lag_days > 0) part += '+';
      part += csv_number(d->lag_days);
      part += 'd';
    }
    parts.push_back(std::move(part));
  }
  std::sort(parts.begin(), parts.end());
  return join(parts, "; ");
}

void append_task(const Workspace& ws, const Project& project, const Task& task, std::string& out) {
  const std::vector<Id>& children = ws.children_of(task.id);
  std::vector<std::string> blockers;
  std::size_t done = 0, total = 0;
  for (const Id& child : children) {
    if (const Blocker* b = ws.find<Blocker>(child); b && !b->resolved) blockers.push_back(b->text);
    if (const ChecklistItem* c = ws.find<ChecklistItem>(child)) {
      ++total;
      done += c->done ? 1 : 0;
    }
  }
  std::sort(blockers.begin(), blockers.end());
  const Person* assignee = ws.find<Person>(task.assignee);
  const Sprint* sprint = ws.find<Sprint>(task.sprint);
  const Estimate estimate = estimate_of(project, task);
  // Rounded to hundredths: a PERT mean times a factor has no meaningful third decimal.
  const std::string buffered =
      estimate.buffered_days ? csv_number(std::round(*estimate.buffered_days * 100.0) / 100.0) : std::string();
  const std::array<std::string, kColumns.size()> row{
      task.id.to_string(),
      project.id.to_string(),
      project.name,
      task.title,
      task.description,
      std::string(enum_name(task.status)),
      std::string(enum_name(task.stage)),
      assignee ? assignee->name : std::string(),
      optional_number(task.optimistic_days),
      optional_number(task.likely_days),
      optional_number(task.pessimistic_days),
      buffered,
      optional_number(task.actual_days),
      optional_date(task.start),
      optional_date(task.due),
      join(task.tags, ", "),
      sprint ? sprint->name : std::string(),
      dependencies_of(ws, children),
      join(blockers, "\n"),
      std::to_string(done),
      std::to_string(total),
  };
  append_csv_row(out, row);
}

void append_project(const Workspace& ws, const Project& project, std::string& out) {
  std::vector<const Task*> tasks;
  for (const Id& child : ws.children_of(project.id))
    if (const Task* t = ws.find<Task>(child)) tasks.push_back(t);
  std::sort(tasks.begin(), tasks.end(), [](const Task* a, const Task* b) {
    return std::tie(a->order, a->title, a->id) < std::tie(b->order, b->title, b->id);
  });
  for (const Task* t : tasks) append_task(ws, project, *t, out);
}

}  // namespace

std::span<const std::string_view> task_csv_columns() { return kColumns; }

std::string csv_number(double x) {
  if (!std::isfinite(x)) return {};
  if (x == 0.0) return "0";  // also for -0
  char text[40];
  std::snprintf(text, sizeof text, "%.15g", x);
  return text;
}

std::string export_tasks_csv(const Workspace& workspace, std::optional<Id> project) {
  std::string out;
  const std::vector<std::string> header(kColumns.begin(), kColumns.end());
  append_csv_row(out, header);
  if (project) {
    if (const Project* p = workspace.find<Project>(*project)) append_project(workspace, *p, out);
    return out;
  }
  std::vector<const Project*> projects;
  for (const auto& [id, p] : workspace.all<Project>()) projects.push_back(&p);
  std::sort(projects.begin(), projects.end(),
            [](const Project* a, const Project* b) { return std::tie(a->name, a->id) < std::tie(b->name, b->id); });
  for (const Project* p : projects) append_project(workspace, *p, out);
  return out;
}

}  // namespace cairn
