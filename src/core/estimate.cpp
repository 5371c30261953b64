#include "core/estimate.h"

#include <cstdio>

namespace cairn {

double buffer_factor(const Project& project, const Task& task) {
  if (task.buffer_override) return *task.buffer_override;
  switch (task.stage) {
    case Stage::data_collection: return project.buffer_data_collection;
    case Stage::labelling: return project.buffer_labelling;
    default: return project.buffer_other;
  }
}

namespace {

Estimate estimate_with(const Task& task, double factor) {
  Estimate e;
  e.factor = factor;
  if (task.optimistic_days && task.likely_days && task.pessimistic_days)
    e.expected_days = (*task.optimistic_days + 4.0 * *task.likely_days + *task.pessimistic_days) / 6.0;
  else if (task.likely_days)
    e.expected_days = *task.likely_days;
  if (e.expected_days) e.buffered_days = *e.expected_days * factor;
  return e;
}

}  // namespace

Estimate estimate_of(const Project& project, const Task& task) {
  return estimate_with(task, buffer_factor(project, task));
}

Estimate estimate_of(const Workspace& workspace, const Task& task) {
  if (const Project* project = workspace.find<Project>(task.parent)) return estimate_of(*project, task);
  return estimate_with(task, task.buffer_override.value_or(1.0));
}

std::string format_factor(double factor) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", factor);
  std::string s = text;
  // Drop a trailing zero of the second decimal only: 1.50 -> 1.5, 2.00 -> 2.0.
  if (s.size() > 3 && s.back() == '0' && s[s.size() - 3] == '.') s.pop_back();
  return s;
}

std::string describe_estimate(const Estimate& estimate) {
  if (!estimate.expected_days) return "not estimated";
  char text[96];
  if (estimate.factor == 1.0 || !estimate.buffered_days) {
    std::snprintf(text, sizeof text, "%.1f d", *estimate.expected_days);
    return text;
  }
  std::snprintf(text, sizeof text, "%.1f d \u2192 %.1f d with \u00d7%s buffer", *estimate.expected_days,
                *estimate.buffered_days, format_factor(estimate.factor).c_str());
  return text;
}

}  // namespace cairn
