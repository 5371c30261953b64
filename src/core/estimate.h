#pragma once
#include <optional>
#include <string>

#include "core/model.h"
#include "core/workspace.h"

namespace cairn {

// The buffer rule: data work runs late, so a task's estimate is multiplied by
// a factor of its stage. A task's own override replaces the project's rule.
//   buffer_override if set, else
//   project.buffer_data_collection for Stage::data_collection,
//   project.buffer_labelling for Stage::labelling,
//   project.buffer_other for every other stage.
double buffer_factor(const Project& project, const Task& task);

struct Estimate {
  std::optional<double> expected_days;  // PERT mean, or the likely value alone
  std::optional<double> buffered_days;  // expected x factor
  double factor = 1.0;
};

// expected = (optimistic + 4 x likely + pessimistic) / 6 when all three are
// set, else likely, else unset (then buffered is unset too).
Estimate estimate_of(const Project& project, const Task& task);
// The same, with the task's project looked up; a task without a project gets
// its own override or 1.
Estimate estimate_of(const Workspace& workspace, const Task& task);

// "4.0 d → 6.0 d with ×1.5 buffer", "4.0 d" (factor 1), "not estimated".
std::string describe_estimate(const Estimate& estimate);

// "1.5", "2.0", "1.25": a factor with one or two decimals, as people write it.
std::string format_factor(double factor);

}  // namespace cairn
